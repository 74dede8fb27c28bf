/// One cell of a ``Table``: text, a number (formatted compactly, like the tick labels), or nothing.
public enum TableCell: Equatable, Sendable, Codable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    /// Text shown as is.
    case text(String)
    /// A real number, shown with ``formatNumber(_:significantDigits:)-(Double,_)`` (NaN shows as "nan").
    case number(Double)
    /// An integer, such as an epoch.
    case integer(Int)
    /// An empty cell.
    case empty

    /// A text cell from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// A number cell from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// An integer cell from a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// An empty cell from `nil`.
    public init(nilLiteral: ()) { self = .empty }

    /// The cell as displayed: numbers with `significantDigits`, empty cells as "".
    public func formatted(significantDigits: Int = 4) -> String {
        switch self {
        case .text(let text): return text
        case .number(let value): return formatNumber(value, significantDigits: significantDigits)
        case .integer(let value): return formatNumber(value)
        case .empty: return ""
        }
    }

    /// True for numbers and integers, which tables align to the right.
    public var isNumeric: Bool {
        switch self {
        case .number, .integer: return true
        case .text, .empty: return false
        }
    }
}

/// A table of values with named columns — what `show(history)` displays, one row per epoch.
///
/// ```swift
/// let table = Table(columns: ["epoch", "loss"], rows: [[0, 0.6931], [1, 0.4]])
/// table.html()   // <table class="tb-table">…
/// ```
public struct Table: Equatable, Sendable, Codable {
    /// The column headings.
    public var columns: [String]
    /// The rows, each with one cell per column.
    public var rows: [[TableCell]]
    /// Significant digits of the numbers (4, like `'%.4g'`).
    public var significantDigits: Int

    /// A table from cells; every row needs one cell per column.
    public init(columns: [String], rows: [[TableCell]], significantDigits: Int = 4) {
        for (index, row) in rows.enumerated() {
            require(row.count == columns.count,
                    "row \(index) has \(row.count) cells but the table has \(columns.count) columns.")
        }
        require((1...15).contains(significantDigits), "significantDigits must be in 1...15, but got \(significantDigits).")
        self.columns = columns
        self.rows = rows
        self.significantDigits = significantDigits
    }

    /// A table of numbers, nil for missing values.
    public init(columns: [String], rows: [[Double?]], significantDigits: Int = 4) {
        self.init(columns: columns, rows: rows.map { $0.map { $0.map(TableCell.number) ?? .empty } },
                  significantDigits: significantDigits)
    }

    /// The table as an HTML `<table>` (escaped; numeric cells carry `class="num"` for right alignment).
    public func html(className: String = "tb-table") -> String {
        var lines = ["<table class=\"\(SVGWriter.escape(className))\">", "<thead><tr>"
            + columns.map { "<th>\(SVGWriter.escape($0))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for row in rows {
            lines.append("<tr>" + row.map { cell in
                let text = SVGWriter.escape(cell.formatted(significantDigits: significantDigits))
                return cell.isNumeric ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
            }.joined() + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as aligned plain text (right-aligned, as pandas prints a DataFrame), for terminals.
    public var plainText: String {
        let cells = rows.map { $0.map { $0.formatted(significantDigits: significantDigits) } }
        let widths = columns.indices.map { column in
            ([columns[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return right ? padding + text : text + padding
        }
        var lines = [columns.indices.map { pad(columns[$0], widths[$0], right: true) }.joined(separator: "  ")]
        for texts in cells {
            lines.append(texts.indices.map { pad(texts[$0], widths[$0], right: true) }.joined(separator: "  "))
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }
}
