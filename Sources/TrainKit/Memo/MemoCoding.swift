/// The payload of a memo entry as bytes: integers, doubles and float arrays in little-endian order.
struct MemoWriter {
    private(set) var bytes: [UInt8] = []

    mutating func add(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes += $0 } }
    mutating func add(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func add(_ value: Double) { add(value.bitPattern) }
    mutating func add(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        bytes += text.utf8
    }

    mutating func add(_ values: [Float]) {
        add(values.count)
        values.withUnsafeBytes { bytes += $0 }
    }

    mutating func add(_ values: [Double]) {
        add(values.count)
        for value in values { add(value) }
    }

    /// The raw bytes of a plain value (no references), such as a random generator's state.
    mutating func add<T>(plain value: T) {
        precondition(_isPOD(T.self), "only plain values are stored by their bytes, not \(T.self).")
        withUnsafeBytes(of: value) { bytes += $0 }
    }
}

/// Reads what a `MemoWriter` wrote; any overrun or impossible count throws, so a damaged payload
/// is never half-trusted.
struct MemoReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        defer { offset += count }
        return bytes[offset ..< offset + count]
    }

    mutating func uint64() throws -> UInt64 {
        try take(8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }
    mutating func double() throws -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws -> Bool {
        let byte = try take(1).first!
        guard byte <= 1 else { throw Malformed() }
        return byte == 1
    }

    /// A count of items of `size` bytes each that must still fit in the payload.
    mutating func count(ofItemsSized size: Int) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw Malformed() }
        return count
    }

    mutating func string() throws -> String {
        let count = try self.count(ofItemsSized: 1)
        return String(decoding: try take(count), as: UTF8.self)
    }

    mutating func floats() throws -> [Float] {
        let count = try self.count(ofItemsSized: 4)
        let slice = try take(count * 4)
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            slice.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = count
        }
    }

    mutating func doubles() throws -> [Double] {
        let count = try self.count(ofItemsSized: 8)
        return try (0..<count).map { _ in try double() }
    }

    /// A plain value stored by its bytes.
    mutating func plain<T>(_ type: T.Type) throws -> T {
        precondition(_isPOD(T.self), "only plain values are stored by their bytes, not \(T.self).")
        let slice = try take(MemoryLayout<T>.size)
        return slice.withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }
}
