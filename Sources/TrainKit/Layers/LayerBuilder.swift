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
