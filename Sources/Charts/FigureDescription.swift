/// The accessible summary of a figure, written from its data: panels, series, trends, ranges, and
/// where a series diverges or stops being finite.
///
/// "Training Loss falls from 2.3 to 0.21 over 50 epochs; lr = 1.0 rises from 0.7 to 0.6, then
/// diverges at epoch 3 (clipped)."
struct FigureDescription {
    /// A short name for `<title>`.
    var title: String
    /// The full summary for `<desc>` and `altText`.
    var text: String

    init(_ figure: Figure) {
        let panels = figure.axes.enumerated().filter { !$0.element.isEmpty || $0.element.title != nil }
        let single = figure.axes.count == 1
        let title = figure.title ?? (single ? figure.axes[0].title : nil)
            ?? (single ? "Chart" : "Figure with \(figure.axes.count) panels")
        self.title = title
        var sentences: [String] = [title + "."]
        for (index, axes) in panels {
            let resolved = ResolvedAxes(axes)
            let heading = single ? (axes.title.map { $0 == title ? "" : $0 + ": " } ?? "")
                : "Panel \(index + 1)" + (axes.title.map { " (\($0))" } ?? "") + ": "
            let parts = FigureDescription.parts(resolved)
            sentences.append(heading + (parts.isEmpty ? "empty" : parts.joined(separator: "; ")) + ".")
        }
        text = sentences.joined(separator: " ")
    }

    private static func parts(_ resolved: ResolvedAxes) -> [String] {
        let axes = resolved.axes
        var parts: [String] = []
        var axisNames: [String] = []
        if let xLabel = axes.xLabel { axisNames.append("x: " + xLabel + (axes.xScale == .log ? " (log scale)" : "")) }
        else if axes.xScale == .log { axisNames.append("x on a log scale") }
        if let yLabel = axes.yLabel { axisNames.append("y: " + yLabel + (axes.yScale == .log ? " (log scale)" : "")) }
        else if axes.yScale == .log { axisNames.append("y on a log scale") }
        if !axisNames.isEmpty { parts.append(axisNames.joined(separator: ", ")) }
        let epochs = axes.xLabel?.lowercased().contains("epoch") == true
        for (index, series) in axes.series.enumerated() {
            let name = series.label ?? "series \(index + 1)"
            switch series.kind {
            case .line:
                let clipped = resolved.clipped.contains { $0.series == index }
                parts.append(describeLine(series, name: name, epochs: epochs || series.implicitX,
                                          divergence: resolved.divergences[index], clipped: clipped))
            case .scatter:
                parts.append(describeScatter(series, name: name))
            }
        }
        for bars in axes.bars {
            let values = zip(bars.labels, bars.values).prefix(12).map { "\($0.0) \(number($0.1))" }
            parts.append((bars.label.map { $0 + " bars: " } ?? "bars: ") + values.joined(separator: ", ")
                         + (bars.labels.count > 12 ? ", …" : ""))
        }
        for line in axes.referenceLines {
            let place = line.orientation == .vertical ? "vertical line at x = " : "horizontal line at y = "
            parts.append(place + number(line.value) + (line.label.map { " (\($0))" } ?? ""))
        }
        return parts
    }

    private static func describeLine(_ series: Series, name: String, epochs: Bool, divergence: Divergence?,
                                     clipped: Bool) -> String {
        func at(_ index: Int) -> String { epochs ? "epoch \(number(series.x[index]))" : "x = \(number(series.x[index]))" }
        let finite = series.y.indices.filter { series.y[$0].isFinite }
        guard let first = finite.first else { return "\(name) has no finite values" }
        let bulk = finite.filter { divergence == nil || abs(series.y[$0]) <= divergence!.threshold }
        let last = bulk.last ?? first
        let (a, b) = (series.y[first], series.y[last])
        let span = (bulk.map { series.y[$0] }.max() ?? a) - (bulk.map { series.y[$0] }.min() ?? a)
        var text = name
        if first == last {
            text += " is \(number(a)) at \(at(first))"
        } else if abs(b - a) <= 0.01 * max(abs(a), abs(b)) {
            text += " stays near \(number(a))"
        } else {
            text += (b < a ? " falls" : " rises") + " from \(number(a)) to \(number(b))"
        }
        if first != last {
            text += epochs && series.implicitX ? " over \(last - first + 1) epochs"
                : " from \(at(first)) to \(at(last))"
        }
        if let lowest = bulk.min(by: { series.y[$0] < series.y[$1] }), lowest != last, lowest != first,
           series.y[last] - series.y[lowest] > 0.05 * span, span > 0 {
            text += " (lowest \(number(series.y[lowest])) at \(at(lowest)))"
        }
        if let divergence {
            text += ", then diverges at \(at(divergence.index))" + (clipped ? " (clipped)" : "")
        } else if clipped {
            text += ", clipped at the edge of the axes"
        }
        if let gap = series.y[first...].firstIndex(where: { !$0.isFinite }) {
            let kind = series.y[gap].isNaN ? "NaN" : "infinite"
            text += (finite.last! > gap ? ", with a gap at " : ", becomes \(kind) at ") + at(gap)
        }
        return text
    }

    private static func describeScatter(_ series: Series, name: String) -> String {
        let points = zip(series.x, series.y).filter { $0.0.isFinite && $0.1.isFinite }
        guard !points.isEmpty else { return "\(name) has no finite points" }
        var text = "\(name): \(points.count) points"
        if let groups = series.groups {
            let distinct = distinctGroups(groups)
            text += " in \(distinct.count) groups (" + distinct.prefix(10).map { number($0) }.joined(separator: ", ")
                + (distinct.count > 10 ? ", …" : "") + ")"
        }
        let xs = points.map(\.0), ys = points.map(\.1)
        text += ", x from \(number(xs.min()!)) to \(number(xs.max()!)), y from \(number(ys.min()!)) to \(number(ys.max()!))"
        return text
    }

    private static func number(_ value: Double) -> String { formatNumber(value, significantDigits: 3) }
}
