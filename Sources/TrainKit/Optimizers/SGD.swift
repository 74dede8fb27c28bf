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
        let mu = Float(step.momentum), useMomentum = momentum != 0, nesterov = nesterov
        v.withUnsafeMutableBufferPointer { velocity in
            SGDUpdate(w: w, g: g, velocity: useMomentum ? velocity.baseAddress! : nil, learningRate: lr, momentum: mu,
                      nesterov: nesterov).run(count: n)
        }
    }
}

/// SGD's rule for one weight: the plain step, or the velocity and the (Nesterov) step when
/// `velocity` is there.
private struct SGDUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, velocity: UnsafeMutablePointer<Float>?
    let learningRate: Float, momentum: Float, nesterov: Bool

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let step = Lanes(at: g + i) * Lanes(splat: learningRate)
        guard let velocity else { return (Lanes(at: w + i) - step).store(at: w + i) }
        let moved = (Lanes(at: velocity + i) * Lanes(splat: momentum) - step).flushedSubnormal
        moved.store(at: velocity + i)
        let change = nesterov ? moved * Lanes(splat: momentum) - step : moved
        (Lanes(at: w + i) + change).store(at: w + i)
    }
}
