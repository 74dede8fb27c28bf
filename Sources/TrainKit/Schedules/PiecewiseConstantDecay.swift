/// Keras's `PiecewiseConstantDecay`: `values[0]` while `step <= boundaries[0]`, `values[i]` while
/// `boundaries[i-1] < step <= boundaries[i]`, and the last value after the last boundary.
///
/// ```swift
/// let schedule = PiecewiseConstantDecay(boundaries: [100, 400], values: [0.1, 0.01, 0.001])
/// schedule(100)   // 0.1
/// schedule(101)   // 0.01
/// ```
///
/// Callable (`schedule(step)`) to plot or print its value; the history logs it as Keras 3 does
/// (see ``ExponentialDecay``).
public final class PiecewiseConstantDecay: LearningRateSchedule, @unchecked Sendable {
    /// The steps after which the rate changes, strictly increasing.
    public let boundaries: [Int]
    /// The rates: one more than `boundaries`.
    public let values: [Double]

    /// Keras's `PiecewiseConstantDecay(boundaries, values)`.
    public init(boundaries: [Int], values: [Double]) {
        requireKeras(boundaries.count == values.count - 1, "PiecewiseConstantDecay",
                     "`values` needs one more entry than `boundaries`, but got \(boundaries.count) boundaries "
                     + "and \(values.count) values.")
        requireKeras(zip(boundaries, boundaries.dropFirst()).allSatisfy { $0 < $1 }, "PiecewiseConstantDecay",
                     "`boundaries` must increase strictly, but got \(boundaries).")
        self.boundaries = boundaries
        self.values = values
        let formula = LearningRateSchedule.piecewiseConstantDecay(boundaries: boundaries, values: values)
        super.init(name: "PiecewiseConstantDecay(boundaries: \(boundaries), values: \(values))", formula.rate)
    }
}
