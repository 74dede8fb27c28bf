import Foundation

/// The memo store seen from the runner: one shelf (a folder of entries) per notebook, so that a
/// notebook program, which the sandbox lets write only its own shelf, can neither read another
/// notebook's trained weights nor plant a result under another notebook's key. Renders of the
/// same notebook (with `--jobs`, or at the same time from two commands) share its shelf.
enum MemoShelves {
    /// The shelf of the notebook `fileName` in `directory`: named by a hash of its path.
    static func shelf(in root: String, directory: String, fileName: String) -> String {
        root + "/" + String(StableHash.hex(directory + "/" + fileName).prefix(20))
    }

    /// Deletes the least recently used entries of all shelves until they take at most `limit`
    /// bytes together. Each program bounds its own shelf; this keeps the whole store bounded. A file
    /// another process deleted first is skipped.
    static func evict(root: String, limit: Int) {
        var files = entries(root: root)
        var total = files.reduce(0) { $0 + $1.size }
        while total > limit, !files.isEmpty {
            let oldest = files.removeFirst()
            try? FileManager.default.removeItem(atPath: oldest.path)
            total -= oldest.size
        }
    }

    /// Every entry file (`ROOT/SHELF/ab/KEY.memo`), oldest first, ties by path.
    static func entries(root: String) -> [(path: String, size: Int, modified: Date)] {
        let manager = FileManager.default
        var files: [(path: String, size: Int, modified: Date)] = []
        for shelf in (try? manager.contentsOfDirectory(atPath: root)) ?? [] {
            for shard in (try? manager.contentsOfDirectory(atPath: root + "/" + shelf)) ?? [] where shard.count == 2 {
                let folder = root + "/" + shelf + "/" + shard
                for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".memo") {
                    let path = folder + "/" + name
                    guard let attributes = try? manager.attributesOfItem(atPath: path) else { continue }
                    files.append((path, (attributes[.size] as? Int) ?? 0,
                                  (attributes[.modificationDate] as? Date) ?? .distantPast))
                }
            }
        }
        return files.sorted { ($0.modified, $0.path) < ($1.modified, $1.path) }
    }
}
