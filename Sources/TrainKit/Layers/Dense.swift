/// A fully connected layer: `a = activation(x · kernel + bias)`, Keras's `Dense`.
///
/// The kernel is `inputs × units`, row-major, as Keras stores it; it is created from the
/// model's seed when the model first learns its input width.
///
/// ```swift
/// Dense(50, activation: .relu, kernelInitializer: .heUniform)
/// ```
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

    /// A dense layer of `units` outputs.
    public init(
        _ units: Int, activation: Activation = .linear, kernelInitializer: Initializer = .glorotUniform,
        biasInitializer: Initializer = .zeros, useBias: Bool = true
    ) {
        require(units > 0, "a Dense layer needs at least one unit, but got \(units).")
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
}
