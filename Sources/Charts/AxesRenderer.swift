import Foundation

/// Draws one placed axes: grid, data, frame, ticks, labels, notes, legend and direct labels, in that order.
struct AxesRenderer {
    var placed: PlacedAxes
    /// The id prefix of this panel's elements (figure id + panel number).
    var id: String

    var axes: Axes { placed.resolved.axes }
    var plot: Rect { placed.plot }
    var geometry: SeriesGeometry { SeriesGeometry(xMap: placed.xMap, yMap: placed.yMap, plot: plot) }

    func draw(into svg: inout SVGWriter) {
        svg.open("g", [("id", id), ("class", "tb-axes")])
        svg.open("clipPath", [("id", "\(id)-clip")])
        svg.element("rect", [("x", px(plot.x)), ("y", px(plot.y)), ("width", px(plot.width)), ("height", px(plot.height))])
        svg.close("clipPath")
        drawGrid(into: &svg)
        let drawn = drawData(into: &svg)
        svg.element("rect", [("class", "tb-spine"), ("x", px(plot.x)), ("y", px(plot.y)), ("width", px(plot.width)),
                             ("height", px(plot.height))])
        drawTicks(into: &svg)
        drawLabels(into: &svg)
        let notes = drawNotes(into: &svg, hasVisibleData: !drawn.isEmpty)
        drawLegend(into: &svg, samples: drawn, notes: notes)
        DirectLabels(axes, geometry: geometry).draw(into: &svg, plot: plot)
        svg.close("g")
    }

    // MARK: Frame

    private func drawGrid(into svg: inout SVGWriter) {
        var segments: [String] = []
        if placed.resolved.categories == nil {
            for tick in placed.ticks.x.major {
                guard let x = placed.xMap.pixel(tick.value), placed.xMap.contains(tick.value) else { continue }
                segments.append("M\(px(x)) \(px(plot.y))V\(px(plot.maxY))")
            }
        }
        for tick in placed.ticks.y.major {
            guard let y = placed.yMap.pixel(tick.value), placed.yMap.contains(tick.value) else { continue }
            segments.append("M\(px(plot.x)) \(px(y))H\(px(plot.maxX))")
        }
        if !segments.isEmpty { svg.element("path", [("class", "tb-grid"), ("d", segments.joined(separator: " "))]) }
    }

    private func drawTicks(into svg: inout SVGWriter) {
        var segments: [String] = []
        func mark(x value: Double, length: Double) {
            guard let x = placed.xMap.pixel(value), placed.xMap.contains(value) else { return }
            segments.append("M\(px(x)) \(px(plot.maxY))v\(px(length))")
        }
        func mark(y value: Double, length: Double) {
            guard let y = placed.yMap.pixel(value), placed.yMap.contains(value) else { return }
            segments.append("M\(px(plot.x)) \(px(y))h\(px(-length))")
        }
        placed.ticks.x.major.forEach { mark(x: $0.value, length: Spacing.tickLength) }
        placed.ticks.x.minor.forEach { mark(x: $0, length: Spacing.tickLength * 0.6) }
        placed.ticks.y.major.forEach { mark(y: $0.value, length: Spacing.tickLength) }
        placed.ticks.y.minor.forEach { mark(y: $0, length: Spacing.tickLength * 0.6) }
        if !segments.isEmpty { svg.element("path", [("class", "tb-tick"), ("d", segments.joined(separator: " "))]) }
        if placed.shows.xTickLabels { drawXTickLabels(into: &svg) }
        if placed.shows.yTickLabels { drawYTickLabels(into: &svg) }
    }

    private func drawXTickLabels(into svg: inout SVGWriter) {
        let labelTop = plot.maxY + Spacing.tickLength + Spacing.tickPad
        for tick in placed.ticks.x.major {
            guard let x = placed.xMap.pixel(tick.value), placed.xMap.contains(tick.value) else { continue }
            if placed.ticks.rotateX {
                let baseline = labelTop + Theme.tickFontSize * 0.75
                svg.tickLabel(tick.label, [("x", px(x)), ("y", px(baseline)), ("text-anchor", "end"),
                                           ("transform", "rotate(-\(px(Spacing.rotatedLabelDegrees)) \(px(x)) \(px(labelTop)))")])
            } else {
                let raised = placed.ticks.x.major.contains { $0.label.superscript != nil }
                let baseline = labelTop + Theme.tickFontSize * (raised ? 1.15 : 0.8)
                svg.tickLabel(tick.label, [("x", px(x)), ("y", px(baseline)), ("text-anchor", "middle")])
            }
        }
    }

    private func drawYTickLabels(into svg: inout SVGWriter) {
        let labelRight = plot.x - Spacing.tickLength - Spacing.tickPad
        for tick in placed.ticks.y.major {
            guard let y = placed.yMap.pixel(tick.value), placed.yMap.contains(tick.value) else { continue }
            let offset = tick.label.superscript == nil ? 0.35 : 0.4
            svg.tickLabel(tick.label, [("x", px(labelRight)), ("y", px(y + Theme.tickFontSize * offset)),
                                       ("text-anchor", "end")])
        }
    }

    private func drawLabels(into svg: inout SVGWriter) {
        if let title = axes.title {
            svg.text(title, [("class", "tb-title"), ("x", px(plot.x + plot.width / 2)),
                             ("y", px(plot.y - Spacing.titleGap)), ("text-anchor", "middle")])
        }
        if let xLabel = axes.xLabel, placed.shows.xLabel {
            let tickLabels = placed.shows.xTickLabels ? Spacing.tickPad + placed.ticks.xLabelHeight : 0
            let baseline = plot.maxY + Spacing.tickLength + tickLabels + Spacing.labelGap + Theme.labelFontSize * 0.9
            svg.text(xLabel, [("class", "tb-label"), ("x", px(plot.x + plot.width / 2)), ("y", px(baseline)),
                              ("text-anchor", "middle")])
        }
        if let yLabel = axes.yLabel, placed.shows.yLabel {
            let widest = !placed.shows.yTickLabels ? 0 : placed.ticks.y.major.map { TextMetrics.width($0.label, fontSize: Theme.tickFontSize) }.max() ?? 0
            let pad = placed.shows.yTickLabels ? Spacing.tickPad : 0
            let x = plot.x - Spacing.tickLength - pad - widest - Spacing.labelGap - Theme.labelFontSize * 0.25
            let y = plot.y + plot.height / 2
            svg.text(yLabel, [("class", "tb-label"), ("x", px(x)), ("y", px(y)), ("text-anchor", "middle"),
                              ("transform", "rotate(-90 \(px(x)) \(px(y)))")])
        }
    }
}
