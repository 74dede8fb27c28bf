import Foundation
import TrainBookShared
import NotebookWire

extension NotebookExecutor {
    /// Runs the compiled program and fills in each cell's outputs and status; returns the data files it read.
    ///
    /// An `expect=error` cell that ends the program (a trap, or `exit`) failed as it should: the
    /// program is started again with that cell skipped, the cells before it run again unseen to
    /// rebuild their state, and the notebook goes on after it. Each cell keeps what it did in the
    /// first run that reached it. `compileSkipped` are cells left out of the program because
    /// they failed to compile, as they should.
    func run(_ executable: String, folder: String, directory: String, dependencies: [String], compileSkipped: Set<Int>,
             interrupted: @escaping @Sendable () -> Bool, progress: ProgressHandler?,
             into result: inout ExecutedDocument) -> [String] {
        let document = result.document
        let compiled = result.cells
        var kept = result.cells
        var plan = RunPlan()
        var dataFiles: [String] = []
        // Memo hits per cell, from the run each cell's outputs are kept from.
        var hits = [Int](repeating: 0, count: document.cells.count)
        defer { result.memoHits = hits.reduce(0, +) }
        while true {
            let onEvent: ProgressHandler = { [plan] event in if plan.isNew(event.cell) { progress?(event) } }
            guard let (termination, collected) = runOnce(executable, folder: folder, directory: directory,
                                                         dependencies: dependencies, skipping: plan.skipped,
                                                         interrupted: interrupted, progress: onEvent, result: &result)
            else {
                result.cells = kept
                return dataFiles
            }
            var collector = collected
            dataFiles += collector.dataFiles.filter { !dataFiles.contains($0) }
            compileSkipped.forEach { collector.setStatus(.failedAsExpected, ofCell: $0) }
            if let cell = plan.expectedFailure(ending: termination, running: collector.runningCell, of: document) {
                collector.endRunningCell(as: .failedAsExpected)
                keep(collector.cells, from: plan.firstNewCell, through: cell, after: compiled, into: &kept)
                for index in stride(from: plan.firstNewCell, through: cell, by: 1) { hits[index] = collector.memoHits[index] }
                plan.skip(cell)
                continue
            }
            let failing = attributeFailure(termination, executable: executable, backtraces: folder + "/backtraces",
                                           document: document, collector: &collector, result: &result)
            // A cell that failed only when it ran again (it behaves differently each time) shows that run.
            let first = min(failing ?? plan.firstNewCell, plan.firstNewCell)
            keep(collector.cells, from: first, through: document.cells.count - 1, after: compiled, into: &kept)
            for index in first ..< document.cells.count { hits[index] = collector.memoHits[index] }
            result.inline = collector.inline
            break
        }
        result.cells = Self.flaggingUnfailedExpectations(kept, of: document)
        return dataFiles
    }

    /// Adds an error under each `expect=error` cell that ran without error.
    private static func flaggingUnfailedExpectations(_ cells: [CellResult], of document: Document) -> [CellResult] {
        var cells = cells
        for (index, cell) in document.cells.enumerated() where cell.options.expectsError && cells[index].status == .failed
            && !cells[index].outputs.contains(where: { if case .error = $0 { true } else { false } }) {
            cells[index].outputs.append(.error("\(document.fileName):\(cell.line): error: this block is marked expect=error but it ran without error"))
        }
        return cells
    }

    /// Replaces cells `first...last` of `kept` with the collected ones, after what compiling put there.
    private func keep(_ collected: [CellResult], from first: Int, through last: Int, after compiled: [CellResult],
                      into kept: inout [CellResult]) {
        guard first <= last else { return }
        for index in first...last {
            kept[index] = collected[index]
            kept[index].outputs = compiled[index].outputs + collected[index].outputs
        }
    }

    /// One run of the program: how it ended and what it sent; nil when it could not start (the
    /// notebook's error says why).
    private func runOnce(_ executable: String, folder: String, directory: String, dependencies: [String],
                         skipping: Set<Int>, interrupted: @escaping @Sendable () -> Bool, progress: ProgressHandler?,
                         result: inout ExecutedDocument) -> (ChildProcess.Termination, OutputCollector)? {
        let document = result.document
        let backtraces = folder + "/backtraces"
        try? FileManager.default.removeItem(atPath: backtraces)
        try? FileManager.default.createDirectory(atPath: backtraces, withIntermediateDirectories: true)
        var collector = OutputCollector(document: document)
        collector.onEvent = progress
        do {
            let child = try process(for: executable, directory: directory, fileName: document.fileName,
                                    dependencies: dependencies, backtraces: backtraces, skipping: skipping)
            let termination = try child.run(channel: try RecordChannel(), onOutput: { collector.consume($0) },
                                            onRecord: { collector.receive(frame: $0) }, shouldStop: {
                if interrupted() { return .interrupted }
                if let start = collector.runningInlineStart { return Date().timeIntervalSince(start) > defaultCellTimeout ? .timeout : nil }
                guard let running = collector.runningCell, let start = collector.runningCellStart else { return nil }
                let limit = document.cells[running].options.timeout ?? defaultCellTimeout
                return Date().timeIntervalSince(start) > limit ? .timeout : nil
            })
            collector.finish()
            if let memoFolder { MemoShelves.evict(root: memoFolder, limit: memoLimit ?? MemoSettings.defaultLimit) }
            return (sandboxed ? Self.unwrappingSandbox(termination) : termination, collector)
        } catch {
            result.notebookError = "\(document.fileName): error: \(error)"
            return nil
        }
    }

    /// The notebook program as a child: inside the sandbox, or (`--no-sandbox`) directly with the
    /// caller's environment. Either way the engine's settings are the same.
    private func process(for executable: String, directory: String, fileName: String, dependencies: [String],
                         backtraces: String, skipping: Set<Int>) throws -> ChildProcess {
        let caller = ProcessInfo.processInfo.environment
        var engine: [String: String] = ["OPENBLAS_NUM_THREADS": "1",
                                        "SWIFT_BACKTRACE": "enable=yes,interactive=no,format=json,output-to=\(backtraces)",
                                        "TRAINBOOK_DATA": Sandbox.dataFolder(environment: caller)]
        engine["OPENBLAS_CORETYPE"] = OpenBLASCoreType.forThisCPU()
        if let sweepWorkers { engine["TRAINBOOK_WORKERS"] = String(sweepWorkers) }
        // Always set, so a value in the caller's environment never skips a cell (`--no-sandbox`).
        engine[SkippedCells.environmentVariable] = SkippedCells.value(skipping)
        // Always set too: empty turns memo off (`--no-cache`) whatever the caller's environment says.
        // The program sees only its notebook's shelf of the store (see MemoShelves).
        let memoRoot = memoFolder.flatMap { try? Self.preparedMemoFolder($0) }
        let memo = memoRoot.flatMap {
            try? Self.preparedMemoFolder(MemoShelves.shelf(in: $0, directory: directory, fileName: fileName))
        }
        engine[MemoSettings.folderVariable] = memo ?? ""
        engine[MemoSettings.limitVariable] = memo == nil ? "" : memoLimit.map(String.init) ?? ""
        engine[MemoSettings.engineBuildVariable] = toolchain.libraryDirectory + " " + toolchain.libraryFingerprint
        guard sandboxed else {
            return ChildProcess(executable: executable, arguments: [], environment: caller.merging(engine) { $1 },
                                workingDirectory: directory)
        }
        try Sandbox.checkInstalled()
        let data = Sandbox.dataFolder(environment: caller)
        // By default the data folder also holds the build and execution caches: other notebooks' programs and results.
        let caches = ([workRoot] + (cache.map { [$0.folder] } ?? [])).filter { $0.hasPrefix(data + "/") }
        // The whole store is hidden (it lies in the data folder by default), then the own shelf bound back.
        let sandbox = Sandbox(readable: [directory, data] + dependencies, hidden: caches + (memoRoot.map { [$0] } ?? []),
                              writable: [backtraces] + (memo.map { [$0] } ?? []))
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
    /// Returns the failing cell, if the failure has one.
    private func attributeFailure(_ termination: ChildProcess.Termination, executable: String, backtraces: String,
                                  document: Document,
                                  collector: inout OutputCollector, result: inout ExecutedDocument) -> Int? {
        let endedInCell = collector.runningCell
        if let span = collector.inlineProgress.running {
            attributeFailure(termination, toInline: span, backtraces: backtraces, document: document, collector: &collector)
            return nil
        }
        guard termination != .exited(0) || endedInCell != nil else { return nil }
        guard let failing = endedInCell ?? collector.lastBegun.flatMap({ collector.cells[$0].status == .succeeded ? nil : $0 }) else {
            let said = collector.cells.first?.outputs.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined() ?? ""
            result.notebookError = said.hasPrefix("bwrap:")
                ? "\(document.fileName): error: the sandbox could not start (\(said.trimmingCharacters(in: .whitespacesAndNewlines))); fix its cause, or pass --no-sandbox to run notebooks you trust unconfined"
                : "\(document.fileName): error: the notebook program ended with \(termination) outside any cell"
            return nil
        }
        let cell = document.cells[failing]
        let tail = collector.droppedTail[failing].map { [CellOutput.text(String(decoding: $0, as: UTF8.self))] } ?? []
        let failure = CrashReport.describe(termination, text: collector.cells[failing].outputs + tail,
                                           cellTimeout: cell.options.timeout ?? defaultCellTimeout)
        let line = CrashReport.notebookLine(in: backtraces, fileName: document.fileName)
            ?? (failure.kind == .uncaughtError ? throwingLine(of: cell, executable: executable, backtraces: backtraces,
                                                              fileName: document.fileName) : nil)
            ?? (failure.kind == .earlyExit ? CrashReport.onlyExitLine(of: cell) : nil) ?? cell.line
        collector.removeRuntimeMessages(fromCell: failing)
        collector.add(.error("\(document.fileName):\(line): error: \(failure.reason)"), toCell: failing)
        collector.setStatus(.failed, ofCell: failing)
        return failing
    }

    /// The line of the call that threw an uncaught error: from the program's last throw when it lies
    /// in the failing cell, else the cell's only `try`.
    private func throwingLine(of cell: Cell, executable: String, backtraces: String, fileName: String) -> Int? {
        let end = cell.line + cell.source.split(separator: "\n", omittingEmptySubsequences: false).count
        if let line = CrashReport.throwingLine(in: backtraces, executable: executable, fileName: fileName, toolchain: toolchain),
           line >= cell.line, line < end {
            return line
        }
        return CrashReport.onlyThrowingLine(of: cell)
    }
}
