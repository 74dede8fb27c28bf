import Foundation

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
/// their start, the others are clipped where they pass ten times the stable curves' largest magnitude.
/// Alone on its axes, or on a scale that compresses growth (log), a curve is drawn whole (an exponential learning-rate schedule is growth, not trouble).
/// `curves` are the y values of the axes' curves, by mark index.
func outgrowing(_ curves: [Int: [Double]], divergences: [Int: Divergence]) -> [Int: Divergence] {
    let lines = curves.keys.sorted()
    func finite(_ index: Int) -> [Double] { curves[index]!.filter(\.isFinite).map(abs) }
    let growing = Set(lines.filter { index in
        let values = finite(index)
        guard let first = values.first, first > 0, let largest = values.max() else { return false }
        return largest > outgrowFactor * first
    })
    // A curve that turns infinite or NaN after finite values blew up, however high it started.
    let blewUp = Set(lines.filter { index in
        let values = curves[index]!
        return values.firstIndex(where: \.isFinite).map { start in values[start...].contains { !$0.isFinite } } ?? false
    })
    let stable = lines.filter { divergences[$0] == nil && !growing.contains($0) && !blewUp.contains($0) }
    guard !stable.isEmpty, let scale = stable.compactMap({ finite($0).max() }).max(), scale > 0 else { return [:] }
    let threshold = divergenceFactor * scale
    var result: [Int: Divergence] = [:]
    for index in lines where !stable.contains(index) {
        if let own = divergences[index], own.threshold <= threshold { continue }
        if let exit = curves[index]!.firstIndex(where: { $0.isFinite && abs($0) > threshold }) {
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

/// Automatic limits around a data range on `scale`, with `margin` on each side (see ``Scale/limits(around:margin:)``).
func paddedLimits(_ range: DataRange?, scale: AxisScale, margin: Double = 0.05) -> (Double, Double) {
    scale.scale.limits(around: range, margin: margin)
}
