import Foundation
import TrainBookShared

/// A content-addressed folder of memoized training results: `FOLDER/ab/abcdef….memo`, one file
/// per key, each written to a temporary file and renamed into place, so readers never see half a
/// file and concurrent writers of the same key leave one whole copy.
///
/// A file starts with a header (magic, format version, the key, the payload's length and
/// checksum); a file whose header, length or checksum does not match is deleted and reported as
/// a miss, so the training runs again and writes it anew. After each write the oldest entries (by
/// modification time, which a hit refreshes) are deleted until the folder holds at most `limit`
/// bytes.
public final class MemoStore: Sendable {
    /// The folder of the entries.
    public let folder: String
    /// The most bytes the entries may take together.
    public let limit: Int

    static let magic: [UInt8] = Array("TBMEMO\r\n".utf8)
    static let formatVersion = 1
    static let headerSize = magic.count + 8 + 32 + 8 + 32

    private let hitCounter = HitCounter()

    /// The trainings this store object has served since it was made.
    public var hits: Int { hitCounter.value }

    func countHit() { hitCounter.increment() }

    /// A store in `folder` bounded to `limit` bytes.
    public init(folder: String, limit: Int = MemoSettings.defaultLimit) {
        self.folder = folder
        self.limit = limit
    }

    /// The store the environment names, or nil when memo is off.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> MemoStore?
    {
        guard let folder = environment[MemoSettings.folderVariable], !folder.isEmpty else { return nil }
        let limit = environment[MemoSettings.limitVariable].flatMap(ByteSize.parse) ?? MemoSettings.defaultLimit
        return MemoStore(folder: folder, limit: limit)
    }

    /// Where the entry of `key` (64 hex digits) lives.
    func path(of key: String) -> String {
        "\(folder)/\(key.prefix(2))/\(key).memo"
    }

    /// The payload stored under `key`, or nil; a damaged entry is deleted. A hit refreshes the
    /// entry's modification time, so eviction takes the least recently used first.
    func read(_ key: String) -> [UInt8]? {
        let path = path(of: key)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let payload = Self.payload(of: [UInt8](data), key: key) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        return payload
    }

    /// Stores `payload` under `key`, then evicts the oldest entries beyond the bound. Failures
    /// (a full disk, a read-only folder) are ignored: memo only saves time.
    func write(_ key: String, payload: [UInt8]) {
        let path = path(of: key)
        let shard = (path as NSString).deletingLastPathComponent
        let temporary = "\(shard)/.\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
            try Data(Self.entry(key: key, payload: payload)).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            return
        }
        evict()
    }

    /// The bytes of an entry file: header, then payload.
    static func entry(key: String, payload: [UInt8]) -> [UInt8] {
        var writer = MemoWriter()
        writer.add(formatVersion)
        var checksum = MemoHasher()
        payload.withUnsafeBytes { checksum.add(bytes: $0) }
        var bytes = magic + writer.bytes + hexBytes(key)
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { bytes += $0 }
        return bytes + checksum.finish() + payload
    }

    /// The payload of an entry file when everything in its header matches, else nil.
    static func payload(of bytes: [UInt8], key: String) -> [UInt8]? {
        guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else { return nil }
        var reader = MemoReader(Array(bytes[magic.count ..< headerSize]))
        guard let version = try? reader.int(), version == formatVersion else { return nil }
        let keyStart = magic.count + 8
        guard Array(bytes[keyStart ..< keyStart + 32]) == hexBytes(key) else { return nil }
        var lengthReader = MemoReader(Array(bytes[keyStart + 32 ..< keyStart + 40]))
        guard let length = try? lengthReader.int(), length == bytes.count - headerSize else { return nil }
        let payload = Array(bytes[headerSize...])
        var checksum = MemoHasher()
        payload.withUnsafeBytes { checksum.add(bytes: $0) }
        guard checksum.finish() == Array(bytes[keyStart + 40 ..< headerSize]) else { return nil }
        return payload
    }

    private static func hexBytes(_ key: String) -> [UInt8] {
        let digits = Array(key.utf8)
        return stride(from: 0, to: min(digits.count, 64) - 1, by: 2).map {
            UInt8(String(decoding: digits[$0 ... $0 + 1], as: UTF8.self), radix: 16) ?? 0
        } + [UInt8](repeating: 0, count: max(0, 32 - digits.count / 2))
    }
}

/// A thread-safe count of hits (sweep members train on several threads).
private final class HitCounter: @unchecked Sendable {
    // Unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
