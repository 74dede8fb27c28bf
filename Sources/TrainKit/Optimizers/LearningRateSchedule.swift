/// A learning rate as a function of the optimizer's step count (0-based, read before the step's
/// update, as Keras does). A constant rate is the schedule that ignores the step.
///
/// Schedules are plain values: `LearningRateSchedule { step in 0.1 * pow(0.96, Double(step) / 100) }`.
public struct LearningRateSchedule: Sendable {
    /// A short name shown in legends and tables, e.g. `"constant(0.1)"`.
    public var name: String
    /// The rate for a step.
    public let rate: @Sendable (Int) -> Double
    /// The constant value when the schedule is constant, so callbacks can read and replace it.
    public let constantValue: Double?
    /// The momentum that goes with the rate at each step (PyTorch's `cycle_momentum`, which one-cycle
    /// schedules carry), or nil. `compile` takes it apart from the rate: the training passes it to
    /// every update in place of the optimizer's own non-zero momentum (`momentum` of SGD and RMSprop,
    /// `beta1` of the Adam family), and a callback that replaces the rate keeps it.
    public var momentum: (@Sendable (Int) -> Double)? = nil

    /// A schedule from any closure of the step.
    public init(name: String = "custom", _ rate: @escaping @Sendable (Int) -> Double) {
        self.name = name
        self.rate = rate
        self.constantValue = nil
    }

    /// The same rate at every step.
    public static func constant(_ value: Double) -> LearningRateSchedule {
        LearningRateSchedule(name: "constant(\(value))", constant: value)
    }

    /// The rate at `step`.
    public func callAsFunction(_ step: Int) -> Double { rate(step) }

    private init(name: String, constant: Double) {
        self.name = name
        self.rate = { _ in constant }
        self.constantValue = constant
    }
}

extension LearningRateSchedule {
    /// This schedule with `momentum` as the momentum of each step, for optimizers with momentum.
    ///
    /// ```swift
    /// let policy = OneCycle(maxLR: 0.1, totalSteps: 1000)
    /// SGD(learningRate: policy.learningRate.cyclingMomentum(policy.momentum), momentum: 0.9)
    /// ```
    public func cyclingMomentum(_ momentum: LearningRateSchedule) -> LearningRateSchedule {
        var schedule = self
        schedule.momentum = momentum.rate
        return schedule
    }
}
