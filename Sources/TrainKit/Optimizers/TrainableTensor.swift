/// A trainable weight tensor and its gradient, as a network exposes them to the optimizer.
public struct TrainableTensor {
    /// The weights the optimizer moves.
    public let weights: UnsafeMutableBufferPointer<Float>
    /// Their gradient from the last backward pass.
    public let gradient: UnsafeBufferPointer<Float>

    /// A tensor from its buffers.
    public init(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>) {
        self.weights = weights
        self.gradient = gradient
    }
}
