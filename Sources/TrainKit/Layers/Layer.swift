/// A layer of a `Sequential` model: its settings, weights and state as a value, and the working
/// form (`LayerKernel`) that runs its forward and backward passes on a network's buffers.
///
/// A layer is built once its input width is known, drawing any random initial values from the
/// model's seeded generator. Its weights are listed in Keras order (`weights`, `setWeights`),
/// trainable and non-trainable alike (a batch normalization's moving statistics). The kernel it
/// makes holds copies in preallocated buffers for one fit, evaluate or predict, and hands the
/// layer back with the trained weights and state (`LayerKernel.layer`).
///
/// `Dense`, `BatchNormalization` and `Dropout` are layers; a new one needs one file: the value
/// type and its kernel class.
public protocol Layer: LayerBlock {
    /// Whether training updates the layer's trainable weights (Keras's `trainable`).
    var trainable: Bool { get set }
    /// The input width once built, else nil.
    var inputWidth: Int? { get }
    /// A short description for `Sequential.summary`, e.g. `"Dense(50, relu)"`.
    var summary: String { get }
    /// The weights in Keras order; empty until built.
    var weights: [[Float]] { get }
    /// How many of the weights training updates (Keras's trainable params); the rest, such as a batch
    /// normalization's moving statistics, are non-trainable. 0 before the layer is built.
    var trainableParameterCount: Int { get }
    /// The input width declared up front (`Dense(…, inputShape: [4])`), so a model can build before
    /// any data; nil when the layer learns it from the data.
    var declaredInputWidth: Int? { get }

    /// The output width for `inputWidth` inputs.
    func outputWidth(inputWidth: Int) -> Int
    /// The name and size of each weight tensor, in Keras order, for `inputWidth` inputs.
    func weightShapes(inputWidth: Int) -> [WeightShape]
    /// The input width that a first weight tensor of `count` values implies, when the layer can tell
    /// (`Sequential.setWeights` on a model not yet built).
    func inputWidth(impliedByFirstWeightOf count: Int) -> Int?
    /// Creates the weights (and any random state) for `inputWidth` inputs from `generator`.
    mutating func build(inputWidth: Int, generator: inout SeededGenerator)
    /// Replaces the weights, given in Keras order with the sizes of `weightShapes` (checked by the caller).
    mutating func setWeights(_ weights: [[Float]])
    /// The working form for batches of up to `capacity` rows; `feedsBack` says whether the layer
    /// must compute the gradient with respect to its input (a trainable layer sits below it).
    func makeKernel(capacity: Int, feedsBack: Bool) -> any LayerKernel
}

extension Layer {
    /// Itself: a layer is one layer of the model.
    public var layers: [any Layer] { [self] }

    /// Whether the weights exist yet.
    public var isBuilt: Bool { inputWidth != nil }

    /// The number of weights, trainable or not; 0 before the layer is built.
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.count } }

    /// All of them while the layer trains, none when it is frozen.
    public var trainableParameterCount: Int { trainable ? parameterCount : 0 }

    /// Nil: the input width comes from the data or the layer before.
    public var declaredInputWidth: Int? { nil }

    /// Nil: the layer cannot tell its input width from its weights.
    public func inputWidth(impliedByFirstWeightOf count: Int) -> Int? { nil }
}
