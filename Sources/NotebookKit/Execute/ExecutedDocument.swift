/// A notebook after it ran: each cell's outputs and status, ready to render.
public struct ExecutedDocument: Equatable, Sendable {
    /// The parsed notebook.
    public var document: Document
    /// One result per runnable cell, in order.
    public var cells: [CellResult]
    /// Parameters that overrode the defaults, shown on the page.
    public var parameters: [String: String] = [:]
    /// Whether the cell results came from the execution cache instead of a run.
    public var fromCache = false
    /// How many trainings were served from the memo store instead of running (0 from the execution cache).
    public var memoHits = 0
    /// The data files the program read (absolute paths), for `watch` and the cache.
    public var dataFiles: [String] = []
    /// A problem that concerns the whole notebook (no compiler found, …), if any.
    public var notebookError: String?
    /// What each inline value of the prose came to, by `InlineSpan.index`; nil where it was not evaluated.
    public var inline: [InlineResult?] = []

    /// Whether every cell did what it should, every inline value has a value and every claim held.
    public var succeeded: Bool {
        notebookError == nil && cells.allSatisfy { $0.status == .succeeded || $0.status == .failedAsExpected }
            && falseClaims.isEmpty && inline.allSatisfy { if case .error = $0 { false } else { true } }
    }

    /// The claims, in blocks and inline, whose condition did not hold: `NAME.md:LINE` and text.
    public var falseClaims: [(location: SourceLocation, text: String)] {
        let spans = document.inlineSpans
        let inBlocks = cells.flatMap { cell in
            cell.outputs.compactMap { output -> (SourceLocation, String)? in
                guard case .claim(let text, false, let line) = output else { return nil }
                return (SourceLocation(file: document.fileName, line: line), text)
            }
        }
        let inProse = inline.enumerated().compactMap { index, result -> (SourceLocation, String)? in
            guard case .claim(let text, false)? = result, index < spans.count else { return nil }
            return (spans[index].location, text)
        }
        return (inBlocks + inProse).sorted { ($0.0.line, $0.0.column ?? 0) < ($1.0.line, $1.0.column ?? 0) }
    }

    /// Every error message, with its notebook location, for the terminal.
    public var errorMessages: [String] {
        (notebookError.map { [$0] } ?? []) + cells.flatMap { cell in
            cell.outputs.compactMap { if case .error(let message) = $0 { message } else { nil } }
        } + inline.compactMap { if case .error(let message)? = $0 { message } else { nil } }
            + falseClaims.map { "\($0.location): error: this claim is false: \($0.text)" }
    }
}

/// What one cell produced.
public struct CellResult: Codable, Equatable, Sendable {
    /// The cell's index among runnable cells.
    public var index: Int
    /// Outputs in the order they were produced.
    public var outputs: [CellOutput] = []
    /// How the cell ended.
    public var status: CellStatus = .notRun
    /// Seconds from its begin marker to its end.
    public var seconds: Double = 0

    /// An empty result for cell `index`.
    public init(index: Int) { self.index = index }
}

/// How a cell ended.
public enum CellStatus: String, Codable, Equatable, Sendable {
    /// It ran to its end.
    case succeeded
    /// It failed to compile, trapped, threw, or ran out of time.
    case failed
    /// An `expect=error` cell that failed, as it should.
    case failedAsExpected
    /// An earlier failure stopped the program before this cell.
    case notRun
}

/// One output of a cell.
public enum CellOutput: Codable, Equatable, Sendable {
    /// Printed text.
    case text(String)
    /// A figure: file stem (`LABEL-K`), SVG and accessible summary.
    case figure(name: String, svg: String, alt: String)
    /// A slider: the label of its control and one choice per panel; the panels are the figures
    /// right after it, in order.
    case slider(label: String, choices: [String])
    /// A table of preformatted cells.
    case table(columns: [String], rows: [[String]])
    /// A one-line warning.
    case warning(String)
    /// An error with its notebook location.
    case error(String)
    /// A `claim(CONDITION, "TEXT")` made at notebook line `line`, and whether it held.
    case claim(text: String, holds: Bool, line: Int)
}
