/// A table of preformatted cells, shown under a notebook cell (e.g. a training history).
public struct Table: Sendable {
    /// Column titles.
    public var columns: [String]
    /// Rows of formatted cells.
    public var formattedRows: [[String]]
    /// A table from titles and rows.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.formattedRows = rows
    }
}
