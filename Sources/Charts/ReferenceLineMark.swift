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
        guard let position = pixel(in: context) else { return [] }
        // Lines at the same place stand side by side, 3 px apart, so that none hides under another.
        let lines = context.resolved.axes.marks.compactMap { $0 as? ReferenceLineMark }
        let isTwin = { (line: ReferenceLineMark) in
            line.orientation == orientation && line.pixel(in: context).map { abs($0 - position) < 1 } == true
        }
        let before = lines.prefix(context.rank).filter(isTwin).count
        let count = lines.filter(isTwin).count
        let shifted = position + 3 * (Double(before) - Double(count - 1) / 2)
        let ends: [(Double, Double)]
        switch orientation {
        case .vertical: ends = [(shifted, plot.y), (shifted, plot.maxY)]
        case .horizontal: ends = [(plot.x, shifted), (plot.maxX, shifted)]
        }
        svg.element("path", paint.stroke(extraClass: "tb-line") + [("stroke-dasharray", dash.dashArray), ("d", pathData(ends))])
        return context.geometry.samples(of: [ends])
    }

    /// Where the line crosses its axis in pixels, or nil when its value is out of view.
    func pixel(in context: MarkContext) -> Double? {
        let map = orientation == .vertical ? context.xMap : context.yMap
        return map.contains(value) ? map.pixel(value) : nil
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: paint, swatch: .line(dash))] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        let place = orientation == .vertical ? "vertical line at x = " : "horizontal line at y = "
        return place + summaryNumber(value) + (label.map { " (\($0))" } ?? "")
    }
}

extension ReferenceLineMark: SeriesColored {
    var colorRequests: [ColorRequest] { [ColorRequest(identity: label, color: color)] }

    mutating func assignColors(_ paints: [Paint]) {
        (color, colorSlot) = paints[0].colorAndSlot(keeping: colorSlot)
    }
}
