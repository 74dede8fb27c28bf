/// Normalizes each input column with the batch's mean and variance while training, and with moving
/// averages of them at evaluation and prediction, then scales by `gamma` and shifts by `beta`:
/// Keras's `BatchNormalization` on the last axis.
///
/// ```
/// training:   μ, σ² = the batch's mean and (biased) variance of each column
///             moving mean ← moving mean · momentum + μ · (1 − momentum)   (the same for σ²)
/// otherwise:  μ, σ² = the moving mean and moving variance
/// inv = γ / √(σ² + ε);  y = x · inv + (β − μ · inv)
/// ```
/// `gamma` starts at ones and `beta` at zeros, both trainable; the moving mean starts at zeros and the
/// moving variance at ones. A frozen layer (`trainable = false`) uses and keeps its moving statistics
/// even while the model trains, as in Keras. `setWeights` takes gamma, beta, moving mean, moving variance.
///
/// ```swift
/// Sequential(seed: 42) {
///     Dense(64, activation: .relu)
///     BatchNormalization(momentum: 0.99, epsilon: 0.001)
///     Dense(10, activation: .softmax)
/// }
/// ```
public struct BatchNormalization: Layer {
    /// The weight of the old value in each update of the moving statistics.
    public let momentum: Double
    /// Added to the variance before the root.
    public let epsilon: Double
    /// Whether training updates `gamma` and `beta` and uses batch statistics.
    public var trainable = true
    /// The input (and output) width once built.
    public internal(set) var inputWidth: Int?
    /// The scale γ per column.
    public internal(set) var gamma: [Float] = []
    /// The shift β per column.
    public internal(set) var beta: [Float] = []
    /// The moving average of the batch means.
    public internal(set) var movingMean: [Float] = []
    /// The moving average of the batch variances.
    public internal(set) var movingVariance: [Float] = []

    /// A batch normalization with Keras's defaults.
    public init(momentum: Double = 0.99, epsilon: Double = 0.001) {
        guard momentum >= 0 && momentum <= 1, epsilon > 0 else {
            TrainKitError.invalidArgument(
                "BatchNormalization needs 0 ≤ momentum ≤ 1 and epsilon > 0, but got momentum \(momentum), "
                    + "epsilon \(epsilon).").fail()
        }
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// `"BatchNormalization"`.
    public var summary: String { "BatchNormalization" }

    /// Gamma and beta while the layer trains; the moving statistics never train, as in Keras.
    public var trainableParameterCount: Int { trainable ? 2 * (inputWidth ?? 0) : 0 }

    /// Gamma, beta, moving mean, moving variance (Keras order).
    public var weights: [[Float]] { isBuilt ? [gamma, beta, movingMean, movingVariance] : [] }

    /// The input width: each column is normalized on its own.
    public func outputWidth(inputWidth: Int) -> Int { inputWidth }

    /// Four tensors of `inputWidth` values.
    public func weightShapes(inputWidth: Int) -> [WeightShape] {
        ["gamma", "beta", "moving mean", "moving variance"].map {
            WeightShape(name: "BatchNormalization \($0)", count: inputWidth)
        }
    }

    /// Gamma's size.
    public func inputWidth(impliedByFirstWeightOf count: Int) -> Int? { count > 0 ? count : nil }

    /// Ones for gamma and the moving variance, zeros for beta and the moving mean; draws nothing.
    public mutating func build(inputWidth: Int, generator: inout SeededGenerator) {
        self.inputWidth = inputWidth
        gamma = [Float](repeating: 1, count: inputWidth)
        beta = [Float](repeating: 0, count: inputWidth)
        movingMean = [Float](repeating: 0, count: inputWidth)
        movingVariance = [Float](repeating: 1, count: inputWidth)
    }

    /// Replaces gamma, beta, moving mean and moving variance.
    public mutating func setWeights(_ weights: [[Float]]) {
        gamma = weights[0]
        beta = weights[1]
        movingMean = weights[2]
        movingVariance = weights[3]
    }

    /// The working form: `BatchNormalization.Kernel`.
    public func makeKernel(capacity: Int, feedsBack: Bool) -> any LayerKernel {
        Kernel(self, capacity: capacity)
    }
}
