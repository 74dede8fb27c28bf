/// A fully connected layer: `a = activation(x · kernel + bias)`, Keras's `Dense`.
///
/// The kernel is `inputs × units`, row-major, as Keras stores it; it is created from the
/// model's seed when the model first learns its input width.
///
/// ```swift
/// Dense(50, activation: .relu, kernelInitializer: .heUniform)
/// Dense(128, activation: .relu, inputShape: [784])   // first layer: the model builds at once
/// ```
///
/// As in Keras, the first layer may declare the input width up front (`inputShape: [784]`, or
/// Keras 2's `inputDim: 784`): the model then creates its weights when it is made, from its seed,
/// exactly as it would at the first `fit`, and `model.summary` works before any training. Inputs are
/// flat rows of features, so the shape has one dimension: images are flattened (28 × 28 → 784).
public struct Dense: Layer, Equatable {
    /// Number of outputs.
    public let units: Int
    /// The non-linearity applied to `x · kernel + bias`.
    public var activation: Activation
    /// How the kernel starts.
    public var kernelInitializer: Initializer
    /// How the bias starts.
    public var biasInitializer: Initializer
    /// Whether the layer adds a bias.
    public let useBias: Bool
    /// Whether training updates this layer's weights (`false` freezes it, as Keras's `trainable`).
    public var trainable: Bool = true
    /// The input width once built, else `nil`.
    public internal(set) var inputWidth: Int?
    /// The kernel, `inputWidth × units` row-major (empty until built).
    public internal(set) var kernel: [Float] = []
    /// The bias, `units` values (empty until built or without bias).
    public internal(set) var bias: [Float] = []
    /// The input width declared with `inputShape:` or `inputDim:`, else nil.
    public let declaredInputWidth: Int?

    /// A dense layer of `units` outputs; `inputShape: [n]` (or `inputDim: n`) declares its `n` inputs.
    public init(
        _ units: Int, activation: Activation = .linear, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, useBias: Bool = true, inputShape: [Int]? = nil, inputDim: Int? = nil
    ) {
        require(units > 0, "a Dense layer needs at least one unit, but got \(units).")
        declaredInputWidth = Dense.declaredWidth(units: units, inputShape: inputShape, inputDim: inputDim)
        self.units = units
        self.activation = activation
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        self.useBias = useBias
    }

    /// A copy whose weights training leaves alone.
    public func frozen() -> Dense {
        var copy = self
        copy.trainable = false
        return copy
    }

    /// The weights in Keras order: the kernel, then the bias when the layer has one.
    public var weights: [[Float]] { isBuilt ? (useBias ? [kernel, bias] : [kernel]) : [] }

    /// `"Dense(50, relu)"`.
    public var summary: String { "Dense(\(units), \(activation))" }

    /// `units`, whatever the input.
    public func outputWidth(inputWidth: Int) -> Int { units }

    /// The kernel, `inputWidth × units`, then the bias.
    public func weightShapes(inputWidth: Int) -> [WeightShape] {
        let kernel = WeightShape(name: "Dense(\(units)) kernel \(inputWidth)×\(units)", count: inputWidth * units)
        return useBias ? [kernel, WeightShape(name: "Dense(\(units)) bias", count: units)] : [kernel]
    }

    /// The kernel's rows: its size divided by `units`.
    public func inputWidth(impliedByFirstWeightOf count: Int) -> Int? {
        count > 0 && count % units == 0 ? count / units : nil
    }

    /// Creates the weights for `inputWidth` inputs, kernel first, then bias, from `generator`.
    public mutating func build(inputWidth: Int, generator: inout SeededGenerator) {
        require(inputWidth > 0, "a Dense layer needs at least one input, but got \(inputWidth).")
        if let declared = declaredInputWidth, declared != inputWidth {
            TrainKitError.shapeMismatch(
                "Dense(\(units)) declares inputShape: [\(declared)], but the layer before it gives \(inputWidth) "
                    + "columns. Declare inputShape: [\(inputWidth)], or declare it on the first layer only.").fail()
        }
        self.inputWidth = inputWidth
        kernel = kernelInitializer.values(count: inputWidth * units, fanIn: inputWidth, fanOut: units,
                                          generator: &generator)
        bias = useBias
            ? biasInitializer.values(count: units, fanIn: inputWidth, fanOut: units, generator: &generator)
            : []
    }

    /// Replaces the weights with `kernel` and `bias` of the built shapes.
    mutating func setWeights(kernel: [Float], bias: [Float]) {
        self.kernel = kernel
        self.bias = bias
    }

    /// Replaces the kernel and, with a bias, the bias.
    public mutating func setWeights(_ weights: [[Float]]) {
        setWeights(kernel: weights[0], bias: useBias ? weights[1] : [])
    }

    /// The working form: `Dense.Kernel`.
    public func makeKernel(capacity: Int, feedsBack: Bool) -> any LayerKernel {
        Kernel(self, capacity: capacity, feedsBack: feedsBack)
    }

    /// The width that `inputShape` or `inputDim` declares, checked the way a Keras user would be
    /// told: one flat dimension, given once.
    static func declaredWidth(units: Int, inputShape: [Int]?, inputDim: Int?) -> Int? {
        if inputShape != nil && inputDim != nil {
            TrainKitError.invalidArgument(
                "Dense(\(units)): give inputShape: [n] or inputDim: n, not both (they say the same thing).").fail()
        }
        guard let shape = inputShape ?? inputDim.map({ [$0] }) else { return nil }
        guard shape.count == 1 else {
            let flat = shape.reduce(1, *)
            TrainKitError.invalidArgument(
                "Dense(\(units)): inputShape \(shape) has \(shape.count) dimensions, but a TrainBook model takes "
                    + "flat rows of features (there is no Flatten layer). Flatten the data to "
                    + "\(shape.map(String.init).joined(separator: " × ")) = \(flat) columns (the MNIST datasets "
                    + "already are) and declare inputShape: [\(flat)].").fail()
        }
        guard shape[0] > 0 else {
            TrainKitError.invalidArgument("Dense(\(units)): the input width must be at least 1, but inputShape is \(shape).").fail()
        }
        return shape[0]
    }
}
