/// The axes API on the figure itself, acting on the first axes (`fig[0]`), as `plt.plot` acts on the
/// current axes: `var fig = Figure(title: "Loss"); fig.plot(losses)`.
extension Figure {
    /// Plots `y` against 0, 1, 2, … on the first axes.
    public mutating func plot(_ y: [Double], label: String? = nil, color: SeriesColor? = nil, dash: DashStyle = .solid) {
        self[0].plot(y, label: label, color: color, dash: dash)
    }

    /// Plots `Float` values against 0, 1, 2, … on the first axes.
    @_disfavoredOverload
    public mutating func plot(_ y: [Float], label: String? = nil, color: SeriesColor? = nil, dash: DashStyle = .solid) {
        self[0].plot(y, label: label, color: color, dash: dash)
    }

    /// Plots `y` against `x` on the first axes.
    public mutating func plot(x: [Double], y: [Double], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        self[0].plot(x: x, y: y, label: label, color: color, dash: dash)
    }

    /// Plots `Float` values against `Float` positions on the first axes.
    @_disfavoredOverload
    public mutating func plot(x: [Float], y: [Float], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        self[0].plot(x: x, y: y, label: label, color: color, dash: dash)
    }

    /// Plots `Float` values against `Double` positions on the first axes.
    @_disfavoredOverload
    public mutating func plot(x: [Double], y: [Float], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        self[0].plot(x: x, y: y, label: label, color: color, dash: dash)
    }

    /// Plots `y` against integer positions on the first axes.
    public mutating func plot(x: [Int], y: [Double], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        self[0].plot(x: x, y: y, label: label, color: color, dash: dash)
    }

    /// Draws points on the first axes, optionally coloured by class index.
    public mutating func scatter(x: [Double], y: [Double], groups: [Int]? = nil, label: String? = nil,
                                 color: SeriesColor? = nil) {
        self[0].scatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws points on the first axes coloured by class index.
    public mutating func scatter(x: [Double], y: [Double], groups: [Int], label: String? = nil,
                                 color: SeriesColor? = nil) {
        self[0].scatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws points on the first axes coloured by `Double` group values.
    @_disfavoredOverload
    public mutating func scatter(x: [Double], y: [Double], groups: [Double], label: String? = nil,
                                 color: SeriesColor? = nil) {
        self[0].scatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws points on the first axes coloured by `Float` group values.
    @_disfavoredOverload
    public mutating func scatter(x: [Double], y: [Double], groups: [Float], label: String? = nil,
                                 color: SeriesColor? = nil) {
        self[0].scatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws `Float` points on the first axes, optionally coloured by class index.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], groups: [Int]? = nil, label: String? = nil,
                                 color: SeriesColor? = nil) {
        self[0].scatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws bars on the first axes.
    public mutating func bar(labels: [String], values: [Double], label: String? = nil, color: SeriesColor? = nil) {
        self[0].bar(labels: labels, values: values, label: label, color: color)
    }

    /// Draws bars of `Float` heights on the first axes.
    @_disfavoredOverload
    public mutating func bar(labels: [String], values: [Float], label: String? = nil, color: SeriesColor? = nil) {
        self[0].bar(labels: labels, values: values, label: label, color: color)
    }

    /// Draws a vertical reference line on the first axes.
    public mutating func verticalLine(at x: Double, label: String? = nil, color: SeriesColor? = nil,
                                      dash: DashStyle = .dashed) {
        self[0].verticalLine(at: x, label: label, color: color, dash: dash)
    }

    /// Draws a horizontal reference line on the first axes.
    public mutating func horizontalLine(at y: Double, label: String? = nil, color: SeriesColor? = nil,
                                        dash: DashStyle = .dashed) {
        self[0].horizontalLine(at: y, label: label, color: color, dash: dash)
    }

    /// The first axes' x-axis label.
    public var xLabel: String? {
        get { self[0].xLabel }
        set { self[0].xLabel = newValue }
    }

    /// The first axes' y-axis label.
    public var yLabel: String? {
        get { self[0].yLabel }
        set { self[0].yLabel = newValue }
    }

    /// The first axes' x scale.
    public var xScale: AxisScale {
        get { self[0].xScale }
        set { self[0].xScale = newValue }
    }

    /// The first axes' y scale.
    public var yScale: AxisScale {
        get { self[0].yScale }
        set { self[0].yScale = newValue }
    }

    /// The first axes' explicit x limits (nil: automatic).
    public var xLimits: ClosedRange<Double>? {
        get { self[0].xLimits }
        set { self[0].xLimits = newValue }
    }

    /// The first axes' explicit y limits (nil: automatic).
    public var yLimits: ClosedRange<Double>? {
        get { self[0].yLimits }
        set { self[0].yLimits = newValue }
    }

    /// The first axes' legend position.
    public var legend: LegendPosition {
        get { self[0].legend }
        set { self[0].legend = newValue }
    }
}
