import Foundation

/// How data values map to positions along an axis, and everything that follows from it: which values
/// can be shown, the automatic limits around the data, the ticks and their labels.
///
/// Linear, log and symmetric-log scales are built in (``AxisScale/linear``, ``AxisScale/log``,
/// ``AxisScale/symlog(linthresh:)``); a new scale is one type conforming to this protocol, set with
/// `axes.xScale = AxisScale(MyScale())`.
public protocol Scale: Sendable, Equatable {
    /// The scale's name in a figure's summary ("log" reads "x on a log scale"); nil for linear, which
    /// goes unmentioned.
    var summaryName: String? { get }

    /// True when growth by orders of magnitude stays readable on this scale (log), so a curve that
    /// outgrows the others steadily is drawn whole rather than clipped.
    var compressesGrowth: Bool { get }

    /// The coordinate this scale works in, or nil when the value cannot be shown (non-finite, or ≤ 0 on a log axis).
    func transform(_ value: Double) -> Double?

    /// The value at a transformed coordinate (the inverse of `transform`).
    func inverse(_ coordinate: Double) -> Double

    /// Automatic limits around the data: finite, increasing, representable, with `margin` (a fraction of
    /// the span) on each side; a sensible interval when there is no data (`range` nil).
    func limits(around range: DataRange?, margin: Double) -> (Double, Double)

    /// Explicit limits made usable: unrepresentable ends replaced, equal ends widened; `automatic` is what
    /// the data alone would give.
    func limits(explicit: ClosedRange<Double>, automatic: (Double, Double)) -> (Double, Double)

    /// The labelled major ticks (at most `maxCount`) and the minor ticks within `lower...upper`.
    func ticks(from lower: Double, to upper: Double, maxCount: Int) -> AxisTicks
}

extension Scale {
    /// Growth is not compressed unless a scale says so.
    public var compressesGrowth: Bool { false }

    /// Margins taken in transformed coordinates, so they look equal on screen; a margin that would
    /// leave what the scale can show stops at the data (as a square-root axis starts at 0). No data
    /// gives the interval whose coordinates are 0…1.
    public func limits(around range: DataRange?, margin: Double) -> (Double, Double) {
        let fallback = (inverse(0), inverse(1))
        guard let range, let lo = transform(range.lower), let hi = transform(range.upper) else { return fallback }
        let pad = lo == hi ? max(abs(lo) * margin, 1) : (hi - lo) * margin
        var lower = inverse(lo - pad), upper = inverse(hi + pad)
        if !(lower.isFinite && transform(lower) != nil && lower <= range.lower) { lower = range.lower }
        if !(upper.isFinite && transform(upper) != nil && upper >= range.upper) { upper = range.upper }
        return lower < upper ? (lower, upper) : fallback
    }

    /// Keeps finite, representable, increasing limits; equal ends are widened around their value, and
    /// anything else falls back to the automatic limits.
    public func limits(explicit: ClosedRange<Double>, automatic: (Double, Double)) -> (Double, Double) {
        let lower = explicit.lowerBound, upper = explicit.upperBound
        guard lower.isFinite, upper.isFinite, transform(lower) != nil, transform(upper) != nil else { return automatic }
        if lower >= upper { return limits(around: DataRange(lower), margin: 0.05) }
        return (lower, upper)
    }

    /// Whether `other` is the same scale (same type, equal settings).
    func isEqual(to other: any Scale) -> Bool {
        (other as? Self) == self
    }
}
