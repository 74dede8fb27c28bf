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
                                skipping: build.skipping, interrupted: interrupted, progress: progress, into: &result)
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

    /// Compiles `document` without running it and returns every error and warning at its notebook line.
    public func check(_ document: Document, text: String, directory: String, parameters: [String: String] = [:],
                      interrupted: @escaping @Sendable () -> Bool = { false }) -> [String] {
        var result = ExecutedDocument(document: document, cells: document.cells.map { CellResult(index: $0.index) })
        result.inline = Array(repeating: nil, count: document.inlineSpans.count)
        guard !document.cells.isEmpty || !result.inline.isEmpty else { return [] }
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
        let spans = result.document.inlineSpans
        for diagnostic in outcome.diagnostics where diagnostic.severity != "note" {
            // A message about an inline value shows where its value would be.
            if diagnostic.cellIndex == nil, let span = InlineSpan.containing(diagnostic.location, in: spans) {
                if diagnostic.severity == "error", result.inline[span.index] == nil { result.inline[span.index] = .error(diagnostic.description) }
                continue
            }
            let index = diagnostic.cellIndex ?? 0
            result.cells[index].outputs.append(diagnostic.severity == "error" ? .error(diagnostic.description) : .warning(diagnostic.description))
            if diagnostic.severity == "error" { result.cells[index].status = .failed }
        }
    }

    private func run(_ executable: String, folder: String, directory: String, dependencies: [String], skipping: Set<Int>,
                     interrupted: @escaping @Sendable () -> Bool, progress: ProgressHandler?,
                     into result: inout ExecutedDocument) -> [String] {
        let document = result.document
        let backtraces = folder + "/backtraces"
        try? FileManager.default.removeItem(atPath: backtraces)
        try? FileManager.default.createDirectory(atPath: backtraces, withIntermediateDirectories: true)
        var collector = OutputCollector(document: document)
        let preserved = result.cells
        collector.onEvent = progress
        let termination: ChildProcess.Termination
        do {
            let child = try process(for: executable, directory: directory, dependencies: dependencies, backtraces: backtraces)
            termination = try child.run(channel: try RecordChannel(), onOutput: { collector.consume($0) },
                                        onRecord: { collector.receive(frame: $0) }, shouldStop: {
                if interrupted() { return "interrupted" }
                if let start = collector.runningInlineStart { return Date().timeIntervalSince(start) > defaultCellTimeout ? "timeout" : nil }
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
        attributeFailure(sandboxed ? Self.unwrappingSandbox(termination) : termination, backtraces: backtraces,
                         document: document, collector: &collector, result: &result)
        for (index, cell) in document.cells.enumerated() {
            var outputs = preserved[index].outputs + collector.cells[index].outputs
            if cell.options.expectsError, collector.cells[index].status == .failed,
               !outputs.contains(where: { if case .error = $0 { true } else { false } }) {
                outputs.append(.error("\(document.fileName):\(cell.line): error: this block is marked expect=error but it ran without error"))
            }
            result.cells[index].outputs = outputs
            result.cells[index].status = collector.cells[index].status
            result.cells[index].seconds = collector.cells[index].seconds
        }
        result.inline = collector.inline
        return collector.dataFiles
    }

    /// The notebook program as a child: inside the sandbox, or (`--no-sandbox`) directly with the
    /// caller's environment. Either way the engine's settings are the same.
    private func process(for executable: String, directory: String, dependencies: [String],
                         backtraces: String) throws -> ChildProcess {
        let caller = ProcessInfo.processInfo.environment
        var engine: [String: String] = ["OPENBLAS_NUM_THREADS": "1",
                                        "SWIFT_BACKTRACE": "enable=yes,interactive=no,format=json,output-to=\(backtraces)",
                                        "TRAINBOOK_DATA": Sandbox.dataFolder(environment: caller)]
        engine["OPENBLAS_CORETYPE"] = OpenBLASCoreType.forThisCPU()
        if let sweepWorkers { engine["TRAINBOOK_WORKERS"] = String(sweepWorkers) }
        guard sandboxed else {
            return ChildProcess(executable: executable, arguments: [], environment: caller.merging(engine) { $1 },
                                workingDirectory: directory)
        }
        try Sandbox.checkInstalled()
        let data = Sandbox.dataFolder(environment: caller)
        // By default the data folder also holds the build and execution caches: other notebooks' programs and results.
        let caches = ([workRoot] + (cache.map { [$0.folder] } ?? [])).filter { $0.hasPrefix(data + "/") }
        let sandbox = Sandbox(readable: [directory, data] + dependencies, hidden: caches, writable: [backtraces])
        let arguments = sandbox.arguments(program: executable, directory: directory, toolchain: toolchain,
                                          environment: Sandbox.environment(engine: engine, caller: caller))
        return ChildProcess(executable: Sandbox.bubblewrap, arguments: arguments, environment: caller, workingDirectory: nil)
    }

    /// bubblewrap ends with 128 + N when the program died of signal N; a notebook that calls
    /// `exit(132)` itself is read as a trap, a price paid for knowing traps inside the sandbox.
    static func unwrappingSandbox(_ termination: ChildProcess.Termination) -> ChildProcess.Termination {
        if case .exited(let code) = termination, code > 128, code < 128 + 32 { return .signalled(code - 128) }
        return termination
    }

    /// Puts the reason the program stopped under the cell that was running, at its notebook line;
    /// a program that ended while a cell ran, even with status 0, ended early.
    private func attributeFailure(_ termination: ChildProcess.Termination, backtraces: String, document: Document,
                                  collector: inout OutputCollector, result: inout ExecutedDocument) {
        let endedInCell = collector.runningCell
        if let span = collector.inlineProgress.running {
            attributeFailure(termination, toInline: span, backtraces: backtraces, document: document, collector: &collector)
            return
        }
        guard termination != .exited(0) || endedInCell != nil else { return }
        guard let failing = endedInCell ?? collector.lastBegun.flatMap({ collector.cells[$0].status == .succeeded ? nil : $0 }) else {
            let said = collector.cells.first?.outputs.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined() ?? ""
            result.notebookError = said.hasPrefix("bwrap:")
                ? "\(document.fileName): error: the sandbox could not start (\(said.trimmingCharacters(in: .whitespacesAndNewlines))); fix its cause, or pass --no-sandbox to run notebooks you trust unconfined"
                : "\(document.fileName): error: the notebook program ended with \(termination) outside any cell"
            return
        }
        let cell = document.cells[failing]
        let tail = collector.droppedTail[failing].map { [CellOutput.text(String(decoding: $0, as: UTF8.self))] } ?? []
        let failure = CrashReport.describe(termination, text: collector.cells[failing].outputs + tail,
                                           cellTimeout: cell.options.timeout ?? defaultCellTimeout)
        let line = CrashReport.notebookLine(in: backtraces, fileName: document.fileName)
            ?? (failure.isUncaughtError ? CrashReport.onlyThrowingLine(of: cell) : nil)
            ?? (failure.isEarlyExit ? CrashReport.onlyExitLine(of: cell) : nil) ?? cell.line
        collector.removeRuntimeMessages(fromCell: failing)
        collector.add(.error("\(document.fileName):\(line): error: \(failure.reason)"), toCell: failing)
        collector.setStatus(.failed, ofCell: failing)
    }
}
