import Foundation

/// An IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST: a magic number
/// `0x00 0x00 0x08 <dimensions>`, one big-endian `UInt32` per dimension, then the values in
/// row-major order. Images are `count × 28 × 28`, labels are `count`.
public struct IDXFile: Equatable, Sendable {
    /// The size of each dimension (`[60000, 28, 28]` for MNIST's training images).
    public let shape: [Int]
    /// The values, row-major.
    public let bytes: [UInt8]

    /// An IDX array from its shape and values.
    public init(shape: [Int], bytes: [UInt8]) {
        require(!shape.isEmpty && shape.count < 256, "an IDX array needs 1 to 255 dimensions, but got \(shape).")
        require(shape.reduce(1, *) == bytes.count,
                "shape \(shape) needs \(shape.reduce(1, *)) values, but got \(bytes.count).")
        self.shape = shape
        self.bytes = bytes
    }

    /// Reads an IDX file; a name ending in `.gz` is decompressed first.
    public init(contentsOf path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw DatasetError.fileNotFound(path: path) }
        DataFileLog.reading(path)
        let data: Data
        do {
            data = path.hasSuffix(".gz") ? try Gzip.decompress(path: path)
                                         : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as DatasetError {
            throw error
        } catch {
            throw DatasetError.unreadable(path: path, reason: error.localizedDescription)
        }
        try self.init(data: data, path: path)
    }

    /// Parses IDX bytes; `path` only names the source in error messages.
    public init(data: Data, path: String) throws {
        let header = [UInt8](data.prefix(4))
        guard header.count == 4, header[0] == 0, header[1] == 0 else {
            throw DatasetError.malformedIDX(path: path, reason: "the magic number is missing")
        }
        guard header[2] == 0x08 else {
            throw DatasetError.malformedIDX(path: path, reason: "type code 0x\(String(header[2], radix: 16)) is not "
                                            + "unsigned bytes (0x08)")
        }
        let dimensions = Int(header[3])
        let valuesStart = 4 + 4 * dimensions
        guard dimensions > 0, data.count >= valuesStart else {
            throw DatasetError.malformedIDX(path: path, reason: "the header is cut short")
        }
        let sizes = [UInt8](data[data.startIndex + 4 ..< data.startIndex + valuesStart])
        let shape = (0..<dimensions).map { d in
            sizes[4 * d ..< 4 * d + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let expected = shape.reduce(1, *)
        guard data.count - valuesStart == expected else {
            throw DatasetError.malformedIDX(path: path, reason: "shape \(shape) needs \(expected) values, "
                                            + "but the file holds \(data.count - valuesStart)")
        }
        self.init(shape: shape, bytes: [UInt8](data[(data.startIndex + valuesStart)...]))
    }

    /// The file's bytes: header, then values.
    public var data: Data {
        var result = Data([0, 0, 0x08, UInt8(shape.count)])
        for size in shape {
            result.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) })
        }
        result.append(contentsOf: bytes)
        return result
    }

    /// Writes the file atomically (a temporary file renamed into place), so a reader never sees
    /// half a file.
    public func write(to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
