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
