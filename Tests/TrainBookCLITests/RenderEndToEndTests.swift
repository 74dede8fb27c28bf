import Foundation
import Testing

/// Runs the built `trainbook` executable on fixture notebooks and reads the pages it writes.
@Suite(.serialized) struct RenderEndToEndTests {
    @Test func stateIsSharedAcrossCellsAndOutputsLandUnderTheirCell() throws {
        let run = try TrainBookRun(notebooks: ["shared-state.md"])
        #expect(run.status == 0, "\(run.output)")
        let page = try run.page("shared-state")
        let cells = page.components(separatedBy: "<section class=\"cell\"")
        #expect(cells.count == 3)
        #expect(cells[1].contains("rate is 0.25"))
        #expect(cells[2].contains("steps: [0.0, 0.25, 0.5, 0.75]"))
        #expect(cells[2].contains("<svg"))
        #expect(cells[2].contains("id=\"nb-shared-state-curve-1"))
        let figure = try String(contentsOfFile: run.output + "/shared-state/curve-1.svg", encoding: .utf8)
        #expect(figure.hasPrefix("<svg"))
        #expect(try run.index().contains("<a href=\"shared-state.html\">Shared state</a>"))
    }

    @Test func compileErrorNamesTheNotebookLineAndColumn() throws {
        let run = try TrainBookRun(notebooks: ["compile-error.md"])
        #expect(run.status != 0)
        #expect(run.terminal.contains("compile-error.md:8:17: error: cannot convert value of type 'String' to specified type 'Int'"))
        let page = try run.page("compile-error")
        let cells = page.components(separatedBy: "<section class=\"cell\"")
        #expect(cells[2].contains("compile-error.md:8:17: error:"))
        #expect(cells[2].contains("let text: Int = &quot;not a number&quot;"))
        #expect(!cells[1].contains("class=\"error\""))
    }

    @Test func crashIsAttributedToTheRunningCellAndEarlierOutputsStay() throws {
        let run = try TrainBookRun(notebooks: ["crash.md"])
        #expect(run.status != 0)
        #expect(run.terminal.contains("crash.md:14: error: the cell stopped with a runtime error: Fatal error: Index out of range"))
        let cells = try run.page("crash").components(separatedBy: "<section class=\"cell\"")
        #expect(cells[1].contains("cell one ran"))
        #expect(cells[2].contains("cell two ran"))
        #expect(cells[3].contains("about to fail"))
        #expect(cells[3].contains("crash.md:14: error:"))
        #expect(cells[4].contains("Not run"))
        #expect(!cells[4].contains("cell four must not run</pre>"))
    }

    @Test func expectedFailuresLetTheNotebookGoOn() throws {
        let run = try TrainBookRun(notebooks: ["expect-error.md"])
        #expect(run.status == 0, "\(run.terminal)")
        let cells = try run.page("expect-error").components(separatedBy: "<section class=\"cell\"")
        #expect(cells[1].contains("expect-error.md:4:19: error:"))
        #expect(cells[2].contains("Index out of range"))
        #expect(cells[3].contains("after the failures"))
    }

    @Test func oneFailingNotebookDoesNotStopTheOthers() throws {
        let run = try TrainBookRun(notebooks: ["crash.md", "shared-state.md"])
        #expect(run.status != 0)
        #expect(FileManager.default.fileExists(atPath: run.output + "/shared-state.html"))
        #expect(FileManager.default.fileExists(atPath: run.output + "/crash.html"))
        #expect(try run.index().contains("last render failed"))
    }
}

/// One run of the `trainbook` executable next to this test bundle.
struct TrainBookRun {
    let output: String
    let status: Int32
    let terminal: String

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// One cache for the test process, apart from the author's own.
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-e2e-cache-\(getpid())").path

    init(notebooks: [String], arguments: [String] = [], command: String = "render", output: String? = nil,
         environment: [String: String] = [:]) throws {
        let fixtures = Self.fixtures
        let executable = Self.buildFolder + "/trainbook"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw TestFailure("\(executable) is missing; build the package first (swift build --build-tests)")
        }
        self.output = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-e2e-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let paths = notebooks.map { $0.hasPrefix("/") ? $0 : fixtures.appendingPathComponent($0).path }
        process.arguments = [command] + paths + (command == "render" ? ["--out", self.output] : []) + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINBOOK_CACHE": Self.cache, "CI": "true"]) { $1 }
            .merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        terminal = String(decoding: data, as: UTF8.self)
    }

    func page(_ name: String) throws -> String {
        try String(contentsOfFile: output + "/" + name + ".html", encoding: .utf8)
    }

    func index() throws -> String {
        try String(contentsOfFile: output + "/index.html", encoding: .utf8)
    }

    /// The folder of the running test bundle, which also holds the `trainbook` executable.
    static var buildFolder: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        // On some platforms the bundle is a folder (`X.xctest/Contents/MacOS`); step out of it.
        while url.path.contains(".xctest") { url.deleteLastPathComponent() }
        return url.path
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
