import Foundation
import TrainKit

/// The real MNIST training digits for the real-MNIST epoch, and their bytes for the peers: the
/// pixels (0…1, about 81 % zeros) and one-hot labels, as NumPy `.npy` float32 arrays, so every
/// framework trains on the same numbers.
enum RealMNIST {
    /// The first `rows` training digits (at most 60,000), labels one-hot; fails with the fetch
    /// command when the dataset is not in the cache.
    static func train(rows: Int) -> Dataset {
        do {
            let train = try Datasets.mnist().train
            return train.rows(0..<min(rows, train.count)).oneHot(classes: 10)
        } catch {
            fail("the real-MNIST epoch needs the MNIST files (trainbook datasets fetch): \(error)")
        }
    }

    /// The share of pixels that are exactly zero.
    static func zeroShare(_ data: Dataset) -> Double {
        Double(data.x.data.lazy.filter { $0 == 0 }.count) / Double(max(1, data.x.data.count))
    }

    /// Writes `mnist-x.npy` (`rows × 784`) and `mnist-y.npy` (`rows × 10`, one-hot) into `directory`.
    static func write(_ data: Dataset, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try npy(data.x).write(to: directory.appendingPathComponent("mnist-x.npy"))
        try npy(data.y).write(to: directory.appendingPathComponent("mnist-y.npy"))
    }

    /// A matrix as a version 1.0 `.npy` file: little-endian float32, C order.
    static func npy(_ matrix: Matrix) -> Data {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(matrix.rows), \(matrix.cols)), }"
        // The magic, version and length take 10 bytes; the header ends in a newline and pads the
        // start of the data to a multiple of 64 bytes.
        let padded = (10 + header.utf8.count + 1 + 63) / 64 * 64
        header += String(repeating: " ", count: padded - 10 - header.utf8.count - 1) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        matrix.data.withUnsafeBytes { data.append(contentsOf: $0) }  // little-endian on every supported CPU
        return data
    }
}
