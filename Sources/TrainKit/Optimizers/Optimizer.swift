/// A rule that moves weights against their gradients, as Keras's `Optimizer.update_step` and
/// mlx-swift's `OptimizerBase<State>`.
///
/// A conformer says what it keeps per weight tensor (`State`, made by `newState`) and how one
/// tensor is updated (`applySingle`); storing the states, creating them at first use and walking
/// the tensors are defaults. The training loop calls `apply` once per batch with the trainable
/// tensors in Keras weight order and the step's settings (`OptimizerStep`: the step count, the
/// learning rate with schedule and legacy decay applied, and the momentum).
///
/// ```swift
/// struct SignDescent: Optimizer {
///     var learningRate: LearningRateSchedule = .constant(0.01)
///     var states = OptimizerStates<Void>()
///     var name: String { "SignDescent" }
///     func newState(count: Int) {}
///     func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
///                      state: inout Void, step: OptimizerStep) {
///         for i in weights.indices { weights[i] -= step.learningRate * (gradient[i] > 0 ? 1 : -1) }
///     }
/// }
/// ```
public protocol Optimizer: Sendable {
    /// What the optimizer keeps for one weight tensor (velocities, moment estimates, …).
    associatedtype State: Sendable

    /// The Keras class name, for legends: `"SGD"`, `"Adam"`, `"RMSprop"`, …
    var name: String { get }
    /// The learning rate as a function of the step. Setting it (as callbacks do) replaces it.
    var learningRate: LearningRateSchedule { get set }
    /// The legacy (Keras 2) decay: the rate at step s is `learningRate(s) / (1 + decay · s)`.
    var decay: Double { get }
    /// The optimizer's own momentum (SGD's and RMSprop's `momentum`, the Adam family's `beta1`),
    /// which a cycled momentum schedule replaces while it is not 0; 0 when there is none.
    var momentum: Double { get }
    /// The state of each weight tensor, created by `newState` at first use.
    var states: OptimizerStates<State> { get set }

    /// The state of a tensor of `count` values before its first update.
    func newState(count: Int) -> State
    /// Called once per step before any tensor is updated, for state shared by all tensors.
    mutating func beginStep(_ step: OptimizerStep)
    /// Updates one tensor's `weights` and `state` from its `gradient`.
    func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     state: inout State, step: OptimizerStep)
    /// One optimizer step over `parameters`, in order. The default (`beginStep`, then `applySingle` on
    /// each tensor with its state) is what conformers use; it is a requirement so that each optimizer's
    /// copy of it is compiled for its own `State`, not run generically per tensor.
    mutating func apply(_ parameters: [TrainableTensor], step: OptimizerStep)
}

extension Optimizer {
    /// No legacy decay unless the optimizer was given one.
    public var decay: Double { 0 }

    /// No momentum unless the optimizer has one.
    public var momentum: Double { 0 }

    /// Nothing shared across tensors.
    public mutating func beginStep(_ step: OptimizerStep) {}

    /// The learning rate used at `step`, legacy decay included.
    public func rate(atStep step: Int) -> Double {
        learningRate(step) / (1 + decay * Double(step))
    }

    /// The settings of step `step` (0-based): its rate with schedule and legacy decay, and its
    /// momentum, from `momentumSchedule` when there is one and the optimizer's own momentum is not 0
    /// (momentum switched off stays off), else the optimizer's own.
    public func settings(atStep step: Int, momentumSchedule: (@Sendable (Int) -> Double)? = nil) -> OptimizerStep {
        let scheduled = momentum != 0 ? momentumSchedule.map { $0(step) } : nil
        return OptimizerStep(index: step, learningRate: Float(rate(atStep: step)), momentum: scheduled ?? momentum)
    }

    /// Updates tensor number `parameter` alone with the settings of `step` (no `beginStep`).
    public mutating func update(parameter: Int, weights: UnsafeMutableBufferPointer<Float>,
                                gradient: UnsafeBufferPointer<Float>, step: OptimizerStep) {
        var states = self.states
        self.states = OptimizerStates()
        states.prepare(parameter, count: weights.count) { newState(count: weights.count) }
        applySingle(weights: weights, gradient: gradient, state: &states.items[parameter], step: step)
        self.states = states
    }

    /// One optimizer step: `beginStep`, then every tensor in order with its state.
    public mutating func apply(_ parameters: [TrainableTensor], step: OptimizerStep) {
        beginStep(step)
        // The states are moved out of `self` while `applySingle` (which reads `self`) updates them in
        // place: they stay uniquely referenced, so nothing is copied.
        var states = self.states
        self.states = OptimizerStates()
        for index in parameters.indices {
            let parameter = parameters[index], count = parameter.weights.count
            states.prepare(index, count: count) { newState(count: count) }
            applySingle(weights: parameter.weights, gradient: parameter.gradient, state: &states.items[index],
                        step: step)
        }
        self.states = states
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

/// Runs `body` on the storage of two arrays at once, for update loops over two state tensors.
@inline(__always)
func withStorage<R>(_ a: inout [Float], _ b: inout [Float],
                    _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> R) -> R {
    a.withUnsafeMutableBufferPointer { a in b.withUnsafeMutableBufferPointer { b in body(a.baseAddress!, b.baseAddress!) } }
}

/// A state tensor of `count` values set to `initial` (at least one value, so its storage exists).
func stateTensor(_ count: Int, initial: Float = 0) -> [Float] {
    [Float](repeating: initial, count: max(1, count))
}
