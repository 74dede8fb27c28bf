/// Keras's `PolynomialDecay`:
/// `(initialLearningRate − endLearningRate) · (1 − min(step, decaySteps) / decaySteps)^power + endLearningRate`.
/// With `cycle`, the decay restarts at each multiple of `decaySteps`, stretched to the first multiple
/// at or above the step, as Keras does. Computed in float32 as Keras 3 does.
///
/// ```swift
/// Adam(learningRate: PolynomialDecay(initialLearningRate: 0.01, decaySteps: 1000, endLearningRate: 1e-4, power: 2))
/// ```
///
/// Callable (`schedule(step)`) to plot or print its value; the history logs it as Keras 3 does
/// (see ``ExponentialDecay``).
public final class PolynomialDecay: LearningRateSchedule, @unchecked Sendable {
    /// The rate at step 0.
    public let initialLearningRate: Double
    /// The steps to reach `endLearningRate`.
    public let decaySteps: Int
    /// The rate after `decaySteps` (Keras's default 0.0001).
    public let endLearningRate: Double
    /// The exponent of the curve (1 is a straight line).
    public let power: Double
    /// Whether the decay starts again after `decaySteps`.
    public let cycle: Bool

    /// Keras's `PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False)`.
    public init(initialLearningRate: Double, decaySteps: Int, endLearningRate: Double = 0.0001, power: Double = 1,
                cycle: Bool = false) {
        requireKeras(decaySteps > 0, "PolynomialDecay", "`decaySteps` must be > 0, but got \(decaySteps).")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.endLearningRate = endLearningRate
        self.power = power
        self.cycle = cycle
        let formula = LearningRateSchedule.polynomialDecay(initial: initialLearningRate, decaySteps: decaySteps,
                                                           endLearningRate: endLearningRate, power: power, cycle: cycle)
        super.init(name: kerasName("PolynomialDecay", initialLearningRate, ["decaySteps": decaySteps,
                   "endLearningRate": endLearningRate, "power": power], cycle ? ["cycle: true"] : []),
                   formula.rate)
    }
}
