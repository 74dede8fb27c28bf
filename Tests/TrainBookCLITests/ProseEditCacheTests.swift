import Foundation
import Testing

/// Prose edits never re-run a notebook, and the page served from the cache is the page a run writes,
/// every notebook line reference included.
@Suite(.serialized) struct ProseEditCacheTests {
    /// A private copy of the line-references fixture under a fresh name, so its cache entry is its own.
    func copy() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-prose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("line-references.md").path
        let text = try String(contentsOf: TrainBookRun.fixtures.appendingPathComponent("line-references.md"), encoding: .utf8)
        // A comment unique to this copy keeps other tests' cache entries out of its way; it moves no line.
        try text.replacingOccurrences(of: "print(\"after the failures\")", with: "print(\"after the failures\") // \(UUID().uuidString)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Renders `path` from the cache, then again with `--no-cache`, and returns both pages.
    func cachedAndFresh(_ path: String) throws -> (cached: TrainBookRun, page: String, fresh: String) {
        let cached = try TrainBookRun(notebooks: [path])
        let fresh = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        return (cached, try cached.page("line-references"), try fresh.page("line-references"))
    }

    @Test func proseAtTheTopMiddleAndEndIsServedFromTheCacheWithLinesMoved() throws {
        let path = try copy()
        let first = try TrainBookRun(notebooks: [path])
        #expect(first.status == 0, "\(first.terminal)")
        #expect(first.terminal.contains("run    ok"))
        let page = try first.page("line-references")
        #expect(page.contains("line-references.md:6:19: error: cannot convert value"))
        #expect(page.contains("line-references.md:13: Precondition failed: values must not be empty"))

        let edits: [(String, String, String)] = [
            ("top", "# Line references", "Two lines of prose\nbefore the title.\n\n# Line references"),
            ("middle", "A block that must stop at run time.", "A block that must stop\n\nat run time, reworded."),
            ("end", "The end.", "The end,\n\nnow longer."),
        ]
        var shift = 0
        for (place, old, new) in edits {
            try edit(path) { $0.replacingOccurrences(of: old, with: new) }
            let (cached, page, fresh) = try cachedAndFresh(path)
            #expect(cached.terminal.contains("hit    ok"), "prose at the \(place): \(cached.terminal)")
            #expect(page == fresh, "prose at the \(place): the cached page differs from a run's")
            shift += place == "top" ? 3 : 0
            let runtimeShift = shift + (place == "end" ? 2 : place == "middle" ? 2 : 0)
            #expect(page.contains("line-references.md:\(6 + shift):19: error: cannot convert value"), "prose at the \(place)")
            #expect(page.contains("line-references.md:\(13 + runtimeShift): Precondition failed"), "prose at the \(place)")
        }
    }

    @Test func codeAndRunOptionsMissDisplayOptionsHit() throws {
        let path = try copy()
        #expect(try TrainBookRun(notebooks: [path]).terminal.contains("run    ok"))
        let changes: [(String, String, Bool)] = [
            ("```swift-train label=after", "```swift-train label=after echo=false output=false", true),
            ("```swift-train label=after echo=false output=false", "```swift-train label=after timeout=600", true),
            ("label=after timeout=600", "label=later timeout=600", false),
            ("```swift-train expect=error\nlet broken", "```swift-train expect=error timeout=60\nlet broken", true),
            ("print(\"after the failures\")", "print(\"after the failures!\")", false),
            ("```swift-train label=later timeout=600\n", "```swift-train label=later timeout=600 expect=error\nfatalError(\"now it fails\")\n", false),
        ]
        for (old, new, hits) in changes {
            try edit(path) { text in
                #expect(text.contains(old), "the fixture has \(old)")
                return text.replacingOccurrences(of: old, with: new)
            }
            let run = try TrainBookRun(notebooks: [path])
            #expect(run.terminal.contains(hits ? "hit    ok" : "run    ok"), "\(new): \(run.terminal)")
        }
    }

    @Test func aCellThatPrintsItsOwnLineRunsAgainAfterProseMovesIt() throws {
        let path = try copy()
        try edit(path) { $0.replacingOccurrences(of: "print(\"after the failures\")", with: "print(\"printed at line\", #line)") }
        let first = try TrainBookRun(notebooks: [path])
        #expect(try first.page("line-references").contains("printed at line 18"))
        try edit(path) { "Prose on top.\n\n" + $0 }
        let moved = try TrainBookRun(notebooks: [path])
        #expect(moved.terminal.contains("run    ok"))
        #expect(try moved.page("line-references").contains("printed at line 20"))
    }
}
