extension NotebookExecutor {
    /// Compiles `document` without running it and returns every error, and the warnings of a
    /// failed compile, at its notebook line. Cells marked `expect=error` may fail to compile.
    public func check(_ document: Document, text: String, directory: String, parameters: [String: String] = [:],
                      interrupted: @escaping @Sendable () -> Bool = { false }) -> CheckResult {
        var result = ExecutedDocument(document: document, cells: document.cells.map { CellResult(index: $0.index) })
        guard !document.cells.isEmpty else { return CheckResult() }
        do {
            let program = try ProgramAssembler.assemble(document, parameters: parameters)
            let build = try compile(program, of: document, text: text, directory: directory, parameters: parameters,
                                    interrupted: interrupted, into: &result)
            defer { BuildFolder.discard(build.folder) }
            guard build.outcome.executable == nil else { return CheckResult() }
            guard build.outcome.diagnostics.contains(where: { $0.severity == .error }) else {
                return CheckResult(notebookErrors: [Self.unattributed(build.outcome, fileName: document.fileName)])
            }
            // In cell order, as the page would show them; a message outside every cell counts as the first's.
            let reported = build.outcome.diagnostics.filter { $0.severity != .note }
            let ordered = document.cells.indices.flatMap { cell in reported.filter { ($0.cellIndex ?? 0) == cell } }
            return CheckResult(diagnostics: ordered)
        } catch {
            return CheckResult(notebookErrors: ["\(error)"])
        }
    }
}
