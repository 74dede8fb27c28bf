#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam, as Keras 3's `Adam` (ε is "epsilon hat", added to √v):
///
/// ```
/// m += (g − m)(1 − β1);  v += (g² − v)(1 − β2);  α = η·√(1 − β2ᵗ)/(1 − β1ᵗ);  w −= α·m/(√v + ε)
/// ```
/// With `amsgrad`, the running maximum of v replaces v.
public struct Adam: Optimizer {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// Decay of the first moment.
    public let beta1: Double
    /// Decay of the second moment.
    public let beta2: Double
    /// Added to √v.
    public let epsilon: Double
    /// Whether to use the AMSGrad variant.
    public let amsgrad: Bool
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"Adam"`.
    public var name: String { "Adam" }
    private var state = OptimizerSlots(slots: 3)

    /// Adam with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7,
                amsgrad: Bool = false, decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), beta1: beta1, beta2: beta2, epsilon: epsilon,
                  amsgrad: amsgrad, decay: decay)
    }

    /// Adam with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, amsgrad: Bool = false, decay: Double = 0) {
        requireUnitInterval(beta1, "beta_1", in: "Adam")
        requireUnitInterval(beta2, "beta_2", in: "Adam")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.decay = decay
    }

    /// Applies one Adam step to one tensor.
    public mutating func update(
        parameter: Int, weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
        learningRate lr: Float, step: Int
    ) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count
        let t = Float(step + 1)
        // A one-cycle schedule cycles β1 with the rate; the bias correction uses the current β1, as PyTorch's.
        let beta1 = learningRate.momentum(atStep: step, otherwise: beta1)
        let alpha = lr * sqrtf(1 - powf(Float(beta2), t)) / (1 - powf(Float(beta1), t))
        let keep1 = Float(1 - beta1), keep2 = Float(1 - beta2), eps = Float(epsilon), amsgrad = amsgrad
        state.with(parameter, count: n) { base in
            let m = base, v = base + n, vMax = base + 2 * n
            // Two loops rather than a test per element, so each one vectorizes.
            if amsgrad {
                for i in 0..<n {
                    let first = flushSubnormal(m[i] + (g[i] - m[i]) * keep1)
                    let second = flushSubnormal(v[i] + (g[i] * g[i] - v[i]) * keep2)
                    m[i] = first
                    v[i] = second
                    vMax[i] = max(vMax[i], second)
                    w[i] -= first * alpha / (vMax[i].squareRoot() + eps)
                }
            } else {
                for i in 0..<n {
                    let first = flushSubnormal(m[i] + (g[i] - m[i]) * keep1)
                    let second = flushSubnormal(v[i] + (g[i] * g[i] - v[i]) * keep2)
                    m[i] = first
                    v[i] = second
                    w[i] -= first * alpha / (second.squareRoot() + eps)
                }
            }
        }
    }
}
