import Foundation

extension MemoStore {
    /// One entry file: where, how big, when last written or hit.
    struct EntryFile {
        let path: String
        let size: Int
        let modified: Date
    }

    /// The entry files, oldest first (ties by path, so every process evicts in the same order).
    func entries() -> [EntryFile] {
        let manager = FileManager.default
        guard let shards = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        var files: [EntryFile] = []
        for shard in shards where shard.count == 2 {
            let shardPath = folder + "/" + shard
            for name in (try? manager.contentsOfDirectory(atPath: shardPath)) ?? [] where name.hasSuffix(".memo") {
                let path = shardPath + "/" + name
                guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
                files.append(EntryFile(path: path, size: (attributes[.size] as? Int) ?? 0,
                                       modified: (attributes[.modificationDate] as? Date) ?? .distantPast))
            }
        }
        return files.sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
    }

    /// The bytes all entries take together.
    public var size: Int { entries().reduce(0) { $0 + $1.size } }

    /// Deletes the oldest entries until the rest fit in `limit` bytes. Another process evicting at
    /// the same time may delete the same files first; a file already gone is simply skipped.
    func evict() {
        var files = entries()
        var total = files.reduce(0) { $0 + $1.size }
        while total > limit, !files.isEmpty {
            let oldest = files.removeFirst()
            try? FileManager.default.removeItem(atPath: oldest.path)
            total -= oldest.size
        }
    }
}
