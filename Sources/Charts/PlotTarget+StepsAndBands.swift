/// Step-drawn lines (matplotlib's `step`) and filled bands between two curves (`fill_between`).
extension PlotTarget {
    /// Draws `y` against 0, 1, 2, … as steps: with `where: .post` each value holds until the next point,
    /// as a learning rate set at an epoch does.
    ///
    /// ```swift
    /// fig.step(history["learning_rate"], where: .post, label: "learning rate")
    /// fig.yScale = .log
    /// ```
    /// - Parameters:
    ///   - y: the values, one per position 0, 1, 2, ….
    ///   - position: where the value changes between points (matplotlib's `where`; `.pre` by default, as there).
    ///   - label: the legend entry; none when nil.
    ///   - color: the series colour; the next palette colour when nil.
    ///   - dash: the line's dash pattern.
    public mutating func step(_ y: [Double], where position: StepPosition = .pre, label: String? = nil,
                              color: SeriesColor? = nil, dash: DashStyle = .solid) {
        addStep(x: y.indices.map(Double.init), y: y, position: position, label: label, color: color, dash: dash,
                implicitX: true)
    }

    /// Draws `y` against `x` as steps (arrays of the same length).
    public mutating func step(x: [Double], y: [Double], where position: StepPosition = .pre, label: String? = nil,
                              color: SeriesColor? = nil, dash: DashStyle = .solid) {
        require(x.count == y.count, "step needs as many x as y values, but got \(x.count) x and \(y.count) y.")
        addStep(x: x, y: y, position: position, label: label, color: color, dash: dash, implicitX: false)
    }

    /// Draws `y` against integer positions (training steps, epochs) as steps.
    public mutating func step(x: [Int], y: [Double], where position: StepPosition = .pre, label: String? = nil,
                              color: SeriesColor? = nil, dash: DashStyle = .solid) {
        step(x: x.map(Double.init), y: y, where: position, label: label, color: color, dash: dash)
    }

    private mutating func addStep(x: [Double], y: [Double], position: StepPosition, label: String?, color: SeriesColor?,
                                  dash: DashStyle, implicitX: Bool) {
        plotAxes.add { slot in
            StepMark(line: LineMark(x: x, y: y, label: label, color: color, dash: dash, colorSlot: slot,
                                    implicitX: implicitX),
                     position: position)
        }
    }

    /// Fills the band between `lower` and `upper` over `x`, translucent and under the lines (matplotlib's
    /// `fill_between`): a spread across seeds, a min–max envelope. A gap in either curve breaks the band.
    ///
    /// ```swift
    /// fig.band(x: epochs, lower: lowest, upper: highest, label: "5 seeds")
    /// fig.plot(x: epochs, y: mean, label: "mean")
    /// ```
    public mutating func band(x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                              color: SeriesColor? = nil) {
        require(x.count == lower.count && x.count == upper.count,
                "band needs as many lower and upper values as x, but got \(x.count) x, \(lower.count) lower and \(upper.count) upper.")
        plotAxes.add { slot in BandMark(x: x, lower: lower, upper: upper, label: label, color: color, colorSlot: slot) }
    }

    /// Fills the band between `lower` and `upper` over integer positions (epochs).
    public mutating func band(x: [Int], lower: [Double], upper: [Double], label: String? = nil,
                              color: SeriesColor? = nil) {
        band(x: x.map(Double.init), lower: lower, upper: upper, label: label, color: color)
    }

    /// Fills the band between `lower` and `upper` over 0, 1, 2, … (epochs of a history).
    public mutating func band(lower: [Double], upper: [Double], label: String? = nil, color: SeriesColor? = nil) {
        band(x: lower.indices.map(Double.init), lower: lower, upper: upper, label: label, color: color)
    }
}
