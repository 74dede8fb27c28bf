/// One panel of a figure: its marks (lines, scatter points, bars, reference lines, bands, steps),
/// labels, scales and limits.
///
/// Axes are values: `fig[0].plot(…)` changes the figure's first panel in place.
/// ```swift
/// var fig = Figure(rows: 1, cols: 2)
/// fig[0].plot(history["loss"], label: "Training Loss")
/// fig[0].yLabel = "loss"
/// fig[1].xScale = .log
/// ```
public struct Axes: Sendable {
    /// The panel title, drawn above the plot area.
    public var title: String?
    /// The x-axis label, drawn under the tick labels.
    public var xLabel: String?
    /// The y-axis label, drawn rotated left of the tick labels.
    public var yLabel: String?
    /// The x-axis scale (`.linear` by default; `.log`, `.symlog(linthresh:)` or any ``Scale``).
    public var xScale: AxisScale = .linear
    /// The y-axis scale (`.linear` by default; `.log`, `.symlog(linthresh:)` or any ``Scale``).
    public var yScale: AxisScale = .linear
    /// Explicit x limits; nil chooses them from the data (finite values, 5 % margins).
    public var xLimits: ClosedRange<Double>?
    /// Explicit y limits; nil chooses them from the data, ignoring the exploding part of diverging series.
    public var yLimits: ClosedRange<Double>?
    /// Where the legend goes; `.best` covers the least data. Drawn when two or more items have labels,
    /// or for a single one once this is set; a grid whose panels list the same entries draws one
    /// figure legend instead (see ``Figure/sharedLegend``). `.direct` writes each line's label next to
    /// its end instead (set it on every panel of a grid: `fig[i].legend = .direct`); a grid whose
    /// panels all label their lines directly draws no figure legend.
    public var legend: LegendPosition = .best { didSet { legendIsExplicit = true } }
    /// Whether the notebook set `legend`: then a single entry gets a legend too.
    private(set) var legendIsExplicit = false

    /// The marks, in the order they were added.
    private(set) var marks: [any Mark] = []

    /// Empty axes.
    public init() {}

    /// Labels whose colours are fixed in advance, shared with other figures (see ``SeriesColors``);
    /// other labels take the palette slots this key leaves free.
    public var seriesColors: SeriesColors?

    /// How many default colours are taken so far. These provisional slots are what the marks start
    /// with; the figure assigns the final colours by label when it is drawn (see `ColorAssignment`).
    private(set) var colorsUsed: Int = 0
    /// The provisional slots each mark was added with.
    private(set) var addedSlots: [Range<Int>] = []

    /// Whether nothing has been drawn on these axes.
    public var isEmpty: Bool { marks.isEmpty }

    /// Adds a mark made with the first of `colors` default colour slots it takes (scatter groups take
    /// one each; every other mark one).
    mutating func add(colors: Int = 1, _ make: (_ colorSlot: Int) -> any Mark) {
        let slot = colorsUsed
        colorsUsed += colors
        addedSlots.append(slot..<slot + colors)
        marks.append(make(slot))
    }

    /// Puts a mark with assigned colours in place of mark `index`.
    mutating func replaceMark(at index: Int, with mark: any Mark) {
        marks[index] = mark
    }

    /// Mark indices in drawing order: by layer, then in the order they were added.
    var drawingOrder: [Int] {
        marks.indices.sorted { (marks[$0].layer, $0) < (marks[$1].layer, $1) }
    }

    /// Mark indices in legend and summary order: the data first, then underlays, then annotations.
    var listingOrder: [Int] {
        marks.indices.sorted { (marks[$0].layer.listingRank, $0) < (marks[$1].layer.listingRank, $1) }
    }

    /// The position of mark `index` among the marks of its own type, and how many there are.
    func rank(of index: Int) -> (rank: Int, peers: Int) {
        let kind = ObjectIdentifier(type(of: marks[index]))
        let same = marks.indices.filter { ObjectIdentifier(type(of: marks[$0])) == kind }
        return (same.firstIndex(of: index)!, same.count)
    }
}
