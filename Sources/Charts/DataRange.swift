/// The smallest interval holding a set of values.
public struct DataRange: Equatable, Sendable {
    /// The smallest value.
    public var lower: Double
    /// The largest value.
    public var upper: Double

    /// The range holding one value.
    public init(_ value: Double) {
        lower = value
        upper = value
    }

    /// Widens the range to hold `value`.
    public mutating func include(_ value: Double) {
        lower = min(lower, value)
        upper = max(upper, value)
    }

    /// Widens the range to hold `other`.
    public mutating func include(_ other: DataRange) {
        include(other.lower)
        include(other.upper)
    }
}

extension Optional where Wrapped == DataRange {
    /// Widens the range to hold `value`, creating it on the first value.
    public mutating func include(_ value: Double) {
        if self == nil { self = DataRange(value) } else { self!.include(value) }
    }
}
