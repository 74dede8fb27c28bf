#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adamax, Adam with the infinity norm, as Keras 3's `Adamax`:
///
/// ```
/// m += (g − m)(1 − β1);  u = max(β2·u, |g|);  w −= η·m / ((1 − β1ᵗ)(u + ε))
/// ```
public struct Adamax: AdamFamily {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// Decay of the first moment.
    public let beta1: Double
    /// Decay of the infinity norm.
    public let beta2: Double
    /// Added to u.
    public let epsilon: Double
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"Adamax"`.
    public var name: String { "Adamax" }
    /// Each tensor's first moment and infinity norm.
    public var states = OptimizerStates<AdamMoments>()

    /// Adamax with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7,
                decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), beta1: beta1, beta2: beta2, epsilon: epsilon, decay: decay)
    }

    /// Adamax with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, decay: Double = 0) {
        requireBetas(beta1, beta2, in: "Adamax")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.decay = decay
    }

    /// Applies one Adamax step to one tensor.
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state: inout AdamMoments, step: OptimizerStep) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count, lr = step.learningRate
        let beta1 = step.momentum  // β1, cycled by a momentum schedule
        let correction = 1 - powf(Float(beta1), Float(step.index + 1))
        let keep1 = Float(1 - beta1), b2 = Float(beta2), eps = Float(epsilon)
        state.withMoments { m, u in
            for i in 0..<n {
                m[i] = movedFirstMoment(m[i], g[i], keep: keep1)
                u[i] = flushSubnormal(max(b2 * u[i], abs(g[i])))
                w[i] -= lr * m[i] / (correction * (u[i] + eps))
            }
        }
    }
}
