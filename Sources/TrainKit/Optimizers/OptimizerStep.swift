/// The settings of one optimizer step, the same for every tensor of the step.
public struct OptimizerStep: Sendable, Equatable {
    /// The number of steps taken before this one (Keras's `optimizer.iterations`).
    public let index: Int
    /// The learning rate of this step, schedule and legacy decay applied.
    public let learningRate: Float
    /// The momentum of this step: the cycled value of a momentum schedule, or the optimizer's own.
    public let momentum: Double

    /// Settings from their values.
    public init(index: Int, learningRate: Float, momentum: Double) {
        self.index = index
        self.learningRate = learningRate
        self.momentum = momentum
    }
}
