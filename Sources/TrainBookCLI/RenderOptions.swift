import ArgumentParser
import Foundation
import NotebookKit

/// The options `render` and `watch` share.
struct RenderOptions: ParsableArguments {
    @Argument(help: "Notebook files or folders of notebooks (default: notebooks).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder for pages and figures.")
    var out: String = "output"

    @Option(name: .customShort("p"), parsing: .singleValue,
            help: ArgumentHelp("Override a value of the notebooks' `swift-train parameters` blocks.", valueName: "NAME=VALUE"))
    var parameter: [String] = []

    @Flag(help: "Keep raw HTML in the notebooks' prose (dropped by default).")
    var allowHTML = false

    @Option(help: "Seconds a cell may run when its block sets no timeout=.")
    var timeout: Double = 1800

    @Option(help: "Seconds a notebook may take to compile.")
    var compileTimeout: Double = 600

    @Flag(help: "Run every notebook even when its code, parameters, data and engine are unchanged.")
    var noCache = false

    @Flag(help: "Run notebook code outside the sandbox, with all of your rights (files, network, environment, processes). Only for notebooks you trust, or where bubblewrap cannot run.")
    var noSandbox = false

    @Flag(help: "Also write NAME.ipynb (nbformat 4.5) beside each page, for Jupyter, GitHub and nbviewer.")
    var ipynb = false

    @Flag(help: "Also print each page to NAME.pdf with headless Chromium (chromium must be installed).")
    var pdf = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard compileTimeout > 0 else { throw ValidationError("--compile-timeout must be a positive number of seconds") }
    }

    /// The notebooks to render, and messages for the ones skipped because their names cannot name a
    /// page or their stems clash.
    func notebooks() throws -> (all: [String], unique: [String], duplicates: [String]) {
        let found = try NotebookFinder.notebooks(in: paths.isEmpty ? ["notebooks"] : paths)
        let (unique, duplicates) = NotebookFinder.separatingUnrenderable(found)
        return (found, unique, duplicates)
    }

    /// A renderer for `notebooks`, with `parallel` of them running at once.
    func renderer(for notebooks: [String], parallel: Int) throws -> BookRenderer {
        let parameters = try ParameterOption.parse(parameter)
        let toolchain = try Toolchain.locate()
        var executor = NotebookExecutor(toolchain: toolchain, workRoot: CacheFolder.path + "/build")
        executor.defaultCellTimeout = timeout
        executor.compileTimeout = compileTimeout
        executor.cache = noCache ? nil : ExecutionCache(folder: CacheFolder.path + "/executions")
        executor.memoFolder = noCache ? nil : CacheFolder.memo
        executor.memoLimit = try CacheFolder.memoLimit()
        if noSandbox {
            printError("warning: --no-sandbox: notebook code runs with ALL of your rights: it can read, change and delete your files, use the network, read your environment variables and leave processes running. Use it only for notebooks you trust.")
            executor.sandboxed = false
        } else {
            try Sandbox.checkInstalled()
        }
        // With several notebooks at once, each one's sweeps still get every core: the heaviest
        // notebook (04's 22 MNIST trainings) outlasts all the others together, and a share of the
        // cores would leave it one core while the rest of the machine idles.
        if parallel > 1 { executor.sweepWorkers = ProcessInfo.processInfo.activeProcessorCount }
        var renderer = BookRenderer(executor: executor, outputFolder: out)
        renderer.allowHTML = allowHTML
        renderer.parameters = parameters
        renderer.mathCacheFolder = CacheFolder.path + "/math"
        renderer.book = notebooks
        renderer.writesNotebook = ipynb
        if pdf {
            do { renderer.pdfPrinter = try PDFPrinter.locate() } catch { throw ValidationError("\(error)") }
        }
        if notebooks.count > 1 {
            renderer.parametersApplyWhereDefined = true
            try ParameterOption.requireDefined(parameters, byOneOf: notebooks)
        }
        return renderer
    }
}
