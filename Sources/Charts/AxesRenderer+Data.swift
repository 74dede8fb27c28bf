/// The data layer of a panel: bars, lines, scatter points, reference lines; then notes and the legend.
extension AxesRenderer {
    /// Draws the data clipped to the plot area and returns pixel samples of what was drawn.
    func drawData(into svg: inout SVGWriter) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        svg.open("g", [("clip-path", "url(#\(id)-clip)")])
        samples += drawBars(into: &svg)
        for series in axes.series {
            switch series.kind {
            case .line: samples += drawLine(series, into: &svg)
            case .scatter: samples += drawScatter(series, into: &svg)
            }
        }
        samples += drawReferenceLines(into: &svg)
        svg.close("g")
        return samples
    }

    private func drawLine(_ series: Series, into svg: inout SVGWriter) -> [(Double, Double)] {
        let (x, y) = geometry.simplified(x: series.x, y: series.y)
        let (lines, dots) = geometry.polylines(x: x, y: y)
        let paint = Paint(slot: series.colorSlot, color: series.color)
        if !lines.isEmpty {
            svg.element("path", paint.stroke(extraClass: "tb-line")
                + [("stroke-dasharray", series.dash.dashArray), ("d", lines.map(pathData).joined(separator: " "))])
        }
        for dot in dots {
            svg.element("circle", paint.fill() + [("cx", px(dot.0)), ("cy", px(dot.1)), ("r", "2.5")])
        }
        return geometry.samples(of: lines) + dots
    }

    private func drawScatter(_ series: Series, into svg: inout SVGWriter) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        let ranks = series.groups.map { groups in
            Dictionary(uniqueKeysWithValues: distinctGroups(groups).enumerated().map { ($0.element, $0.offset) })
        }
        // One <g> per colour keeps the file small: the circles inherit its fill.
        var pointsByPaint: [(Paint, [(Double, Double)])] = []
        for index in series.x.indices {
            guard let point = geometry.point(series.x[index], series.y[index]), plot.contains(point) else { continue }
            let paint: Paint
            if let ranks, let groups = series.groups {
                guard let rank = ranks[groups[index]] else { continue }
                paint = .slot(series.colorSlot + rank)
            } else {
                paint = Paint(slot: series.colorSlot, color: series.color)
            }
            if let slot = pointsByPaint.firstIndex(where: { $0.0 == paint }) {
                pointsByPaint[slot].1.append(point)
            } else {
                pointsByPaint.append((paint, [point]))
            }
            samples.append(point)
        }
        for (paint, points) in pointsByPaint {
            svg.open("g", paint.fill() + [("fill-opacity", "0.85")])
            for point in points { svg.element("circle", [("cx", px(point.0)), ("cy", px(point.1)), ("r", "3")]) }
            svg.close("g")
        }
        return samples
    }

    private func drawBars(into svg: inout SVGWriter) -> [(Double, Double)] {
        guard let categories = placed.resolved.categories else { return [] }
        var samples: [(Double, Double)] = []
        let count = Double(axes.bars.count)
        let slotWidth = 0.8 / count
        let baseValue = axes.yScale == .log ? placed.resolved.yLimits.0 : 0
        for (setIndex, bars) in axes.bars.enumerated() {
            let paint = Paint(slot: bars.colorSlot, color: bars.color)
            for (label, value) in zip(bars.labels, bars.values) {
                guard let category = categories.firstIndex(of: label) else { continue }
                let left = Double(category) - 0.4 + slotWidth * Double(setIndex)
                guard let x0 = placed.xMap.pixel(left), let x1 = placed.xMap.pixel(left + slotWidth),
                      let top = geometry.point(left, value)?.1, let base = placed.yMap.pixel(baseValue)
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
        }
        return samples
    }

    private func drawReferenceLines(into svg: inout SVGWriter) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        for line in axes.referenceLines {
            let ends: [(Double, Double)]
            switch line.orientation {
            case .vertical:
                guard placed.xMap.contains(line.value), let x = placed.xMap.pixel(line.value) else { continue }
                ends = [(x, plot.y), (x, plot.maxY)]
            case .horizontal:
                guard placed.yMap.contains(line.value), let y = placed.yMap.pixel(line.value) else { continue }
                ends = [(plot.x, y), (plot.maxX, y)]
            }
            let paint = Paint(slot: line.colorSlot, color: line.color)
            svg.element("path", paint.stroke(extraClass: "tb-line")
                + [("stroke-dasharray", line.dash.dashArray), ("d", pathData(ends))])
            samples += geometry.samples(of: [ends])
        }
        return samples
    }

    /// Marks where diverging series leave the axes (a triangle on the edge and "label clipped ↑"), or says
    /// that there is nothing finite to draw. Returns the notes' boxes, which the legend avoids.
    func drawNotes(into svg: inout SVGWriter, hasVisibleData: Bool) -> [Rect] {
        var boxes: [Rect] = []
        let hasData = !axes.series.isEmpty || !axes.bars.isEmpty
        if hasData && !hasVisibleData {
            let text = "no finite data"
            let width = TextMetrics.width(text, fontSize: Theme.noteFontSize)
            let center = (plot.x + plot.width / 2, plot.y + plot.height / 2)
            svg.text(text, [("class", "tb-note"), ("x", px(center.0)), ("y", px(center.1 + 3.5)),
                            ("text-anchor", "middle")])
            boxes.append(Rect(x: center.0 - width / 2, y: center.1 - 8, width: width, height: 14))
        }
        for (order, clipped) in placed.resolved.clipped.enumerated() {
            let series = axes.series[clipped.series]
            let paint = Paint(slot: series.colorSlot, color: series.color)
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
    private func exitPixel(_ series: Series, index: Int, edgeY: Double) -> Double {
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
        guard !entries.isEmpty, axes.legend != .hidden else { return }
        let size = LegendLayout.size(of: entries)
        let position = axes.legend == .best
            ? LegendLayout.best(size: size, in: plot, samples: samples, notes: notes) : axes.legend
        let box = LegendLayout.box(position, size: size, in: plot)
        svg.open("g", [("class", "tb-legend")])
        svg.element("rect", [("class", "tb-legend-box"), ("x", px(box.x)), ("y", px(box.y)), ("width", px(box.width)),
                             ("height", px(box.height)), ("rx", "3")])
        for (row, entry) in entries.enumerated() {
            let centerY = box.y + LegendLayout.padding + LegendLayout.rowHeight * Double(row) + 6
            let swatchX = box.x + LegendLayout.padding
            switch entry.swatch {
            case .line(let dash):
                svg.element("path", entry.paint.stroke(extraClass: "tb-line") + [("stroke-dasharray", dash.dashArray),
                    ("d", "M\(px(swatchX)) \(px(centerY))H\(px(swatchX + LegendLayout.swatchWidth))")])
            case .marker:
                svg.element("circle", entry.paint.fill() + [("cx", px(swatchX + LegendLayout.swatchWidth / 2)),
                                                            ("cy", px(centerY)), ("r", "3")])
            case .bar:
                svg.element("rect", entry.paint.fill() + [("x", px(swatchX + 4)), ("y", px(centerY - 5)),
                                                          ("width", px(LegendLayout.swatchWidth - 8)), ("height", "10")])
            }
            svg.text(entry.text, [("x", px(swatchX + LegendLayout.swatchWidth + LegendLayout.swatchGap)),
                                  ("y", px(centerY + Theme.legendFontSize * 0.35))])
        }
        svg.close("g")
    }
}
