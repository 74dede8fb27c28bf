/// A curve that leaves the automatic limits because it diverges.
struct ClippedSeries: Equatable, Sendable {
    /// The index of its mark in `Axes.marks`.
    var series: Int
    /// The index of the first point beyond the limits.
    var exitIndex: Int
    /// True when it leaves through the top.
    var upward: Bool
}

/// What a figure decided for a panel that shares its axes with others.
struct SharedLimits: Sendable {
    /// The group's x limits, when the panel shares x.
    var x: (Double, Double)?
    /// The group's y limits, when the panel shares y.
    var y: (Double, Double)?
    /// Curves of this panel that outgrow the stable curves of the group, by mark index.
    var divergences: [Int: Divergence] = [:]
}

/// The data-space decisions for one axes, independent of pixel sizes: limits, categories, clipping.
struct ResolvedAxes: Sendable {
    var axes: Axes
    var xLimits: (Double, Double)
    var yLimits: (Double, Double)
    /// The category names when the axes holds bars (x positions 0, 1, 2, …).
    var categories: [String]?
    /// The curves drawn past the automatic y limits.
    var clipped: [ClippedSeries]
    /// Where each diverging curve starts to explode, by mark index.
    var divergences: [Int: Divergence]

    /// Resolves one panel; `shared` carries the limits and clipping a figure decided for its group.
    init(_ axes: Axes, shared: SharedLimits = SharedLimits()) {
        self.axes = axes
        divergences = ResolvedAxes.ownDivergences(axes).merging(shared.divergences) { own, group in
            own.threshold <= group.threshold ? own : group
        }
        categories = ResolvedAxes.categories(of: axes.marks)

        let automaticX = paddedLimits(ResolvedAxes.xRange(axes, categories: categories), scale: axes.xScale)
        if let categories, axes.xLimits == nil {
            xLimits = (-0.6, Double(categories.count) - 0.4)
        } else if axes.xLimits == nil, let sharedX = shared.x {
            xLimits = sharedX
        } else {
            xLimits = axes.xLimits.map { axes.xScale.scale.limits(explicit: $0, automatic: automaticX) } ?? automaticX
        }
        let yRange = ResolvedAxes.yRange(axes, divergences: divergences)
        var automaticY = ResolvedAxes.automaticY(yRange, axes: axes, categories: categories)
        if let sharedY = shared.y { automaticY = sharedY }
        yLimits = axes.yLimits.map { axes.yScale.scale.limits(explicit: $0, automatic: automaticY) } ?? automaticY
        clipped = axes.yLimits == nil ? ResolvedAxes.clipped(axes, yLimits: yLimits) : []
    }

    /// Where this panel's own curves diverge: sudden jumps, and curves outgrowing the stable ones.
    static func ownDivergences(_ axes: Axes) -> [Int: Divergence] {
        var curves: [Int: [Double]] = [:]
        for (index, mark) in axes.marks.enumerated() {
            if let curve = mark.curve { curves[index] = curve.y }
        }
        var divergences = curves.compactMapValues { divergence(of: $0, scale: axes.yScale) }
        if !axes.yScale.scale.compressesGrowth {
            divergences.merge(outgrowing(curves, divergences: divergences)) { _, tighter in tighter }
        }
        return divergences
    }

    /// Automatic y limits around `range`: 0…1 for accuracy, bars standing on zero, 5 % margins otherwise.
    static func automaticY(_ range: DataRange?, axes: Axes, categories: [String]?) -> (Double, Double) {
        if AccuracyAxis.holds(axes, range: range) { return AccuracyAxis.limits }
        var limits = paddedLimits(range, scale: axes.yScale)
        // Bars stand on zero: no margin below a zero baseline, as matplotlib's sticky edges.
        if axes.yScale.shows(0), categories != nil, limits.0 < 0, range?.lower == 0 { limits.0 = 0 }
        return limits
    }

    /// The union of the marks' categories, in first-seen order; nil when no mark has categories.
    private static func categories(of marks: [any Mark]) -> [String]? {
        let lists = marks.compactMap(\.categories)
        guard !lists.isEmpty else { return nil }
        var seen: [String] = []
        for label in lists.joined() where !seen.contains(label) { seen.append(label) }
        return seen
    }

    /// The x values to fit: each mark's, and every category position.
    static func xRange(_ axes: Axes, categories: [String]?) -> DataRange? {
        var range: DataRange?
        for mark in axes.marks {
            if let own = mark.xRange(in: axes) { range.include(own.lower); range.include(own.upper) }
        }
        if let categories, !categories.isEmpty {
            range.include(0)
            range.include(Double(categories.count - 1))
        }
        return range
    }

    /// The y values to fit: each mark's, without the exploding part of a diverging curve.
    /// With `stableOnly`, diverging curves are left out entirely (a shared range comes from the others).
    static func yRange(_ axes: Axes, divergences: [Int: Divergence], stableOnly: Bool = false) -> DataRange? {
        var range: DataRange?
        for (index, mark) in axes.marks.enumerated() where !(stableOnly && divergences[index] != nil) {
            if let own = mark.yRange(in: axes, divergence: divergences[index]) {
                range.include(own.lower)
                range.include(own.upper)
            }
        }
        return range
    }

    /// Curves with finite points beyond the automatic y limits: their first exit and its direction.
    private static func clipped(_ axes: Axes, yLimits: (Double, Double)) -> [ClippedSeries] {
        var result: [ClippedSeries] = []
        for (index, mark) in axes.marks.enumerated() {
            guard let y = mark.curve?.y else { continue }
            let exit = y.indices.first { i in
                y[i].isFinite && axes.yScale.shows(y[i]) && (y[i] > yLimits.1 || y[i] < yLimits.0)
            }
            if let exit {
                result.append(ClippedSeries(series: index, exitIndex: exit, upward: y[exit] > yLimits.1))
            }
        }
        return result
    }
}
