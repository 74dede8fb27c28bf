import Testing
@testable import TrainKit

/// A fit on a frozen base computes the base's outputs once for all rows (`FrozenFeatures`): the
/// oracle is the same fit with the base run batch by batch, as before. On mostly-zero rows the
/// base's first product is the engine's own sparse one, which reads each row alone, so the two
/// must agree bit for bit; on dense rows the first product is BLAS's, whose sums of a row may
/// depend on the rows beside it on some CPUs, so they must agree to float32 rounding.
struct FrozenFeaturesTests {
    /// Three classes of 200 rows, 20 dense features.
    static let dense = makeBlobs(samples: 200, centers: 3, features: 20, spread: 1.5, seed: 5)

    /// Three classes of 200 rows, 300 features of which about 15 % are nonzero (as image pixels):
    /// wide and sparse enough for the first layer's sparse path.
    static let mostlyZero: Dataset = {
        let values = SparseInputTests.sparseValues(rows: 200, width: 300, density: 0.15, seed: 9)
        let labels = (0..<200).map { row -> [Float] in
            // A label the features decide: the sign of the sum of the first 100 columns, and a third class.
            let sum = (0..<100).reduce(Float(0)) { $0 + values[row * 300 + $1] }
            return [row % 5 == 0 ? 2 : sum > 0 ? 1 : 0]
        }
        return Dataset(x: Matrix(rows: 200, cols: 300, data: values), y: Matrix(labels))
    }()

    /// A base trained for two epochs on `data`: Dense(32, relu), then (when asked) a
    /// BatchNormalization with moving statistics of its own, without its classifier.
    static func base(for data: Dataset, batchNormalization: Bool) -> Sequential {
        var model = Sequential(seed: 3, layers: [Dense(32, activation: .relu)]
            + (batchNormalization ? [BatchNormalization()] : []) + [Dense(3, activation: .softmax)])
        model.compile(optimizer: SGD(learningRate: 0.05), loss: .sparseCategoricalCrossentropy)
        model.fit(data, epochs: 2, batchSize: 16)
        return Sequential(seed: 3, layers: Array(model.layers.dropLast()))
    }

    /// The frozen base, a trainable hidden layer and a classifier, compiled with Adam.
    static func transferModel(base: Sequential, featuresOnce: Bool) -> Sequential {
        var model = Sequential(seed: 11) {
            base.frozen()
            Dense(8, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.computesFrozenFeaturesOnce = featuresOnce
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    struct Outcome {
        let history: History
        let weights: [[Float]]
    }

    static func fit(_ data: Dataset, base: Sequential, featuresOnce: Bool, shuffle: Bool = true,
                    callbacks: [any Callback] = []) -> Outcome {
        var model = transferModel(base: base, featuresOnce: featuresOnce)
        let validation = rows(of: data, 150..<200)
        let history = model.fit(rows(of: data, 0..<150), epochs: 4, batchSize: 16, validation: validation,
                                shuffle: shuffle, callbacks: callbacks)
        return Outcome(history: history, weights: model.getWeights())
    }

    /// Whether two runs left the same weights, bit for bit (a Bool, so a failure does not print them all).
    static func sameBits(_ a: [[Float]], _ b: [[Float]]) -> Bool {
        a.map { $0.map(\.bitPattern) } == b.map { $0.map(\.bitPattern) }
    }

    static func expectClose(_ a: Outcome, _ b: Outcome) {
        #expect(a.history.keys == b.history.keys)
        for key in a.history.keys {
            for (x, y) in zip(a.history[key], b.history[key]) { #expect(abs(x - y) <= 1e-5 * max(1, abs(y)), "\(key)") }
        }
        for (x, y) in zip(a.weights.joined(), b.weights.joined()) { #expect(abs(x - y) <= 1e-5 * max(1, abs(y))) }
    }

    @Test(arguments: [false, true])
    func mostlyZeroRowsTrainBitForBitAsBatchByBatch(batchNormalization: Bool) {
        let base = Self.base(for: Self.mostlyZero, batchNormalization: batchNormalization)
        let once = Self.fit(Self.mostlyZero, base: base, featuresOnce: true)
        let batchByBatch = Self.fit(Self.mostlyZero, base: base, featuresOnce: false)
        #expect(once.history == batchByBatch.history)
        #expect(Self.sameBits(once.weights, batchByBatch.weights))
        // The frozen base's weights come back untouched.
        #expect(Self.sameBits(Array(once.weights.prefix(base.getWeights().count)), base.getWeights()))
    }

    /// Unshuffled epochs read the features where they are instead of gathering them.
    @Test func unshuffledEpochsTrainBitForBitAsBatchByBatch() {
        let base = Self.base(for: Self.mostlyZero, batchNormalization: true)
        let once = Self.fit(Self.mostlyZero, base: base, featuresOnce: true, shuffle: false)
        let batchByBatch = Self.fit(Self.mostlyZero, base: base, featuresOnce: false, shuffle: false)
        #expect(once.history == batchByBatch.history)
        #expect(Self.sameBits(once.weights, batchByBatch.weights))
    }

    @Test(arguments: [false, true])
    func denseRowsTrainAsBatchByBatch(batchNormalization: Bool) {
        let base = Self.base(for: Self.dense, batchNormalization: batchNormalization)
        Self.expectClose(Self.fit(Self.dense, base: base, featuresOnce: true),
                         Self.fit(Self.dense, base: base, featuresOnce: false))
    }

    /// Halves the first kernel after the second epoch: the frozen base computes other features from then on.
    struct HalveFirstKernel: Callback {
        mutating func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {
            guard epoch == 1 else { return }
            var weights = training.weights
            weights[0] = weights[0].map { $0 * 0.5 }
            training.weights = weights
        }
    }

    @Test func aCallbackThatChangesTheFrozenWeightsGetsFeaturesOfTheNewOnes() {
        let base = Self.base(for: Self.mostlyZero, batchNormalization: false)
        let once = Self.fit(Self.mostlyZero, base: base, featuresOnce: true, callbacks: [HalveFirstKernel()])
        let batchByBatch = Self.fit(Self.mostlyZero, base: base, featuresOnce: false, callbacks: [HalveFirstKernel()])
        #expect(once.history == batchByBatch.history)
        #expect(Self.sameBits(once.weights, batchByBatch.weights))
        // And the change mattered: without it the run ends elsewhere.
        #expect(!Self.sameBits(once.weights, Self.fit(Self.mostlyZero, base: base, featuresOnce: true).weights))
    }

    @Test func onlyLeadingFrozenDenseAndBatchNormalizationLayersCount() {
        let data = Self.dense
        func network(_ layers: [any Layer]) -> Network {
            var model = Sequential(seed: 1, layers: layers)
            model.build(inputWidth: data.x.cols)
            return Network(layers: model.layers, capacity: 16)
        }
        func frozen(_ layer: some Layer) -> any Layer {
            var layer = layer
            layer.trainable = false
            return layer
        }
        // A frozen Dense and BatchNormalization below a trainable head: both.
        #expect(FrozenFeatures(network: network([frozen(Dense(4)), frozen(BatchNormalization()), Dense(3)]),
                               train: data.x, validation: nil)?.layerCount == 2)
        // Dropout draws a new mask every batch, frozen or not: nothing below it either.
        #expect(FrozenFeatures(network: network([Dropout(0.5), frozen(Dense(4)), Dense(3)]),
                               train: data.x, validation: nil) == nil)
        #expect(FrozenFeatures(network: network([frozen(Dense(4)), Dropout(0.5), frozen(Dense(4)), Dense(3)]),
                               train: data.x, validation: nil)?.layerCount == 1)
        // A trainable first layer, or nothing left to train: no features.
        #expect(FrozenFeatures(network: network([Dense(4), frozen(Dense(3))]), train: data.x, validation: nil) == nil)
        #expect(FrozenFeatures(network: network([frozen(Dense(4)), frozen(Dense(3))]), train: data.x, validation: nil) == nil)
    }
}
