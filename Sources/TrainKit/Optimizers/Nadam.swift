#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nadam (Adam with Nesterov momentum), as Keras 3's `Nadam` with its momentum schedule
/// `uₜ = β1·(1 − ½·0.96ᵗ)`:
///
/// ```
/// m += (g − m)(1 − β1);  v += (g² − v)(1 − β2)
/// m̂ = u₍ₜ₊₁₎·m/(1 − Πu·u₍ₜ₊₁₎) + (1 − uₜ)·g/(1 − Πu);  v̂ = v/(1 − β2ᵗ);  w −= η·m̂/(√v̂ + ε)
/// ```
/// where Πu is the product of u₁…uₜ, advanced once per step before the tensors are updated.
public struct Nadam: AdamFamily {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// Decay of the first moment.
    public let beta1: Double
    /// Decay of the second moment.
    public let beta2: Double
    /// Added to √v̂.
    public let epsilon: Double
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"Nadam"`.
    public var name: String { "Nadam" }
    /// Each tensor's moments.
    public var states = OptimizerStates<AdamMoments>()
    /// Πu, the product of u₁…uₜ up to the current step, shared by all tensors.
    var uProduct: Float = 1

    /// Nadam with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-7,
                decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), beta1: beta1, beta2: beta2, epsilon: epsilon, decay: decay)
    }

    /// Nadam with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-7, decay: Double = 0) {
        requireBetas(beta1, beta2, in: "Nadam")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.decay = decay
    }

    /// Advances Πu, once per step before any tensor's update, as Keras does.
    public mutating func beginStep(_ step: OptimizerStep) {
        uProduct = uProduct * Float(step.momentum) * (1 - 0.5 * powf(0.96, Float(step.index + 1)))
    }

    /// Applies one Nadam step to one tensor; β1 is the step's momentum (cycled by a schedule).
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state: inout AdamMoments, step: OptimizerStep) {
        let b1 = Float(step.momentum), b2 = Float(beta2)
        let t = Float(step.index + 1), next = Float(step.index + 2)
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count, lr = step.learningRate
        let u = b1 * (1 - 0.5 * powf(0.96, t))
        let uNext = b1 * (1 - 0.5 * powf(0.96, next))
        let product = uProduct, productNext = uProduct * uNext
        let secondCorrection = 1 - powf(b2, t)
        let keep1 = Float(1 - step.momentum), keep2 = Float(1 - beta2), eps = Float(epsilon)
        state.withMoments { m, v in
            NadamUpdate(w: w, g: g, m: m, v: v, learningRate: lr, momentNext: uNext, momentNow: 1 - u,
                        firstCorrection: 1 - productNext, gradientCorrection: 1 - product,
                        secondCorrection: secondCorrection, keep1: keep1, keep2: keep2, epsilon: eps).run(count: n)
        }
    }
}

/// Nadam's rule for one weight: both moments, the Nesterov-corrected first moment, the step.
private struct NadamUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>
    let m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>
    let learningRate: Float, momentNext: Float, momentNow: Float
    let firstCorrection: Float, gradientCorrection: Float, secondCorrection: Float
    let keep1: Float, keep2: Float, epsilon: Float

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let gradient = Lanes(at: g + i)
        let (first, second) = movedMoments(m + i, v + i, gradient, keep1: keep1, keep2: keep2)
        let mHat = Lanes(splat: momentNext) * first / Lanes(splat: firstCorrection)
            + Lanes(splat: momentNow) * gradient / Lanes(splat: gradientCorrection)
        let vHat = second / Lanes(splat: secondCorrection)
        let step = mHat * Lanes(splat: learningRate) / (vHat.squareRoot() + Lanes(splat: epsilon))
        (Lanes(at: w + i) - step).store(at: w + i)
    }
}
