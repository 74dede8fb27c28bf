import NotebookWire

/// Decides whether a record from a notebook program is one the real program could have sent at
/// this point. Records come from code the runner does not trust, so a forged one must not be able
/// to do more than a real one: cells begin in order and end where they began, figure names are the
/// running cell's `LABEL-K`, sizes and counts are bounded.
struct RecordCheck {
    /// Each cell's label, the stem of its figure names (`cell-N` when it has none).
    let labels: [String]
    /// The cells marked `expect=error`; nil accepts an expected-failure record for any cell.
    let expectingError: Set<Int>?
    /// For each inline value, the cell after which the program evaluates it (nil: before any).
    var inlineAfter: [Int?] = []

    /// Where the program is among the inline values.
    struct InlineProgress {
        /// The inline value being evaluated.
        var running: Int?
        /// The index the next inline value to start must have.
        var next = 0
    }

    /// Bytes of figures and tables kept per run at most.
    static let displayByteLimit = 512 << 20
    /// Data files recorded per run at most.
    static let dataFileLimit = 10_000
    /// Characters of a warning kept at most.
    static let warningLimit = 10_000
    /// Panels of one slider at most.
    static let sliderPanelLimit = 100
    /// Characters of a slider's label or of one of its choices at most.
    static let sliderTextLimit = 200
    /// Characters of a claim's text or an inline value kept at most.
    static let inlineTextLimit = 10_000

    /// Why `record` is refused, given the collector's state; nil when it is acceptable.
    func problem(with record: WireRecord, running: Int?, lastBegun: Int?, figureNames: Set<String>,
                 displayBytes: Int, dataFiles: Int, inline: InlineProgress = InlineProgress()) -> String? {
        switch record {
        case .cellBegin(let index):
            if running != nil || index != (lastBegun.map { $0 + 1 } ?? 0) || !labels.indices.contains(index) {
                return "cell \(index) cannot begin here"
            }
        case .cellEnd(let index):
            if index != running { return "cell \(index) is not running" }
        case .expectedFailure(let index, _):
            if index != running || !(expectingError?.contains(index) ?? true) { return "cell \(index) is not an expect=error cell that runs" }
        case .figure(let name, let svg, let alt):
            guard let running else { return "a figure outside any cell" }
            if !isFigureName(name, of: running) || figureNames.contains(name) { return "figure name '\(name.prefix(80))' is not one this cell makes" }
            if displayBytes + svg.utf8.count + alt.utf8.count > Self.displayByteLimit { return "more than \(Self.displayByteLimit >> 20) MiB of figures and tables" }
        case .slider(let label, let choices):
            if running == nil { return "a slider outside any cell" }
            if label.count > Self.sliderTextLimit || !(1...Self.sliderPanelLimit).contains(choices.count)
                || choices.contains(where: { $0.count > Self.sliderTextLimit }) {
                return "a slider with no panels, more than \(Self.sliderPanelLimit), or a label over \(Self.sliderTextLimit) characters"
            }
        case .table(let columns, let rows):
            if running == nil { return "a table outside any cell" }
            if displayBytes + columns.joined().utf8.count + rows.joined().joined().utf8.count > Self.displayByteLimit {
                return "more than \(Self.displayByteLimit >> 20) MiB of figures and tables"
            }
        case .progress(let epoch, let epochs, _):
            if running == nil || epoch < 0 || epochs < 0 { return "progress outside any cell" }
        case .dataFile(let path):
            if !path.hasPrefix("/") || path.utf8.count > 4096 || path.contains("\0") || dataFiles >= Self.dataFileLimit {
                return "data file path '\(path.prefix(80))' is not an absolute path"
            }
        case .warning(let message):
            if running == nil || message.count > Self.warningLimit { return "a warning outside any cell or too long" }
        case .claim(let text, _, let line):
            if running == nil || line < 1 || text.count > Self.inlineTextLimit { return "a claim outside any cell or too long" }
        case .inlineStart(let index):
            // Inline values come in reading order, each after the cell above it, outside any cell.
            if running != nil || inline.running != nil || index != inline.next || !inlineAfter.indices.contains(index)
                || inlineAfter[index] != lastBegun { return "inline value \(index) cannot start here" }
        case .memoHit(let kind):
            if kind.count > 100 { return "a memo hit of an unknown kind" }
        case .inlineValue(let index, let text, _):
            if index != inline.running || text.count > Self.inlineTextLimit { return "inline value \(index) is not being evaluated or is too long" }
        }
        return nil
    }

    /// Whether `name` is `LABEL-K` for the cell's label and a positive K.
    private func isFigureName(_ name: String, of cell: Int) -> Bool {
        let prefix = labels[cell] + "-"
        guard name.hasPrefix(prefix) else { return false }
        let number = name.dropFirst(prefix.count)
        return !number.isEmpty && number.count < 10 && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            && number.first != "0"
    }
}
