/// A learning rate as a function of the optimizer's step count (0-based, read before the step's
/// update, as Keras does). A constant rate is the schedule that ignores the step.
///
/// Schedules are immutable values: `LearningRateSchedule { step in 0.1 * pow(0.96, Double(step) / 100) }`.
/// Like Keras's `keras.optimizers.schedules.LearningRateSchedule`, it is a class, so Keras's schedule
/// classes (``ExponentialDecay``, ``CosineDecay``, …) are subclasses and go wherever a learning rate
/// does: `SGD(learningRate: ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96))`.
open class LearningRateSchedule: @unchecked Sendable {
    // Unchecked: every stored property is a constant of Sendable type, in subclasses too.

    /// A short name shown in legends and tables, e.g. `"constant(0.1)"`.
    public let name: String
    /// The rate for a step.
    public let rate: @Sendable (Int) -> Double
    /// The constant value when the schedule is constant, so callbacks can read and replace it.
    public let constantValue: Double?
    /// The momentum that goes with the rate at each step (PyTorch's `cycle_momentum`, which one-cycle
    /// schedules carry), or nil. `compile` takes it apart from the rate: the training passes it to
    /// every update in place of the optimizer's own non-zero momentum (`momentum` of SGD and RMSprop,
    /// `beta1` of the Adam family), and a callback that replaces the rate keeps it.
    public let momentum: (@Sendable (Int) -> Double)?

    /// A schedule from any closure of the step.
    public init(name: String = "custom", _ rate: @escaping @Sendable (Int) -> Double) {
        self.name = name
        self.rate = rate
        self.constantValue = nil
        self.momentum = nil
    }

    private init(name: String, rate: @escaping @Sendable (Int) -> Double, constantValue: Double?,
                 momentum: (@Sendable (Int) -> Double)?) {
        self.name = name
        self.rate = rate
        self.constantValue = constantValue
        self.momentum = momentum
    }

    /// The same rate at every step.
    public static func constant(_ value: Double) -> LearningRateSchedule {
        LearningRateSchedule(name: "constant(\(value))", rate: { _ in value }, constantValue: value, momentum: nil)
    }

    /// The rate at `step`.
    public func callAsFunction(_ step: Int) -> Double { rate(step) }

    /// This schedule with `momentum` as the momentum of each step, for optimizers with momentum.
    ///
    /// ```swift
    /// let policy = OneCycle(maxLR: 0.1, totalSteps: 1000)
    /// SGD(learningRate: policy.learningRate.cyclingMomentum(policy.momentum), momentum: 0.9)
    /// ```
    public func cyclingMomentum(_ momentum: LearningRateSchedule) -> LearningRateSchedule {
        LearningRateSchedule(name: name, rate: rate, constantValue: constantValue, momentum: momentum.rate)
    }
}
