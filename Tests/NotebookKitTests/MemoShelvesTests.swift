import Foundation
import Testing
@testable import NotebookKit

/// The runner keeps the whole memo store bounded across notebooks' shelves, least recently used first.
struct MemoShelvesTests {
    /// Writes `bytes` bytes at `ROOT/SHELF/ab/NAME.memo`, last used `age` seconds ago.
    static func entry(_ root: String, shelf: String, name: String, bytes: Int, age: TimeInterval) throws -> String {
        let folder = "\(root)/\(shelf)/\(name.prefix(2))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/\(name).memo"
        try Data(repeating: 7, count: bytes).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: path)
        return path
    }

    @Test func theOldestEntriesOfAnyShelfGoFirst() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("memo-shelves-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let oldest = try Self.entry(root, shelf: "one", name: "aa01", bytes: 400, age: 300)
        let middle = try Self.entry(root, shelf: "two", name: "bb01", bytes: 400, age: 200)
        let newest = try Self.entry(root, shelf: "one", name: "cc01", bytes: 400, age: 100)
        MemoShelves.evict(root: root, limit: 900)
        let exists = { FileManager.default.fileExists(atPath: $0) }
        #expect(!exists(oldest))
        #expect(exists(middle) && exists(newest))
        MemoShelves.evict(root: root, limit: 400)
        #expect(!exists(middle) && exists(newest))
    }

    @Test func notebooksInDifferentFoldersGetDifferentShelves() {
        let a = MemoShelves.shelf(in: "/store", directory: "/book/a", fileName: "n.md")
        let b = MemoShelves.shelf(in: "/store", directory: "/book/b", fileName: "n.md")
        #expect(a != b && a.hasPrefix("/store/") && b.hasPrefix("/store/"))
        #expect(a == MemoShelves.shelf(in: "/store", directory: "/book/a", fileName: "n.md"))
    }
}
