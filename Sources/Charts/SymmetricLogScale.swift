import Foundation

/// matplotlib's `symlog`: linear within ±`linthresh`, logarithmic (base 10) outside, so a curve that
/// crosses zero (a signed gradient, a difference of losses) keeps both its small values and its
/// orders of magnitude readable. The linear part is as long as one decade would be, as matplotlib's
/// default `linscale=1` makes it.
public struct SymmetricLogScale: Scale {
    /// Where the linear part ends, on both sides of zero.
    public let linthresh: Double

    /// The linear part's length in coordinates per `linthresh`: matplotlib's `linscale / (1 − 1/base)`.
    private var linearStretch: Double { 1 / (1 - 1 / 10) }

    /// A symmetric log scale, linear within ±`linthresh` (a positive finite value).
    public init(linthresh: Double = 1) {
        require(linthresh > 0 && linthresh.isFinite, "symlog needs a positive finite linthresh, but got \(linthresh).")
        self.linthresh = linthresh
    }

    /// "y on a symmetric log scale".
    public var summaryName: String? { "symmetric log" }

    /// Large values are compressed as on a log axis.
    public var compressesGrowth: Bool { true }

    /// Every finite value: scaled within ±linthresh, logarithmic beyond.
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let magnitude = abs(value)
        if magnitude <= linthresh { return value * linearStretch }
        let coordinate = linthresh * (linearStretch + log10(magnitude / linthresh))
        return value < 0 ? -coordinate : coordinate
    }

    /// The value at a coordinate.
    public func inverse(_ coordinate: Double) -> Double {
        let magnitude = abs(coordinate)
        if magnitude <= linthresh * linearStretch { return coordinate / linearStretch }
        let value = linthresh * pow(10, magnitude / linthresh - linearStretch)
        return coordinate < 0 ? -value : value
    }

    /// 5 % margins in transformed coordinates; around a single value, a factor of two outside the linear
    /// part and the whole linear part inside it (a fixed margin in coordinates would be decades wide
    /// for a small `linthresh`); −1…1 without data.
    public func limits(around range: DataRange?, margin: Double) -> (Double, Double) {
        guard let range, let lo = transform(range.lower), let hi = transform(range.upper) else { return (-1, 1) }
        let pad = lo != hi ? (hi - lo) * margin
            : abs(range.lower) <= linthresh ? linthresh * linearStretch : linthresh * log10(2)
        let lower = max(inverse(lo - pad), -.greatestFiniteMagnitude)
        let upper = min(inverse(hi + pad), .greatestFiniteMagnitude)
        return lower < upper ? (lower, upper) : (-1, 1)
    }

    /// 0 and ±10ⁿ for the decades at or beyond `linthresh` (every k-th decade when many show), labelled
    /// 10ⁿ and −10ⁿ as matplotlib does; limits that hold fewer than three of them get linear ticks.
    public func ticks(from lower: Double, to upper: Double, maxCount: Int) -> AxisTicks {
        require(lower.isFinite && upper.isFinite && lower < upper, "symlog ticks need finite lo < hi, but got \(lower)...\(upper).")
        let first = Int(log10(linthresh).rounded(.up))
        let last = Int(log10(max(abs(lower), abs(upper), linthresh)).rounded(.down))
        let inside = { (value: Double) in value >= lower - abs(lower) * 1e-9 && value <= upper + abs(upper) * 1e-9 }
        var stride = 1
        while true {
            let decades = first > last ? [] : (first...last).filter { $0 % stride == 0 }
            var ticks: [Tick] = decades.reversed().map { decadeTick($0, negative: true) }
            ticks.append(Tick(value: 0, label: TickLabel("0")))
            ticks += decades.map { decadeTick($0, negative: false) }
            ticks = ticks.filter { inside($0.value) }
            if ticks.count < 3 { return linearTicks(from: lower, to: upper, maxCount: maxCount) }
            if ticks.count <= maxCount { return AxisTicks(major: ticks) }
            stride += 1
        }
    }

    private func decadeTick(_ decade: Int, negative: Bool) -> Tick {
        let exponent = decade < 0 ? typographicMinus + String(-decade) : String(decade)
        return Tick(value: scaleByPowerOfTen(negative ? -1 : 1, decade),
                    label: TickLabel(negative ? typographicMinus + "10" : "10", superscript: exponent))
    }
}
