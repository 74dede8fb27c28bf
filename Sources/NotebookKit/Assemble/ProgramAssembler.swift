/// Turns a notebook's cells into ONE Swift program, so a `let` in one cell is visible in the next.
///
/// Each cell is framed by flushed begin/end markers and preceded by `#sourceLocation`, so compiler
/// diagnostics and crash backtraces name notebook lines. A cell that must fail (`expect=error`) runs
/// inside `_notebookExpectFailure`, which catches what it throws; the runner restarts a program
/// that such a cell ended (`NotebookExecutor.run`), so the rest of the notebook goes on after it.
/// Each inline value of the prose (`` `{swift} EXPR` ``) is evaluated after the cell above it, its
/// expression at its own notebook line and column, so the compiler's messages about it point into the prose.
public enum ProgramAssembler {
    /// The file name of the generated program inside its work folder.
    public static let programFileName = "main.swift"

    /// The most blocks one program may hold. swiftc compiles top-level code as one function whose
    /// cost grows faster than its length: 400 one-line blocks take 3 s, 1,500 take about a minute,
    /// and 5,000 crash the compiler. Tutorials have tens of blocks.
    public static let maximumCells = 1000

    /// The program for `document`, leaving out the cells in `skipping` (expected compile failures).
    public static func assemble(_ document: Document, parameters: [String: String] = [:],
                                skipping: Set<Int> = []) throws -> AssembledProgram {
        if document.cells.count > maximumCells {
            throw CompileError.tooManyCells(file: document.fileName, count: document.cells.count,
                                            limit: maximumCells, line: document.cells[maximumCells].line)
        }
        var lines = ["import TrainBook", "_notebookStart(id: \(literal(document.name)))"]
        var cellRanges: [Int: ClosedRange<Int>] = [:]
        let spans = Dictionary(grouping: document.inlineSpans, by: \.afterCell)
        let file = sourceLocationFile(for: document.fileName)
        lines += (spans[nil] ?? []).flatMap { evaluation(of: $0, file: file) }
        for cell in document.cells {
            let label = cell.options.label.map(literal) ?? "nil"
            lines.append("_notebookCellBegin(\(cell.index), label: \(label))")
            let first = lines.count + 1
            if !skipping.contains(cell.index) {
                let source = cell.isParameters ? try ParametersBlock(cell).overriding(parameters, in: document.fileName) : cell.source
                if cell.options.expectsError { lines.append("_notebookExpectFailure(\(cell.index)) {") }
                lines.append("#sourceLocation(file: \"\(sourceLocationFile(for: document.fileName))\", line: \(cell.line))")
                lines.append(contentsOf: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                lines.append("#sourceLocation()")
                if cell.options.expectsError { lines.append("}") }
            }
            cellRanges[cell.index] = first...max(first, lines.count)
            lines.append("_notebookCellEnd(\(cell.index))")
            lines += (spans[cell.index] ?? []).flatMap { evaluation(of: $0, file: file) }
        }
        if !parameters.isEmpty, !document.cells.contains(where: \.isParameters) {
            throw NotebookError.badParameter(name: parameters.keys.sorted()[0],
                                             "\(document.fileName) has no `swift-train parameters` block to override")
        }
        return AssembledProgram(source: lines.joined(separator: "\n") + "\n", cellRanges: cellRanges)
    }

    /// The lines that evaluate `span`: its expression stands at the column it has in the notebook,
    /// so that a compiler message's column is the author's column.
    static func evaluation(of span: InlineSpan, file: String) -> [String] {
        let call = "_inline("
        let padding = String(repeating: " ", count: max(0, (span.location.column ?? 1) - 1 - call.count))
        return ["_inlineStart(\(span.index))",
                "#sourceLocation(file: \"\(file)\", line: \(span.location.line))",
                padding + call + span.expression + ")",
                "#sourceLocation()"]
    }

    /// The file name as swiftc sees it in `#sourceLocation`: the inside of a string literal for
    /// `fileName`. swiftc reports and records this text as written, escapes and all, so
    /// `a "b".md` comes back as `a \"b\".md`; whoever reads a location must compare with this.
    public static func sourceLocationFile(for fileName: String) -> String {
        String(literal(fileName).dropFirst().dropLast())
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                result += scalar.value < 0x20 ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }
        return result + "\""
    }
}

/// A generated program and, for each cell, the lines of the program that hold it.
public struct AssembledProgram: Equatable, Sendable {
    /// The Swift source.
    public var source: String
    /// Program lines (1-based) of each cell's frame, to attribute diagnostics outside `#sourceLocation`.
    public var cellRanges: [Int: ClosedRange<Int>]

    /// The cell whose frame holds program line `line`, or the nearest cell before it.
    public func cell(atProgramLine line: Int) -> Int? {
        cellRanges.filter { $0.value.lowerBound <= line + 1 }.max { $0.key < $1.key }?.key
    }
}
