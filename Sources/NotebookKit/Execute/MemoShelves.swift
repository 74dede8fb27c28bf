import Foundation
import TrainBookShared

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
    /// bytes together. Each program bounds its own shelf; this keeps the whole store bounded.
    static func evict(root: String, limit: Int) {
        let shelves = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).map { root + "/" + $0 }
        MemoEntryFiles.evictOldest(MemoEntryFiles.list(inStores: shelves), toFit: limit)
    }
}
