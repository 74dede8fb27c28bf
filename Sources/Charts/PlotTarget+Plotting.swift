/// Adding data, with the spellings of matplotlib's `plot`, `scatter`, `bar`, `axvline` and `axhline`.
///
/// `Float` overloads are disfavoured so that literals such as `plot([1, 2, 3])` pick `Double`.
extension PlotTarget {
    /// Plots `y` against 0, 1, 2, … (epochs, when `y` is a history series), as matplotlib plots a list.
    ///
    /// NaN and infinite values leave gaps; a series that explodes is clipped with a note.
    /// - Parameters:
    ///   - y: the values.
    ///   - label: the legend text; nil keeps the line out of the legend.
    ///   - color: an explicit colour (`.orange`, `"#123456"`, `.of("label")`); nil keeps the label's colour
    ///     in this figure or takes the next free palette colour.
    ///   - dash: the dash pattern.
    public mutating func plot(_ y: [Double], label: String? = nil, color: SeriesColor? = nil, dash: DashStyle = .solid) {
        addLine(x: y.indices.map(Double.init), y: y, label: label, color: color, dash: dash, implicitX: true)
    }

    /// Plots `Float` values against 0, 1, 2, …
    @_disfavoredOverload
    public mutating func plot(_ y: [Float], label: String? = nil, color: SeriesColor? = nil, dash: DashStyle = .solid) {
        plot(y.map(Double.init), label: label, color: color, dash: dash)
    }

    /// Plots `y` against `x` (arrays of the same length).
    public mutating func plot(x: [Double], y: [Double], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        require(x.count == y.count, "plot needs as many x as y values, but got \(x.count) x and \(y.count) y.")
        addLine(x: x, y: y, label: label, color: color, dash: dash, implicitX: false)
    }

    /// Plots `Float` values against `Float` positions.
    @_disfavoredOverload
    public mutating func plot(x: [Float], y: [Float], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        plot(x: x.map(Double.init), y: y.map(Double.init), label: label, color: color, dash: dash)
    }

    /// Plots `Float` values against `Double` positions (e.g. losses against learning rates).
    @_disfavoredOverload
    public mutating func plot(x: [Double], y: [Float], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        plot(x: x, y: y.map(Double.init), label: label, color: color, dash: dash)
    }

    /// Plots `Double` values against `Float` positions.
    @_disfavoredOverload
    public mutating func plot(x: [Float], y: [Double], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        plot(x: x.map(Double.init), y: y, label: label, color: color, dash: dash)
    }

    /// Plots `y` against integer positions such as `Array(1...epochs)`.
    public mutating func plot(x: [Int], y: [Double], label: String? = nil, color: SeriesColor? = nil,
                              dash: DashStyle = .solid) {
        plot(x: x.map(Double.init), y: y, label: label, color: color, dash: dash)
    }

    private mutating func addLine(x: [Double], y: [Double], label: String?, color: SeriesColor?, dash: DashStyle,
                                  implicitX: Bool) {
        plotAxes.add { slot in
            LineMark(x: x, y: y, label: label, color: color, dash: dash, colorSlot: slot, implicitX: implicitX)
        }
    }

    /// Draws unjoined points; with `groups`, each distinct group value gets its own colour and legend entry.
    ///
    /// ```swift
    /// fig[2].scatter(x: circles.x.column(0), y: circles.x.column(1), groups: labels)
    /// ```
    /// - Parameters:
    ///   - x: the points' horizontal positions.
    ///   - y: the points' vertical positions, one per `x`.
    ///   - groups: one class index per point (e.g. the dataset's labels), or nil for one colour.
    ///   - label: the legend text; with groups, entries read "label 0", "label 1", …
    ///   - color: one colour for every point, instead of the next in the cycle.
    public mutating func scatter(x: [Double], y: [Double], groups: [Int]? = nil, label: String? = nil,
                                 color: SeriesColor? = nil) {
        addScatter(x: x, y: y, groups: groups?.map(Double.init), label: label, color: color)
    }

    /// Draws points coloured by class index (chosen over the optional form, so literals resolve here).
    public mutating func scatter(x: [Double], y: [Double], groups: [Int], label: String? = nil,
                                 color: SeriesColor? = nil) {
        addScatter(x: x, y: y, groups: groups.map(Double.init), label: label, color: color)
    }

    /// Draws points coloured by `Double` group values (class labels stored as numbers).
    @_disfavoredOverload
    public mutating func scatter(x: [Double], y: [Double], groups: [Double], label: String? = nil,
                                 color: SeriesColor? = nil) {
        addScatter(x: x, y: y, groups: groups, label: label, color: color)
    }

    /// Draws points coloured by `Float` group values (a dataset's label column).
    @_disfavoredOverload
    public mutating func scatter(x: [Double], y: [Double], groups: [Float], label: String? = nil,
                                 color: SeriesColor? = nil) {
        addScatter(x: x, y: y, groups: groups.map(Double.init), label: label, color: color)
    }

    /// Draws `Float` points, optionally coloured by class index.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], groups: [Int]? = nil, label: String? = nil,
                                 color: SeriesColor? = nil) {
        scatter(x: x.map(Double.init), y: y.map(Double.init), groups: groups, label: label, color: color)
    }

    /// Draws `Float` points coloured by `Float` group values.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], groups: [Float], label: String? = nil,
                                 color: SeriesColor? = nil) {
        scatter(x: x.map(Double.init), y: y.map(Double.init), groups: groups, label: label, color: color)
    }

    /// Draws `Float` points coloured by `Double` group values.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], groups: [Double], label: String? = nil,
                                 color: SeriesColor? = nil) {
        scatter(x: x.map(Double.init), y: y.map(Double.init), groups: groups, label: label, color: color)
    }

    private mutating func addScatter(x: [Double], y: [Double], groups: [Double]?, label: String?, color: SeriesColor?) {
        require(x.count == y.count, "scatter needs as many x as y values, but got \(x.count) x and \(y.count) y.")
        if let groups {
            require(groups.count == x.count,
                    "scatter needs one group per point, but got \(groups.count) groups for \(x.count) points.")
        }
        plotAxes.add(colors: ScatterMark.colorCount(groups: groups)) { slot in
            ScatterMark(x: x, y: y, groups: groups, label: label, color: color, colorSlot: slot)
        }
    }

    /// Draws one bar per category; several `bar` calls on one axes stand side by side.
    /// - Parameters:
    ///   - labels: the category names, along the x axis.
    ///   - values: one height per label.
    ///   - label: the legend text of this set of bars.
    ///   - color: the bars' colour, instead of the next in the cycle.
    public mutating func bar(labels: [String], values: [Double], label: String? = nil, color: SeriesColor? = nil) {
        require(labels.count == values.count,
                "bar needs one value per label, but got \(values.count) values for \(labels.count) labels.")
        plotAxes.add { slot in BarMark(labels: labels, values: values, label: label, color: color, colorSlot: slot) }
    }

    /// Draws bars of `Float` heights.
    @_disfavoredOverload
    public mutating func bar(labels: [String], values: [Float], label: String? = nil, color: SeriesColor? = nil) {
        bar(labels: labels, values: values.map(Double.init), label: label, color: color)
    }

    /// Draws a vertical line across the axes at `x` (matplotlib's `axvline`), dashed by default; with
    /// `color: .of("label")` in the colour of the series it marks. Lines at the same value stand side by side.
    public mutating func verticalLine(at x: Double, label: String? = nil, color: SeriesColor? = nil,
                                      dash: DashStyle = .dashed) {
        plotAxes.add { slot in
            ReferenceLineMark(orientation: .vertical, value: x, label: label, color: color, dash: dash, colorSlot: slot)
        }
    }

    /// Draws a horizontal line across the axes at `y` (matplotlib's `axhline`), dashed by default; with
    /// `color: .of("label")` in the colour of the series it marks.
    public mutating func horizontalLine(at y: Double, label: String? = nil, color: SeriesColor? = nil,
                                        dash: DashStyle = .dashed) {
        plotAxes.add { slot in
            ReferenceLineMark(orientation: .horizontal, value: y, label: label, color: color, dash: dash, colorSlot: slot)
        }
    }
}
