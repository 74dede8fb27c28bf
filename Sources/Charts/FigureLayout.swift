/// One panel placed in the figure: its data decisions, plot area, ticks and pixel scales.
struct PlacedAxes: Sendable {
    var resolved: ResolvedAxes
    var plot: Rect
    var ticks: PanelTicks
    var xMap: ScaleMap
    var yMap: ScaleMap
    /// Which labels and legend the panel draws itself.
    var shows: PanelLabels
}

/// The grid of a figure: equal cells, with plot areas aligned along rows and columns so that the
/// widest tick labels, titles and axis labels of a row or column decide its margins.
struct FigureLayout: Sendable {
    var width: Double
    var height: Double
    /// The baseline of the figure title, when there is one.
    var titleBaseline: Double?
    var panels: [PlacedAxes]
    /// The figure's shared legend, and the top of its first row.
    var legend: FigureLegend?
    var legendTop: Double?

    /// Lays out `figure` at `size` (its resolved size when nil).
    init(_ figure: Figure, size: FigureSize? = nil) {
        let size = size ?? figure.resolvedSize
        width = size.width
        height = size.height
        let (rows, cols) = (figure.rows, figure.cols)
        let titleHeight = figure.title == nil ? 0 : Theme.figureTitleFontSize * 1.3 + 8
        titleBaseline = figure.title == nil ? nil : Spacing.edge + Theme.figureTitleFontSize
        legend = FigureLegend(figure)
        legendTop = legend.map { _ in Spacing.edge + titleHeight }
        let top = Spacing.edge + titleHeight + (legend?.height(width: width) ?? 0)
        let cellWidth = (width - 2 * Spacing.edge) / Double(cols)
        let cellHeight = (height - top - Spacing.edge) / Double(rows)
        let shared = SharedAxes(figure)
        let resolved = shared.panels
        let shows = FigureLayout.panelLabels(figure, shared: shared, hasFigureLegend: legend != nil)

        // First guess of the plot sizes, then two rounds of ticks → margins → aligned plot areas.
        var plotSizes = resolved.map { _ in (max(cellWidth - 70, 40), max(cellHeight - 50, 30)) }
        var ticks: [PanelTicks] = []
        var rects: [Rect] = []
        for _ in 0..<2 {
            ticks = resolved.indices.map { PanelTicks(resolved[$0], width: plotSizes[$0].0, height: plotSizes[$0].1) }
            let margins = resolved.indices.map {
                ticks[$0].margins(for: resolved[$0].axes, xLimits: resolved[$0].xLimits, width: plotSizes[$0].0,
                                  shows: shows[$0])
            }
            rects = FigureLayout.alignedRects(margins: margins, rows: rows, cols: cols, origin: (Spacing.edge, top),
                                              cell: (cellWidth, cellHeight))
            plotSizes = rects.map { ($0.width, $0.height) }
        }
        panels = resolved.indices.map { index in
            let rect = rects[index]
            let axes = resolved[index].axes
            return PlacedAxes(resolved: resolved[index], plot: rect, ticks: ticks[index],
                              xMap: ScaleMap(scale: axes.xScale, limits: resolved[index].xLimits,
                                             pixels: (rect.x, rect.maxX)),
                              yMap: ScaleMap(scale: axes.yScale, limits: resolved[index].yLimits,
                                             pixels: (rect.maxY, rect.y)),
                              shows: shows[index])
        }
    }

    /// Lays out `axes` in a `rows × cols` grid of the given size, with the default sharing.
    init(axes: [Axes], rows: Int, cols: Int, title: String?, width: Double, height: Double) {
        var figure = Figure(rows: rows, cols: cols, title: title)
        figure.axes = axes
        self.init(figure, size: FigureSize(width: width, height: height))
    }

    /// What each panel draws: inner tick labels and repeated axis labels give way to the outer panel
    /// sharing the axis (matplotlib's `label_outer`), and legends to the figure legend or to a title.
    private static func panelLabels(_ figure: Figure, shared: SharedAxes, hasFigureLegend: Bool) -> [PanelLabels] {
        let axes = figure.axes, cols = figure.cols
        return axes.indices.map { index in
            var shows = PanelLabels()
            let below = index + cols, left = index - 1
            if below < axes.count, shared.xGroups.group(of: index)?.contains(below) == true {
                shows.xTickLabels = false
                shows.xLabel = axes[index].xLabel != axes[below].xLabel
            }
            if index % cols > 0, shared.yGroups.group(of: index)?.contains(left) == true {
                shows.yTickLabels = false
                shows.yLabel = axes[index].yLabel != axes[left].yLabel
            }
            let entries = LegendEntry.entries(for: axes[index])
            let own = entries.count >= 2 || axes[index].legendIsExplicit
            shows.legend = own && !(hasFigureLegend && !entries.isEmpty)
            return shows
        }
    }

    /// Plot areas of one size, aligned: each column keeps the largest left and right margins of its
    /// panels and each row the largest top and bottom, and the room left over is shared equally, so
    /// a panel without tick labels (an inner one of a shared axis) is no larger than its neighbours
    /// and panels sharing an axis get the same ticks, as matplotlib's `subplots` gives equal axes.
    private static func alignedRects(margins: [Margins], rows: Int, cols: Int, origin: (Double, Double),
                                     cell: (Double, Double)) -> [Rect] {
        var left = [Double](repeating: 0, count: cols), right = left
        var top = [Double](repeating: 0, count: rows), bottom = top
        for (index, margin) in margins.enumerated() {
            let row = index / cols, col = index % cols
            left[col] = max(left[col], margin.left)
            right[col] = max(right[col], margin.right)
            top[row] = max(top[row], margin.top)
            bottom[row] = max(bottom[row], margin.bottom)
        }
        let width = max((cell.0 * Double(cols) - left.reduce(0, +) - right.reduce(0, +)) / Double(cols), 20)
        let height = max((cell.1 * Double(rows) - top.reduce(0, +) - bottom.reduce(0, +)) / Double(rows), 20)
        // Where each column's and row's plot area starts: the margins and plots before it, then its own margin.
        let xs = (0..<cols).map { col in origin.0 + (0..<col).map { left[$0] + width + right[$0] }.reduce(0, +) + left[col] }
        let ys = (0..<rows).map { row in origin.1 + (0..<row).map { top[$0] + height + bottom[$0] }.reduce(0, +) + top[row] }
        return margins.indices.map { index in
            Rect(x: xs[index % cols], y: ys[index / cols], width: width, height: height)
        }
    }
}
