/// What training minimises, as Keras's `loss=`: the batch loss is the mean of per-sample losses.
///
/// Crossentropies take probabilities by default and clip them to [1e-7, 1 − 1e-7] as Keras does;
/// `fromLogits: true` takes raw scores instead (log-softmax / log-sigmoid, no clipping).
///
/// ```swift
/// model.compile(optimizer: SGD(), loss: .categoricalCrossentropy)
/// model.compile(optimizer: SGD(), loss: .categoricalCrossentropy(fromLogits: true))
/// ```
public struct Loss: Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable {
        case categoricalCrossentropy, sparseCategoricalCrossentropy, binaryCrossentropy
        case meanSquaredError, meanAbsoluteError
    }
    let kind: Kind
    /// Whether predictions are raw scores rather than probabilities (crossentropies only).
    public let fromLogits: Bool

    /// −Σ y·log p over one-hot (or soft) targets with as many columns as the output.
    public static let categoricalCrossentropy = Loss(kind: .categoricalCrossentropy, fromLogits: false)
    /// Categorical crossentropy on probabilities or, with `fromLogits`, on raw scores.
    public static func categoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .categoricalCrossentropy, fromLogits: fromLogits)
    }
    /// −log p[label] with targets holding one class index per row.
    public static let sparseCategoricalCrossentropy = Loss(kind: .sparseCategoricalCrossentropy, fromLogits: false)
    /// Sparse categorical crossentropy on probabilities or, with `fromLogits`, on raw scores.
    public static func sparseCategoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .sparseCategoricalCrossentropy, fromLogits: fromLogits)
    }
    /// −(y·log p + (1 − y)·log(1 − p)), averaged over the output columns.
    public static let binaryCrossentropy = Loss(kind: .binaryCrossentropy, fromLogits: false)
    /// Binary crossentropy on probabilities or, with `fromLogits`, on raw scores.
    public static func binaryCrossentropy(fromLogits: Bool) -> Loss {
        Loss(kind: .binaryCrossentropy, fromLogits: fromLogits)
    }
    /// Mean over the output columns of (p − y)².
    public static let meanSquaredError = Loss(kind: .meanSquaredError, fromLogits: false)
    /// Mean over the output columns of |p − y|.
    public static let meanAbsoluteError = Loss(kind: .meanAbsoluteError, fromLogits: false)
    /// Same as `.meanSquaredError`.
    public static let mse = meanSquaredError
    /// Same as `.meanAbsoluteError`.
    public static let mae = meanAbsoluteError

    /// The Keras name, e.g. `"categorical_crossentropy"`.
    public var description: String {
        switch kind {
        case .categoricalCrossentropy: return "categorical_crossentropy"
        case .sparseCategoricalCrossentropy: return "sparse_categorical_crossentropy"
        case .binaryCrossentropy: return "binary_crossentropy"
        case .meanSquaredError: return "mean_squared_error"
        case .meanAbsoluteError: return "mean_absolute_error"
        }
    }

    /// The number of target columns this loss needs for a model with `outputWidth` outputs.
    func targetWidth(outputWidth: Int) -> Int {
        kind == .sparseCategoricalCrossentropy ? 1 : outputWidth
    }
}
