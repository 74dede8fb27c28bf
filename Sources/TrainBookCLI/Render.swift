import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook render`: run notebooks and write their pages.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write their HTML pages and SVG figures.")

    @OptionGroup var options: RenderOptions

    @Option(name: .shortAndLong, help: "Notebooks rendered at once; their sweeps share the cores.")
    var jobs: Int = 1

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, but got \(jobs)") }
    }

    mutating func run() throws {
        Interrupt.install()
        let (found, notebooks, duplicates) = try options.notebooks()
        duplicates.forEach(printError)
        let parallel = min(jobs, max(1, notebooks.count))
        let renderer = try options.renderer(for: notebooks, parallel: parallel)

        let results = BookRun(renderer: renderer).renderAll(notebooks, parallel: parallel)
        print("\n" + TerminalText.safe(RenderSummary.table(results)))
        if Interrupt.requested {
            printError("interrupted: the running notebooks were stopped; their last good pages were kept")
            throw ExitCode(130)
        }
        let failures = results.filter { !$0.succeeded }.count + duplicates.count
        if failures > 0 {
            printError("\(failures) of \(found.count) notebooks failed; their errors are above and on their pages.")
            throw ExitCode.failure
        }
    }
}

/// Renders notebooks with progress, writing each page as soon as it is done.
struct BookRun {
    let renderer: BookRenderer
    let reporter = ProgressReporter()

    /// One rendered notebook: what ran, and why its page was not written, if it was not.
    struct Result {
        var path: String
        var executed: ExecutedDocument
        var seconds: Double
        var pageError: String?

        /// Whether the notebook ran as it should and its page, figures and index entry were written.
        var succeeded: Bool { executed.succeeded && pageError == nil }
    }

    /// Runs the notebooks `parallel` at a time.
    func renderAll(_ notebooks: [String], parallel: Int = 1) -> [Result] {
        let lock = NSLock()
        var next = 0
        var results: [Result?] = Array(repeating: nil, count: notebooks.count)
        DispatchQueue.concurrentPerform(iterations: parallel) { _ in
            while true {
                let index: Int? = lock.withLock {
                    guard next < notebooks.count, !Interrupt.requested else { return nil }
                    defer { next += 1 }
                    return next
                }
                guard let index else { return }
                let result = render(notebooks[index], writeLock: lock)
                lock.withLock { results[index] = result }
            }
        }
        reporter.stop()
        return results.compactMap { $0 }
    }

    /// Runs one notebook and writes its page under `writeLock` (the index is shared).
    func render(_ path: String, writeLock: NSLock = NSLock()) -> Result {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let start = Date()
        reporter.started(name, cells: (try? NotebookFile(path: path).document.cells.count) ?? 0)
        let executed = renderer.execute(notebookAt: path, interrupted: { Interrupt.requested },
                                        progress: { reporter.event(name, $0) })
        let seconds = Date().timeIntervalSince(start)
        let pageError: String? = writeLock.withLock {
            do { try renderer.write(executed); return nil } catch { return "\(error)" }
        }
        let how = executed.fromCache ? "cached" : ProgressReporter.seconds(seconds) + ProgressReporter.memoNote(executed.memoHits)
        if executed.succeeded, pageError == nil {
            reporter.finished(name, line: "ok      \(path) (\(executed.cells.count) cells, \(how)) → \(renderer.outputFolder)/\(executed.document.name).html")
        } else {
            reporter.finished(name, line: "FAILED  \(path) (\(how))")
            writeLock.withLock {
                executed.errorMessages.forEach(printError)
                pageError.map { printError("\(path): error: its page was not written: \($0)") }
            }
        }
        return Result(path: path, executed: executed, seconds: seconds, pageError: pageError)
    }
}

/// Prints a message to standard error; the ones that quote a notebook are made terminal-safe.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(message) + "\n").utf8))
}
