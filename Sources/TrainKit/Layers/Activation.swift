/// The non-linearity a Dense layer applies to its output, as Keras's `activation=` argument.
///
/// `.leakyRelu` uses Keras 3's default slope 0.2; `.leakyRelu(alpha: 0.1)` picks another.
public struct Activation: Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable { case linear, relu, sigmoid, tanh, softmax, leakyRelu(Float) }
    let kind: Kind

    /// The identity: `a = z` (Keras `"linear"`, the Dense default).
    public static let linear = Activation(kind: .linear)
    /// `max(0, z)`.
    public static let relu = Activation(kind: .relu)
    /// `1 / (1 + e^−z)`.
    public static let sigmoid = Activation(kind: .sigmoid)
    /// The hyperbolic tangent.
    public static let tanh = Activation(kind: .tanh)
    /// Each row's `e^z / Σ e^z`, for class probabilities.
    public static let softmax = Activation(kind: .softmax)
    /// `z` for positive `z`, else `0.2 · z` (Keras 3's default negative slope).
    public static let leakyRelu = Activation.leakyRelu(alpha: 0.2)

    /// `z` for positive `z`, else `alpha · z`; `alpha` must not be negative (as in Keras).
    public static func leakyRelu(alpha: Float) -> Activation {
        require(alpha >= 0 && alpha.isFinite, "leakyRelu needs a finite alpha ≥ 0, but got \(alpha).")
        return Activation(kind: .leakyRelu(alpha))
    }

    /// The Keras name: `"relu"`, `"softmax"`, `"leaky_relu"`, …
    public var description: String {
        switch kind {
        case .linear: return "linear"
        case .relu: return "relu"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .softmax: return "softmax"
        case .leakyRelu: return "leaky_relu"
        }
    }
}
