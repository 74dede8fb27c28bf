/// A place in a notebook file, printed as `NAME.md:LINE:COLUMN`.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    /// The notebook's file name as shown to the author.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, when known.
    public var column: Int?

    /// A location in `file`.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line` without a column.
    public var description: String {
        column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
    }
}
