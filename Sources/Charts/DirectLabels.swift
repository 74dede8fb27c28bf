import Foundation

/// Labels written next to the ends of line and step series, right of the plot area, instead of a
/// legend box (`legend = .direct`).
///
/// Each labelled curve gets its text at the y of its last finite point, in the series' text colour.
/// Labels whose ends are close are nudged apart with a top-down sweep (then bottom-up, if the last
/// one ran past the bottom), and one moved further than `leaderThreshold` gets a thin leader line
/// back to the curve's end.
struct DirectLabels {
    /// One label: its text, paint, the pixel y of the curve's end and the y it is drawn at.
    struct Label: Equatable {
        var text: String
        var paint: Paint
        var targetY: Double
        var y: Double
    }

    var labels: [Label]

    /// The gap between the plot area and the leader lines or the text.
    static let gap = 4.0
    /// The room for leader lines between the plot area and the text.
    static let leaderWidth = 10.0
    /// The least distance between two labels' centres.
    static let spacing = Theme.legendFontSize * 1.25
    /// A label moved further than this from its curve's end gets a leader line.
    static let leaderThreshold = 3.0

    /// Whether `axes` labels this mark directly: a labelled line or step series on axes set to `.direct`.
    static func labels(_ mark: any Mark, on axes: Axes) -> Bool {
        axes.legend == .direct && mark.curve?.label != nil
    }

    /// The labelled curves of `axes` in listing order, or none when it is not set to `.direct`.
    static func curves(of axes: Axes) -> [Curve] {
        guard axes.legend == .direct else { return [] }
        return axes.listingOrder.compactMap { axes.marks[$0].curve }.filter { $0.label != nil }
    }

    /// The room right of the plot area that the labels of `axes` need (0 without direct labels).
    static func rightMargin(for axes: Axes) -> Double {
        let widths = curves(of: axes).map { TextMetrics.width($0.label ?? "", fontSize: Theme.legendFontSize) }
        guard let widest = widths.max() else { return 0 }
        return gap + leaderWidth + widest + Spacing.edge
    }

    /// The labels of a placed panel, each at its curve's last finite point and nudged apart.
    init(_ axes: Axes, geometry: SeriesGeometry) {
        let plot = geometry.plot
        var labels: [Label] = []
        for curve in DirectLabels.curves(of: axes) {
            guard let label = curve.label, let end = DirectLabels.lastPoint(curve, geometry: geometry) else { continue }
            let y = min(max(end.1, plot.y), plot.maxY)
            labels.append(Label(text: label, paint: curve.paint, targetY: y, y: y))
        }
        // Sorting by the curves' ends keeps the labels in the order the curves finish.
        let order = labels.indices.sorted { (labels[$0].targetY, $0) < (labels[$1].targetY, $1) }
        let placed = DirectLabels.spread(order.map { labels[$0].targetY }, top: plot.y, bottom: plot.maxY,
                                         spacing: DirectLabels.spacing)
        for (rank, index) in order.enumerated() { labels[index].y = placed[rank] }
        self.labels = labels
    }

    /// The pixel position of the last point of `curve` that the axes can show, or nil when it has none.
    static func lastPoint(_ curve: Curve, geometry: SeriesGeometry) -> (Double, Double)? {
        for index in curve.x.indices.reversed() where index < curve.y.count {
            if let point = geometry.point(curve.x[index], curve.y[index]) { return point }
        }
        return nil
    }

    /// Positions for sorted targets, at least `spacing` apart and as close to their targets as a
    /// top-down then bottom-up sweep gets them, within `top...bottom` when they fit there (centred on
    /// that range when they do not).
    static func spread(_ targets: [Double], top: Double, bottom: Double, spacing: Double) -> [Double] {
        guard !targets.isEmpty else { return [] }
        let span = spacing * Double(targets.count - 1)
        if span > bottom - top {
            let first = (top + bottom) / 2 - span / 2
            return targets.indices.map { first + spacing * Double($0) }
        }
        var placed = targets
        placed[0] = max(placed[0], top)
        for index in placed.indices.dropFirst() { placed[index] = max(placed[index], placed[index - 1] + spacing) }
        placed[placed.count - 1] = min(placed[placed.count - 1], bottom)
        for index in placed.indices.reversed().dropFirst() {
            placed[index] = min(placed[index], placed[index + 1] - spacing)
        }
        return placed
    }

    /// Draws the labels (and leader lines) right of `plot`.
    func draw(into svg: inout SVGWriter, plot: Rect) {
        guard !labels.isEmpty else { return }
        let leaderStart = plot.maxX + DirectLabels.gap
        let textX = leaderStart + DirectLabels.leaderWidth
        svg.open("g", [("class", "tb-direct-labels")])
        for label in labels {
            if abs(label.y - label.targetY) > DirectLabels.leaderThreshold {
                svg.element("path", label.paint.stroke(extraClass: "tb-leader") + [
                    ("d", "M\(px(leaderStart)) \(px(label.targetY))L\(px(textX - 3)) \(px(label.y))"),
                ])
            }
            svg.text(label.text, label.paint.fill(extraClass: "tb-direct") + [
                ("x", px(textX)), ("y", px(label.y + Theme.legendFontSize * 0.35)),
            ])
        }
        svg.close("g")
    }
}
