import Foundation

/// An axis-aligned rectangle in pixels (y grows downwards).
struct Rect: Equatable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    func contains(_ point: (Double, Double)) -> Bool {
        point.0 >= x && point.0 <= maxX && point.1 >= y && point.1 <= maxY
    }

    /// The rectangle grown by `amount` on every side (shrunk when negative).
    func expanded(by amount: Double) -> Rect {
        Rect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }

    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

/// Space around a plot area for ticks, labels and titles.
struct Margins: Equatable, Sendable {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
}

/// Fixed distances of the layout, in px.
enum Spacing {
    static let tickLength = 4.0
    static let tickPad = 3.5
    static let labelGap = 5.0
    static let titleGap = 7.0
    static let edge = 6.0
    /// The least room right of a plot area, which also separates grid columns.
    static let minimumRight = 14.0
    /// The least room above a plot area, for the top y tick label's upper half.
    static let minimumTop = 10.0
    /// The angle of crowded category labels.
    static let rotatedLabelDegrees = 35.0
}

/// The labels a panel draws itself; a grid leaves some to its outer panels or to the figure legend.
struct PanelLabels: Equatable, Sendable {
    var xTickLabels = true
    var yTickLabels = true
    var xLabel = true
    var yLabel = true
    var legend = true
}

/// The ticks of one axes for given plot-area lengths, and the margins their labels need.
struct PanelTicks: Sendable {
    var x: AxisTicks
    var y: AxisTicks
    /// True when the x labels (categories) are rotated to fit.
    var rotateX: Bool

    init(_ resolved: ResolvedAxes, width: Double, height: Double) {
        (x, rotateX) = PanelTicks.xTicks(resolved, length: width)
        let maxY = min(9, max(3, Int(height / 36) + 1))
        y = PanelTicks.ticks(resolved.axes.yScale, resolved.yLimits, maxCount: maxY)
    }

    private static func ticks(_ scale: AxisScale, _ limits: (Double, Double), maxCount: Int) -> AxisTicks {
        scale.scale.ticks(from: limits.0, to: limits.1, maxCount: maxCount)
    }

    /// As many x ticks as fit without their labels touching (categories rotate instead).
    private static func xTicks(_ resolved: ResolvedAxes, length: Double) -> (AxisTicks, Bool) {
        let map = ScaleMap(scale: resolved.axes.xScale, limits: resolved.xLimits, pixels: (0, max(length, 1)))
        if let categories = resolved.categories {
            let ticks = AxisTicks(major: categories.enumerated().map {
                Tick(value: Double($0.offset), label: TickLabel($0.element))
            })
            return (ticks, !fits(ticks, map: map))
        }
        var maxCount = min(10, max(3, Int(length / 60) + 1))
        while true {
            let ticks = self.ticks(resolved.axes.xScale, resolved.xLimits, maxCount: maxCount)
            if maxCount == 3 || fits(ticks, map: map) { return (ticks, false) }
            maxCount -= 1
        }
    }

    /// Whether neighbouring x labels keep a gap of at least 8 px (with slack for the final layout).
    private static func fits(_ ticks: AxisTicks, map: ScaleMap) -> Bool {
        let placed = ticks.major.compactMap { tick in
            map.pixel(tick.value).map { ($0, TextMetrics.width(tick.label, fontSize: Theme.tickFontSize)) }
        }
        return zip(placed, placed.dropFirst()).allSatisfy { left, right in
            (right.0 - left.0) * 0.92 >= (left.1 + right.1) / 2 + 8
        }
    }

    /// The margins these ticks, the labels and the title need around a plot area of the given width.
    func margins(for axes: Axes, xLimits: (Double, Double), width: Double, shows: PanelLabels = PanelLabels()) -> Margins {
        var margins = Margins()
        let yLabelWidth = shows.yTickLabels
            ? y.major.map { TextMetrics.width($0.label, fontSize: Theme.tickFontSize) }.max() ?? 0 : 0
        margins.left = Spacing.tickLength + (shows.yTickLabels ? Spacing.tickPad : 0) + yLabelWidth + Spacing.edge
        if axes.yLabel != nil && shows.yLabel { margins.left += Spacing.labelGap + Theme.labelFontSize * 1.2 }

        margins.bottom = Spacing.tickLength + Spacing.edge
        if shows.xTickLabels { margins.bottom += Spacing.tickPad + xLabelHeight }
        if axes.xLabel != nil && shows.xLabel { margins.bottom += Spacing.labelGap + Theme.labelFontSize * 1.2 }

        margins.top = axes.title == nil ? Spacing.minimumTop : Theme.axesTitleFontSize * 1.25 + Spacing.titleGap
        margins.right = max(Spacing.minimumRight, DirectLabels.rightMargin(for: axes))
        // The outermost x labels may reach past the plot area's sides.
        if !rotateX && shows.xTickLabels {
            let map = ScaleMap(scale: axes.xScale, limits: xLimits, pixels: (0, max(width, 1)))
            for tick in x.major {
                guard let position = map.pixel(tick.value) else { continue }
                let half = TextMetrics.width(tick.label, fontSize: Theme.tickFontSize) / 2
                margins.right = max(margins.right, position + half - width + Spacing.edge)
                margins.left = max(margins.left, half - position + Spacing.edge)
            }
        }
        return margins
    }

    /// The height the x tick labels take below the ticks.
    var xLabelHeight: Double {
        if rotateX {
            let angle = Spacing.rotatedLabelDegrees * .pi / 180
            let widest = x.major.map { TextMetrics.width($0.label, fontSize: Theme.tickFontSize) }.max() ?? 0
            return widest * sin(angle) + Theme.tickFontSize * cos(angle)
        }
        let raised = x.major.contains { $0.label.superscript != nil }
        return Theme.tickFontSize * (raised ? 1.3 : 1.0)
    }
}
