/// A line across the whole axes at one x (vertical) or one y (horizontal), like matplotlib's
/// `axvline`/`axhline`; drawn over the data, dashed by default to set it apart.
struct ReferenceLineMark: Mark {
    /// Which axis the value is on.
    enum Orientation: Sendable {
        /// A vertical line at an x value.
        case vertical
        /// A horizontal line at a y value.
        case horizontal
    }

    var orientation: Orientation
    /// The data value where the line is.
    var value: Double
    var label: String?
    var color: SeriesColor?
    var dash: DashStyle
    var colorSlot: Int

    var layer: MarkLayer { .annotation }
    var paint: Paint { Paint(slot: colorSlot, color: color) }

    func xRange(in axes: Axes) -> DataRange? {
        orientation == .vertical && axes.xScale.shows(value) ? DataRange(value) : nil
    }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? {
        orientation == .horizontal && axes.yScale.shows(value) ? DataRange(value) : nil
    }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        let plot = context.plot
        let ends: [(Double, Double)]
        switch orientation {
        case .vertical:
            guard context.xMap.contains(value), let x = context.xMap.pixel(value) else { return [] }
            ends = [(x, plot.y), (x, plot.maxY)]
        case .horizontal:
            guard context.yMap.contains(value), let y = context.yMap.pixel(value) else { return [] }
            ends = [(plot.x, y), (plot.maxX, y)]
        }
        svg.element("path", paint.stroke(extraClass: "tb-line") + [("stroke-dasharray", dash.dashArray), ("d", pathData(ends))])
        return context.geometry.samples(of: [ends])
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: paint, swatch: .line(dash))] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        let place = orientation == .vertical ? "vertical line at x = " : "horizontal line at y = "
        return place + summaryNumber(value) + (label.map { " (\($0))" } ?? "")
    }
}
