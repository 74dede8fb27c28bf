import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook check`: parse and compile notebooks without running them.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and compile notebooks without running them, reporting every error at its notebook line.")

    @Argument(help: "Notebook files or folders of notebooks (default: notebooks).")
    var paths: [String] = []

    @Option(name: .customShort("p"), parsing: .singleValue,
            help: ArgumentHelp("Check with a parameter overridden (accepted and refused exactly as `render -p`).", valueName: "NAME=VALUE"))
    var parameter: [String] = []

    mutating func run() throws {
        Interrupt.install()
        let notebooks = try NotebookFinder.notebooks(in: paths.isEmpty ? ["notebooks"] : paths)
        let parameters = try ParameterOption.parse(parameter)
        // As `render` does: with several notebooks an override goes only where it is defined.
        let several = notebooks.count > 1
        if several { try ParameterOption.requireDefined(parameters, byOneOf: notebooks) }
        let executor = NotebookExecutor(toolchain: try Toolchain.locate(), workRoot: CacheFolder.path + "/check")
        var failures = 0
        for path in notebooks where !Interrupt.requested {
            var result: CheckResult
            do {
                let notebook = try NotebookFile(path: path)
                let defined = Set(notebook.document.parameterNames)
                result = executor.check(notebook.document, text: notebook.text, directory: notebook.directory,
                                        parameters: several ? parameters.filter { defined.contains($0.key) } : parameters,
                                        interrupted: { Interrupt.requested })
                // Render typesets the math before anything runs; bad TeX is an error here too.
                do { _ = try MathTypesetter(cacheFolder: CacheFolder.path + "/math").typeset(notebook.document) } catch {
                    result.notebookErrors.insert("\(error)", at: 0)
                }
            } catch {
                result = CheckResult(notebookErrors: ["\(error)"])
            }
            // Paths and messages quote the notebook: printed without its escape codes.
            if result.failed { failures += 1; print(TerminalText.safe("ERRORS  \(path)")) } else { print(TerminalText.safe("ok      \(path)")) }
            result.messages.forEach(printError)
        }
        if Interrupt.requested { throw ExitCode(130) }
        if failures > 0 { throw ExitCode.failure }
    }
}
