/// A rule that moves weights against their gradients, as Keras's `Optimizer.update_step`.
///
/// A conformer implements `update` for one weight tensor; the step's learning rate (schedule
/// and legacy decay applied) is passed in. The training loop calls it once per trainable tensor
/// per batch, in Keras weight order, with `step` the number of steps taken before this one.
public protocol Optimizer: Sendable {
    /// The Keras class name, for legends: `"SGD"`, `"Adam"`, `"RMSprop"`, …
    var name: String { get }
    /// The learning rate as a function of the step. Setting it (as callbacks do) replaces it.
    var learningRate: LearningRateSchedule { get set }
    /// The legacy (Keras 2) decay: the rate at step s is `learningRate(s) / (1 + decay · s)`.
    var decay: Double { get }

    /// Updates `weights` (tensor number `parameter`) from `gradient` at `step` (0-based) with
    /// the step's learning rate `learningRate`.
    mutating func update(
        parameter: Int, weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
        learningRate: Float, step: Int)
}

extension Optimizer {
    /// No legacy decay unless the optimizer was given one.
    public var decay: Double { 0 }

    /// The learning rate used at `step`, legacy decay included.
    public func rate(atStep step: Int) -> Double {
        learningRate(step) / (1 + decay * Double(step))
    }
}

/// Per-tensor optimizer state: `slots` arrays (moments, accumulators…) of the tensor's size,
/// stored back to back and created at first use with `initial`.
struct OptimizerSlots: Sendable {
    private var values: [[Float]] = []
    let slots: Int
    let initial: Float

    init(slots: Int, initial: Float = 0) {
        self.slots = slots
        self.initial = initial
    }

    /// Runs `body` on the state of tensor `index`, which holds `count` values: slot `k` starts
    /// at `base + k * count`.
    @inline(__always)
    mutating func with<R>(_ index: Int, count: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
        while values.count <= index { values.append([]) }
        if values[index].count != slots * count {
            values[index] = [Float](repeating: initial, count: max(1, slots * count))
        }
        return values[index].withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}

/// Optimizer state that decays geometrically (momentum, moment estimates) sinks into subnormal
/// floats for rarely active inputs, and subnormal arithmetic is up to a hundred times slower on x86:
/// Adam slowed by half over 20 MNIST epochs. Such values are flushed to zero, as the CPU backends of
/// Keras (XLA, with flush-to-zero and denormals-are-zero) do.
@inline(__always)
func flushSubnormal(_ value: Float) -> Float {
    abs(value) < Float.leastNormalMagnitude ? 0 : value
}

/// Checks a hyper-parameter the way Keras does, with Keras's message.
func requireUnitInterval(_ value: Double, _ name: String, in optimizer: String) {
    if !(value >= 0 && value <= 1) {
        TrainKitError.invalidArgument("\(optimizer): `\(name)` must be a float between [0, 1], but got \(value).").fail()
    }
}
