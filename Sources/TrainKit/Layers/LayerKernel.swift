/// The working form of a layer during one fit, evaluate or predict: its weights, gradients and
/// activations in buffers allocated once for batches of up to `capacity` rows, so the training
/// loop allocates nothing. A `Network` chains the kernels of a model's layers.
///
/// The forward pass writes `output`; the backward pass reads ∂L/∂output from `outputGradient`
/// (written there by the layer above, or by the loss), fills the gradients of `parameters`, and
/// writes ∂L/∂input into the buffer it is given (the `outputGradient` of the layer below), if any.
public protocol LayerKernel: AnyObject {
    /// The width of the output.
    var outputWidth: Int { get }
    /// The output of the last forward pass, `capacity × outputWidth`.
    var output: UnsafeMutablePointer<Float> { get }
    /// ∂L/∂output for the backward pass, `capacity × outputWidth`.
    var outputGradient: UnsafeMutablePointer<Float> { get }
    /// The trainable tensors and their gradients, in Keras order (empty when frozen).
    var parameters: [TrainableTensor] { get }
    /// The non-linearity applied last, which a loss may fuse with (`.linear` for most layers).
    var activation: Activation { get }
    /// All weights in Keras order, trainable or not.
    var weights: [[Float]] { get }
    /// The layer with the kernel's current weights and state.
    var layer: any Layer { get }

    /// Runs `rows` input rows through the layer into `output`; `training` selects training-time
    /// behaviour (batch statistics, dropout).
    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool)
    /// Fills the gradients from `outputGradient` and writes ∂L/∂input into `inputGradient` when it is
    /// given. `outputGradientIsPreActivation` says the loss already went through `activation`.
    /// Needs the matching training `forward`.
    func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                  outputGradientIsPreActivation: Bool)
    /// Replaces all weights, given in Keras order with the right sizes.
    func load(_ weights: [[Float]])
}

extension LayerKernel {
    /// No activation of its own.
    public var activation: Activation { .linear }
}
