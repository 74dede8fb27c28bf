import Foundation

/// Reads what the Swift runtime left behind when a notebook program crashed.
enum CrashReport {
    /// The ways the Swift runtime announces a trap on standard error.
    static let runtimeMessageKinds = ["Fatal error", "Precondition failed", "Assertion failed"]

    /// Whether a printed line is the runtime's announcement of a trap.
    static func isRuntimeMessage(_ line: Substring) -> Bool {
        runtimeMessageKinds.contains { line.contains($0) }
    }

    /// The notebook line of the innermost frame in the notebook, from the JSON backtrace.
    static func notebookLine(in folder: String, fileName: String) -> Int? {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder),
              let file = files.sorted().first(where: { $0.hasSuffix(".json") }),
              let data = FileManager.default.contents(atPath: folder + "/" + file),
              let report = try? JSONDecoder().decode(Report.self, from: data) else { return nil }
        let frames = report.threads.first(where: { $0.crashed == true })?.frames ?? []
        // Frames name the file as `#sourceLocation` wrote it, escapes included.
        let written = ProgramAssembler.sourceLocationFile(for: fileName)
        return frames.lazy.compactMap(\.sourceLocation).first { $0.file.hasSuffix(written) }?.line
    }

    /// An uncaught error's backtrace names no notebook line; when the cell has a single `try`, it
    /// is the one that threw.
    static func onlyThrowingLine(of cell: Cell) -> Int? {
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { _, text in
            text.range(of: #"\btry\b(?![?!])"#, options: .regularExpression) != nil
        }
        return lines.count == 1 ? cell.line + lines[0].offset : nil
    }

    /// A one-line reason for the failure of the running cell.
    static func describe(_ termination: ChildProcess.Termination, text: [CellOutput], cellTimeout: Double) -> Failure {
        let printed = text.compactMap { if case .text(let value) = $0 { value } else { nil } }.joined()
        var fatal = printed.split(separator: "\n").last(where: isRuntimeMessage).map { line in
            runtimeMessageKinds.lazy.compactMap { line.range(of: $0) }.first.map { String(line[$0.lowerBound...]) } ?? String(line)
        }
        let uncaught = "Fatal error: Error raised at top level: "
        if let message = fatal, message.hasPrefix(uncaught) {
            return Failure(reason: "the cell threw an error that nothing caught: \(message.dropFirst(uncaught.count)) "
                           + "(handle it with do/catch, or fix its cause)", kind: .uncaughtError)
        }
        if let message = fatal, message.hasPrefix("Fatal error: ") { fatal = String(message.dropFirst("Fatal error: ".count)) }
        // The engine's messages begin with their own "error: ", which the line they go on already says.
        if let message = fatal, message.hasPrefix("error: ") { fatal = String(message.dropFirst("error: ".count)) }
        switch termination {
        case .stopped(.timeout):
            return Failure(reason: "the cell ran longer than its \(Int(cellTimeout)) s timeout and was stopped; raise it with timeout=SECONDS on the block, or make the cell faster", kind: .stopped)
        case .stopped(let reason):
            return Failure(reason: "the run was \(reason.participle); the cell did not finish", kind: .stopped)
        case .signalled(let signal):
            return Failure(reason: "the cell stopped with a runtime error: \(fatal ?? signalName(signal))", kind: .trap)
        case .exited(let code):
            if let fatal { return Failure(reason: "the cell stopped with a runtime error: \(fatal)", kind: .trap) }
            return Failure(reason: "the program exited early (status \(code)) in this block, so the blocks after it did not run; a notebook must not end its program (remove the exit call)", kind: .earlyExit)
        }
    }

    /// Why a cell failed, and how: the kind decides where to look for the failing line.
    struct Failure {
        /// The reason, for the message under the cell.
        var reason: String
        /// How the program stopped.
        var kind: Kind

        /// The ways a running cell fails.
        enum Kind {
            /// An error thrown at top level that nothing caught.
            case uncaughtError
            /// A trap: a failed precondition, an index out of range, a fatal error, a signal.
            case trap
            /// The program simply ended (`exit(…)`) in the middle of the cell.
            case earlyExit
            /// The runner stopped it (a timeout, an interrupt, a broken record channel).
            case stopped
        }
    }

    /// When the program ended early without a trap, the line of the cell's only `exit(` call, if it has one.
    static func onlyExitLine(of cell: Cell) -> Int? {
        let lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { _, text in
            text.range(of: #"\b_?exit\s*\("#, options: .regularExpression) != nil
        }
        return lines.count == 1 ? cell.line + lines[0].offset : nil
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL, SIGTRAP: "a Swift runtime trap (signal \(signal))"
        case SIGSEGV: "a memory access fault (signal 11)"
        case SIGKILL: "killed (signal 9), perhaps out of memory"
        case SIGABRT: "aborted (signal 6)"
        default: "signal \(signal)"
        }
    }

    private struct Report: Decodable {
        struct Thread: Decodable {
            var crashed: Bool?
            var frames: [Frame]
        }
        struct Frame: Decodable {
            var sourceLocation: Location?
        }
        struct Location: Decodable {
            var file: String
            var line: Int
        }
        var threads: [Thread]
    }
}
