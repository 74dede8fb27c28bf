import Foundation
import Testing

/// Compiling a notebook end to end: Ctrl-C and a time limit stop swiftc, a notebook too large for one
/// program gets a clear limit, concurrent renders of one notebook share the build folder safely, and
/// file names that need escaping keep their compile errors under their cells. Notebooks are
/// generated here, so no large fixture is committed.
@Suite(.serialized) struct CompileSafetyTests {
    /// Writes `text` as `name` in a fresh folder and returns its path.
    func notebook(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-compile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A notebook of `count` small blocks, each declaring and printing one value.
    func manyCells(_ count: Int) -> String {
        "# Many cells\n\n" + (1...count).map { "```swift-train\nlet v\($0) = \($0)\nprint(v\($0))\n```\n" }
            .joined(separator: "\n")
    }

    /// A unique stem, so the processes of one test can be told from any other's.
    func uniqueStem(_ prefix: String) -> String {
        prefix + "-" + UUID().uuidString.prefix(8).lowercased()
    }

    /// Processes whose command line mentions `text`.
    func processes(mentioning text: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { entry in
            guard Int32(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(text)
        }
    }

    @Test func ctrlCDuringACompileStopsTheCompilerAndKeepsTheLastGoodPage() throws {
        let stem = uniqueStem("long-compile")
        let path = try notebook(stem + ".md", "# Long compile\n\n```swift-train\nprint(\"the good render\")\n```\n")
        let good = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(good.status == 0, "\(good.terminal)")

        // 1,000 blocks take swiftc half a minute or more; Ctrl-C comes as soon as the render starts.
        try manyCells(1000).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"], output: good.output,
                                   interruptWhenPrinted: "started (1000 cells)")
        #expect(run.status == 130, "\(run.terminal)")
        #expect(run.terminal.contains("\(stem).md: error: interrupted while compiling the notebook; nothing ran"))
        #expect(try run.page(stem).contains("the good render"))
        #expect(processes(mentioning: stem).isEmpty, "a compiler process outlived the interrupted render")
    }

    @Test func aCompileThatTakesTooLongIsStoppedAndNamed() throws {
        let stem = uniqueStem("slow-compile")
        // 1,000 blocks take swiftc far longer than the one second allowed here.
        let path = try notebook(stem + ".md", manyCells(1000))
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache", "--compile-timeout", "1"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("\(stem).md: error: compiling the notebook took longer than 1 s and was stopped; allow more time with --compile-timeout SECONDS"))
        #expect(processes(mentioning: stem).isEmpty, "a compiler process outlived its timeout")
    }

    @Test func aNotebookTooLargeForOneProgramIsRefusedWithItsLimit() throws {
        let text = manyCells(5000)
        let firstOverLimit = text.components(separatedBy: "\n").firstIndex(of: "let v1001 = 1001")! + 1
        let path = try notebook("huge.md", text)
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("huge.md:\(firstOverLimit): error: this notebook has 5000 swift-train blocks, more than the 1000 that compile as one program"))
        #expect(run.terminal.contains("split it into several notebooks"))
        let check = try TrainBookRun(notebooks: [path], command: "check")
        #expect(check.status == 1)
        #expect(check.terminal.contains("huge.md:\(firstOverLimit): error: this notebook has 5000 swift-train blocks"))
    }

    @Test func concurrentRendersOfOneNotebookAllSucceedWithIdenticalPages() throws {
        let path = try notebook("shared-build.md", "")
        for round in 1...6 {
            // A new program each round, so every round compiles while the others start theirs.
            let text = "# Shared build\n\n```swift-train\nlet round = \(round)\nprint(\"round \\(round)\")\n```\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let lock = NSLock()
            var runs: [TrainBookRun] = []
            var failures: [String] = []
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
                    lock.withLock { runs.append(run) }
                } catch {
                    lock.withLock { failures.append("\(error)") }
                }
            }
            #expect(failures.isEmpty, "\(failures)")
            for run in runs { #expect(run.status == 0, "round \(round): \(run.terminal)") }
            let pages = Set(runs.compactMap { try? $0.page("shared-build") })
            #expect(pages.count == 1, "round \(round): the concurrent renders wrote different pages")
            #expect(pages.first?.contains("round \(round)") ?? false)
        }
    }

    @Test(arguments: ["a \"quoted\" name.md", "back\\slash.md", "a=b c.md"])
    func compileErrorsStayUnderTheirCellsWhateverTheFileName(_ name: String) throws {
        let path = try notebook(name, """
            # Odd name

            ```swift-train
            print("first cell ran")
            ```

            ```swift-train
            let text: Int = "not a number"
            ```

            """)
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("\(name):8:17: error: cannot convert value of type 'String' to specified type 'Int'"),
                "\(run.terminal)")
        #expect(!run.terminal.contains("did not compile"))
        let cells = try onlyPage(in: run.output).components(separatedBy: "<section class=\"cell\"")
        #expect(cells.count == 3)
        #expect(cells.count == 3 && !cells[1].contains("class=\"error\""))
        #expect(cells.count == 3 && cells[2].contains(":8:17: error: cannot convert"))
    }

    @Test(arguments: ["a \"quoted\" name.md", "back\\slash.md"])
    func aCrashNamesItsNotebookLineWhateverTheFileName(_ name: String) throws {
        let path = try notebook(name, "# Odd name\n\n```swift-train\nprint(\"before\")\nlet a = [1]\nprint(a[3])\n```\n")
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(run.status == 1, "\(run.terminal)")
        #expect(run.terminal.contains("\(name):6: error: the cell stopped with a runtime error: Index out of range"),
                "\(run.terminal)")
    }

    @Test func aNameWithAnEqualsSignRuns() throws {
        let path = try notebook("a=b.md", "# Equals\n\n```swift-train\nprint(\"ran with an equals sign\")\n```\n")
        let run = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        #expect(try onlyPage(in: run.output).contains("ran with an equals sign"))
    }

    /// The one notebook page in `folder`, whatever name the renderer gave it.
    func onlyPage(in folder: String) throws -> String {
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".html") && $0 != "index.html" && !$0.hasSuffix(".failed.html") }
        guard pages.count == 1 else { throw TestFailure("expected one page in \(folder), found \(pages)") }
        return try String(contentsOfFile: folder + "/" + pages[0], encoding: .utf8)
    }
}
