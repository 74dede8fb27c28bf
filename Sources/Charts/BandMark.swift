/// A filled band between two curves over the same x (matplotlib's `fill_between`): a spread across
/// seeds, a confidence interval, a min–max envelope. Drawn translucent under the data; where either
/// curve has a gap, the band breaks.
struct BandMark: Mark {
    var x: [Double]
    /// The lower curve, one value per x.
    var lower: [Double]
    /// The upper curve, one value per x.
    var upper: [Double]
    var label: String?
    var color: SeriesColor?
    var colorSlot: Int

    var layer: MarkLayer { .underlay }
    var paint: Paint { Paint(slot: colorSlot, color: color) }

    /// The x where the band has a drawable edge.
    func xRange(in axes: Axes) -> DataRange? {
        var range: DataRange?
        for index in x.indices where axes.xScale.shows(x[index])
            && (axes.yScale.shows(lower[index]) || axes.yScale.shows(upper[index])) {
            range.include(x[index])
        }
        return range
    }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? {
        var range: DataRange?
        for index in x.indices where axes.xScale.shows(x[index]) {
            for value in [lower[index], upper[index]] where axes.yScale.shows(value) { range.include(value) }
        }
        return range
    }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        let geometry = context.geometry
        var polygons: [[(Double, Double)]] = []
        var edges: [[(Double, Double)]] = []
        var top: [(Double, Double)] = [], bottom: [(Double, Double)] = []
        func finishRun() {
            if top.count > 1 {
                let polygon = geometry.clipped(polygon: top + bottom.reversed())
                if polygon.count > 2 { polygons.append(polygon) }
                // Edges cut segment by segment, so that sampling them stays cheap for far-off points.
                for edge in [top, bottom] {
                    edges += zip(edge, edge.dropFirst()).compactMap { geometry.clip($0, $1).map { [$0.0, $0.1] } }
                }
            }
            top = []
            bottom = []
        }
        for index in x.indices {
            guard let high = geometry.point(x[index], upper[index]), let low = geometry.point(x[index], lower[index]) else {
                finishRun()
                continue
            }
            top.append(high)
            bottom.append(low)
        }
        finishRun()
        guard !polygons.isEmpty else { return [] }
        let path = polygons.map { pathData($0) + "Z" }.joined(separator: " ")
        svg.element("path", paint.fill(extraClass: "tb-band") + [("fill-opacity", "0.25"), ("d", path)])
        return geometry.samples(of: edges)
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: paint, swatch: .area)] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        let name = label ?? context.fallbackName
        let shown = x.indices.filter { x[$0].isFinite && lower[$0].isFinite && upper[$0].isFinite }
        guard let first = shown.first, let last = shown.last else { return "\(name) has no finite values" }
        let low = shown.map { min(lower[$0], upper[$0]) }.min()!, high = shown.map { max(lower[$0], upper[$0]) }.max()!
        let at = { (index: Int) in (context.epochAxis ? "epoch " : "x = ") + summaryNumber(x[index]) }
        return "\(name): band between \(summaryNumber(low)) and \(summaryNumber(high)) from \(at(first)) to \(at(last))"
    }
}

extension BandMark: SeriesColored {
    var colorRequests: [ColorRequest] { [ColorRequest(identity: label, color: color)] }

    mutating func assignColors(_ paints: [Paint]) {
        (color, colorSlot) = paints[0].colorAndSlot(keeping: colorSlot)
    }
}
