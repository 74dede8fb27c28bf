/// Something a `Sequential` model can hold: a `Dense` layer, or a whole `Sequential` used as a
/// block (a frozen base model, say). It only has to say which dense layers it is made of.
public protocol Layer: Sendable {
    /// The dense layers this layer consists of, in order, with their weights and trainable flags.
    var denseLayers: [Dense] { get }
}

/// Collects the layers written inside `Sequential { … }`, including `if` and `for` blocks.
@resultBuilder
public enum LayerBuilder {
    /// One layer.
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    /// Layers built elsewhere, as an array.
    public static func buildExpression(_ layers: [any Layer]) -> [any Layer] { layers }
    /// The layers of a block, in order.
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
    /// A `for` loop's layers.
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}
