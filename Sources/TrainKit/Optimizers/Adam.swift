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
        let amsgrad = amsgrad
        state.secondMax.withUnsafeMutableBufferPointer { secondMax in
            withStorage(&state.first, &state.second) { m, v in
                AdamUpdate(w: w, g: g, m: m, v: v, vMax: amsgrad ? secondMax.baseAddress! : nil, alpha: alpha,
                           keep1: keep1, keep2: keep2, epsilon: eps).run(count: n)
            }
        }
    }
}

/// Adam's rule for one weight: both moments, AMSGrad's maximum when `vMax` is there, the step.
private struct AdamUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>
    let m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, vMax: UnsafeMutablePointer<Float>?
    let alpha: Float, keep1: Float, keep2: Float, epsilon: Float

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let gradient = Lanes(at: g + i)
        let (first, second) = movedMoments(m + i, v + i, gradient, keep1: keep1, keep2: keep2)
        var scale = second
        if let vMax {
            scale = Lanes.maximum(Lanes(at: vMax + i), second)
            scale.store(at: vMax + i)
        }
        (Lanes(at: w + i) - first * Lanes(splat: alpha) / (scale.squareRoot() + Lanes(splat: epsilon))).store(at: w + i)
    }
}
