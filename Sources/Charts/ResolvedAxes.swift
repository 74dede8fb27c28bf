/// A series whose curve leaves the automatic limits because it diverges.
struct ClippedSeries: Equatable, Sendable {
    /// The index of the series in `Axes.series`.
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
    /// The series drawn past the automatic y limits.
    var clipped: [ClippedSeries]
    /// Where each diverging line series starts to explode, by series index.
    var divergences: [Int: Divergence]

    init(_ axes: Axes) {
        self.axes = axes
        var divergences: [Int: Divergence] = [:]
        for (index, series) in axes.series.enumerated() where series.kind == .line {
            divergences[index] = divergence(of: series.y, scale: axes.yScale)
        }
        if axes.yScale == .linear {
            divergences.merge(outgrowing(axes.series, divergences: divergences)) { _, tighter in tighter }
        }
        self.divergences = divergences
        categories = axes.bars.isEmpty ? nil : ResolvedAxes.categories(of: axes.bars)

        let automaticX = paddedLimits(ResolvedAxes.xRange(axes, categories: categories), scale: axes.xScale)
        if let categories, axes.xLimits == nil {
            xLimits = (-0.6, Double(categories.count) - 0.4)
        } else {
            xLimits = axes.xLimits.map { explicitLimits($0, scale: axes.xScale, automatic: automaticX) } ?? automaticX
        }
        let automaticY = paddedLimits(ResolvedAxes.yRange(axes, divergences: divergences), scale: axes.yScale)
        yLimits = axes.yLimits.map { explicitLimits($0, scale: axes.yScale, automatic: automaticY) } ?? automaticY
        // Bars stand on zero: no margin below a zero baseline, as matplotlib's sticky edges.
        if axes.yLimits == nil, axes.yScale == .linear, categories != nil, automaticY.0 < 0,
           ResolvedAxes.yRange(axes, divergences: divergences)?.lower == 0 {
            yLimits.0 = 0
        }
        clipped = axes.yLimits == nil ? ResolvedAxes.clipped(axes, yLimits: yLimits) : []
    }

    /// The union of the bar sets' labels, in first-seen order.
    private static func categories(of bars: [BarSet]) -> [String] {
        var seen: [String] = []
        for label in bars.flatMap(\.labels) where !seen.contains(label) { seen.append(label) }
        return seen
    }

    /// The x values to fit: every finite x of a line (even where y is a gap, so an epoch axis spans the
    /// whole run), the scatter points, the vertical lines.
    private static func xRange(_ axes: Axes, categories: [String]?) -> DataRange? {
        var range: DataRange?
        for series in axes.series {
            for (x, y) in zip(series.x, series.y) where axes.xScale.transform(x) != nil {
                if series.kind == .scatter && axes.yScale.transform(y) == nil { continue }
                range.include(x)
            }
        }
        for line in axes.referenceLines where line.orientation == .vertical && axes.xScale.transform(line.value) != nil {
            range.include(line.value)
        }
        if let categories, !categories.isEmpty {
            range.include(0)
            range.include(Double(categories.count - 1))
        }
        return range
    }

    /// The y values to fit: each series without its exploding part, horizontal lines, bars from zero.
    private static func yRange(_ axes: Axes, divergences: [Int: Divergence]) -> DataRange? {
        var range: DataRange?
        for (index, series) in axes.series.enumerated() {
            let usable = zip(series.x, series.y).filter { axes.xScale.transform($0.0) != nil }.map(\.1)
            if let bulk = bulkRange(of: usable, scale: axes.yScale, divergence: divergences[index]) {
                range.include(bulk.lower)
                range.include(bulk.upper)
            }
        }
        for line in axes.referenceLines where line.orientation == .horizontal && axes.yScale.transform(line.value) != nil {
            range.include(line.value)
        }
        for bars in axes.bars {
            for value in bars.values where axes.yScale.transform(value) != nil { range.include(value) }
            if axes.yScale == .linear && !bars.values.isEmpty { range.include(0) }
        }
        return range
    }

    /// Line series with finite points beyond the automatic y limits: their first exit and its direction.
    private static func clipped(_ axes: Axes, yLimits: (Double, Double)) -> [ClippedSeries] {
        var result: [ClippedSeries] = []
        for (index, series) in axes.series.enumerated() where series.kind == .line {
            let exit = series.y.indices.first { i in
                series.y[i].isFinite && axes.yScale.transform(series.y[i]) != nil
                    && (series.y[i] > yLimits.1 || series.y[i] < yLimits.0)
            }
            if let exit {
                result.append(ClippedSeries(series: index, exitIndex: exit, upward: series.y[exit] > yLimits.1))
            }
        }
        return result
    }
}
