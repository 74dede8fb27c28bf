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
public struct Adam: AdamFamily {
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
    /// Each tensor's moments.
    public var states = OptimizerStates<AdamMoments>()

    /// Adam with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7,
                amsgrad: Bool = false, decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), beta1: beta1, beta2: beta2, epsilon: epsilon,
                  amsgrad: amsgrad, decay: decay)
    }

    /// Adam with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, amsgrad: Bool = false, decay: Double = 0) {
        requireBetas(beta1, beta2, in: "Adam")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.decay = decay
    }

    /// Zero moments, and a zero running maximum with AMSGrad.
    public func newState(count: Int) -> AdamMoments {
        AdamMoments(first: stateTensor(count), second: stateTensor(count), secondMax: amsgrad ? stateTensor(count) : [])
    }

    /// Applies one Adam step to one tensor.
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state: inout AdamMoments, step: OptimizerStep) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count
        let t = Float(step.index + 1)
        // A cycled β1 enters the bias correction too, as in PyTorch.
        let beta1 = step.momentum
        let alpha = step.learningRate * sqrtf(1 - powf(Float(beta2), t)) / (1 - powf(Float(beta1), t))
        let keep1 = Float(1 - beta1), keep2 = Float(1 - beta2), eps = Float(epsilon)
        guard amsgrad else {
            state.withMoments { m, v in
                for i in 0..<n {
                    let first = movedFirstMoment(m[i], g[i], keep: keep1)
                    let second = movedSecondMoment(v[i], g[i], keep: keep2)
                    m[i] = first
                    v[i] = second
                    w[i] -= first * alpha / (second.squareRoot() + eps)
                }
            }
            return
        }
        // A separate loop rather than a test per element, so each one vectorizes.
        state.secondMax.withUnsafeMutableBufferPointer { buffer in
            let vMax = buffer.baseAddress!
            withStorage(&state.first, &state.second) { m, v in
                for i in 0..<n {
                    let first = movedFirstMoment(m[i], g[i], keep: keep1)
                    let second = movedSecondMoment(v[i], g[i], keep: keep2)
                    m[i] = first
                    v[i] = second
                    vMax[i] = max(vMax[i], second)
                    w[i] -= first * alpha / (vMax[i].squareRoot() + eps)
                }
            }
        }
    }
}
