import Foundation
import Testing

/// The execution cache, parameters, progress output, `check` and `--jobs`, through the executable.
@Suite(.serialized) struct AuthorFeedbackTests {
    /// A private copy of a fixture, so a test can edit it.
    func copy(_ fixture: String, named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: TrainBookRun.fixtures.appendingPathComponent(fixture).path, toPath: path)
        return path
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func proseEditsHitTheCacheAndCodeEditsMissIt() throws {
        let path = try copy("parameters.md", named: "cache-\(UUID().uuidString.prefix(8)).md")
        let first = try TrainBookRun(notebooks: [path])
        #expect(first.status == 0, "\(first.terminal)")
        #expect(first.terminal.contains("run    ok"))

        try edit(path) { $0.replacingOccurrences(of: "A notebook with parameters.", with: "Reworded prose only.") }
        let prose = try TrainBookRun(notebooks: [path], output: first.output)
        #expect(prose.terminal.contains("hit    ok"))
        #expect(try prose.page(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent).contains("Reworded prose only."))

        try edit(path) { $0.replacingOccurrences(of: "echo=true", with: "echo=false") }
        #expect(try TrainBookRun(notebooks: [path], output: first.output).terminal.contains("hit    ok"))

        try edit(path) { $0.replacingOccurrences(of: "print(\"total\"", with: "print(\"sum\"") }
        let code = try TrainBookRun(notebooks: [path], output: first.output)
        #expect(code.terminal.contains("run    ok"))

        let parameter = try TrainBookRun(notebooks: [path], arguments: ["-p", "count=3"], output: first.output)
        #expect(parameter.terminal.contains("run    ok"))
        #expect(try TrainBookRun(notebooks: [path], arguments: ["-p", "count=3"], output: first.output).terminal.contains("hit    ok"))
        #expect(try TrainBookRun(notebooks: [path], arguments: ["--no-cache"], output: first.output).terminal.contains("run    ok"))
    }

    @Test func aChangedDataFileMissesTheCache() throws {
        let path = try copy("reads-csv.md", named: "reads-csv.md")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("scores.csv").path
        try FileManager.default.copyItem(atPath: TrainBookRun.fixtures.appendingPathComponent("data/scores.csv").path, toPath: csv)
        let first = try TrainBookRun(notebooks: [path])
        #expect(first.status == 0, "\(first.terminal)")
        #expect(try TrainBookRun(notebooks: [path], output: first.output).terminal.contains("hit    ok"))
        try edit(csv) { $0.replacingOccurrences(of: "170,60,2", with: "171,60,2") }
        let changed = try TrainBookRun(notebooks: [path], output: first.output)
        #expect(changed.terminal.contains("run    ok"))
        #expect(try changed.page("reads-csv").contains("first height 171.0"))
    }

    @Test func corruptCacheEntriesAreIgnored() throws {
        let path = try copy("parameters.md", named: "corrupt-\(UUID().uuidString.prefix(8)).md")
        let first = try TrainBookRun(notebooks: [path])
        #expect(first.status == 0)
        let folder = TrainBookRun.cache + "/executions"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            try Data("{\"format\": 1, \"key\": \"not-this-one\", \"cel".utf8).write(to: URL(fileURLWithPath: folder + "/" + file))
        }
        let again = try TrainBookRun(notebooks: [path], output: first.output)
        #expect(again.status == 0)
        #expect(again.terminal.contains("run    ok"))
    }

    @Test func parametersOverrideAndAreShownOnThePage() throws {
        let run = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["-p", "count=5", "-p", "label=\"five\""])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("parameters")
        #expect(page.contains("total 15 for five"))
        #expect(page.contains("Rendered with parameters"))
        #expect(page.contains("<code>count = 5</code>"))
    }

    @Test func parameterMistakesAreNamed() throws {
        let wrongType = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["-p", "count=many"])
        #expect(wrongType.status != 0)
        #expect(wrongType.terminal.contains("parameter 'count': error: -p count=many is not a literal ('many' is a name, not a literal); parameters.md:6 declares `let count = 4`, so give an integer (e.g. 3)"))
        let wrongName = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["-p", "epochs=2"])
        #expect(wrongName.terminal.contains("parameter 'epochs': error: the parameters block has no 'epochs' (it defines: count, label)"))
    }

    @Test func pipedProgressHasNoControlCharacters() throws {
        let run = try TrainBookRun(notebooks: ["parameters.md", "shared-state.md"], arguments: ["--no-cache"])
        #expect(run.status == 0)
        #expect(run.terminal.contains("parameters.md: cell 1/2 running"))
        #expect(run.terminal.contains("notebook"))
        let controls = run.terminal.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
        #expect(controls.isEmpty, "control characters: \(controls.map(\.value))")
    }

    @Test func checkReportsTypeErrorsWithoutRunningAnything() throws {
        let run = try TrainBookRun(notebooks: ["compile-error.md", "crash.md"], command: "check")
        #expect(run.status != 0)
        #expect(run.terminal.contains("compile-error.md:8:17: error: cannot convert value of type 'String' to specified type 'Int'"))
        #expect(run.terminal.contains("ok      \(TrainBookRun.fixtures.path)/crash.md"))
        #expect(!run.terminal.contains("about to fail"))
    }

    @Test func twoJobsWriteTheSameBytesAsOne() throws {
        let notebooks = ["shared-state.md", "parameters.md", "crash.md", "expect-error.md"]
        let serial = try TrainBookRun(notebooks: notebooks, arguments: ["--no-cache", "--jobs", "1"])
        let parallel = try TrainBookRun(notebooks: notebooks, arguments: ["--no-cache", "--jobs", "2"])
        let files = try FileManager.default.subpathsOfDirectory(atPath: serial.output).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: parallel.output).sorted()))
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".svg") {
            #expect(FileManager.default.contents(atPath: serial.output + "/" + file)
                    == FileManager.default.contents(atPath: parallel.output + "/" + file), "\(file)")
        }
    }

    @Test func watchRerendersAProseEditAtOnce() throws {
        let path = try copy("parameters.md", named: "watched.md")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-watch-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TrainBookRun.buildFolder + "/trainbook")
        process.arguments = ["watch", path, "--out", output, "--interval", "0.2"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINBOOK_CACHE": TrainBookRun.cache, "CI": "true"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let page = output + "/watched.html"
        func waitFor(_ text: String) -> Bool {
            for _ in 0..<300 {
                if let html = try? String(contentsOfFile: page, encoding: .utf8), html.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        #expect(waitFor("total 10 for four"))
        try edit(path) { $0.replacingOccurrences(of: "A notebook with parameters.", with: "Edited while watching.") }
        #expect(waitFor("Edited while watching."))
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("watching 1 notebook"))
        #expect(log.contains("cached"), "the prose edit should reuse the cache: \(log)")
    }
}
