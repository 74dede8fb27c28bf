import Foundation
import NotebookWire

/// Gathers what a notebook program sends into per-cell outputs: printed text goes to the cell that
/// is running, records become figures, tables, warnings. Printed text is only ever text; records
/// arrive on their own channel and are checked before they count (`RecordCheck`).
struct OutputCollector {
    /// Text kept per cell at most; a cell that prints more is cut with a note saying so.
    static let textLimit = 1 << 20
    /// Warnings about refused records shown per run at most.
    static let refusalNoteLimit = 5

    private(set) var cells: [CellResult]
    private(set) var runningCell: Int?
    private(set) var lastBegun: Int?
    private var text: [UInt8] = []
    private var textTarget: Int?
    private var truncated: Set<Int> = []
    /// The last bytes a truncated cell printed, kept so a crash message at its end is not lost.
    private(set) var droppedTail: [Int: [UInt8]] = [:]
    /// Trainings served from the memo store, by the cell that ran them.
    private(set) var memoHits: [Int]
    /// Data files the program said it read, in order of first reading.
    private(set) var dataFiles: [String] = []
    private var cellStart = Date()
    private let check: RecordCheck
    private var figureNames: Set<String> = []
    private var displayBytes = 0
    private var refusals = 0
    /// What each inline value came to, by index.
    private(set) var inline: [InlineResult?]
    /// Where the program is among the inline values.
    private(set) var inlineProgress = RecordCheck.InlineProgress()
    private var inlineStart = Date()
    /// Told when cells begin and end and when their fits finish an epoch.
    var onEvent: ((RunEvent) -> Void)?

    /// A collector for `document`'s cells.
    init(document: Document) {
        cells = document.cells.map { CellResult(index: $0.index) }
        memoHits = Array(repeating: 0, count: document.cells.count)
        let spans = document.inlineSpans
        inline = Array(repeating: nil, count: spans.count)
        check = RecordCheck(labels: document.cells.map { $0.options.label ?? "cell-\($0.index + 1)" },
                            expectingError: Set(document.cells.filter(\.options.expectsError).map(\.index)),
                            inlineAfter: spans.map(\.afterCell))
    }

    /// A collector for `cellCount` cells without labels (for tests of the stream alone).
    init(cellCount: Int) {
        cells = (0..<cellCount).map(CellResult.init)
        memoHits = Array(repeating: 0, count: cellCount)
        inline = []
        check = RecordCheck(labels: (0..<cellCount).map { "cell-\($0 + 1)" }, expectingError: nil)
    }

    /// When the running cell began, for its timeout.
    var runningCellStart: Date? { runningCell == nil ? nil : cellStart }

    /// When the inline value being evaluated began, for its timeout.
    var runningInlineStart: Date? { inlineProgress.running == nil ? nil : inlineStart }

    /// Sets what an inline value came to (an error that stopped it, say).
    mutating func setInline(_ result: InlineResult, at index: Int) {
        if inline.indices.contains(index) { inline[index] = result }
    }

    /// Takes printed text (standard output and error, merged), never looking into it for records.
    mutating func consume(_ bytes: [UInt8]) {
        appendText(bytes[...])
    }

    /// Takes one record frame's JSON; a record that is malformed or that the program could not
    /// have sent here is dropped, with a note under the running cell.
    mutating func receive(frame: [UInt8]) {
        guard let record = WireRecord.decode(json: frame) else {
            refuse("a malformed record")
            return
        }
        if let problem = check.problem(with: record, running: runningCell, lastBegun: lastBegun, figureNames: figureNames,
                                       displayBytes: displayBytes, dataFiles: dataFiles.count, inline: inlineProgress) {
            refuse("a record (\(problem))")
            return
        }
        handle(record)
    }

    private mutating func refuse(_ what: String) {
        refusals += 1
        guard refusals <= Self.refusalNoteLimit, let target = textTarget ?? (cells.isEmpty ? nil : 0) else { return }
        add(.warning("the notebook program sent \(what); it was ignored"), toCell: target)
    }

    /// Ends the stream: text still buffered goes to the cell that printed it.
    mutating func finish() {
        flushText()
    }

    /// Adds an output to a cell.
    mutating func add(_ output: CellOutput, toCell index: Int) {
        flushText()
        cells[index].outputs.append(output)
    }

    /// Drops the runtime's `Fatal error:` (and precondition) lines from a failed cell's text; the error output says it.
    mutating func removeRuntimeMessages(fromCell index: Int) {
        flushText()
        cells[index].outputs = cells[index].outputs.compactMap { output in
            guard case .text(let text) = output else { return output }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !CrashReport.isRuntimeMessage($0) }
            while lines.count > 1, let last = lines.last, last.isEmpty, lines[lines.count - 2].isEmpty { lines.removeLast() }
            let kept = lines.joined(separator: "\n")
            return kept.allSatisfy(\.isNewline) ? nil : .text(kept)
        }
    }

    /// Ends the cell the program was running when it ended, with `status` and the time it ran.
    mutating func endRunningCell(as status: CellStatus) {
        guard let running = runningCell else { return }
        flushText()
        cells[running].status = status
        cells[running].seconds = Date().timeIntervalSince(cellStart)
        runningCell = nil
    }

    /// Sets a cell's status.
    mutating func setStatus(_ status: CellStatus, ofCell index: Int) {
        cells[index].status = status
    }

    private mutating func handle(_ record: WireRecord) {
        flushText()
        switch record {
        case .cellBegin(let index):
            runningCell = index
            lastBegun = index
            textTarget = index
            cellStart = Date()
            onEvent?(.cellStarted(index))
        case .cellEnd(let index):
            if cells[index].status == .notRun { cells[index].status = .succeeded }
            cells[index].seconds = Date().timeIntervalSince(cellStart)
            runningCell = nil
            onEvent?(.cellFinished(index, seconds: cells[index].seconds))
        case .figure(let name, let svg, let alt):
            figureNames.insert(name)
            displayBytes += svg.utf8.count + alt.utf8.count
            if let target = textTarget { cells[target].outputs.append(.figure(name: name, svg: svg, alt: alt)) }
        case .slider(let label, let choices):
            displayBytes += label.utf8.count + choices.joined().utf8.count
            if let target = textTarget { cells[target].outputs.append(.slider(label: label, choices: choices)) }
        case .table(let columns, let rows):
            displayBytes += columns.joined().utf8.count + rows.joined().joined().utf8.count
            if let target = textTarget { cells[target].outputs.append(.table(columns: columns, rows: rows)) }
        case .warning(let message):
            if let target = textTarget { cells[target].outputs.append(.warning(message)) }
        case .progress(let epoch, let epochs, let loss):
            onEvent?(.epochEnded(cell: runningCell ?? 0, epoch: epoch, epochs: epochs, loss: loss))
        case .memoHit:
            let cell = runningCell ?? lastBegun ?? 0
            if memoHits.indices.contains(cell) { memoHits[cell] += 1 }
            onEvent?(.memoHit(cell: cell))
        case .dataFile(let path):
            if !dataFiles.contains(path) { dataFiles.append(path) }
        case .expectedFailure(let index, let failed):
            cells[index].status = failed ? .failedAsExpected : .failed
        case .claim(let text, let holds, let line):
            if let target = textTarget { cells[target].outputs.append(.claim(text: text, holds: holds, line: line)) }
        case .inlineStart(let index):
            inlineProgress = RecordCheck.InlineProgress(running: index, next: index + 1)
            inlineStart = Date()
        case .inlineValue(let index, let text, let claim):
            inline[index] = claim.map { .claim(text: text, holds: $0) } ?? .value(text)
            inlineProgress.running = nil
        }
    }

    private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        let target = textTarget ?? 0
        guard cells.indices.contains(target) else { return }
        if truncated.contains(target) {
            var tail = droppedTail[target, default: []] + bytes
            if tail.count > 8192 { tail.removeFirst(tail.count - 4096) }
            droppedTail[target] = tail
            return
        }
        let used = cells[target].outputs.reduce(0) { total, output in
            if case .text(let printed) = output { total + printed.utf8.count } else { total }
        } + text.count
        if used + bytes.count > Self.textLimit {
            text += bytes.prefix(max(0, Self.textLimit - used))
            truncated.insert(target)
            flushText()
            cells[target].outputs.append(.warning("output truncated: this cell printed more than \(Self.textLimit / 1024) KiB; only the first \(Self.textLimit / 1024) KiB are shown"))
            return
        }
        text += bytes
    }

    private mutating func flushText() {
        guard !text.isEmpty, let target = textTarget ?? (cells.isEmpty ? nil : 0) else { return }
        let cleaned = Self.removingRuntimeNoise(String(decoding: text, as: UTF8.self))
        text = []
        guard !cleaned.isEmpty else { return }
        if case .text(let previous)? = cells[target].outputs.last {
            cells[target].outputs[cells[target].outputs.count - 1] = .text(previous + cleaned)
        } else {
            cells[target].outputs.append(.text(cleaned))
        }
    }

    /// Drops the Swift runtime's own crash banners; the runner reports the crash itself.
    static func removingRuntimeNoise(_ text: String) -> String {
        guard text.contains("*** Signal") || text.contains("swift-runtime:") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("*** Signal ") && !$0.hasPrefix("swift-runtime: ") }
            .joined(separator: "\n")
    }
}
