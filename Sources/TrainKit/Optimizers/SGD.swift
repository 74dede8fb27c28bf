/// Stochastic gradient descent with optional (Nesterov) momentum and legacy decay, as Keras's `SGD`.
///
/// ```
/// v ← μ·v − η·g;  w ← w + v            (nesterov: w ← w + μ·v − η·g)
/// ```
public struct SGD: Optimizer {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// The momentum μ in [0, 1].
    public let momentum: Double
    /// Whether to use Nesterov momentum.
    public let nesterov: Bool
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"SGD"`.
    public var name: String { "SGD" }
    private var velocities = OptimizerSlots(slots: 1)

    /// SGD with a constant learning rate (Keras default 0.01).
    public init(learningRate: Double = 0.01, momentum: Double = 0, nesterov: Bool = false, decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), momentum: momentum, nesterov: nesterov, decay: decay)
    }

    /// SGD with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, momentum: Double = 0, nesterov: Bool = false, decay: Double = 0) {
        requireUnitInterval(momentum, "momentum", in: "SGD")
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.decay = decay
    }

    /// Applies one SGD step to one tensor.
    public mutating func update(
        parameter: Int, weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
        learningRate lr: Float, step: Int
    ) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count
        guard momentum != 0 else {
            for i in 0..<n { w[i] -= g[i] * lr }
            return
        }
        // A one-cycle schedule cycles μ with the rate (PyTorch's cycle_momentum).
        let mu = Float(learningRate.momentum(atStep: step, otherwise: momentum))
        // Two loops rather than a test per element, so each one vectorizes.
        velocities.with(parameter, count: n) { v in
            if nesterov {
                for i in 0..<n {
                    let velocity = flushSubnormal(v[i] * mu - g[i] * lr)
                    v[i] = velocity
                    w[i] += velocity * mu - g[i] * lr
                }
            } else {
                for i in 0..<n {
                    let velocity = flushSubnormal(v[i] * mu - g[i] * lr)
                    v[i] = velocity
                    w[i] += velocity
                }
            }
        }
    }
}
