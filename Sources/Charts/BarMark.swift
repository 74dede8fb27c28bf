/// One bar per category label (matplotlib's `bar`); several bar marks on one axes stand side by side
/// within each category, and bars stand on zero where the y scale can show it.
struct BarMark: Mark {
    /// The category names along the x axis.
    var labels: [String]
    /// One height per label.
    var values: [Double]
    /// The legend text, if any.
    var label: String?
    /// An explicit colour; nil takes the default colour of `colorSlot`.
    var color: SeriesColor?
    /// The position in the default colour cycle.
    var colorSlot: Int

    var layer: MarkLayer { .underlay }
    var categories: [String]? { labels }
    var paint: Paint { Paint(slot: colorSlot, color: color) }

    /// The categories set the x limits.
    func xRange(in axes: Axes) -> DataRange? { nil }

    /// The heights, and the zero they stand on.
    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? {
        var range: DataRange?
        for value in values where axes.yScale.shows(value) { range.include(value) }
        if axes.yScale.shows(0) && !values.isEmpty { range.include(0) }
        return range
    }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        guard let categories = context.resolved.categories else { return [] }
        var samples: [(Double, Double)] = []
        let slotWidth = 0.8 / Double(context.peers)
        // Where zero cannot be shown (log), bars rise from the bottom of the axes.
        let baseValue = context.yMap.scale.shows(0) ? 0 : context.resolved.yLimits.0
        let plot = context.plot
        for (label, value) in zip(labels, values) {
            guard let category = categories.firstIndex(of: label) else { continue }
            let left = Double(category) - 0.4 + slotWidth * Double(context.rank)
            guard let x0 = context.xMap.pixel(left), let x1 = context.xMap.pixel(left + slotWidth),
                  let top = context.geometry.point(left, value)?.1, let base = context.yMap.pixel(baseValue)
            else { continue }
            let y0 = max(min(top, base), plot.y - 10), y1 = min(max(top, base), plot.maxY + 10)
            let bar = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
            svg.element("rect", paint.fill() + [("x", px(bar.x)), ("y", px(bar.y)), ("width", px(bar.width)),
                                                ("height", px(bar.height))])
            for sx in stride(from: bar.x, through: bar.maxX, by: 6) {
                for sy in stride(from: bar.y, through: bar.maxY, by: 6) where plot.contains((sx, sy)) {
                    samples.append((sx, sy))
                }
            }
        }
        return samples
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: paint, swatch: .bar)] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        let shown = zip(labels, values).prefix(12).map { "\($0.0) \(summaryNumber($0.1))" }
        return (label.map { $0 + " bars: " } ?? "bars: ") + shown.joined(separator: ", ") + (labels.count > 12 ? ", …" : "")
    }
}

extension BarMark: SeriesColored {
    var colorRequests: [ColorRequest] { [ColorRequest(identity: label, color: color)] }

    mutating func assignColors(_ paints: [Paint]) {
        (color, colorSlot) = paints[0].colorAndSlot(keeping: colorSlot)
    }
}
