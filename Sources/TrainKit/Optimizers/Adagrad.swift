#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adagrad, as Keras 3's `Adagrad` (ε inside the root):
///
/// ```
/// a += g²;  w −= η·g / √(a + ε)        (a starts at initialAccumulator)
/// ```
public struct Adagrad: Optimizer {
    /// The learning rate η (constant or schedule).
    public var learningRate: LearningRateSchedule
    /// The starting value of every accumulator.
    public let initialAccumulator: Double
    /// Added inside the root.
    public let epsilon: Double
    /// Legacy per-step decay of the learning rate.
    public let decay: Double
    /// `"Adagrad"`.
    public var name: String { "Adagrad" }
    /// Each tensor's accumulator `a`.
    public var states = OptimizerStates<[Float]>()

    /// Adagrad with a constant learning rate (Keras default 0.001).
    public init(learningRate: Double = 0.001, initialAccumulator: Double = 0.1, epsilon: Double = 1e-7,
                decay: Double = 0) {
        self.init(learningRate: .constant(learningRate), initialAccumulator: initialAccumulator, epsilon: epsilon,
                  decay: decay)
    }

    /// Adagrad with a learning-rate schedule.
    public init(learningRate: LearningRateSchedule, initialAccumulator: Double = 0.1, epsilon: Double = 1e-7,
                decay: Double = 0) {
        if !(initialAccumulator >= 0) {
            TrainKitError.invalidArgument(
                "Adagrad: `initial_accumulator_value` must be ≥ 0, but got \(initialAccumulator).").fail()
        }
        self.learningRate = learningRate
        self.initialAccumulator = initialAccumulator
        self.epsilon = epsilon
        self.decay = decay
    }

    /// Accumulators at `initialAccumulator`.
    public func newState(count: Int) -> [Float] { stateTensor(count, initial: Float(initialAccumulator)) }

    /// Applies one Adagrad step to one tensor.
    public func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                            state a: inout [Float], step: OptimizerStep) {
        let w = weights.baseAddress!, g = gradient.baseAddress!, n = weights.count, eps = Float(epsilon)
        let lr = step.learningRate
        a.withUnsafeMutableBufferPointer { buffer in
            AdagradUpdate(w: w, g: g, a: buffer.baseAddress!, learningRate: lr, epsilon: eps).run(count: n)
        }
    }
}

/// Adagrad's rule for one weight: the sum of squared gradients, the step.
private struct AdagradUpdate: ElementwiseUpdate {
    let w: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>, a: UnsafeMutablePointer<Float>
    let learningRate: Float, epsilon: Float

    @inline(__always)
    func update<Lanes: UpdateLanes>(at i: Int, _: Lanes.Type) {
        let gradient = Lanes(at: g + i)
        let sum = Lanes(at: a + i) + gradient * gradient
        sum.store(at: a + i)
        (Lanes(at: w + i) - Lanes(splat: learningRate) * gradient / (sum + Lanes(splat: epsilon)).squareRoot())
            .store(at: w + i)
    }
}
