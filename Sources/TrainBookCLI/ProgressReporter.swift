import Foundation
import NotebookKit

/// Tells the author what is running. On a terminal: one live status line, redrawn as cells start,
/// epochs end and seconds pass, so long training cells never look frozen. Piped or in CI: plain
/// lines, one per cell (and an epoch line at most every ten seconds), with no control characters.
/// Notebook names and messages never bring escape codes of their own (see `TerminalText`).
final class ProgressReporter: @unchecked Sendable {
    /// Whether standard output is an interactive terminal that understands redrawing.
    static var isInteractive: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(1) == 1 && environment["CI"] == nil && environment["TERM"].map { $0 != "dumb" } ?? false
    }

    private struct Running {
        var name: String
        var cells: Int
        var cell = 0
        var epoch: (Int, Int, Double?)?
        var start = Date()
        var cellStart = Date()
        var lastPlainEpochLine = Date.distantPast
        /// Trainings served from the memo store: in the notebook, and in the running cell.
        var memoHits = 0
        var cellMemoHits = 0
    }

    private let interactive: Bool
    private let lock = NSLock()
    private var running: [String: Running] = [:]
    private var order: [String] = []
    private var timer: DispatchSourceTimer?

    init(interactive: Bool = ProgressReporter.isInteractive) {
        self.interactive = interactive
        if interactive {
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
            timer.setEventHandler { [weak self] in self?.lock.withLock { self?.redraw() } }
            timer.resume()
            self.timer = timer
        }
    }

    /// A notebook started.
    func started(_ name: String, cells: Int) {
        lock.withLock {
            running[name] = Running(name: name, cells: cells)
            order.append(name)
            if !interactive { emit("\(name): started (\(cells) cells)") }
            redraw()
        }
    }

    /// Something happened in a running notebook.
    func event(_ name: String, _ event: RunEvent) {
        lock.withLock {
            guard var state = running[name] else { return }
            let now = Date()
            switch event {
            case .cellStarted(let index):
                state.cell = index + 1
                state.epoch = nil
                state.cellStart = now
                state.cellMemoHits = 0
                if !interactive { emit("\(name): cell \(index + 1)/\(state.cells) running") }
            case .epochEnded(_, let epoch, let epochs, let loss):
                state.epoch = (epoch, epochs, loss)
                if !interactive, now.timeIntervalSince(state.lastPlainEpochLine) >= 10 {
                    state.lastPlainEpochLine = now
                    emit("\(name): cell \(state.cell)/\(state.cells) epoch \(epoch)/\(epochs)\(Self.loss(loss)) (\(Self.seconds(now.timeIntervalSince(state.cellStart))))")
                }
            case .cellFinished(let index, let seconds):
                if !interactive {
                    emit("\(name): cell \(index + 1)/\(state.cells) done in \(Self.seconds(seconds))\(Self.memoNote(state.cellMemoHits))")
                }
            case .memoHit:
                state.memoHits += 1
                state.cellMemoHits += 1
            }
            running[name] = state
            redraw()
        }
    }

    /// A notebook finished; `line` is its one-line result, printed permanently.
    func finished(_ name: String, line: String) {
        lock.withLock {
            running[name] = nil
            order.removeAll { $0 == name }
            if interactive { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
            emit(line)
            redraw()
        }
    }

    /// Stops redrawing and clears the status line.
    func stop() {
        timer?.cancel()
        if interactive { lock.withLock { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) } }
    }

    private func redraw() {
        guard interactive, !order.isEmpty else { return }
        let now = Date()
        let parts = order.compactMap { running[$0] }.map { state -> String in
            var text = "\(state.name) cell \(state.cell)/\(state.cells)"
            if let (epoch, epochs, loss) = state.epoch { text += " epoch \(epoch)/\(epochs)\(Self.loss(loss))" }
            if state.memoHits > 0 { text += " \(Self.memoHits(state.memoHits))" }
            return text + " \(Self.seconds(now.timeIntervalSince(state.start)))"
        }
        var line = parts.joined(separator: " │ ")
        let width = Self.terminalWidth
        if line.count > width - 1 { line = String(line.prefix(width - 2)) + "…" }
        FileHandle.standardOutput.write(Data(("\r\u{1B}[K" + TerminalText.safe(line)).utf8))
    }

    /// Prints a line that may hold notebook names and messages, so with no escape codes of theirs.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalText.safe(line) + "\n").utf8))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }

    /// "1 memo hit", "12 memo hits".
    static func memoHits(_ count: Int) -> String { "\(count) memo hit\(count == 1 ? "" : "s")" }

    /// ", 3 memo hits" after a count of cells or a time, or nothing without hits.
    static func memoNote(_ count: Int) -> String { count > 0 ? ", \(memoHits(count))" : "" }

    static func loss(_ value: Double?) -> String {
        value.map { String(format: " loss %.4g", $0) } ?? ""
    }

    private static var terminalWidth: Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 20 ? Int(size.ws_col) : 100
    }
}
