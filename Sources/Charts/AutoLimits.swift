import Foundation

/// The smallest interval holding a set of values.
struct DataRange: Equatable, Sendable {
    var lower: Double
    var upper: Double

    init(_ value: Double) {
        lower = value
        upper = value
    }

    mutating func include(_ value: Double) {
        lower = min(lower, value)
        upper = max(upper, value)
    }

    mutating func include(_ other: DataRange) {
        include(other.lower)
        include(other.upper)
    }
}

extension Optional where Wrapped == DataRange {
    /// Widens the range to hold `value`, creating it on the first value.
    mutating func include(_ value: Double) {
        if self == nil { self = DataRange(value) } else { self!.include(value) }
    }
}

/// How far a series may jump above everything before it, in magnitude, before it counts as diverging.
let divergenceFactor = 10.0

/// Where a series starts to diverge, and the magnitude above which its values are left out of the limits.
struct Divergence: Equatable, Sendable {
    /// The index of the first exploding value.
    var index: Int
    /// Values of larger magnitude than this are the exploding part.
    var threshold: Double
}

/// Finds the point where a series explodes, as a loss does when the learning rate is too high.
///
/// A value explodes when its magnitude exceeds ten times the largest magnitude before it (a sudden
/// jump: 0.7, 0.6, 3e5). A series that ends up non-finite, or that first fell below its start (a loss),
/// also explodes where it passes ten times its first value (a steady blow-up: 0.7, 5, 40, 320, NaN; or
/// the end of an LR range test). Smooth monotone growth from the start (a learning-rate schedule)
/// never jumps, never turns NaN and never dips, so it is left alone.
func divergence(of values: [Double], scale: AxisScale) -> Divergence? {
    let usable = values.indices.filter { scale.transform(values[$0]) != nil }
    guard let first = usable.first else { return nil }
    var largest = 0.0
    for index in usable {
        let magnitude = abs(values[index])
        if largest > 0 && magnitude > divergenceFactor * largest {
            return Divergence(index: index, threshold: divergenceFactor * largest)
        }
        largest = max(largest, magnitude)
    }
    let start = abs(values[first])
    guard start > 0 else { return nil }
    let endsNonFinite = values[first...].contains { !$0.isFinite }
    var dipped = false
    for index in usable {
        let magnitude = abs(values[index])
        if magnitude > divergenceFactor * start && (endsNonFinite || dipped) {
            return Divergence(index: index, threshold: divergenceFactor * start)
        }
        dipped = dipped || magnitude < start * 0.9
    }
    return nil
}

/// How many times its first value a curve must grow to count as blowing up steadily.
let outgrowFactor = 1000.0

/// Keeps the stable curves of an axes readable when others blow up. A loss on unscaled inputs at too
/// high a rate climbs 770, 3600, 13000, … 2.7e20 without a single jump, and a faster one is already
/// 1e15 in its first epoch before it turns infinite: either would crush every other curve to a flat
/// line. When some line series neither diverge, nor turn non-finite, nor grow a thousandfold from
/// their start, the others are clipped where they pass ten times the stable curves' largest magnitude. Alone on its axes, or on a log axis, a curve
/// is drawn whole (an exponential learning-rate schedule is growth, not trouble).
func outgrowing(_ series: [Series], divergences: [Int: Divergence]) -> [Int: Divergence] {
    let lines = series.indices.filter { series[$0].kind == .line }
    func finite(_ index: Int) -> [Double] { series[index].y.filter(\.isFinite).map(abs) }
    let growing = Set(lines.filter { index in
        let values = finite(index)
        guard let first = values.first, first > 0, let largest = values.max() else { return false }
        return largest > outgrowFactor * first
    })
    // A curve that turns infinite or NaN after finite values blew up, however high it started.
    let blewUp = Set(lines.filter { index in
        let values = series[index].y
        return values.firstIndex(where: \.isFinite).map { start in values[start...].contains { !$0.isFinite } } ?? false
    })
    let stable = lines.filter { divergences[$0] == nil && !growing.contains($0) && !blewUp.contains($0) }
    guard !stable.isEmpty, let scale = stable.compactMap({ finite($0).max() }).max(), scale > 0 else { return [:] }
    let threshold = divergenceFactor * scale
    var result: [Int: Divergence] = [:]
    for index in lines where !stable.contains(index) {
        if let own = divergences[index], own.threshold <= threshold { continue }
        if let exit = series[index].y.firstIndex(where: { $0.isFinite && abs($0) > threshold }) {
            result[index] = Divergence(index: exit, threshold: threshold)
        }
    }
    return result
}

/// The range of the values a scale can show, leaving out the exploding part of a diverging series.
func bulkRange(of values: [Double], scale: AxisScale, divergence: Divergence?) -> DataRange? {
    var range: DataRange?
    for value in values where scale.transform(value) != nil {
        if let divergence, abs(value) > divergence.threshold { continue }
        range.include(value)
    }
    return range
}

/// Axis limits around a data range: 5 % margins (in log space on a log axis), a sensible
/// interval around a single value, and a default interval when there is no data at all. The limits
/// are always finite, increasing and representable on the scale, even for data at the ends of the
/// Double range (1e-300, subnormals, 1.8e308), where a margin would underflow to 0 or overflow.
func paddedLimits(_ range: DataRange?, scale: AxisScale, margin: Double = 0.05) -> (Double, Double) {
    guard let range else { return scale == .log ? (1, 10) : (0, 1) }
    switch scale {
    case .linear:
        if range.lower == range.upper {
            let value = range.lower
            if value == 0 { return (-1, 1) }
            let pad = max(abs(value) * 0.05, tinyLinearSpan)
            return finiteLimits(value - pad, value + pad, around: value)
        }
        // Halves first, so the span of ±1.8e308 does not overflow.
        let pad = max((range.upper / 2 - range.lower / 2) * 2 * margin, tinyLinearSpan)
        return finiteLimits(range.lower - pad, range.upper + pad, around: range.lower / 2 + range.upper / 2)
    case .log:
        let lo = log10(range.lower), hi = log10(range.upper)
        if lo == hi && range.lower / 2 > 0 && (range.upper * 2).isFinite { return (range.lower / 2, range.upper * 2) }
        let pad = lo == hi ? log10(2) : (hi - lo) * margin
        // 10^(lo − pad) may underflow below the smallest subnormal: the axis then starts at it.
        let lower = max(pow(10, lo - pad), .leastNonzeroMagnitude)
        let upper = min(pow(10, hi + pad), .greatestFiniteMagnitude)
        return lower < upper ? (lower, upper) : (min(range.lower, 1), max(range.upper, 10))
    }
}

/// The narrowest span a linear axis is given, so its tick step stays a normal number.
let tinyLinearSpan = 1e-290

/// `lower...upper` pulled back into the finite Doubles, still increasing around `center`.
private func finiteLimits(_ lower: Double, _ upper: Double, around center: Double) -> (Double, Double) {
    let lo = max(lower, -.greatestFiniteMagnitude), hi = min(upper, .greatestFiniteMagnitude)
    if lo < hi { return (lo, hi) }
    return center > 0 ? (center / 2, center) : (center, center / 2)
}

/// Explicit limits made usable: equal ends are widened, and a log axis replaces a non-positive lower
/// end with the automatic one.
func explicitLimits(_ limits: ClosedRange<Double>, scale: AxisScale, automatic: (Double, Double)) -> (Double, Double) {
    var lower = limits.lowerBound, upper = limits.upperBound
    if scale == .log && !(lower > 0) { lower = min(automatic.0, upper / 10) }
    if scale == .log && !(upper > 0) { upper = automatic.1 }
    guard lower.isFinite, upper.isFinite, scale.transform(lower) != nil else { return automatic }
    if lower >= upper { return paddedLimits(DataRange(lower), scale: scale) }
    return (lower, upper)
}
