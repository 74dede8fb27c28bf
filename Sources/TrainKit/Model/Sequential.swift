/// A stack of layers trained as one model, as Keras's `Sequential`.
///
/// Weights are drawn from `seed` when the input width is first known (declared by the first layer,
/// `Dense(…, inputShape: [4])`, or at the first `fit`, `predict` or `evaluate`, or at
/// `build(inputWidth:)`); shuffling draws from a second stream of
/// the same seed, so the same seed always trains the same way. A model is a value: a copy trains
/// independently of the original, and `let saved = model` keeps a snapshot of the weights and
/// the optimizer state.
///
/// ```swift
/// var model = Sequential(seed: 42) {
///     Dense(50, activation: .relu, kernelInitializer: .heUniform)
///     Dense(3, activation: .softmax)
/// }
/// model.compile(optimizer: SGD(learningRate: 0.1), loss: .categoricalCrossentropy, metrics: [.accuracy])
/// let history = model.fit(train, epochs: 20, validation: test)
/// ```
public struct Sequential: LayerBlock {
    /// The layers, nested models flattened into them.
    public internal(set) var layers: [any Layer]
    /// The seed of the weights and of the shuffles.
    public let seed: Int
    var weightGenerator: SeededGenerator
    var shuffleGenerator: SeededGenerator
    var compilation: Compilation?
    /// Whether `fit` computes a frozen base's outputs once for all rows (`FrozenFeatures`) rather
    /// than batch by batch; off only in the tests that compare the two.
    var computesFrozenFeaturesOnce = true

    /// What `compile` set: the optimizer with its state and step count, the momentum schedule taken
    /// from its learning rate, the loss, the metrics.
    struct Compilation: Sendable {
        var optimizer: any Optimizer
        let momentumSchedule: (@Sendable (Int) -> Double)?
        var steps = 0
        let loss: Loss
        let metrics: [Metric]

        init(optimizer: any Optimizer, loss: Loss, metrics: [Metric]) {
            self.optimizer = optimizer
            momentumSchedule = optimizer.learningRate.momentum
            self.loss = loss
            self.metrics = metrics
        }
    }

    /// A model of the layers listed in the closure; a `Sequential` in the list adds its layers
    /// (and keeps their weights when it was built).
    public init(seed: Int = 0, @LayerBuilder _ content: () -> [any LayerBlock]) {
        self.init(seed: seed, layers: content())
    }

    /// A model of the given layers and blocks.
    public init(seed: Int = 0, layers: [any LayerBlock]) {
        let flattened = layers.flatMap(\.layers)
        require(!flattened.isEmpty, "a Sequential model needs at least one layer.")
        self.layers = flattened
        self.seed = seed
        let bits = UInt64(bitPattern: Int64(seed))
        weightGenerator = SeededGenerator(seed: bits)
        // A distinct stream for shuffles: building early or late never changes the batch order.
        shuffleGenerator = SeededGenerator(seed: bits ^ 0xD1B5_4A32_D192_ED03)
        // `Dense(…, inputShape: [n])` first: build now, drawing the same weights a first fit would.
        if let width = flattened[0].declaredInputWidth, !isBuilt { build(inputWidth: width) }
    }

    /// Whether the weights exist.
    public var isBuilt: Bool { layers.allSatisfy(\.isBuilt) }

    /// The input width once built.
    public var inputWidth: Int? { layers[0].inputWidth }

    /// The width of the output (for a model not yet built, as far as its layers tell without an input width).
    public var outputWidth: Int { layers.reduce(inputWidth ?? 0) { $1.outputWidth(inputWidth: $0) } }

    /// The number of weights (0 before the model is built).
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Whether training updates the weights: setting it sets every layer's flag.
    public var trainable: Bool {
        get { layers.contains(where: \.trainable) }
        set { for index in layers.indices { layers[index].trainable = newValue } }
    }

    /// A copy whose weights training leaves alone, to use as a fixed block inside another model.
    public func frozen() -> Sequential {
        var copy = self
        copy.trainable = false
        return copy
    }

    /// Creates the weights for `inputWidth` input columns, layer by layer, from the seed.
    /// Layers that already have weights (from a built inner model) keep them.
    public mutating func build(inputWidth: Int) {
        var width = inputWidth
        for index in layers.indices {
            if let built = layers[index].inputWidth {
                guard built == width else {
                    TrainKitError.shapeMismatch(
                        "layer \(index + 1) (\(layers[index].summary)) was built for \(built) inputs, "
                            + "but the layer before it gives \(width). Build the model for matching widths.").fail()
                }
            } else {
                layers[index].build(inputWidth: width, generator: &weightGenerator)
            }
            width = layers[index].outputWidth(inputWidth: width)
        }
    }

    /// The optimizer `compile` set, with its current state.
    public var optimizer: (any Optimizer)? { compilation?.optimizer }

    /// The loss `compile` set.
    public var loss: Loss? { compilation?.loss }
}
