/// Points joined by straight segments (matplotlib's `plot`); non-finite points leave gaps, long
/// series are thinned to what the pixels show, and a curve that explodes is clipped with a note.
struct LineMark: Mark {
    /// The x values (for `plot(_:)`, 0, 1, 2, … as matplotlib plots a list).
    var x: [Double]
    /// The y values, as many as `x`.
    var y: [Double]
    /// The legend text; nil keeps the line out of the legend.
    var label: String?
    /// An explicit colour; nil takes the default colour of `colorSlot`.
    var color: SeriesColor?
    /// The line's dash pattern.
    var dash: DashStyle
    /// The position in the default colour cycle.
    var colorSlot: Int
    /// True when x was not given and counts points from 0 (epochs, for a history).
    var implicitX: Bool

    var layer: MarkLayer { .data }
    var paint: Paint { Paint(slot: colorSlot, color: color) }
    var curve: Curve? { Curve(x: x, y: y, label: label, paint: paint) }

    /// Every finite x, even where y is a gap, so an epoch axis spans the whole run.
    func xRange(in axes: Axes) -> DataRange? {
        var range: DataRange?
        for value in x where axes.xScale.shows(value) { range.include(value) }
        return range
    }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? {
        let usable = zip(x, y).filter { axes.xScale.shows($0.0) }.map(\.1)
        return bulkRange(of: usable, scale: axes.yScale, divergence: divergence)
    }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        LineMark.drawPolyline(x: x, y: y, paint: paint, dash: dash, geometry: context.geometry, into: &svg)
    }

    /// Draws points joined by segments (thinned, broken at gaps, lone points as dots); shared with steps.
    static func drawPolyline(x: [Double], y: [Double], paint: Paint, dash: DashStyle, geometry: SeriesGeometry,
                             into svg: inout SVGWriter) -> [(Double, Double)] {
        let (x, y) = geometry.simplified(x: x, y: y)
        let (lines, dots) = geometry.polylines(x: x, y: y)
        if !lines.isEmpty {
            svg.element("path", paint.stroke(extraClass: "tb-line")
                + [("stroke-dasharray", dash.dashArray), ("d", lines.map(pathData).joined(separator: " "))])
        }
        for dot in dots {
            svg.element("circle", paint.fill() + [("cx", px(dot.0)), ("cy", px(dot.1)), ("r", "2.5")])
        }
        return geometry.samples(of: lines) + dots
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: paint, swatch: .line(dash))] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        CurveSummary(x: x, y: y, epochs: context.epochAxis || implicitX, implicitX: implicitX)
            .text(name: label ?? context.fallbackName, divergence: context.divergence, clipped: context.clipped)
    }
}

extension LineMark: SeriesColored {
    var colorRequests: [ColorRequest] { [ColorRequest(identity: label, color: color)] }

    mutating func assignColors(_ paints: [Paint]) {
        (color, colorSlot) = paints[0].colorAndSlot(keeping: colorSlot)
    }
}
