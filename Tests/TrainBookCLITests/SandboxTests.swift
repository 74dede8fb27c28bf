import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The sandboxed run (issue 12, findings 2, 4, 6, 7, 8, 11), end to end through `trainbook` on the
/// notebooks of `Tests/Fixtures/sandbox`.
@Suite(.serialized) struct SandboxTests {
    static let fixtures = BadNotebookTests.bad.deletingLastPathComponent().appendingPathComponent("sandbox")

    /// A fresh folder holding a copy of fixture `name` (as `copyName`); returns the copy's path.
    func copy(_ name: String, as copyName: String? = nil, into folder: URL? = nil) throws -> String {
        let folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(copyName ?? name).path
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent(name).path, toPath: path)
        return path
    }

    func cells(_ run: TrainBookRun, _ name: String) throws -> [String] {
        try run.page(name).components(separatedBy: "<section class=\"cell\"")
    }

    /// A listening TCP socket on the host's 127.0.0.1 and its port.
    func listener() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw TestFailure("cannot listen on 127.0.0.1") }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Runs escape-attempts.md with paths that lie outside its scratch folder.
    func attemptEscapes(_ extra: [String]) throws -> (run: TrainBookRun, files: [String]) {
        let notebook = try copy("escape-attempts.md")
        let folder = URL(fileURLWithPath: notebook).deletingLastPathComponent().path
        let home = folder + "-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let hostTemporary = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-escape-\(UUID().uuidString).txt").path
        let files = [folder + "/written.txt", home + "/written.txt", hostTemporary]
        let (descriptor, port) = try listener()
        defer { close(descriptor) }
        let run = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache", "-p", "port=\(port)",
            "-p", "notebookFile=\"\(files[0])\"", "-p", "homeFile=\"\(files[1])\"", "-p", "hostTmpFile=\"\(files[2])\""] + extra,
            environment: ["HOME": home, "TRAINBOOK_TEST_SECRET": "hunter2"])
        return (run, files)
    }

    @Test func theSandboxAllowsNoNetworkNoWritesOutsideScratchAndNoCallerEnvironment() throws {
        let (run, files) = try attemptEscapes([])
        defer { files.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("escape-attempts")
        #expect(page.contains("network: cannot connect"))
        #expect(page.contains("names: cannot resolve"))
        #expect(page.contains("notebook folder: cannot write"))
        #expect(page.contains("caller&#39;s home: cannot write") || page.contains("caller's home: cannot write"))
        #expect(page.contains("scratch: written"))
        #expect(page.contains("scratch reads back: true"))
        for file in files { #expect(!FileManager.default.fileExists(atPath: file), "\(file) was written from inside the sandbox") }
        #expect(page.contains("secret: absent"))
        #expect(!page.contains("hunter2"))
    }

    /// The control: the same notebook escapes with `--no-sandbox`, which says so loudly.
    @Test func withoutTheSandboxTheSameNotebookReachesOutAndIsWarnedAbout() throws {
        let (run, files) = try attemptEscapes(["--no-sandbox"])
        defer { files.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        #expect(run.status == 0, "\(run.terminal)")
        #expect(run.terminal.contains("warning: --no-sandbox: notebook code runs with ALL of your rights"))
        let page = try run.page("escape-attempts")
        #expect(page.contains("network: connected"))
        #expect(page.contains("secret: hunter2"))
        for file in files { #expect(FileManager.default.fileExists(atPath: file)) }
    }

    /// Finding 4: a setsid daemon that holds the output pipe and keeps writing neither hangs the
    /// render nor outlives it.
    @Test func aSetsidDaemonNeitherHangsTheRenderNorOutlivesIt() throws {
        let marker = UUID().uuidString
        let run = try TrainBookRun(notebooks: [try copy("daemon.md")], arguments: ["--no-cache", "-p", "marker=\"\(marker)\""])
        #expect(run.status == 0, "\(run.terminal)")
        #expect(try run.page("daemon").contains("done"))
        #expect(LiveProcesses.waitUntilNone(matching: "daemon-" + marker), "the daemon outlived the render")
    }

    @Test func aTimeoutStopsTheCellAndTheDaemon() throws {
        let marker = UUID().uuidString
        let run = try TrainBookRun(notebooks: [try copy("daemon.md")],
                                   arguments: ["--no-cache", "--timeout", "2", "-p", "marker=\"\(marker)\"", "-p", "spin=true"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("daemon.md:23: error: the cell ran longer than its 2 s timeout"))
        #expect(LiveProcesses.waitUntilNone(matching: "daemon-" + marker), "the daemon outlived the timeout")
    }

    /// Ctrl-C, SIGTERM and `kill -9` of trainbook all stop the spinning notebook and its daemon.
    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func stoppingTrainbookStopsTheNotebookAndItsDaemon(signal: Int32) throws {
        let marker = UUID().uuidString
        let name = "daemon-signal-\(signal)"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-e2e-\(UUID().uuidString)").path
        let render = try BackgroundRender(notebook: try copy("daemon.md", as: name + ".md"),
                                          arguments: ["-p", "marker=\"\(marker)\"", "-p", "spin=true"], output: output)
        #expect(render.waitFor("cell 3/3 running"), "\(render.terminal)")
        #expect(!LiveProcesses.matching("daemon-" + marker).isEmpty, "the daemon did not start")
        kill(render.process.processIdentifier, signal)
        let status = render.finish()
        if signal != SIGKILL { #expect(status == 130, "\(render.terminal)") }
        #expect(LiveProcesses.waitUntilNone(matching: "daemon-" + marker), "the daemon outlived trainbook")
        #expect(LiveProcesses.waitUntilNone { LiveProcesses.running(executableContaining: "/build/\(name)-") },
                "the notebook program outlived trainbook")
    }

    /// Finding 2: text that imitates a record is shown as text; a record forged on the real
    /// channel is refused; neither writes a file.
    @Test func forgedRecordsWriteNoFile() throws {
        let notebook = try copy("forged-records.md")
        let run = try TrainBookRun(notebooks: [notebook], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let cells = try cells(run, "forged-records")
        #expect(cells[1].contains("tb1:{&quot;figure&quot;") || cells[1].contains("tb1:{\"figure\""))
        #expect(cells[2].contains("it was ignored"))
        #expect(cells[2].contains("sent a forged record"))
        let outside = URL(fileURLWithPath: run.output).deletingLastPathComponent().path
        for name in ["forged-printed", "forged-channel"] {
            #expect(!FileManager.default.fileExists(atPath: outside + "/\(name).svg"))
            #expect(!FileManager.default.fileExists(atPath: run.output + "/\(name).svg"))
        }
        #expect(try !run.page("forged-records").contains("<svg"))
    }

    /// Finding 6 (part): `exit(0)` in a cell fails the render at that block, keeping its output.
    @Test func anExitInACellIsAFailureAtItsLine() throws {
        let run = try TrainBookRun(notebooks: [try copy("exits-early.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("exits-early.md:10: error: the program exited early (status 0) in this block"))
        let cells = try cells(run, "exits-early")
        #expect(cells[1].contains("first block"))
        #expect(cells[2].contains("about to exit"))
        #expect(cells[2].contains("the program exited early"))
        #expect(cells[3].contains("Not run"))
    }

    /// Finding 7 (part): a notebook whose name holds `=` runs.
    @Test func aNameWithAnEqualsSignRuns() throws {
        let run = try TrainBookRun(notebooks: [try copy("a=b.md")], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        #expect(try run.page("a=b").contains("ran with an equals sign in the name"))
    }

    /// Finding 8: a file read with Foundation and declared under `depends:` is tracked: editing it
    /// runs the notebook again instead of serving the cached page.
    @Test func aDeclaredDependencyIsTrackedAndReadable() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-depends-\(UUID().uuidString)")
        let notebook = try copy("reads-with-foundation.md", into: root.appendingPathComponent("notebooks"))
        let notes = root.appendingPathComponent("shared/notes.txt")
        try FileManager.default.createDirectory(at: notes.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "first version\n".write(to: notes, atomically: true, encoding: .utf8)
        let first = try TrainBookRun(notebooks: [notebook])
        #expect(first.status == 0, "\(first.terminal)")
        #expect(try first.page("reads-with-foundation").contains("notes say: first version"))
        #expect(try TrainBookRun(notebooks: [notebook], output: first.output).terminal.contains("hit    ok"))
        try "second version\n".write(to: notes, atomically: true, encoding: .utf8)
        let edited = try TrainBookRun(notebooks: [notebook], output: first.output)
        #expect(edited.terminal.contains("run    ok"), "\(edited.terminal)")
        #expect(try edited.page("reads-with-foundation").contains("notes say: second version"))
    }

    @Test func aMissingDependencyNamesItsLine() throws {
        let run = try TrainBookRun(notebooks: [Self.fixtures.appendingPathComponent("missing-dependency.md").path], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("missing-dependency.md:2: error: depends: names 'data/missing.txt', which does not exist"))
    }
}
