/// One panel of a figure: its data series, reference lines, labels, scales and limits.
///
/// Axes are values: `fig[0].plot(…)` changes the figure's first panel in place.
/// ```swift
/// var fig = Figure(rows: 1, cols: 2)
/// fig[0].plot(history["loss"], label: "Training Loss")
/// fig[0].yLabel = "loss"
/// fig[1].xScale = .log
/// ```
public struct Axes: Sendable, Codable {
    /// The panel title, drawn above the plot area.
    public var title: String?
    /// The x-axis label, drawn under the tick labels.
    public var xLabel: String?
    /// The y-axis label, drawn rotated left of the tick labels.
    public var yLabel: String?
    /// The x-axis scale (`.linear` by default).
    public var xScale: AxisScale = .linear
    /// The y-axis scale (`.linear` by default).
    public var yScale: AxisScale = .linear
    /// Explicit x limits; nil chooses them from the data (finite values, 5 % margins).
    public var xLimits: ClosedRange<Double>?
    /// Explicit y limits; nil chooses them from the data, ignoring the exploding part of diverging series.
    public var yLimits: ClosedRange<Double>?
    /// Where the legend goes; `.best` covers the least data. Drawn only when an item has a label.
    public var legend: LegendPosition = .best

    /// The lines and scatter sets, in the order they were added.
    public internal(set) var series: [Series] = []
    /// The bar sets, in the order they were added.
    public internal(set) var bars: [BarSet] = []
    /// The vertical and horizontal reference lines.
    public internal(set) var referenceLines: [ReferenceLine] = []

    /// Empty axes.
    public init() {}

    /// How many default colours are taken so far: the next item gets the next tab10 colour.
    var colorsUsed: Int = 0

    /// Whether nothing has been drawn on these axes.
    public var isEmpty: Bool { series.isEmpty && bars.isEmpty && referenceLines.isEmpty }

    /// Takes the next default colour slot.
    mutating func nextColorSlot() -> Int {
        defer { colorsUsed += 1 }
        return colorsUsed
    }
}

/// A line or a set of scatter points.
public struct Series: Sendable, Codable, Equatable {
    /// What is drawn for the points.
    public enum Kind: String, Sendable, Codable {
        /// Points joined by straight segments; non-finite points leave gaps.
        case line
        /// Unjoined markers.
        case scatter
    }

    /// Line or scatter.
    public var kind: Kind
    /// The x values (for `plot(_:)`, 0, 1, 2, … as matplotlib plots a list).
    public var x: [Double]
    /// The y values, as many as `x`.
    public var y: [Double]
    /// For scatter plots: a group value per point, each group drawn in its own colour.
    public var groups: [Double]?
    /// The legend text; nil keeps the series out of the legend.
    public var label: String?
    /// An explicit colour; nil takes the default colour of `colorSlot`.
    public var color: SeriesColor?
    /// The line's dash pattern.
    public var dash: DashStyle
    /// The position in the default colour cycle.
    public var colorSlot: Int
    /// True when x was not given and counts points from 0 (epochs, for a history).
    public var implicitX: Bool
}

/// A set of bars, one per category label.
public struct BarSet: Sendable, Codable, Equatable {
    /// The category names along the x axis.
    public var labels: [String]
    /// One height per label.
    public var values: [Double]
    /// The legend text, if any.
    public var label: String?
    /// An explicit colour; nil takes the default colour of `colorSlot`.
    public var color: SeriesColor?
    /// The position in the default colour cycle.
    public var colorSlot: Int
}

/// A line across the whole axes at one x (vertical) or one y (horizontal), like `axvline`/`axhline`.
public struct ReferenceLine: Sendable, Codable, Equatable {
    /// Which axis the value is on.
    public enum Orientation: String, Sendable, Codable {
        /// A vertical line at an x value.
        case vertical
        /// A horizontal line at a y value.
        case horizontal
    }

    /// Vertical (at x) or horizontal (at y).
    public var orientation: Orientation
    /// The data value where the line is.
    public var value: Double
    /// The legend text, if any.
    public var label: String?
    /// An explicit colour; nil takes the default colour of `colorSlot`.
    public var color: SeriesColor?
    /// The dash pattern (dashed by default, to set it apart from data).
    public var dash: DashStyle
    /// The position in the default colour cycle.
    public var colorSlot: Int
}
