import Foundation
import Testing

/// Memoized trainings end to end: a plot-only edit re-runs the notebook with every training
/// served from the store and the same numbers on the page; `--no-cache` neither reads nor writes
/// the store; two renders at once share one store safely.
@Suite(.serialized) struct MemoEndToEndTests {
    /// The trainings of the fixture: one fit, three sweep members, one range test.
    static let trainings = 5

    /// A private copy of the fixture named `name` in a fresh folder, with its own cache folder.
    static func copy(named name: String = "memo-training.md") throws -> (path: String, cache: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: TrainBookRun.fixtures.appendingPathComponent("memo-training.md").path,
                                         toPath: path)
        return (path, folder.appendingPathComponent("cache").path)
    }

    static func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The printed outputs of a page (what the trainings computed), in order.
    static func printed(_ page: String) -> [String] {
        page.components(separatedBy: "<pre class=\"text\">").dropFirst().map { $0.components(separatedBy: "</pre>")[0] }
    }

    /// The memo hits the notebook's result line reports ("… (3 cells, 1.0 s, 5 memo hits) → …"), 0 when none.
    static func reportedHits(_ terminal: String) -> Int {
        let pattern = try! NSRegularExpression(pattern: ", ([0-9]+) memo hits?\\) → ")
        let range = NSRange(terminal.startIndex..., in: terminal)
        guard let match = pattern.firstMatch(in: terminal, range: range), let digits = Range(match.range(at: 1), in: terminal)
        else { return 0 }
        return Int(terminal[digits]) ?? 0
    }

    static func memoFiles(_ cache: String) -> [String] {
        let all = FileManager.default.enumerator(atPath: cache + "/memo")?.allObjects as? [String] ?? []
        return all.filter { $0.hasSuffix(".memo") || $0.hasSuffix(".tmp") }
    }

    static func render(_ path: String, cache: String, _ arguments: [String] = []) throws -> TrainBookRun {
        try TrainBookRun(notebooks: [path], arguments: arguments, environment: ["TRAINBOOK_CACHE": cache])
    }

    @Test func aPlotOnlyEditIsServedFromTheStoreWithTheSameNumbers() throws {
        let (path, cache) = try Self.copy()
        let first = try Self.render(path, cache: cache)
        #expect(first.status == 0, "\(first.terminal)")
        #expect(Self.reportedHits(first.terminal) == 0, "\(first.terminal)")
        #expect(Self.memoFiles(cache).count == Self.trainings)
        let firstPage = try first.page("memo-training")

        try Self.edit(path, "title: \"Training curve\"", "title: \"Loss by epoch\"")
        let second = try Self.render(path, cache: cache)
        #expect(second.status == 0, "\(second.terminal)")
        #expect(Self.reportedHits(second.terminal) == Self.trainings, "\(second.terminal)")
        #expect(second.terminal.contains("run    ok      \(Self.trainings)"), "\(second.terminal)")
        let secondPage = try second.page("memo-training")
        #expect(Self.printed(secondPage) == Self.printed(firstPage))
        #expect(Self.printed(firstPage).count == 2)
        #expect(Self.printed(firstPage).first?.contains("final loss") == true)
        #expect(secondPage.contains("Loss by epoch") && !secondPage.contains("Training curve"))
        // The figure's curve is the same: only its title moved.
        let curve = { (page: String) in page.components(separatedBy: "<path").dropFirst().map { $0.components(separatedBy: "/>")[0] } }
        #expect(!curve(firstPage).isEmpty)
        #expect(curve(secondPage) == curve(firstPage))
    }

    @Test func noCacheNeitherReadsNorWritesTheStore() throws {
        let (path, cache) = try Self.copy()
        let fresh = try Self.render(path, cache: cache, ["--no-cache"])
        #expect(fresh.status == 0, "\(fresh.terminal)")
        #expect(Self.memoFiles(cache).isEmpty)
        _ = try Self.render(path, cache: cache)
        #expect(Self.memoFiles(cache).count == Self.trainings)
        let again = try Self.render(path, cache: cache, ["--no-cache"])
        #expect(again.status == 0)
        #expect(Self.reportedHits(again.terminal) == 0, "\(again.terminal)")
        #expect(again.terminal.contains("run    ok      0"), "\(again.terminal)")
        #expect(Self.printed(try again.page("memo-training")) == Self.printed(try fresh.page("memo-training")))
    }

    /// Two renders of one notebook at once (into two output folders) share its shelf of the store.
    @Test func twoConcurrentRendersShareOneStore() throws {
        let (path, cache) = try Self.copy()
        var runs: [TrainBookRun?] = [nil, nil]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let run = try? Self.render(path, cache: cache)
            lock.withLock { runs[index] = run }
        }
        let a = try #require(runs[0]), b = try #require(runs[1])
        #expect(a.status == 0, "\(a.terminal)")
        #expect(b.status == 0, "\(b.terminal)")
        let printedA = Self.printed(try a.page("memo-training")), printedB = Self.printed(try b.page("memo-training"))
        #expect(printedA == printedB && printedA.count == 2)
        // Same trainings, one entry each, all whole; no temporary file left behind.
        let files = Self.memoFiles(cache)
        #expect(files.count == Self.trainings, "\(files)")
        try Self.edit(path, "title: \"Training curve\"", "title: \"Loss by epoch\"")
        let third = try Self.render(path, cache: cache)
        #expect(Self.reportedHits(third.terminal) == Self.trainings, "\(third.terminal)")
        #expect(Self.printed(try third.page("memo-training")) == printedA)
    }

    /// A program sees only its own notebook's shelf: another notebook's entries can be neither
    /// read (its trained weights) nor replaced (a planted result) from inside the sandbox.
    @Test func aNotebookSeesOnlyItsOwnShelf() throws {
        let (trained, cache) = try Self.copy()
        #expect(try Self.render(trained, cache: cache).status == 0)
        let before = Self.memoFiles(cache)
        #expect(before.count == Self.trainings)
        let notebook = """
        # Snooping

        ```swift-train
        import Foundation
        let shelf = ProcessInfo.processInfo.environment["TRAINBOOK_MEMO"] ?? ""
        var seen = 0
        // The folder above the shelf, and the one above that: wherever the other shelves would be.
        for folder in [(shelf as NSString).deletingLastPathComponent,
                       ((shelf as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent] {
            let found = FileManager.default.enumerator(atPath: folder)?.allObjects ?? []
            seen += found.compactMap { $0 as? String }.filter { $0.hasSuffix(".memo") }.count
        }
        print("shelf named:", !shelf.isEmpty, "entries seen:", seen)
        ```
        """
        let snoop = try NotebookOnDisk.write(notebook, named: "memo-snoop.md")
        let run = try Self.render(snoop, cache: cache)
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("memo-snoop")
        #expect(page.contains("shelf named: true entries seen: 0"), "\(Self.printed(page))")
        #expect(Self.memoFiles(cache) == before)
    }

    @Test func aBadBoundIsAClearError() throws {
        let (path, cache) = try Self.copy()
        let run = try TrainBookRun(notebooks: [path], environment: ["TRAINBOOK_CACHE": cache, "TRAINBOOK_MEMO_LIMIT": "lots"])
        #expect(run.status != 0)
        #expect(run.terminal.contains("TRAINBOOK_MEMO_LIMIT=lots is not a size; give bytes or a number with K, M or G, such as 2G"),
                "\(run.terminal)")
    }

    @Test func aTightBoundKeepsTheStoreSmall() throws {
        let (path, cache) = try Self.copy()
        let run = try TrainBookRun(notebooks: [path], environment: ["TRAINBOOK_CACHE": cache, "TRAINBOOK_MEMO_LIMIT": "1K"])
        #expect(run.status == 0, "\(run.terminal)")
        let sizes = Self.memoFiles(cache).compactMap {
            try? FileManager.default.attributesOfItem(atPath: cache + "/memo/" + $0)[.size] as? Int
        }
        // Without the bound the five entries stay (see above); with it the store never exceeds 1 KiB.
        #expect(sizes.reduce(0, +) <= 1024, "\(sizes)")
    }

    /// Inside the sandbox the program is told the store (writable) and the engine build; with
    /// `--no-cache` it is told no store.
    @Test func theProgramLearnsTheStoreAndTheEngineBuild() throws {
        let notebook = """
        # Memo environment

        ```swift-train
        import Foundation
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["TRAINBOOK_MEMO"] ?? ""
        print("store:", folder.isEmpty ? "none" : FileManager.default.isWritableFile(atPath: folder) ? "writable" : "read-only")
        print("engine build named:", !(environment["TRAINBOOK_ENGINE_BUILD"] ?? "").isEmpty)
        ```
        """
        let path = try NotebookOnDisk.write(notebook, named: "memo-environment.md")
        let cache = (path as NSString).deletingLastPathComponent + "/cache"
        let run = try Self.render(path, cache: cache)
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("memo-environment")
        #expect(page.contains("store: writable\nengine build named: true"), "\(Self.printed(page))")
        let off = try Self.render(path, cache: cache, ["--no-cache"])
        #expect(try off.page("memo-environment").contains("store: none"))
    }
}
