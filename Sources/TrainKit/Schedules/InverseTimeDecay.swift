/// Keras's `InverseTimeDecay`: `initialLearningRate / (1 + decayRate · step / decaySteps)`, with
/// `step / decaySteps` floored when `staircase` is true. Computed in float32 as Keras 3 does.
///
/// With `decaySteps: 1` it is the legacy Keras `decay` argument, `η / (1 + decay · iterations)`:
///
/// ```swift
/// SGD(learningRate: InverseTimeDecay(initialLearningRate: 0.05, decaySteps: 1, decayRate: 0.01))
/// ```
///
/// Callable (`schedule(step)`) to plot or print its value; the history logs it as Keras 3 does
/// (see ``ExponentialDecay``).
public final class InverseTimeDecay: LearningRateSchedule, @unchecked Sendable {
    /// The rate at step 0.
    public let initialLearningRate: Double
    /// The number of steps per unit of the decay.
    public let decaySteps: Int
    /// How fast the rate falls.
    public let decayRate: Double
    /// Whether the rate drops in steps instead of continuously.
    public let staircase: Bool

    /// Keras's `InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)`.
    public init(initialLearningRate: Double, decaySteps: Int, decayRate: Double, staircase: Bool = false) {
        requireKeras(decaySteps > 0, "InverseTimeDecay", "`decaySteps` must be > 0, but got \(decaySteps).")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
        let formula = LearningRateSchedule.inverseTimeDecay(initial: initialLearningRate, decaySteps: decaySteps,
                                                            rate: decayRate, staircase: staircase)
        super.init(name: kerasName("InverseTimeDecay", initialLearningRate, ["decaySteps": decaySteps,
                   "decayRate": decayRate], staircase ? ["staircase: true"] : []), formula.rate)
    }
}
