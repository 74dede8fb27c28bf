import Foundation

/// Equal steps in value are equal distances; ticks at 1, 2 or 5 × 10ⁿ.
public struct LinearScale: Scale {
    /// A linear scale.
    public init() {}

    /// Linear axes go unmentioned in a summary.
    public var summaryName: String? { nil }

    /// Every finite value is shown as itself.
    public func transform(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// The identity.
    public func inverse(_ coordinate: Double) -> Double { coordinate }

    /// 5 % margins, a sensible interval around a single value, 0…1 without data; always finite and
    /// increasing, even for data at the ends of the Double range (1e-300, subnormals, 1.8e308).
    public func limits(around range: DataRange?, margin: Double) -> (Double, Double) {
        guard let range else { return (0, 1) }
        if range.lower == range.upper {
            let value = range.lower
            if value == 0 { return (-1, 1) }
            let pad = max(abs(value) * 0.05, tinyLinearSpan)
            return finiteLimits(value - pad, value + pad, around: value)
        }
        // Halves first, so the span of ±1.8e308 does not overflow.
        let pad = max((range.upper / 2 - range.lower / 2) * 2 * margin, tinyLinearSpan)
        return finiteLimits(range.lower - pad, range.upper + pad, around: range.lower / 2 + range.upper / 2)
    }

    /// "Nice" 1-2-5 ticks, labelled in one notation.
    public func ticks(from lower: Double, to upper: Double, maxCount: Int) -> AxisTicks {
        linearTicks(from: lower, to: upper, maxCount: maxCount)
    }

    /// `lower...upper` pulled back into the finite Doubles, still increasing around `center`.
    private func finiteLimits(_ lower: Double, _ upper: Double, around center: Double) -> (Double, Double) {
        let lo = max(lower, -.greatestFiniteMagnitude), hi = min(upper, .greatestFiniteMagnitude)
        if lo < hi { return (lo, hi) }
        return center > 0 ? (center / 2, center) : (center, center / 2)
    }
}

/// The narrowest span a linear axis is given, so its tick step stays a normal number.
let tinyLinearSpan = 1e-290
