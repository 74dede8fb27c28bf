/// Unjoined markers (matplotlib's `scatter`); with groups, each distinct group value gets the next
/// default colour and its own legend row.
struct ScatterMark: Mark {
    var x: [Double]
    var y: [Double]
    /// A group value per point, each group drawn in its own colour; nil for one colour.
    var groups: [Double]?
    /// The legend text; with groups, rows read "label 0", "label 1", …
    var label: String?
    /// An explicit colour (without groups); nil takes the default colour of `colorSlot`.
    var color: SeriesColor?
    /// The first default colour slot; group k takes `colorSlot + k` until the figure assigns `groupPaints`.
    var colorSlot: Int
    /// The paint of each distinct group, in increasing group order, once the figure has assigned them.
    var groupPaints: [Paint]?

    var layer: MarkLayer { .data }

    /// How many default colours the points take: one per distinct finite group, or one.
    static func colorCount(groups: [Double]?) -> Int {
        groups.map { Set($0.filter(\.isFinite)).count } ?? 1
    }

    /// The x of every point that both scales can show.
    func xRange(in axes: Axes) -> DataRange? {
        var range: DataRange?
        for (xValue, yValue) in zip(x, y) where axes.xScale.shows(xValue) && axes.yScale.shows(yValue) {
            range.include(xValue)
        }
        return range
    }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? {
        let usable = zip(x, y).filter { axes.xScale.shows($0.0) }.map(\.1)
        return bulkRange(of: usable, scale: axes.yScale, divergence: divergence)
    }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        var samples: [(Double, Double)] = []
        let ranks = groups.map { groups in
            Dictionary(uniqueKeysWithValues: distinctGroups(groups).enumerated().map { ($0.element, $0.offset) })
        }
        // One <g> per colour keeps the file small: the circles inherit its fill.
        var pointsByPaint: [(Paint, [(Double, Double)])] = []
        for index in x.indices {
            guard let point = context.geometry.point(x[index], y[index]), context.plot.contains(point) else { continue }
            let paint: Paint
            if let ranks, let groups {
                guard let rank = ranks[groups[index]] else { continue }
                paint = groupPaint(rank)
            } else {
                paint = Paint(slot: colorSlot, color: color)
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

    var legendEntries: [LegendEntry] {
        guard let groups else {
            return label.map { [LegendEntry(text: $0, paint: Paint(slot: colorSlot, color: color), swatch: .marker)] } ?? []
        }
        return distinctGroups(groups).enumerated().map { rank, group in
            return LegendEntry(text: groupName(group), paint: groupPaint(rank), swatch: .marker)
        }
    }

    /// The legend text of a group: "label 0", or "0" without a label.
    func groupName(_ group: Double) -> String {
        label.map { "\($0) \(formatNumber(group))" } ?? formatNumber(group)
    }

    /// The paint of the group of rank `rank` among the distinct groups.
    func groupPaint(_ rank: Int) -> Paint {
        groupPaints.map { $0[rank] } ?? .slot(colorSlot + rank)
    }

    func summary(_ context: SummaryContext) -> String {
        let name = label ?? context.fallbackName
        let points = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        guard !points.isEmpty else { return "\(name) has no finite points" }
        var text = "\(name): \(points.count) points"
        if let groups {
            let distinct = distinctGroups(groups)
            text += " in \(distinct.count) groups (" + distinct.prefix(10).map(summaryNumber).joined(separator: ", ")
                + (distinct.count > 10 ? ", …" : "") + ")"
        }
        let xs = points.map(\.0), ys = points.map(\.1)
        text += ", x from \(summaryNumber(xs.min()!)) to \(summaryNumber(xs.max()!))"
            + ", y from \(summaryNumber(ys.min()!)) to \(summaryNumber(ys.max()!))"
        return text
    }
}

extension ScatterMark: SeriesColored {
    /// One colour per group (named by its legend text, so a class keeps its colour across panels), or one.
    var colorRequests: [ColorRequest] {
        guard let groups else { return [ColorRequest(identity: label, color: color)] }
        return distinctGroups(groups).map { ColorRequest(identity: groupName($0), color: nil) }
    }

    mutating func assignColors(_ paints: [Paint]) {
        if groups == nil {
            (color, colorSlot) = paints[0].colorAndSlot(keeping: colorSlot)
        } else {
            groupPaints = paints
        }
    }
}
