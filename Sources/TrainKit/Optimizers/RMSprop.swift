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
        state.moment.withUnsafeMutableBufferPointer { momentBuffer in
            let moment = momentBuffer.baseAddress!
            withStorage(&state.squares, &state.average) { v, average in
                for i in 0..<n {
                    v[i] = flushSubnormal(rho * v[i] + keep * (g[i] * g[i]))
                    var denominator = v[i] + eps
                    if centered {
                        average[i] = flushSubnormal(rho * average[i] + keep * g[i])
                        denominator = v[i] - average[i] * average[i] + eps
                    }
                    let increment = lr * g[i] / sqrtf(denominator)
                    if useMomentum {
                        moment[i] = flushSubnormal(mu * moment[i] + increment)
                        w[i] -= moment[i]
                    } else {
                        w[i] -= increment
                    }
                }
            }
        }
    }
}
