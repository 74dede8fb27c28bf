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

    /// Nil: the layer cannot tell its input width from its weights.
    public func inputWidth(impliedByFirstWeightOf count: Int) -> Int? { nil }
}

/// The name and size of a weight tensor, as `setWeights` checks them: `"Dense(3) kernel 4×3"`, 12.
public struct WeightShape: Equatable, Sendable {
    /// The tensor's name, with its layer.
    public let name: String
    /// The number of values.
    public let count: Int

    /// A shape from its name and size.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// Something written inside `Sequential { … }`: one layer, or a whole `Sequential` used as a block
/// (a frozen base model, say), which adds its layers.
public protocol LayerBlock: Sendable {
    /// The layers this block consists of, in order, with their weights and trainable flags.
    var layers: [any Layer] { get }
}

/// Collects the layers written inside `Sequential { … }`, including `if` and `for` blocks.
@resultBuilder
public enum LayerBuilder {
    /// One layer or block.
    public static func buildExpression(_ block: any LayerBlock) -> [any LayerBlock] { [block] }
    /// Layers built elsewhere, as an array.
    public static func buildExpression(_ blocks: [any LayerBlock]) -> [any LayerBlock] { blocks }
    /// Layers built elsewhere, as an array of layers.
    public static func buildExpression(_ layers: [any Layer]) -> [any LayerBlock] { layers }
    /// The layers of a block, in order.
    public static func buildBlock(_ parts: [any LayerBlock]...) -> [any LayerBlock] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any LayerBlock]?) -> [any LayerBlock] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [any LayerBlock]) -> [any LayerBlock] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [any LayerBlock]) -> [any LayerBlock] { part }
    /// A `for` loop's layers.
    public static func buildArray(_ parts: [[any LayerBlock]]) -> [any LayerBlock] { parts.flatMap { $0 } }
}
