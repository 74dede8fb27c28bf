import Foundation

/// Digests of large float arrays, remembered by their storage so that a sweep over one data set
/// hashes it once, not once per member.
///
/// An entry keeps its array alive: while it does, the storage is shared, so any write to the
/// array copies it first (copy-on-write) and the remembered storage can neither change nor be
/// freed and reused by another array. The same address and count therefore mean the same bytes.
enum ArrayDigestCache {
    private struct Entry {
        let array: [Float]
        let address: UnsafeRawPointer
        let digest: [UInt8]
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var entries: [Entry] = []
    /// Arrays smaller than this are hashed every time (it is quicker than keeping them).
    static let smallestCached = 1 << 16
    static let capacity = 16

    /// The digest of `array`'s bytes (and count).
    static func digest(of array: [Float]) -> [UInt8] {
        guard array.count >= smallestCached else { return compute(array) }
        let address = array.withUnsafeBytes { UnsafeRawPointer($0.baseAddress!) }
        if let found = lock.withLock({ entries.first { $0.address == address && $0.array.count == array.count } }) {
            return found.digest
        }
        let digest = compute(array)
        lock.withLock {
            entries.removeAll { $0.address == address }
            entries.append(Entry(array: array, address: address, digest: digest))
            if entries.count > capacity { entries.removeFirst() }
        }
        return digest
    }

    private static func compute(_ array: [Float]) -> [UInt8] {
        var hasher = MemoHasher()
        hasher.add(array)
        return hasher.finish()
    }
}

extension MemoHasher {
    /// Adds a data set: its shape and the digests of its features and targets.
    mutating func add(_ data: Dataset) {
        for matrix in [data.x, data.y] {
            add(matrix.rows)
            add(matrix.cols)
            ArrayDigestCache.digest(of: matrix.data).withUnsafeBytes { add(bytes: $0) }
        }
    }
}
