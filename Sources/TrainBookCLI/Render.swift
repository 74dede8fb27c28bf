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

    @Flag(help: "Keep raw HTML in the notebooks' prose (dropped by default).")
    var allowHTML = false

    @Option(help: "Seconds a cell may run when its block sets no timeout=.")
    var timeout: Double = 1800

    @Flag(help: "Run every notebook even when its code, parameters, data and engine are unchanged.")
    var noCache = false

    mutating func run() throws {
        let notebooks = try NotebookFinder.notebooks(in: paths.isEmpty ? ["notebooks"] : paths)
        let parameters = try ParameterOption.parse(parameter)
        let toolchain: Toolchain
        do { toolchain = try Toolchain.locate() } catch { throw ValidationError("\(error)") }

        var executor = NotebookExecutor(toolchain: toolchain, workRoot: CacheFolder.path + "/build")
        executor.defaultCellTimeout = timeout
        executor.cache = noCache ? nil : ExecutionCache(folder: CacheFolder.path + "/executions")
        var renderer = BookRenderer(executor: executor, outputFolder: out)
        renderer.allowHTML = allowHTML
        renderer.parameters = parameters
        Interrupt.install()

        var failures = 0
        for path in notebooks {
            let start = Date()
            let executed = try renderer.render(notebookAt: path, interrupted: { Interrupt.requested })
            let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
            if executed.succeeded {
                let how = executed.fromCache ? "cached" : "\(seconds) s"
                print("ok      \(path) (\(executed.cells.count) cells, \(how)) → \(out)/\(executed.document.name).html")
            } else {
                failures += 1
                print("FAILED  \(path) (\(seconds) s)")
                for message in executed.errorMessages { printError(message) }
            }
            if Interrupt.requested { break }
        }
        if Interrupt.requested { throw ExitCode(130) }
        if failures > 0 {
            printError("\(failures) of \(notebooks.count) notebooks failed; their errors are above and on their pages.")
            throw ExitCode.failure
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
