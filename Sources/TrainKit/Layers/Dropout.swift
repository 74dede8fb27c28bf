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
