import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook render`: run notebooks and write their pages.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write their HTML pages and SVG figures.")

    @Argument(help: "Notebook files or folders of notebooks (default: notebooks).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder for pages and figures.")
    var out: String = "output"

    @Option(name: .customShort("p"), parsing: .singleValue,
            help: ArgumentHelp("Override a value of the notebook's `swift-train parameters` block.", valueName: "NAME=VALUE"))
    var parameter: [String] = []

    @Option(name: .shortAndLong, help: "Notebooks rendered at once; their sweeps share the cores.")
    var jobs: Int = 1

    @Flag(help: "Keep raw HTML in the notebooks' prose (dropped by default).")
    var allowHTML = false

    @Option(help: "Seconds a cell may run when its block sets no timeout=.")
    var timeout: Double = 1800

    @Flag(help: "Run every notebook even when its code, parameters, data and engine are unchanged.")
    var noCache = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, but got \(jobs)") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    mutating func run() throws {
        Interrupt.install()
        let found = try NotebookFinder.notebooks(in: paths.isEmpty ? ["notebooks"] : paths)
        let (notebooks, duplicates) = NotebookFinder.separatingDuplicateStems(found)
        duplicates.forEach(printError)
        let parameters = try ParameterOption.parse(parameter)
        let toolchain: Toolchain
        do { toolchain = try Toolchain.locate() } catch { throw ValidationError("\(error)") }

        var executor = NotebookExecutor(toolchain: toolchain, workRoot: CacheFolder.path + "/build")
        executor.defaultCellTimeout = timeout
        executor.cache = noCache ? nil : ExecutionCache(folder: CacheFolder.path + "/executions")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parallel = min(jobs, max(1, notebooks.count))
        if parallel > 1 { executor.sweepWorkers = max(1, cores / parallel) }
        var renderer = BookRenderer(executor: executor, outputFolder: out)
        renderer.allowHTML = allowHTML
        renderer.parameters = parameters
        if notebooks.count > 1 {
            renderer.parametersApplyWhereDefined = true
            let defined = Set(notebooks.flatMap { (try? NotebookFile(path: $0))?.document.parameterNames ?? [] })
            if let unknown = parameters.keys.sorted().first(where: { !defined.contains($0) }) {
                throw ValidationError("parameter '\(unknown)': no notebook's parameters block defines it (they define: \(defined.sorted().joined(separator: ", ")))")
            }
        }

        let results = renderAll(notebooks, with: renderer, parallel: parallel)
        print("\n" + RenderSummary.table(results))
        if Interrupt.requested {
            printError("interrupted: the running notebooks were stopped; their last good pages were kept")
            throw ExitCode(130)
        }
        let failures = results.filter { !$0.executed.succeeded }.count + duplicates.count
        if failures > 0 {
            printError("\(failures) of \(found.count) notebooks failed; their errors are above and on their pages.")
            throw ExitCode.failure
        }
    }

    /// Runs the notebooks `parallel` at a time and writes each page as soon as it is done.
    private func renderAll(_ notebooks: [String], with renderer: BookRenderer, parallel: Int)
        -> [(path: String, executed: ExecutedDocument, seconds: Double)] {
        let reporter = ProgressReporter()
        let lock = NSLock()
        var next = 0
        var results: [(path: String, executed: ExecutedDocument, seconds: Double)?] = Array(repeating: nil, count: notebooks.count)
        let output = out
        DispatchQueue.concurrentPerform(iterations: parallel) { _ in
            while true {
                let index: Int? = lock.withLock {
                    guard next < notebooks.count, !Interrupt.requested else { return nil }
                    defer { next += 1 }
                    return next
                }
                guard let index else { return }
                let path = notebooks[index]
                let name = URL(fileURLWithPath: path).lastPathComponent
                let start = Date()
                reporter.started(name, cells: (try? NotebookFile(path: path).document.cells.count) ?? 0)
                let executed = renderer.execute(notebookAt: path, interrupted: { Interrupt.requested },
                                                progress: { reporter.event(name, $0) })
                let seconds = Date().timeIntervalSince(start)
                lock.withLock {
                    do { try renderer.write(executed) } catch { printError("\(path): error: cannot write its page: \(error)") }
                    results[index] = (path, executed, seconds)
                }
                let how = executed.fromCache ? "cached" : ProgressReporter.seconds(seconds)
                if executed.succeeded {
                    reporter.finished(name, line: "ok      \(path) (\(executed.cells.count) cells, \(how)) → \(output)/\(executed.document.name).html")
                } else {
                    reporter.finished(name, line: "FAILED  \(path) (\(how))")
                    lock.withLock { executed.errorMessages.forEach(printError) }
                }
            }
        }
        reporter.stop()
        return results.compactMap { $0 }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
