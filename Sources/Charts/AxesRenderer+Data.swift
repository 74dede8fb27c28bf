/// The data layer of a panel: its marks; then notes and the legend.
extension AxesRenderer {
    /// Draws the marks clipped to the plot area, layer by layer, and returns pixel samples of what was drawn.
    func drawData(into svg: inout SVGWriter) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        svg.open("g", [("clip-path", "url(#\(id)-clip)")])
        for index in axes.drawingOrder {
            let (rank, peers) = axes.rank(of: index)
            let context = MarkContext(geometry: geometry, resolved: placed.resolved, rank: rank, peers: peers)
            samples += axes.marks[index].draw(in: context, into: &svg)
        }
        svg.close("g")
        return samples
    }

    /// Marks where diverging series leave the axes (a triangle on the edge and "label clipped ↑"), or says
    /// that there is nothing finite to draw. Returns the notes' boxes, which the legend avoids.
    func drawNotes(into svg: inout SVGWriter, hasVisibleData: Bool) -> [Rect] {
        var boxes: [Rect] = []
        let hasData = axes.marks.contains { $0.layer != .annotation }
        if hasData && !hasVisibleData {
            let text = "no finite data"
            let width = TextMetrics.width(text, fontSize: Theme.noteFontSize)
            let center = (plot.x + plot.width / 2, plot.y + plot.height / 2)
            svg.text(text, [("class", "tb-note"), ("x", px(center.0)), ("y", px(center.1 + 3.5)),
                            ("text-anchor", "middle")])
            boxes.append(Rect(x: center.0 - width / 2, y: center.1 - 8, width: width, height: 14))
        }
        for (order, clipped) in placed.resolved.clipped.enumerated() {
            guard let series = axes.marks[clipped.series].curve else { continue }
            let paint = series.paint
            let edgeY = clipped.upward ? plot.y : plot.maxY
            let x = exitPixel(series, index: clipped.exitIndex, edgeY: edgeY)
            let direction = clipped.upward ? 1.0 : -1.0
            svg.element("path", paint.fill() + [("d", "M\(px(x - 4)) \(px(edgeY + 7 * direction))L\(px(x)) \(px(edgeY + direction))L\(px(x + 4)) \(px(edgeY + 7 * direction))Z")])
            let text = (series.label.map { $0 + " " } ?? "") + "clipped " + (clipped.upward ? "↑" : "↓")
            let width = TextMetrics.width(text, fontSize: Theme.noteFontSize)
            let baseline = clipped.upward ? plot.y + 11 + 12 * Double(order) : plot.maxY - 4 - 12 * Double(order)
            let toRight = x + 7 + width <= plot.maxX - 2
            let textX = toRight ? x + 7 : x - 7
            svg.text(text, paint.fill(extraClass: "tb-note") + [("x", px(textX)), ("y", px(baseline)),
                                                                  ("text-anchor", toRight ? "start" : "end")])
            boxes.append(Rect(x: toRight ? textX : textX - width, y: baseline - 9, width: width, height: 12))
            boxes.append(Rect(x: x - 5, y: min(edgeY, edgeY + 8 * direction), width: 10, height: 8))
        }
        return boxes
    }

    /// Where a series' curve crosses the edge on its way to its first clipped point.
    private func exitPixel(_ series: Curve, index: Int, edgeY: Double) -> Double {
        let exitPoint = geometry.point(series.x[index], series.y[index])
        guard index > 0, let inside = geometry.point(series.x[index - 1], series.y[index - 1]), let exitPoint,
              exitPoint.1 != inside.1 else {
            return exitPoint.map { min(max($0.0, plot.x + 5), plot.maxX - 5) } ?? plot.x + 5
        }
        let t = (edgeY - inside.1) / (exitPoint.1 - inside.1)
        return min(max(inside.0 + t * (exitPoint.0 - inside.0), plot.x + 5), plot.maxX - 5)
    }

    func drawLegend(into svg: inout SVGWriter, samples: [(Double, Double)], notes: [Rect]) {
        let entries = LegendEntry.entries(for: axes)
        guard !entries.isEmpty, axes.legend != .hidden, placed.shows.legend else { return }
        let size = LegendLayout.size(of: entries)
        // Under direct labels, the box lists what is left (scatters, bars, bands, reference lines).
        let position = axes.legend == .best || axes.legend == .direct
            ? LegendLayout.best(size: size, in: plot, samples: samples, notes: notes) : axes.legend
        let box = LegendLayout.box(position, size: size, in: plot)
        svg.open("g", [("class", "tb-legend")])
        svg.element("rect", [("class", "tb-legend-box"), ("x", px(box.x)), ("y", px(box.y)), ("width", px(box.width)),
                             ("height", px(box.height)), ("rx", "3")])
        for (row, entry) in entries.enumerated() {
            let centerY = box.y + LegendLayout.padding + LegendLayout.rowHeight * Double(row) + 6
            let swatchX = box.x + LegendLayout.padding
            entry.drawSwatch(x: swatchX, centerY: centerY, into: &svg)
            svg.text(entry.text, [("x", px(swatchX + LegendLayout.swatchWidth + LegendLayout.swatchGap)),
                                  ("y", px(centerY + Theme.legendFontSize * 0.35))])
        }
        svg.close("g")
    }
}
