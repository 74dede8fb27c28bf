/// Keras's `ExponentialDecay`: `initialLearningRate · decayRate^(step / decaySteps)`, with the
/// exponent floored when `staircase` is true. Computed in float32 in Keras's order, so the rates
/// equal the ones Keras 3 uses.
///
/// A learning rate wherever one goes, and callable to plot or print its value at a step:
///
/// ```swift
/// let schedule = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96)
/// model.compile(optimizer: SGD(learningRate: schedule), loss: .categoricalCrossentropy)
/// schedule(250)                      // 0.0903…
/// show(schedule.plot(steps: 1000))
/// ```
///
/// How the history logs it (all of Keras's schedule classes): `history["learning_rate"][e]` is what
/// Keras 3 logs, `optimizer.learning_rate` at the end of epoch `e`, which for a schedule is its value
/// at the optimizer's iteration count then: `schedule(stepsTaken)`, the rate the *next* step would use,
/// not the one the epoch's last step used. With 3 batches an epoch the epochs log `schedule(3)`,
/// `schedule(6)`, `schedule(9)`; the count goes on across fits of the same model.
public final class ExponentialDecay: LearningRateSchedule, @unchecked Sendable {
    /// The rate at step 0.
    public let initialLearningRate: Double
    /// The number of steps over which the rate is multiplied by `decayRate` once.
    public let decaySteps: Int
    /// The factor applied every `decaySteps` steps.
    public let decayRate: Double
    /// Whether the rate drops in steps (an integer exponent) instead of continuously.
    public let staircase: Bool

    /// Keras's `ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False)`.
    public init(initialLearningRate: Double, decaySteps: Int, decayRate: Double, staircase: Bool = false) {
        requireKeras(decaySteps > 0, "ExponentialDecay", "`decaySteps` must be > 0, but got \(decaySteps).")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.decayRate = decayRate
        self.staircase = staircase
        let formula = LearningRateSchedule.exponentialDecay(initial: initialLearningRate, decaySteps: decaySteps,
                                                            rate: decayRate, staircase: staircase)
        super.init(name: kerasName("ExponentialDecay", initialLearningRate, ["decaySteps": decaySteps,
                   "decayRate": decayRate], staircase ? ["staircase: true"] : []), formula.rate)
    }
}
