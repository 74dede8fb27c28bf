import Foundation

/// Compiles and runs one notebook: assemble → compile → run → collect, with every failure mapped
/// to the cell and notebook line it belongs to.
public struct NotebookExecutor: Sendable {
    /// Compiler and library.
    public var toolchain: Toolchain
    /// Seconds a cell may run when it sets no `timeout=`.
    public var defaultCellTimeout: Double = 1800
    /// Seconds a notebook may take to compile. Apart from the cells' limit: a short cell timeout
    /// (`--timeout 2` for a quick check) must not stop a compile that a loaded machine makes slow.
    public var compileTimeout: Double = 600
    /// A folder for generated programs and executables, shared safely by concurrent renders.
    public var workRoot: String
    /// Results of earlier successful runs; nil runs every notebook (`--no-cache`).
    public var cache: ExecutionCache?
    /// Threads each notebook's sweeps may use; nil lets them use every core. Set it when several
    /// notebooks run at once so they do not oversubscribe the cores.
    public var sweepWorkers: Int?
    /// The folder of memoized trainings: one shelf per notebook, shared by that notebook's renders;
    /// nil turns memo off (`--no-cache`). A program sees and writes only its own notebook's shelf.
    public var memoFolder: String?
    /// The most bytes the memo store may take; nil is the engine's default (2 GiB).
    public var memoLimit: Int?
    /// Whether notebook programs run inside the sandbox (`Sandbox`); false is `--no-sandbox`.
    public var sandboxed = true

    /// An executor building in `workRoot`.
    public init(toolchain: Toolchain, workRoot: String) {
        self.toolchain = toolchain
        self.workRoot = workRoot
    }

    /// Receives what the running program reports, as it happens.
    public typealias ProgressHandler = @Sendable (RunEvent) -> Void

    /// Runs `document` (whose Markdown is `text`, in folder `directory`) with parameter overrides.
    public func execute(_ document: Document, text: String, directory: String, parameters: [String: String] = [:],
                        interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: ProgressHandler? = nil) -> ExecutedDocument {
        var result = ExecutedDocument(document: document, cells: document.cells.map { CellResult(index: $0.index) },
                                      parameters: parameters)
        result.inline = Array(repeating: nil, count: document.inlineSpans.count)
        guard !document.cells.isEmpty || !result.inline.isEmpty else { return result }
        do {
            let program = try ProgramAssembler.assemble(document, parameters: parameters)
            let dependencies = try DependencyFiles(document, directory: directory)
            let key = try ExecutionCache.key(for: document, parameters: parameters, toolchain: toolchain,
                                             dependencies: dependencies.roots)
            if let cached = cache?.lookupEntry(key, for: document), cached.cells.count == result.cells.count,
               cached.inline.count == result.inline.count,
               ExecutionCache.fitsTimeLimits(cached.cells, of: document, defaultTimeout: defaultCellTimeout) {
                result.cells = cached.cells
                result.inline = cached.inline
                result.dataFiles = cached.dataFiles
                result.fromCache = true
                return result
            }
            let build = try compile(program, of: document, text: text, directory: directory, parameters: parameters,
                                    interrupted: interrupted, into: &result)
            defer { BuildFolder.discard(build.folder) }
            guard let executable = build.outcome.executable else {
                report(compileFailure: build.outcome, into: &result)
                return result
            }
            let dataFiles = run(executable, folder: build.folder, directory: directory, dependencies: dependencies.roots,
                                compileSkipped: build.skipping, interrupted: interrupted, progress: progress, into: &result)
                + dependencies.files
            result.dataFiles = dataFiles
            if result.succeeded, !interrupted() {
                try? cache?.store(result.cells, key: key, dataFiles: dataFiles, layout: CellLayout(document), inline: result.inline)
            }
        } catch let error as NotebookError {
            result.notebookError = error.description
        } catch let error as CompileError {
            result.notebookError = error.description
        } catch let error as DependencyError {
            result.notebookError = error.description
        } catch {
            result.notebookError = "\(document.fileName): error: \(error)"
        }
        return result
    }

    /// Compiles in a folder private to this render (the caller discards it); cells that must fail
    /// and did so at compile time are left out and the rest compiled again.
    func compile(_ assembled: AssembledProgram, of document: Document, text: String, directory: String,
                 parameters: [String: String], interrupted: @escaping @Sendable () -> Bool,
                 into result: inout ExecutedDocument) throws
        -> (outcome: NotebookCompiler.Outcome, folder: String, skipping: Set<Int>) {
        let shared = BuildFolder(workRoot: workRoot, fileName: document.fileName, directory: directory)
        let folder = try shared.makePrivateFolder()
        let compiler = NotebookCompiler(toolchain: toolchain)
        func build(_ program: AssembledProgram) throws -> NotebookCompiler.Outcome {
            try compiler.compile(program, of: document, notebookText: text, in: folder, shared: shared,
                                 timeout: compileTimeout, interrupted: interrupted)
        }
        do {
            var outcome = try build(assembled)
            let expected = Set(document.cells.filter(\.options.expectsError).map(\.index))
            // Every error must lie in an expect=error cell; one outside any cell fails the notebook.
            let errors = outcome.diagnostics.filter { $0.severity == .error }
            let located = errors.compactMap { diagnostic in diagnostic.cellIndex.map { (diagnostic, cell: $0) } }
            let failing = Set(located.map(\.cell))
            guard outcome.executable == nil, !errors.isEmpty, located.count == errors.count, failing.isSubset(of: expected) else {
                return (outcome, folder, [])
            }
            for (diagnostic, cell) in located { result.cells[cell].outputs.append(.text(diagnostic.description)) }
            failing.forEach { result.cells[$0].status = .failedAsExpected }
            outcome = try build(ProgramAssembler.assemble(document, parameters: parameters, skipping: failing))
            return (outcome, folder, failing)
        } catch {
            BuildFolder.discard(folder)
            throw error
        }
    }

    private func report(compileFailure outcome: NotebookCompiler.Outcome, into result: inout ExecutedDocument) {
        guard outcome.diagnostics.contains(where: { $0.severity == .error }) else {
            result.notebookError = Self.unattributed(outcome, fileName: result.document.fileName)
            return
        }
        let spans = result.document.inlineSpans
        for diagnostic in outcome.diagnostics {
            // A message about an inline value shows where its value would be.
            if diagnostic.cellIndex == nil, let span = InlineSpan.containing(diagnostic.location, in: spans) {
                if diagnostic.severity == .error, result.inline[span.index] == nil { result.inline[span.index] = .error(diagnostic.description) }
                continue
            }
            // A message outside every cell (about the generated frame) goes under the first one.
            let index = result.cells.indices.contains(diagnostic.cellIndex ?? 0) ? diagnostic.cellIndex ?? 0 : 0
            switch diagnostic.severity {
            case .error:
                result.cells[index].outputs.append(.error(diagnostic.description))
                result.cells[index].status = .failed
            case .warning:
                result.cells[index].outputs.append(.warning(diagnostic.description))
            case .note:
                break
            }
        }
    }

    /// The message for a compile that failed without an error swiftc attributed to a line.
    static func unattributed(_ outcome: NotebookCompiler.Outcome, fileName: String) -> String {
        "\(fileName): error: the notebook program did not compile:\n\(outcome.rawOutput)"
    }
}
