#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RMSprop, as Keras 3's `RMSprop`:
///
/// ```
/// v = ρ·v + (1 − ρ)·g²;  d = v + ε   (centered: ḡ = ρ·ḡ + (1 − ρ)·g, d = v − ḡ² + ε)
/// inc = η·g/√d;  w −= inc             (momentum μ > 0: M = μ·M + inc, w −= M)
/// ```
public struct RMSprop: Optimizer {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// Decay of the squared-gradient average.
    public let rho: Double
    /// Momentum of the increments.
    public let momentum: Double
    /// Added to the denominator before the root.
    public let epsilon: Double
    /// Whether to divide by the variance instead of the raw second moment.
    public let centered: Bool
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"RMSprop"`.
    public var name: String { "RMSprop" }
    /// Each tensor's state.
    public var states = OptimizerStates<State>()

    /// The per-tensor state: the average of g², and when used, the average of g (centered) and
    /// the momentum of the increments.
    public struct State: Sendable {
        var squares: [Float]
        var average: [Float]
        var moment: [Float]
    }

    /// RMSprop with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, rho: Double = 0.9, momentum: Double = 0, epsilon: Double = 1e-7,
                centered: Bool = false, decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), rho: rho, momentum: momentum, epsilon: epsilon,
                  centered: centered, decay: decay)
    }

    /// RMSprop with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, rho: Double = 0.9, momentum: Double = 0,
                epsilon: Double = 1e-7, centered: Bool = false, decay: Double = 0) {
        requireUnitInterval(rho, "rho", in: "RMSprop")
        requireUnitInterval(momentum, "momentum", in: "RMSprop")
        self.learningRate = learningRate
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
        self.decay = decay
    }

    /// Zero averages; `average` only when centered, `moment` only with momentum.
    public func newState(count: Int) -> State {
        State(squares: stateTensor(count), average: stateTensor(centered ? count : 0),
              moment: stateTensor(momentum > 0 ? count : 0))
    }

    /// Applies one RMSprop step to one tensor; `step.momentum` is μ, cycled by a momentum schedule.
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state: inout State, step: OptimizerStep) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count, lr = step.learningRate
        let rho = Float(rho), keep = Float(1 - self.rho), eps = Float(epsilon)
        let centered = centered, useMomentum = momentum > 0, mu = Float(step.momentum)
        state.moment.withUnsafeMutableBufferPointer { moment in
            withStorage(&state.squares, &state.average) { v, average in
                RMSpropUpdate(w: w, g: g, v: v, average: centered ? average : nil,
                              moment: useMomentum ? moment.baseAddress! : nil, learningRate: lr, rho: rho, keep: keep,
                              momentum: mu, epsilon: eps).run(count: n)
            }
        }
    }
}

/// RMSprop's rule for one weight: the mean square, the mean when centered, the step, with momentum
/// when `moment` is there.
private struct RMSpropUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, v: UnsafeMutablePointer<Float>
    let average: UnsafeMutablePointer<Float>?, moment: UnsafeMutablePointer<Float>?
    let learningRate: Float, rho: Float, keep: Float, momentum: Float, epsilon: Float

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let gradient = Lanes(at: g + i), rho = Lanes(splat: rho), keep = Lanes(splat: keep)
        let square = (rho * Lanes(at: v + i) + keep * (gradient * gradient)).flushedSubnormal
        square.store(at: v + i)
        var denominator = square + Lanes(splat: epsilon)
        if let average {
            let mean = (rho * Lanes(at: average + i) + keep * gradient).flushedSubnormal
            mean.store(at: average + i)
            denominator = square - mean * mean + Lanes(splat: epsilon)
        }
        var increment = Lanes(splat: learningRate) * gradient / denominator.squareRoot()
        if let moment {
            increment = (Lanes(splat: momentum) * Lanes(at: moment + i) + increment).flushedSubnormal
            increment.store(at: moment + i)
        }
        (Lanes(at: w + i) - increment).store(at: w + i)
    }
}
