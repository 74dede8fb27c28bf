import Foundation
import NotebookWire

/// Splits the merged output stream of a notebook program into per-cell outputs: printed text
/// between records goes to the cell that is running, records become figures, tables, warnings.
struct OutputCollector {
    /// Text kept per cell at most; a cell that prints more is cut with a note saying so.
    static let textLimit = 1 << 20

    private(set) var cells: [CellResult]
    private(set) var runningCell: Int?
    private(set) var lastBegun: Int?
    private var pending: [UInt8] = []
    private var text: [UInt8] = []
    private var textTarget: Int?
    private var truncated: Set<Int> = []
    /// The last bytes a truncated cell printed, kept so a crash message at its end is not lost.
    private(set) var droppedTail: [Int: [UInt8]] = [:]
    /// Data files the program said it read, in order of first reading.
    private(set) var dataFiles: [String] = []
    private var cellStart = Date()
    /// Told when cells begin and end and when their fits finish an epoch.
    var onEvent: ((RunEvent) -> Void)?

    init(cellCount: Int) {
        cells = (0..<cellCount).map(CellResult.init)
    }

    /// When the running cell began, for its timeout.
    var runningCellStart: Date? { runningCell == nil ? nil : cellStart }

    /// Consumes a chunk of the stream.
    mutating func consume(_ bytes: [UInt8]) {
        pending += bytes
        let marker = Array(WireRecord.marker.utf8)
        while !pending.isEmpty {
            guard let start = pending.firstRange(of: marker)?.lowerBound else {
                // Keep a tail that may be the beginning of a marker split across chunks.
                let keep = min(pending.count, marker.count - 1)
                let tailStart = (0...keep).reversed().first { marker.starts(with: pending.suffix($0)) } ?? 0
                appendText(pending.dropLast(tailStart))
                pending = Array(pending.suffix(tailStart))
                return
            }
            appendText(pending[..<start])
            guard let end = pending[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                pending = Array(pending[start...])
                return
            }
            let json = String(decoding: pending[(start + marker.count)..<end], as: UTF8.self)
            pending = Array(pending[(end + 1)...])
            if let record = WireRecord.decode(json: Substring(json)) { handle(record) }
        }
    }

    /// Ends the stream: text still buffered goes to the cell that printed it.
    mutating func finish() {
        appendText(pending[...])
        pending = []
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

    /// Sets a cell's status.
    mutating func setStatus(_ status: CellStatus, ofCell index: Int) {
        cells[index].status = status
    }

    private mutating func handle(_ record: WireRecord) {
        flushText()
        switch record {
        case .cellBegin(let index):
            guard cells.indices.contains(index) else { return }
            runningCell = index
            lastBegun = index
            textTarget = index
            cellStart = Date()
            onEvent?(.cellStarted(index))
        case .cellEnd(let index):
            guard cells.indices.contains(index) else { return }
            if cells[index].status == .notRun { cells[index].status = .succeeded }
            cells[index].seconds = Date().timeIntervalSince(cellStart)
            runningCell = nil
            onEvent?(.cellFinished(index, seconds: cells[index].seconds))
        case .figure(let name, let svg, let alt):
            if let target = textTarget { cells[target].outputs.append(.figure(name: name, svg: svg, alt: alt)) }
        case .table(let columns, let rows):
            if let target = textTarget { cells[target].outputs.append(.table(columns: columns, rows: rows)) }
        case .warning(let message):
            if let target = textTarget { cells[target].outputs.append(.warning(message)) }
        case .progress(let epoch, let epochs, let loss):
            onEvent?(.epochEnded(cell: runningCell ?? 0, epoch: epoch, epochs: epochs, loss: loss))
        case .dataFile(let path):
            if !dataFiles.contains(path) { dataFiles.append(path) }
        case .expectedFailure(let index, let failed):
            guard cells.indices.contains(index) else { return }
            cells[index].status = failed ? .failedAsExpected : .failed
        }
    }

    private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        let target = textTarget ?? 0
        guard cells.indices.contains(target) else { return }
        if truncated.contains(target) {
            droppedTail[target, default: []] += bytes
            if droppedTail[target]!.count > 8192 { droppedTail[target]!.removeFirst(droppedTail[target]!.count - 4096) }
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
