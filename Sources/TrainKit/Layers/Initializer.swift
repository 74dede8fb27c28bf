/// How a layer's weights start, as Keras's `kernel_initializer=` / `bias_initializer=`.
///
/// Scales follow Keras 3's `VarianceScaling`: uniform limits `√(3·scale/n)`, and normal ones
/// truncated at two deviations with the deviation raised by 1/0.8796… so the kept values still
/// have variance `scale/n`. The numbers drawn differ from Keras's (another generator); their
/// distribution does not.
public enum Initializer: Equatable, Sendable {
    /// Uniform in ±√(6 / (fanIn + fanOut)); the Dense kernel default.
    case glorotUniform
    /// Truncated normal with variance 2 / (fanIn + fanOut).
    case glorotNormal
    /// Uniform in ±√(6 / fanIn), for ReLU layers.
    case heUniform
    /// Truncated normal with variance 2 / fanIn.
    case heNormal
    /// All zeros; the bias default.
    case zeros
    /// All ones.
    case ones
    /// Every value set to the given constant.
    case constant(Float)

    /// `count` values for a weight whose layer has `fanIn` inputs and `fanOut` outputs.
    func values(count: Int, fanIn: Int, fanOut: Int, generator: inout SeededGenerator) -> [Float] {
        let fanAverage = max(1, Double(fanIn + fanOut) / 2)
        switch self {
        case .glorotUniform: return uniform(count, scale: 1 / fanAverage, &generator)
        case .heUniform: return uniform(count, scale: 2 / max(1, Double(fanIn)), &generator)
        case .glorotNormal: return truncatedNormal(count, scale: 1 / fanAverage, &generator)
        case .heNormal: return truncatedNormal(count, scale: 2 / max(1, Double(fanIn)), &generator)
        case .zeros: return [Float](repeating: 0, count: count)
        case .ones: return [Float](repeating: 1, count: count)
        case .constant(let value): return [Float](repeating: value, count: count)
        }
    }

    private func uniform(_ count: Int, scale: Double, _ generator: inout SeededGenerator) -> [Float] {
        let limit = (3 * scale).squareRoot()
        return (0..<count).map { _ in Float(generator.nextUniform(-limit, limit)) }
    }

    private func truncatedNormal(_ count: Int, scale: Double, _ generator: inout SeededGenerator) -> [Float] {
        // The deviation of a standard normal truncated to ±2 is 0.87962566103423978.
        let deviation = scale.squareRoot() / 0.87962566103423978
        return (0..<count).map { _ in
            var z = generator.nextNormal()
            while abs(z) > 2 { z = generator.nextNormal() }
            return Float(z * deviation)
        }
    }
}
