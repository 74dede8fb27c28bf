import Foundation
import Testing
@testable import NotebookKit

@Suite struct ExecutionCacheTests {
    func toolchain(libraryBytes: String) throws -> Toolchain {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let library = folder.appendingPathComponent(Toolchain.libraryName)
        try Data(libraryBytes.utf8).write(to: library)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: library.path)
        return Toolchain(swiftc: "/usr/bin/swiftc", libraryDirectory: folder.path, moduleMaps: [], moduleCache: folder.path)
    }

    @Test func anotherEngineBuildIsAnotherKey() throws {
        let one = try toolchain(libraryBytes: "build one")
        let same = try toolchain(libraryBytes: "build one")
        let other = try toolchain(libraryBytes: "build number two")
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) == ExecutionCache.key(program: "print(1)", toolchain: same))
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) != ExecutionCache.key(program: "print(1)", toolchain: other))
        #expect(ExecutionCache.key(program: "print(1)", toolchain: one) != ExecutionCache.key(program: "print(2)", toolchain: one))
    }

    @Test func entriesRoundTripAndForeignOnesAreIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-cache-\(UUID().uuidString)").path
        let cache = ExecutionCache(folder: folder)
        var cell = CellResult(index: 0)
        cell.outputs = [.text("hello\n"), .figure(name: "a-1", svg: "<svg/>", alt: "a")]
        cell.status = .succeeded
        try cache.store([cell], key: "abc", dataFiles: [])
        #expect(cache.lookup("abc") == [cell])
        try FileManager.default.copyItem(atPath: folder + "/abc.json", toPath: folder + "/other.json")
        #expect(cache.lookup("other") == nil)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/abc.json"))
        #expect(cache.lookup("abc") == nil)
    }
}

/// The cache key ignores where cells stand and what the prose says, and nothing a run can see.
@Suite struct ExecutionCacheKeyTests {
    let toolchain = Toolchain(swiftc: "/usr/bin/swiftc", libraryDirectory: "/nonexistent", moduleMaps: [], moduleCache: "/nonexistent")

    func key(_ markdown: String, parameters: [String: String] = [:]) throws -> String {
        try ExecutionCache.key(for: NotebookParser.parse(markdown, fileName: "nb.md"), parameters: parameters, toolchain: toolchain)
    }

    let notebook = """
    # Title

    Some prose.

    ```swift-train parameters
    let count = 4
    ```

    ```swift-train label=first
    print(count)
    ```

    The end.
    """

    @Test func proseAnywhereKeepsTheKey() throws {
        let base = try key(notebook)
        #expect(try key("New first line.\n\n" + notebook) == base)
        #expect(try key(notebook.replacingOccurrences(of: "Some prose.", with: "Other\n\nprose, longer.\n\n```python\nshown()\n```")) == base)
        #expect(try key(notebook + "\n\nMore at the end.\n") == base)
        #expect(try key(notebook.replacingOccurrences(of: "label=first", with: "label=first echo=false output=false timeout=9")) == base)
    }

    @Test func whatARunSeesChangesTheKey() throws {
        let base = try key(notebook)
        #expect(try key(notebook.replacingOccurrences(of: "print(count)", with: "print(count + 1)")) != base)
        #expect(try key(notebook.replacingOccurrences(of: "label=first", with: "label=second")) != base)
        #expect(try key(notebook.replacingOccurrences(of: "label=first", with: "label=first expect=error")) != base)
        #expect(try key(notebook, parameters: ["count": "5"]) != base)
        #expect(try key(notebook.replacingOccurrences(of: "```swift-train label=first\nprint(count)\n```",
                                                      with: "- item\n\n  ```swift-train label=first\n  print(count)\n  ```")) != base,
                "a block indented into a list reports other columns")
    }

    @Test func aCellThatReadsItsLineKeepsLinesInTheKey() throws {
        let reads = notebook.replacingOccurrences(of: "print(count)", with: "print(#line)")
        #expect(try key("New first line.\n\n" + reads) != key(reads))
    }
}

/// A cached run is served only when each of its cells finished within the time it is now allowed.
@Suite struct ExecutionCacheTimeLimitTests {
    func cells(_ seconds: [Double]) -> [CellResult] {
        seconds.enumerated().map { index, seconds in
            var cell = CellResult(index: index)
            cell.seconds = seconds
            return cell
        }
    }

    @Test func aLimitBelowARecordedCellTimeRunsAgain() throws {
        let notebook = { (options: String) in
            try NotebookParser.parse("```swift-train\nprint(1)\n```\n\n```swift-train \(options)\nprint(2)\n```\n", fileName: "t.md")
        }
        #expect(ExecutionCache.fitsTimeLimits(cells([1, 5]), of: try notebook(""), defaultTimeout: 1800))
        #expect(ExecutionCache.fitsTimeLimits(cells([1, 5]), of: try notebook("timeout=6"), defaultTimeout: 1800))
        #expect(!ExecutionCache.fitsTimeLimits(cells([1, 5]), of: try notebook("timeout=4"), defaultTimeout: 1800))
        #expect(!ExecutionCache.fitsTimeLimits(cells([1, 5]), of: try notebook(""), defaultTimeout: 3), "--timeout counts too")
    }
}
