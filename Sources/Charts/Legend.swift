/// The paint of one item: a default palette slot (themable through CSS) or an explicit colour.
enum Paint: Equatable, Sendable {
    case slot(Int)
    case explicit(SeriesColor)

    init(slot: Int, color: SeriesColor?) {
        self = color.map(Paint.explicit) ?? .slot(slot)
    }

    /// Attributes that stroke a line with this paint (a CSS class, so a page theme can restyle it).
    func stroke(extraClass: String) -> [(String, String?)] {
        switch self {
        case .slot(let slot): return [("class", "\(extraClass) tb-s\(slot % SeriesColor.cycle.count)")]
        case .explicit(let color): return [("class", extraClass), ("stroke", color.hex)]
        }
    }

    /// Attributes that fill a shape (or text) with this paint.
    func fill(extraClass: String? = nil) -> [(String, String?)] {
        let prefix = extraClass.map { $0 + " " } ?? ""
        switch self {
        case .slot(let slot): return [("class", "\(prefix)tb-f\(slot % SeriesColor.cycle.count)")]
        case .explicit(let color): return [("class", extraClass), ("style", "fill:\(color.hex ?? "currentColor")")]
        }
    }
}

/// One row of a legend: a mark's text and a swatch of how it is drawn.
struct LegendEntry: Equatable, Sendable {
    /// The small picture left of the text.
    enum Swatch: Equatable, Sendable {
        /// A short stroke with the mark's dash pattern (lines, steps, reference lines).
        case line(DashStyle)
        /// A dot (scatter points).
        case marker
        /// A solid box (bars).
        case bar
        /// A translucent box (bands).
        case area
    }

    var text: String
    var paint: Paint
    var swatch: Swatch

    /// The legend rows of an axes: each mark's rows, the data first, then underlays, then annotations,
    /// leaving out the series labelled directly (see `DirectLabels`).
    static func entries(for axes: Axes) -> [LegendEntry] {
        axes.listingOrder.filter { !DirectLabels.labels(axes.marks[$0], on: axes) }.flatMap { axes.marks[$0].legendEntries }
    }

    /// Draws the swatch with its left edge at `x`, centred on `centerY`.
    func drawSwatch(x: Double, centerY: Double, into svg: inout SVGWriter) {
        let width = LegendLayout.swatchWidth
        switch swatch {
        case .line(let dash):
            svg.element("path", paint.stroke(extraClass: "tb-line") + [("stroke-dasharray", dash.dashArray),
                ("d", "M\(px(x)) \(px(centerY))H\(px(x + width))")])
        case .marker:
            svg.element("circle", paint.fill() + [("cx", px(x + width / 2)), ("cy", px(centerY)), ("r", "3")])
        case .bar:
            svg.element("rect", paint.fill() + [("x", px(x + 4)), ("y", px(centerY - 5)), ("width", px(width - 8)),
                                                ("height", "10")])
        case .area:
            svg.element("rect", paint.fill(extraClass: "tb-band") + [("fill-opacity", "0.25"), ("x", px(x + 2)),
                ("y", px(centerY - 5)), ("width", px(width - 4)), ("height", "10")])
        }
    }
}

/// The distinct finite group values of a scatter, in increasing order (each gets the next colour).
func distinctGroups(_ groups: [Double]) -> [Double] {
    Set(groups.filter(\.isFinite)).sorted()
}

/// The size of a legend box and where it goes.
enum LegendLayout {
    static let padding = 6.0
    /// Data this close to a candidate box counts as covered by it.
    static let clearance = 8.0
    static let rowHeight = 16.0
    static let swatchWidth = 22.0
    static let swatchGap = 6.0
    static let inset = 6.0

    /// The width and height of the box for these entries.
    static func size(of entries: [LegendEntry]) -> (Double, Double) {
        let textWidth = entries.map { TextMetrics.width($0.text, fontSize: Theme.legendFontSize) }.max() ?? 0
        return (2 * padding + swatchWidth + swatchGap + textWidth, 2 * padding + Double(entries.count) * rowHeight - 4)
    }

    /// The box at a fixed position inside the plot area.
    static func box(_ position: LegendPosition, size: (Double, Double), in plot: Rect) -> Rect {
        let (w, h) = size
        let left = plot.x + inset, right = plot.maxX - inset - w, middleX = plot.x + (plot.width - w) / 2
        let top = plot.y + inset, bottom = plot.maxY - inset - h, middleY = plot.y + (plot.height - h) / 2
        let origin: (Double, Double)
        switch position {
        case .upperRight, .best, .hidden, .direct: origin = (right, top)
        case .upperLeft: origin = (left, top)
        case .lowerLeft: origin = (left, bottom)
        case .lowerRight: origin = (right, bottom)
        case .right, .centerRight: origin = (right, middleY)
        case .centerLeft: origin = (left, middleY)
        case .lowerCenter: origin = (middleX, bottom)
        case .upperCenter: origin = (middleX, top)
        case .center: origin = (middleX, middleY)
        }
        return Rect(x: origin.0, y: origin.1, width: w, height: h)
    }

    /// The candidate position whose box covers the fewest data samples and notes (matplotlib's
    /// `loc="best"`); ties go to the earlier candidate.
    static func best(size: (Double, Double), in plot: Rect, samples: [(Double, Double)], notes: [Rect]) -> LegendPosition {
        var bestPosition = LegendPosition.upperRight
        var bestScore = Int.max
        for position in LegendPosition.candidates {
            // A curve running just past the box's edge reads as touching it, so the margin counts too.
            let box = box(position, size: size, in: plot).expanded(by: LegendLayout.clearance)
            let covered = samples.reduce(0) { $0 + (box.contains($1) ? 1 : 0) }
            let score = covered + 1000 * notes.filter { box.intersects($0) }.count
            if score < bestScore {
                bestScore = score
                bestPosition = position
            }
        }
        return bestPosition
    }
}
