import Foundation

/// Compiles and runs one notebook: assemble → compile → run → collect, with every failure mapped
/// to the cell and notebook line it belongs to.
public struct NotebookExecutor: Sendable {
    /// Compiler and library.
    public var toolchain: Toolchain
    /// Seconds a cell may run when it sets no `timeout=`; also the longest a notebook may take to compile.
    public var defaultCellTimeout: Double = 1800
    /// A folder for generated programs and executables, shared safely by concurrent renders.
    public var workRoot: String
    /// Results of earlier successful runs; nil runs every notebook (`--no-cache`).
    public var cache: ExecutionCache?
    /// Threads each notebook's sweeps may use; nil lets them use every core. Set it when several
    /// notebooks run at once so they do not oversubscribe the cores.
    public var sweepWorkers: Int?

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
        guard !document.cells.isEmpty else { return result }
        do {
            let program = try ProgramAssembler.assemble(document, parameters: parameters)
            let key = try ExecutionCache.key(for: document, parameters: parameters, toolchain: toolchain)
            if let cached = cache?.lookupEntry(key, for: document), cached.cells.count == result.cells.count,
               ExecutionCache.fitsTimeLimits(cached.cells, of: document, defaultTimeout: defaultCellTimeout) {
                result.cells = cached.cells
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
            let dataFiles = run(executable, folder: build.folder, directory: directory, skipping: build.skipping,
                                interrupted: interrupted, progress: progress, into: &result)
            result.dataFiles = dataFiles
            if result.succeeded, !interrupted() { try? cache?.store(result.cells, key: key, dataFiles: dataFiles, layout: CellLayout(document)) }
        } catch let error as NotebookError {
            result.notebookError = error.description
        } catch let error as CompileError {
            result.notebookError = error.description
        } catch {
            result.notebookError = "\(document.fileName): error: \(error)"
        }
        return result
    }

    /// Compiles `document` without running it and returns every error and warning at its notebook line.
    public func check(_ document: Document, text: String, directory: String, parameters: [String: String] = [:],
                      interrupted: @escaping @Sendable () -> Bool = { false }) -> [String] {
        var result = ExecutedDocument(document: document, cells: document.cells.map { CellResult(index: $0.index) })
        guard !document.cells.isEmpty else { return [] }
        do {
            let program = try ProgramAssembler.assemble(document, parameters: parameters)
            let build = try compile(program, of: document, text: text, directory: directory, parameters: parameters,
                                    interrupted: interrupted, into: &result)
            defer { BuildFolder.discard(build.folder) }
            if build.outcome.executable == nil { report(compileFailure: build.outcome, into: &result) }
            let warnings = result.cells.flatMap { $0.outputs.compactMap { if case .warning(let w) = $0 { w } else { nil } } }
            return result.errorMessages + warnings
        } catch {
            return ["\(error)"]
        }
    }

    /// Compiles in a folder private to this render (the caller discards it); cells that must fail
    /// and did so at compile time are left out and the rest compiled again.
    private func compile(_ assembled: AssembledProgram, of document: Document, text: String, directory: String,
                         parameters: [String: String], interrupted: @escaping @Sendable () -> Bool,
                         into result: inout ExecutedDocument) throws
        -> (outcome: NotebookCompiler.Outcome, folder: String, skipping: Set<Int>) {
        let shared = BuildFolder(workRoot: workRoot, fileName: document.fileName, directory: directory)
        let folder = try shared.makePrivateFolder()
        let compiler = NotebookCompiler(toolchain: toolchain)
        func build(_ program: AssembledProgram) throws -> NotebookCompiler.Outcome {
            try compiler.compile(program, of: document, notebookText: text, in: folder, shared: shared,
                                 timeout: defaultCellTimeout, interrupted: interrupted)
        }
        do {
            var outcome = try build(assembled)
            let expected = Set(document.cells.filter(\.options.expectsError).map(\.index))
            let errors = outcome.diagnostics.filter { $0.severity == "error" }
            let failing = Set(errors.compactMap(\.cellIndex))
            guard outcome.executable == nil, !failing.isEmpty, failing.isSubset(of: expected),
                  errors.allSatisfy({ $0.cellIndex != nil }) else {
                return (outcome, folder, [])
            }
            for diagnostic in errors { result.cells[diagnostic.cellIndex!].outputs.append(.text(diagnostic.description)) }
            failing.forEach { result.cells[$0].status = .failedAsExpected }
            outcome = try build(ProgramAssembler.assemble(document, parameters: parameters, skipping: failing))
            return (outcome, folder, failing)
        } catch {
            BuildFolder.discard(folder)
            throw error
        }
    }

    private func report(compileFailure outcome: NotebookCompiler.Outcome, into result: inout ExecutedDocument) {
        let errors = outcome.diagnostics.filter { $0.severity == "error" }
        guard !errors.isEmpty else {
            result.notebookError = "\(result.document.fileName): error: the notebook program did not compile:\n\(outcome.rawOutput)"
            return
        }
        for diagnostic in outcome.diagnostics where diagnostic.severity != "note" {
            let index = diagnostic.cellIndex ?? 0
            result.cells[index].outputs.append(diagnostic.severity == "error" ? .error(diagnostic.description) : .warning(diagnostic.description))
            if diagnostic.severity == "error" { result.cells[index].status = .failed }
        }
    }

    private func run(_ executable: String, folder: String, directory: String, skipping: Set<Int>,
                     interrupted: @escaping @Sendable () -> Bool, progress: ProgressHandler?,
                     into result: inout ExecutedDocument) -> [String] {
        let document = result.document
        let backtraces = folder + "/backtraces"
        try? FileManager.default.removeItem(atPath: backtraces)
        try? FileManager.default.createDirectory(atPath: backtraces, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment["OPENBLAS_CORETYPE"] = OpenBLASCoreType.forThisCPU()
        if environment["OPENBLAS_CORETYPE"] == nil { environment.removeValue(forKey: "OPENBLAS_CORETYPE") }
        if let sweepWorkers { environment["TRAINBOOK_WORKERS"] = String(sweepWorkers) }
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,format=json,output-to=\(backtraces)"

        var collector = OutputCollector(cellCount: document.cells.count)
        let preserved = result.cells
        collector.onEvent = progress
        var termination: ChildProcess.Termination
        do {
            termination = try ChildProcess(executable: executable, arguments: [], environment: environment,
                                           workingDirectory: directory)
                .run(onOutput: { collector.consume($0) }, shouldStop: {
                    if interrupted() { return "interrupted" }
                    guard let running = collector.runningCell, let start = collector.runningCellStart else { return nil }
                    let limit = document.cells[running].options.timeout ?? defaultCellTimeout
                    return Date().timeIntervalSince(start) > limit ? "timeout" : nil
                })
        } catch {
            result.notebookError = "\(document.fileName): error: \(error)"
            return []
        }
        collector.finish()
        for index in skipping { collector.setStatus(.failedAsExpected, ofCell: index) }

        if termination != .exited(0), let failing = collector.runningCell ?? collector.lastBegun.flatMap({ collector.cells[$0].status == .succeeded ? nil : $0 }) {
            let cell = document.cells[failing]
            let tail = collector.droppedTail[failing].map { [CellOutput.text(String(decoding: $0, as: UTF8.self))] } ?? []
            let failure = CrashReport.describe(termination, text: collector.cells[failing].outputs + tail,
                                               cellTimeout: cell.options.timeout ?? defaultCellTimeout)
            let line = CrashReport.notebookLine(in: backtraces, fileName: document.fileName)
                ?? (failure.isUncaughtError ? CrashReport.onlyThrowingLine(of: cell) : nil) ?? cell.line
            let reason = failure.reason
            collector.removeRuntimeMessages(fromCell: failing)
            collector.add(.error("\(document.fileName):\(line): error: \(reason)"), toCell: failing)
            collector.setStatus(.failed, ofCell: failing)
        } else if termination != .exited(0) {
            result.notebookError = "\(document.fileName): error: the notebook program ended with \(termination) outside any cell"
        }
        for (index, cell) in document.cells.enumerated() {
            var outputs = preserved[index].outputs + collector.cells[index].outputs
            if cell.options.expectsError, collector.cells[index].status == .failed {
                outputs.append(.error("\(document.fileName):\(cell.line): error: this block is marked expect=error but it ran without error"))
            }
            result.cells[index].outputs = outputs
            result.cells[index].status = collector.cells[index].status
            result.cells[index].seconds = collector.cells[index].seconds
        }
        return collector.dataFiles.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }
    }
}
