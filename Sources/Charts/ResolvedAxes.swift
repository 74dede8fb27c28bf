/// A curve that leaves the automatic limits because it diverges.
struct ClippedSeries: Equatable, Sendable {
    /// The index of its mark in `Axes.marks`.
    var series: Int
    /// The index of the first point beyond the limits.
    var exitIndex: Int
    /// True when it leaves through the top.
    var upward: Bool
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

    init(_ axes: Axes) {
        self.axes = axes
        var curves: [Int: [Double]] = [:]
        for (index, mark) in axes.marks.enumerated() {
            if let curve = mark.curve { curves[index] = curve.y }
        }
        var divergences = curves.compactMapValues { divergence(of: $0, scale: axes.yScale) }
        if !axes.yScale.scale.compressesGrowth {
            divergences.merge(outgrowing(curves, divergences: divergences)) { _, tighter in tighter }
        }
        self.divergences = divergences
        categories = ResolvedAxes.categories(of: axes.marks)

        let automaticX = paddedLimits(ResolvedAxes.xRange(axes, categories: categories), scale: axes.xScale)
        if let categories, axes.xLimits == nil {
            xLimits = (-0.6, Double(categories.count) - 0.4)
        } else {
            xLimits = axes.xLimits.map { axes.xScale.scale.limits(explicit: $0, automatic: automaticX) } ?? automaticX
        }
        let yRange = ResolvedAxes.yRange(axes, divergences: divergences)
        let automaticY = paddedLimits(yRange, scale: axes.yScale)
        yLimits = axes.yLimits.map { axes.yScale.scale.limits(explicit: $0, automatic: automaticY) } ?? automaticY
        // Bars stand on zero: no margin below a zero baseline, as matplotlib's sticky edges.
        if axes.yLimits == nil, axes.yScale.shows(0), categories != nil, automaticY.0 < 0, yRange?.lower == 0 {
            yLimits.0 = 0
        }
        clipped = axes.yLimits == nil ? ResolvedAxes.clipped(axes, yLimits: yLimits) : []
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
    private static func xRange(_ axes: Axes, categories: [String]?) -> DataRange? {
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
    private static func yRange(_ axes: Axes, divergences: [Int: Divergence]) -> DataRange? {
        var range: DataRange?
        for (index, mark) in axes.marks.enumerated() {
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
