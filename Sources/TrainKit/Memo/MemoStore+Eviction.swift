import TrainBookShared

extension MemoStore {
    /// The entry files, oldest first.
    func entries() -> [MemoEntryFile] { MemoEntryFiles.list(inStores: [folder]) }

    /// The bytes all entries take together.
    public var size: Int { entries().reduce(0) { $0 + $1.size } }

    /// Deletes the oldest entries until the rest fit in `limit` bytes.
    func evict() { MemoEntryFiles.evictOldest(entries(), toFit: limit) }
}
