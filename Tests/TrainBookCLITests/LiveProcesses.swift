import Foundation

/// Processes on this machine found by their command line or executable, to check that nothing a
/// notebook started outlives it.
enum LiveProcesses {
    /// Live (not zombie) processes whose NUL-separated command line contains `needle`.
    static func matching(_ needle: String) -> [Int32] {
        pids().filter { pid in
            guard !isZombie(pid), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(needle)
        }
    }

    /// Live processes whose executable's path contains `needle`.
    static func running(executableContaining needle: String) -> [Int32] {
        pids().filter { pid in
            guard !isZombie(pid), let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") else { return false }
            return exe.contains(needle)
        }
    }

    /// Waits a few seconds at most for `found` to become empty; true when it did.
    static func waitUntilNone(seconds: Double = 5, _ found: () -> [Int32]) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if found().isEmpty { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return found().isEmpty
    }

    /// Waits for processes whose command line contains `needle` to be gone.
    static func waitUntilNone(matching needle: String) -> Bool {
        waitUntilNone { matching(needle) }
    }

    private static func pids() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].hasPrefix(" Z")
    }
}

/// A `trainbook render` running in the background, for tests that signal or kill it mid-run.
final class BackgroundRender {
    let process = Process()
    private let pipe = Pipe()
    private let lock = NSLock()
    private var collected = Data()

    init(notebook: String, arguments: [String], output: String) throws {
        process.executableURL = URL(fileURLWithPath: TrainBookRun.buildFolder + "/trainbook")
        process.arguments = ["render", notebook, "--out", output, "--no-cache"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TRAINBOOK_CACHE": TrainBookRun.cache, "CI": "true"]) { $1 }
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.collected += chunk }
        }
        try process.run()
    }

    /// What it printed so far.
    var terminal: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Waits up to a minute (compiling included) for `text` to be printed.
    func waitFor(_ text: String) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if terminal.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return terminal.contains(text)
    }

    /// Waits for the end and returns the exit status.
    func finish() -> Int32 {
        process.waitUntilExit()
        pipe.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }
}
