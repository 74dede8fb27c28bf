/// An inline value in prose: `` `{swift} EXPR` `` (Quarto's spelling), replaced on the page by the
/// value of the Swift expression `EXPR` as the program stands after the nearest block above it.
///
/// `EXPR` may go on with a format, `` `{swift} accuracy, format: .percent(1)` ``, or be a checked
/// claim, `` `{swift} claim(best < 0.1, "the best loss is below 0.1")` ``.
public struct InlineSpan: Equatable, Sendable {
    /// The Swift text after `{swift}`, without surrounding spaces.
    public var expression: String
    /// Where the expression's first character is (its byte column, as the compiler counts).
    public var location: SourceLocation
    /// Position among the notebook's inline spans, from 0, in reading order.
    public var index = 0
    /// The runnable cell after which the program evaluates it; nil: before any cell.
    public var afterCell: Int?

    /// The span as the author wrote it.
    public var source: String { "`{swift} \(expression)`" }

    /// The span a compiler message at `location` is about: the last on its line that starts at or
    /// before its column.
    static func containing(_ location: SourceLocation, in spans: [InlineSpan]) -> InlineSpan? {
        let onLine = spans.filter { $0.location.line == location.line }
        return onLine.last { ($0.location.column ?? 1) <= (location.column ?? 1) } ?? onLine.first
    }
}

/// What an inline span came to when the program ran.
public enum InlineResult: Codable, Equatable, Sendable {
    /// Its value, as text.
    case value(String)
    /// A `claim(CONDITION, "TEXT")`: its text and whether the condition held.
    case claim(text: String, holds: Bool)
    /// Why it has no value: a compile error at its column, or the runtime error that stopped it.
    case error(String)
}
