/// One legend for a whole grid, drawn as centred rows under the figure title, outside the data.
///
/// A grid gets it when at least two panels have legend entries and all of them list the same
/// entries (text, colour and swatch), as a grid of learning curves does: eight identical legends
/// would otherwise cover eight panels' data. Panels whose legend is `.hidden` take no part.
struct FigureLegend {
    /// The entries, in the first panel's order.
    var entries: [LegendEntry]

    static let itemGap = 18.0
    static let rowHeight = 18.0
    static let bottomGap = 4.0

    /// The figure's shared legend, or nil when its panels list different entries or only one.
    init?(_ figure: Figure) {
        guard figure.sharedLegend, figure.axes.count > 1 else { return nil }
        let lists = figure.axes.filter { $0.legend != .hidden }.map(LegendEntry.entries(for:)).filter { !$0.isEmpty }
        guard lists.count >= 2, let first = lists.first, first.count >= 2 else { return nil }
        let same = lists.allSatisfy { list in list.count == first.count && list.allSatisfy(first.contains) }
        guard same else { return nil }
        entries = first
    }

    /// The width of one item: swatch, gap and text.
    private func itemWidth(_ entry: LegendEntry) -> Double {
        LegendLayout.swatchWidth + LegendLayout.swatchGap + TextMetrics.width(entry.text, fontSize: Theme.legendFontSize)
    }

    /// The entries' indices, row by row, so no row is wider than `width`.
    func rows(width: Double) -> [[Int]] {
        var rows: [[Int]] = [[]]
        var used = 0.0
        for (index, entry) in entries.enumerated() {
            let item = itemWidth(entry)
            if !rows[rows.count - 1].isEmpty && used + FigureLegend.itemGap + item > width {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : FigureLegend.itemGap) + item
            rows[rows.count - 1].append(index)
        }
        return rows
    }

    /// The height the legend takes in a figure `width` px wide.
    func height(width: Double) -> Double {
        Double(rows(width: width - 2 * Spacing.edge).count) * FigureLegend.rowHeight + FigureLegend.bottomGap
    }

    /// Draws the rows centred in a figure `width` px wide, starting at `top`.
    func draw(into svg: inout SVGWriter, top: Double, width: Double) {
        svg.open("g", [("class", "tb-legend tb-figure-legend")])
        for (number, row) in rows(width: width - 2 * Spacing.edge).enumerated() {
            let rowWidth = row.map { itemWidth(entries[$0]) }.reduce(0, +) + FigureLegend.itemGap * Double(row.count - 1)
            var x = (width - rowWidth) / 2
            let centerY = top + FigureLegend.rowHeight * (Double(number) + 0.5)
            for index in row {
                let entry = entries[index]
                entry.drawSwatch(x: x, centerY: centerY, into: &svg)
                svg.text(entry.text, [("x", px(x + LegendLayout.swatchWidth + LegendLayout.swatchGap)),
                                      ("y", px(centerY + Theme.legendFontSize * 0.35))])
                x += itemWidth(entry) + FigureLegend.itemGap
            }
        }
        svg.close("g")
    }
}
