/// Sets a random fraction `rate` of its inputs to zero while training and scales the others by
/// 1/(1 − rate), so their expected sum stays the same; at evaluation and prediction it passes its
/// input through unchanged. Keras's `Dropout`.
///
/// The masks are drawn from a stream seeded from the model's seed (one draw of its weight stream
/// when the layer is built), so the same seed always drops the same units; the stream continues
/// across fits. A rate of 0 is the identity.
///
/// ```swift
/// Sequential(seed: 42) {
///     Dense(128, activation: .relu)
///     Dropout(0.2)
///     Dense(10, activation: .softmax)
/// }
/// ```
public struct Dropout: Layer {
    /// The fraction of inputs set to zero while training, in [0, 1).
    public let rate: Double
    /// Kept for the protocol; a dropout has no weights to train.
    public var trainable = true
    /// The input (and output) width once built.
    public internal(set) var inputWidth: Int?
    /// The stream the masks are drawn from, seeded at build.
    var generator = SeededGenerator(seed: 0)

    /// A dropout of `rate` (Keras's `Dropout(rate)`).
    public init(_ rate: Double) {
        guard rate >= 0 && rate < 1 else {
            TrainKitError.invalidArgument("Dropout: `rate` must be a float in [0, 1), but got \(rate).").fail()
        }
        self.rate = rate
    }

    /// `"Dropout(0.2)"`.
    public var summary: String { "Dropout(\(rate))" }

    /// None.
    public var weights: [[Float]] { [] }

    /// The input width.
    public func outputWidth(inputWidth: Int) -> Int { inputWidth }

    /// None.
    public func weightShapes(inputWidth: Int) -> [WeightShape] { [] }

    /// Seeds the mask stream with one draw of `generator`.
    public mutating func build(inputWidth: Int, generator: inout SeededGenerator) {
        self.inputWidth = inputWidth
        self.generator = SeededGenerator(seed: generator.next())
    }

    /// Nothing to set.
    public mutating func setWeights(_ weights: [[Float]]) {}

    /// The working form: `Dropout.Kernel`.
    public func makeKernel(capacity: Int, feedsBack: Bool) -> any LayerKernel {
        Kernel(self, capacity: capacity)
    }
}

extension Dropout {
    /// A dropout at work. Training: `y = x / keep` for kept units (drawn with probability
    /// keep = 1 − rate), else 0, as Keras's `where(mask, x / keep, 0)`; the gradient flows only
    /// through the kept units, `∂x = δ / keep`. Otherwise `y = x` and `∂x = δ`.
    final class Kernel: LayerKernel {
        let template: Dropout
        let outputWidth: Int
        let output: UnsafeMutablePointer<Float>
        let outputGradient: UnsafeMutablePointer<Float>
        let parameters: [TrainableTensor] = []
        private let mask: UnsafeMutablePointer<Float>
        private var generator: SeededGenerator
        /// Whether the last forward pass dropped units.
        private var masked = false
        private let buffers = KernelBuffers()

        init(_ layer: Dropout, capacity: Int) {
            template = layer
            outputWidth = layer.inputWidth!
            output = buffers.make(capacity * outputWidth)
            outputGradient = buffers.make(capacity * outputWidth)
            mask = buffers.make(capacity * outputWidth)
            generator = layer.generator
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            let count = rows * outputWidth
            masked = training && template.rate > 0
            guard masked else {
                output.update(from: input, count: count)
                return
            }
            let keep = 1 - template.rate, divisor = Float(keep)
            for i in 0..<count {
                let kept = generator.nextUniform() < keep
                mask[i] = kept ? 1 : 0
                output[i] = kept ? input[i] / divisor : 0
            }
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            guard let inputGradient else { return }
            let count = rows * outputWidth
            guard masked else {
                inputGradient.update(from: outputGradient, count: count)
                return
            }
            let divisor = Float(1 - template.rate)
            for i in 0..<count { inputGradient[i] = mask[i] != 0 ? outputGradient[i] / divisor : 0 }
        }

        var weights: [[Float]] { [] }

        func load(_ weights: [[Float]]) {}

        var layer: any Layer {
            var layer = template
            layer.generator = generator
            return layer
        }
    }
}
