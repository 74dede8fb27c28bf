import TrainKit

/// The conversion of the classic `mnist.pkl.gz` (a pickled tuple of training, validation and test
/// pairs of float32 images `byte / 256` and int64 labels) into MNIST's four IDX files.
enum MNISTPickle {
    /// The IDX files in ``DownloadableDataset/fileNames`` order: training images and labels (the
    /// pickle's training then validation samples, 60,000), then test images and labels (10,000).
    static func idxFiles(fromPickle bytes: [UInt8]) throws -> [IDXFile] {
        guard case let .tuple(parts) = try PickleArrays.read(bytes), parts.count == 3 else {
            throw PickleArrays.Unsupported(description: "expected a (train, validation, test) tuple")
        }
        let pairs = try parts.map(imagesAndLabels)
        let trainImages = pairs[0].images + pairs[1].images, trainLabels = pairs[0].labels + pairs[1].labels
        return [IDXFile(shape: [trainLabels.count, 28, 28], bytes: trainImages),
                IDXFile(shape: [trainLabels.count], bytes: trainLabels),
                IDXFile(shape: [pairs[2].labels.count, 28, 28], bytes: pairs[2].images),
                IDXFile(shape: [pairs[2].labels.count], bytes: pairs[2].labels)]
    }

    /// One `(images, labels)` pair as bytes, checking that every pixel is exactly `byte / 256`.
    private static func imagesAndLabels(_ pair: PickleArrays.Value) throws -> (images: [UInt8], labels: [UInt8]) {
        guard case let .tuple(items) = pair, items.count == 2,
              case let .array(imageShape, "f4", "<", imageData) = items[0],
              case let .array(labelShape, "i8", "<", labelData) = items[1],
              imageShape.count == 2, imageShape[1] == 784, labelShape == [imageShape[0]],
              imageData.count == imageShape[0] * 784 * 4, labelData.count == imageShape[0] * 8 else {
            throw PickleArrays.Unsupported(description: "expected (float32 n × 784, int64 n) arrays")
        }
        var images = [UInt8](repeating: 0, count: imageShape[0] * 784)
        for index in images.indices {
            let bits = (0..<4).reduce(UInt32(0)) { $0 | UInt32(imageData[4 * index + $1]) << (8 * $1) }
            let scaled = Float(bitPattern: bits) * 256
            guard scaled >= 0, scaled <= 255, scaled == scaled.rounded() else {
                throw PickleArrays.Unsupported(description: "pixel \(index) is \(scaled / 256), not a byte / 256")
            }
            images[index] = UInt8(scaled)
        }
        var labels = [UInt8](repeating: 0, count: labelShape[0])
        for index in labels.indices {
            let value = (0..<8).reduce(UInt64(0)) { $0 | UInt64(labelData[8 * index + $1]) << (8 * $1) }
            guard value <= 9 else { throw PickleArrays.Unsupported(description: "label \(index) is \(value)") }
            labels[index] = UInt8(value)
        }
        return (images, labels)
    }
}
