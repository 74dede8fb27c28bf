import Foundation

/// One memoized training's file: where, how big, when last written or read.
public struct MemoEntryFile: Equatable, Sendable {
    /// The file's path.
    public let path: String
    /// Its size in bytes.
    public let size: Int
    /// Its modification time (a hit refreshes it).
    public let modified: Date
}

/// The files of memo stores (`STORE/ab/KEY.memo`) and their eviction, least recently used first:
/// the engine bounds the store it writes, the runner the shelves of all notebooks together.
public enum MemoEntryFiles {
    /// The entry files of the stores `folders`, oldest first (ties by path, so every process
    /// evicts in the same order).
    public static func list(inStores folders: [String]) -> [MemoEntryFile] {
        let manager = FileManager.default
        var files: [MemoEntryFile] = []
        for folder in folders {
            for shard in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where shard.count == 2 {
                let shardPath = folder + "/" + shard
                for name in (try? manager.contentsOfDirectory(atPath: shardPath)) ?? [] where name.hasSuffix(".memo") {
                    let path = shardPath + "/" + name
                    guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
                    files.append(MemoEntryFile(path: path, size: (attributes[.size] as? Int) ?? 0,
                                               modified: (attributes[.modificationDate] as? Date) ?? .distantPast))
                }
            }
        }
        return files.sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
    }

    /// Deletes the oldest of `files` (oldest first) until the rest take at most `limit` bytes.
    /// Another process evicting at the same time may delete the same files first; a file already
    /// gone is simply skipped.
    public static func evictOldest(_ files: [MemoEntryFile], toFit limit: Int) {
        var total = files.reduce(0) { $0 + $1.size }
        for file in files where total > limit {
            try? FileManager.default.removeItem(atPath: file.path)
            total -= file.size
        }
    }
}
