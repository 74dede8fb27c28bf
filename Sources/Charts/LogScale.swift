import Foundation

/// Equal ratios are equal distances (base 10); values ≤ 0 are not drawn, as in matplotlib.
public struct LogScale: Scale {
    /// A base-10 log scale.
    public init() {}

    /// "x on a log scale".
    public var summaryName: String? { "log" }

    /// A curve growing a thousandfold is still readable on a log axis.
    public var compressesGrowth: Bool { true }

    /// log10 of positive finite values; nil for the rest.
    public func transform(_ value: Double) -> Double? {
        value.isFinite && value > 0 ? log10(value) : nil
    }

    /// 10 to the coordinate.
    public func inverse(_ coordinate: Double) -> Double { pow(10, coordinate) }

    /// 5 % margins in log space, a factor of two around a single value, 1…10 without data. Near the
    /// ends of the Double range a margin that would underflow or overflow stops at the last Double.
    public func limits(around range: DataRange?, margin: Double) -> (Double, Double) {
        guard let range else { return (1, 10) }
        let lo = log10(range.lower), hi = log10(range.upper)
        if lo == hi && range.lower / 2 > 0 && (range.upper * 2).isFinite { return (range.lower / 2, range.upper * 2) }
        let pad = lo == hi ? log10(2) : (hi - lo) * margin
        // 10^(lo − pad) may underflow below the smallest subnormal: the axis then starts at it.
        let lower = max(pow(10, lo - pad), .leastNonzeroMagnitude)
        let upper = min(pow(10, hi + pad), .greatestFiniteMagnitude)
        return lower < upper ? (lower, upper) : (min(range.lower, 1), max(range.upper, 10))
    }

    /// A non-positive lower end becomes the automatic one (or a decade under the upper end), a
    /// non-positive upper end the automatic one; then as any scale.
    public func limits(explicit: ClosedRange<Double>, automatic: (Double, Double)) -> (Double, Double) {
        var lower = explicit.lowerBound, upper = explicit.upperBound
        if !(lower > 0) { lower = min(automatic.0, upper / 10) }
        if !(upper > 0) { upper = automatic.1 }
        guard lower.isFinite, upper.isFinite, transform(lower) != nil else { return automatic }
        if lower >= upper { return limits(around: DataRange(lower), margin: 0.05) }
        return (lower, upper)
    }

    /// Decades labelled 10ⁿ, with minor ticks; plain labels when less than two decades show.
    public func ticks(from lower: Double, to upper: Double, maxCount: Int) -> AxisTicks {
        logTicks(from: lower, to: upper, maxCount: maxCount)
    }
}
