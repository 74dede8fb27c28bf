import Foundation
import Testing

/// Compiling a notebook end to end: concurrent renders of one notebook share the build folder
/// safely, and file names that need escaping keep their compile errors under their cells. Notebooks
/// are generated here.
@Suite(.serialized) struct CompileSafetyTests {
    /// Writes `text` as `name` in a fresh folder and returns its path.
    func notebook(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-compile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
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
