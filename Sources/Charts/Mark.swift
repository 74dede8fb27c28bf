/// Something drawn on axes from data: a line, scatter points, bars, a reference line, a band, steps.
///
/// A mark owns everything that depends on what it is: the values it adds to the automatic limits, its
/// drawing, its legend rows and its sentence in the figure's summary. The axes only order marks,
/// resolve limits and lay out the legend, so a new kind of mark is one file: a type conforming to
/// `Mark` and a `PlotTarget` method that adds it (see `Axes.add(colors:_:)`).
protocol Mark: Sendable {
    /// Where it is drawn among the other marks.
    var layer: MarkLayer { get }

    /// The curve that automatic limits may cut where it explodes (lines and steps); nil for other marks.
    var curve: Curve? { get }

    /// The category names it places along the x axis (bars); nil when it plots numbers.
    var categories: [String]? { get }

    /// The x values the automatic limits must hold, on the axes' scales.
    func xRange(in axes: Axes) -> DataRange?

    /// The y values the automatic limits must hold, leaving out the part beyond `divergence`.
    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange?

    /// Draws the mark and returns pixel samples of what it drew (which the legend avoids).
    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)]

    /// Its rows in the legend, if it has a label.
    var legendEntries: [LegendEntry] { get }

    /// Its clause in the figure's accessible summary.
    func summary(_ context: SummaryContext) -> String
}

extension Mark {
    /// Most marks are not curves that can explode.
    var curve: Curve? { nil }
    /// Most marks plot numbers.
    var categories: [String]? { nil }
}

/// The drawing layers, bottom to top. Within a layer marks are drawn in the order they were added.
enum MarkLayer: Int, Comparable, Sendable {
    /// Under the data: bars, bands.
    case underlay
    /// Lines, scatter points, steps.
    case data
    /// Over everything: reference lines.
    case annotation

    static func < (lhs: MarkLayer, rhs: MarkLayer) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Where marks of this layer come in the legend and the summary: the data first.
    var listingRank: Int {
        switch self {
        case .data: return 0
        case .underlay: return 1
        case .annotation: return 2
        }
    }
}

/// A series of points joined in order, which automatic limits may clip where it explodes.
struct Curve: Sendable {
    var x: [Double]
    var y: [Double]
    /// The legend text, repeated in its clip note.
    var label: String?
    var paint: Paint
}

/// What a mark needs to draw itself inside one panel.
struct MarkContext {
    /// Data-to-pixel maps and the plot area.
    var geometry: SeriesGeometry
    /// The panel's resolved limits and categories.
    var resolved: ResolvedAxes
    /// The mark's position among the marks of its own type on these axes, and how many there are
    /// (side-by-side bars share a category's width).
    var rank: Int
    var peers: Int

    var plot: Rect { geometry.plot }
    var xMap: ScaleMap { geometry.xMap }
    var yMap: ScaleMap { geometry.yMap }
}

/// What a mark needs to describe itself in the summary.
struct SummaryContext {
    /// The name to use without a label ("series 2").
    var fallbackName: String
    /// True when the x axis counts epochs (its label says so).
    var epochAxis: Bool
    /// Where the curve starts to explode, if it does.
    var divergence: Divergence?
    /// True when the curve leaves the automatic limits.
    var clipped: Bool
}
