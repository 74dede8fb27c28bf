/// The accessible summary of a figure, written from its data: panels, axes, and a clause per mark
/// (trends, ranges, where a curve diverges or stops being finite), each written by the mark itself.
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
        let shared = SharedAxes(figure).panels
        for (index, axes) in panels {
            let resolved = shared[index]
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
        for (axis, label, scale) in [("x", axes.xLabel, axes.xScale), ("y", axes.yLabel, axes.yScale)] {
            let scaleName = scale.scale.summaryName
            if let label { axisNames.append("\(axis): " + label + (scaleName.map { " (\($0) scale)" } ?? "")) }
            else if let scaleName { axisNames.append("\(axis) on a \(scaleName) scale") }
        }
        if !axisNames.isEmpty { parts.append(axisNames.joined(separator: ", ")) }
        let epochs = axes.xLabel?.lowercased().contains("epoch") == true
        var countByLayer: [MarkLayer: Int] = [:]
        for index in axes.listingOrder {
            let mark = axes.marks[index]
            // Unlabelled marks are numbered within their layer: "series 2" is the second data mark.
            countByLayer[mark.layer, default: 0] += 1
            let context = SummaryContext(fallbackName: "series \(countByLayer[mark.layer]!)", epochAxis: epochs,
                                         divergence: resolved.divergences[index],
                                         clipped: resolved.clipped.contains { $0.series == index })
            parts.append(mark.summary(context))
        }
        return parts
    }
}
