import Foundation

/// A training set and a test set, as `mnist()` and `fashionMNIST()` return them.
public struct TrainTestSplit: Equatable, Sendable {
    /// The training samples.
    public var train: Dataset
    /// The test samples.
    public var test: Dataset

    /// A split from its two parts.
    public init(train: Dataset, test: Dataset) {
        self.train = train
        self.test = test
    }
}

/// The image datasets that `trainbook datasets fetch` downloads, and where they live.
public enum DownloadableDataset: String, CaseIterable, Sendable {
    /// LeCun's handwritten digits: 60,000 training and 10,000 test images.
    case mnist
    /// Zalando's clothing images in MNIST's format: 60,000 training and 10,000 test images.
    case fashionMNIST = "fashion-mnist"

    /// The name shown to users.
    public var title: String { self == .mnist ? "MNIST" : "Fashion-MNIST" }

    /// The IDX files of the dataset, in its folder of the cache.
    public static let fileNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// The folder of this dataset inside `cache`.
    public func folder(in cache: URL = DatasetCache.folder) -> URL {
        cache.appendingPathComponent(rawValue, isDirectory: true)
    }
}

/// The folder where downloaded datasets are kept: `$TRAINBOOK_DATA` when set, else
/// `~/.cache/trainbook`.
public enum DatasetCache {
    /// The cache folder of this process's environment.
    public static var folder: URL {
        if let configured = ProcessInfo.processInfo.environment["TRAINBOOK_DATA"], !configured.isEmpty {
            return URL(fileURLWithPath: configured, isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/trainbook", isDirectory: true)
    }
}

extension Datasets {
    /// MNIST from the cache folder: `.train` (60,000) and `.test` (10,000), each image flattened to
    /// 784 columns of pixels in 0...1 (byte / 255), labels 0...9 as one column.
    ///
    /// Throws ``DatasetError/notDownloaded(dataset:folder:missing:)`` naming
    /// `trainbook datasets fetch` when the files are not there.
    public static func mnist() throws -> TrainTestSplit {
        try idxImages(in: DownloadableDataset.mnist.folder(), title: DownloadableDataset.mnist.title)
    }

    /// Fashion-MNIST from the cache folder, shaped like ``mnist()``; labels 0...9 are T-shirt/top,
    /// trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot.
    public static func fashionMNIST() throws -> TrainTestSplit {
        try idxImages(in: DownloadableDataset.fashionMNIST.folder(), title: DownloadableDataset.fashionMNIST.title)
    }

    /// An MNIST-format dataset from the four IDX files of ``DownloadableDataset/fileNames`` in `folder`.
    public static func idxImages(in folder: URL, title: String = "the dataset") throws -> TrainTestSplit {
        let paths = DownloadableDataset.fileNames.map { folder.appendingPathComponent($0).path }
        let missing = zip(DownloadableDataset.fileNames, paths)
            .filter { !FileManager.default.fileExists(atPath: $0.1) }.map(\.0)
        guard missing.isEmpty else {
            throw DatasetError.notDownloaded(dataset: title, folder: folder.path, missing: missing)
        }
        return TrainTestSplit(train: try idxDataset(images: paths[0], labels: paths[1]),
                              test: try idxDataset(images: paths[2], labels: paths[3]))
    }

    /// Images (`count × rows × cols` bytes) and labels (`count` bytes) as a dataset: pixels / 255
    /// flattened to `rows · cols` columns, labels as one column.
    public static func idxDataset(images: String, labels: String) throws -> Dataset {
        let pictures = try IDXFile(contentsOf: images), classes = try IDXFile(contentsOf: labels)
        guard pictures.shape.count >= 2 else {
            throw DatasetError.malformedIDX(path: images, reason: "images need at least 2 dimensions, "
                                            + "but the shape is \(pictures.shape)")
        }
        guard classes.shape == [pictures.shape[0]] else {
            throw DatasetError.malformedIDX(path: labels, reason: "\(pictures.shape[0]) images need as many labels, "
                                            + "but the labels have shape \(classes.shape)")
        }
        let count = pictures.shape[0]
        let pixels = pictures.bytes.map { Float($0) / 255 }
        return Dataset(x: Matrix(rows: count, cols: pixels.count / max(count, 1), data: pixels),
                       y: Matrix(rows: count, cols: 1, data: classes.bytes.map { Float($0) }))
    }
}
