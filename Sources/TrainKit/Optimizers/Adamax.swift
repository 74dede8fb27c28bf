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
            AdamaxUpdate(w: w, g: g, m: m, u: u, learningRate: lr, correction: correction, beta2: b2, keep1: keep1,
                         epsilon: eps).run(count: n)
        }
    }
}

/// Adamax's rule for one weight: the first moment, the decayed maximum of |g|, the step.
private struct AdamaxUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>
    let m: UnsafeMutablePointer<Float>, u: UnsafeMutablePointer<Float>
    let learningRate: Float, correction: Float, beta2: Float, keep1: Float, epsilon: Float

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let gradient = Lanes(at: g + i)
        let first = movedFirstMoment(Lanes(at: m + i), gradient, keep: Lanes(splat: keep1))
        let largest = Lanes.maximum(Lanes(splat: beta2) * Lanes(at: u + i), gradient.magnitude).flushedSubnormal
        first.store(at: m + i)
        largest.store(at: u + i)
        let step = Lanes(splat: learningRate) * first / (Lanes(splat: correction) * (largest + Lanes(splat: epsilon)))
        (Lanes(at: w + i) - step).store(at: w + i)
    }
}
