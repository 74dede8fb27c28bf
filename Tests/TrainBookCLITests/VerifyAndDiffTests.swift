import Foundation
import Testing

/// `trainbook verify` and `trainbook diff` on a notebook rendered, edited and rendered again.
@Suite(.serialized) struct VerifyAndDiffTests {
    /// A folder holding `notebooks/` with copies of `fixtures`, for a test to edit and render.
    func book(_ fixtures: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-book-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/notebooks", withIntermediateDirectories: true)
        for fixture in fixtures {
            try FileManager.default.copyItem(atPath: TrainBookRun.fixtures.appendingPathComponent(fixture).path,
                                             toPath: folder + "/notebooks/" + fixture)
        }
        return folder
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "\(path) has \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func verifyPassesOnAFreshRenderAndListsAStalePage() throws {
        let root = try book(["shared-state.md", "parameters.md"])
        let out = root + "/output"
        let render = try TrainBookRun(notebooks: [root + "/notebooks"], output: out)
        #expect(render.status == 0, "\(render.terminal)")
        let fresh = try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["--out", out], command: "verify")
        #expect(fresh.status == 0, "\(fresh.terminal)")
        #expect(fresh.terminal.contains("is up to date: 2 pages"))

        let committed = bytes(out + "/shared-state.html")
        try edit(root + "/notebooks/shared-state.md", "print(\"rate is \\(rate)\")", "print(\"the rate is \\(rate)\")")
        let stale = try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["--out", out], command: "verify")
        #expect(stale.status != 0)
        #expect(stale.terminal.contains("changed  \(out)/shared-state.html"), "\(stale.terminal)")
        #expect(!stale.terminal.contains("\(out)/parameters.html"), "an unchanged page is not listed")
        #expect(!stale.terminal.contains("\(out)/index.html"), "the index lists the same notebooks")
        #expect(bytes(out + "/shared-state.html") == committed, "verify writes nothing into the output folder")
    }

    @Test func verifyListsChangedMissingAndExtraFigures() throws {
        let root = try book(["shared-state.md"])
        let out = root + "/output"
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], output: out).status == 0)
        let figure = out + "/shared-state/curve-1.svg"
        let verify = { try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["--out", out], command: "verify") }

        try Data("<svg/>\n".utf8).write(to: URL(fileURLWithPath: figure))
        let changed = try verify()
        #expect(changed.status != 0)
        #expect(changed.terminal.contains("changed  \(out)/shared-state/curve-1.svg"), "\(changed.terminal)")

        try FileManager.default.removeItem(atPath: figure)
        try Data("<svg/>\n".utf8).write(to: URL(fileURLWithPath: out + "/shared-state/old-1.svg"))
        let moved = try verify()
        #expect(moved.status != 0)
        #expect(moved.terminal.contains("missing  \(out)/shared-state/curve-1.svg"), "\(moved.terminal)")
        #expect(moved.terminal.contains("extra    \(out)/shared-state/old-1.svg"), "\(moved.terminal)")
    }

    @Test func verifyPassesParametersThroughAsRenderDoes() throws {
        let root = try book(["parameters.md"])
        let out = root + "/output"
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["-p", "count=3"], output: out).status == 0)
        let same = try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["--out", out, "-p", "count=3", "--jobs", "2"],
                                    command: "verify")
        #expect(same.status == 0, "\(same.terminal)")
        let other = try TrainBookRun(notebooks: [root + "/notebooks"], arguments: ["--out", out], command: "verify")
        #expect(other.status != 0)
        #expect(other.terminal.contains("changed  \(out)/parameters.html"))
    }

    @Test func diffWritesAComparisonPageWithBothFiguresAndTheChangedValue() throws {
        let root = try book(["shared-state.md"])
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], output: root + "/old").status == 0)
        try edit(root + "/notebooks/shared-state.md", "let rate = 0.25", "let rate = 0.5")
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], output: root + "/new").status == 0)

        let diff = try TrainBookRun(notebooks: [], arguments: ["--against", root + "/old", "--out", root + "/new"], command: "diff")
        #expect(diff.status == 0, "\(diff.terminal)")
        #expect(diff.terminal.contains("shared-state: 1 figure changed, 2 printed lines changed in 2 blocks"), "\(diff.terminal)")
        let page = try String(contentsOfFile: root + "/new/diff/shared-state/curve-1.html", encoding: .utf8)
        #expect(page.contains("<div class=\"ghost\"><svg"), "the old figure, ghosted")
        #expect(page.contains("id=\"old-nb-shared-state-curve-1\""))
        #expect(page.contains("<div class=\"current\"><svg"), "the new figure over it")
        #expect(page.contains("id=\"new-nb-shared-state-curve-1\""))
        #expect(page.contains("<td class=\"old\">rate is 0.25</td><td class=\"new\">rate is 0.5</td>"))
        #expect(page.contains("<td class=\"old\">steps: [0.0, 0.25, 0.5, 0.75]</td><td class=\"new\">steps: [0.0, 0.5, 1.0, 1.5]</td>"))
        #expect(try String(contentsOfFile: root + "/new/diff/index.html", encoding: .utf8).contains("href=\"shared-state/curve-1.html\""))
    }

    @Test func diffAgainstAGitRevisionReadsTheCommittedOutput() throws {
        let root = try book(["shared-state.md", "parameters.md"])
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], output: root + "/output").status == 0)
        try git(["init", "-q"], in: root)
        try git(["add", "output"], in: root)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "pages"], in: root)
        try edit(root + "/notebooks/shared-state.md", "figure.plot(steps, label: \"value\")", "figure.plot(steps.map { $0 * $0 }, label: \"value\")")
        #expect(try TrainBookRun(notebooks: [root + "/notebooks"], output: root + "/output").status == 0)

        let diff = try run(["diff", "--against", "HEAD"], in: root)
        #expect(diff.status == 0, "\(diff.output)")
        #expect(diff.output.contains("diff: output against output at git revision HEAD: 1 page changed"), "\(diff.output)")
        #expect(diff.output.contains("shared-state: 1 figure changed"))
        #expect(!diff.output.contains("parameters:"))
        #expect(FileManager.default.fileExists(atPath: root + "/output/diff/shared-state/curve-1.html"))
    }

    private func git(_ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// Runs `trainbook` with `arguments` in `folder`.
    private func run(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TrainBookRun.buildFolder + "/trainbook")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINBOOK_CACHE": TrainBookRun.cache, "CI": "true"]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
