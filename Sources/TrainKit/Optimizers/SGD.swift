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
    /// Each tensor's velocity `v` (empty without momentum).
    public var states = OptimizerStates<[Float]>()

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

    /// A zero velocity, or nothing without momentum.
    public func newState(count: Int) -> [Float] { momentum == 0 ? [] : stateTensor(count) }

    /// Applies one SGD step to one tensor; `step.momentum` is μ, cycled by a momentum schedule.
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state v: inout [Float], step: OptimizerStep) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count, lr = step.learningRate
        guard momentum != 0 else {
            for i in 0..<n { w[i] -= g[i] * lr }
            return
        }
        let mu = Float(step.momentum), nesterov = nesterov
        // Two loops rather than a test per element, so each one vectorizes.
        v.withUnsafeMutableBufferPointer { buffer in
            let v = buffer.baseAddress!
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
