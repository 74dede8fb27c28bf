import Testing
import TrainKit

/// The notebook API as docs/design.md §4 spells it must compile and run (no `@testable`: only
/// public symbols).
struct APISpellingTests {
    @Test func designSpellingsCompileAndRun() {
        let blobs = makeBlobs(samples: 60, centers: 3, features: 4, spread: 1, seed: 1)
        let train = Dataset(x: blobs.x, y: oneHot(blobs.y, classes: 3))
        let test = train
        var model = Sequential(seed: 42) {
            Dense(50, activation: .relu, kernelInitializer: .heUniform)
            Dense(12, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: 0.1, momentum: 0.9), loss: .categoricalCrossentropy,
                      metrics: [.accuracy])
        let history = model.fit(train, epochs: 2, batchSize: 32, validation: test, callbacks: [TerminateOnNaN()])
        _ = (history["loss"], history["val_accuracy"], history["learning_rate"])
        let fixedOrder = model.fit(train, epochs: 1, batchSize: 2, shuffle: false)
        let scores = model.evaluate(test)
        let probabilities = model.predict(test.x)
        model.build(inputWidth: 4)
        let current = model.getWeights()
        model.setWeights(current)
        #expect(fixedOrder.keys == ["loss", "accuracy", "learning_rate"])
        #expect(scores.keys.sorted() == ["accuracy", "loss"])
        #expect(probabilities.rows == 60 && probabilities.cols == 3)

        let lr = 0.05
        let optimizers: [any Optimizer] = [
            SGD(learningRate: lr), SGD(learningRate: .constant(0.1)), SGD(learningRate: 0.1, momentum: 0.9, nesterov: true, decay: 1e-3),
            Adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, amsgrad: false), Adamax(),
            Adagrad(learningRate: 0.01, initialAccumulator: 0.1, epsilon: 1e-7),
            RMSprop(learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false), Nadam(),
            Optimizers.named("rmsprop"),
        ]
        #expect(optimizers.count == 9)
        _ = [Dense(4, activation: .leakyRelu), Dense(4, activation: .leakyRelu(alpha: 0.1), useBias: false)]
        _ = [Loss.categoricalCrossentropy(fromLogits: true), .sparseCategoricalCrossentropy, .binaryCrossentropy,
             .meanSquaredError, .meanAbsoluteError]

        let runs = sweep([0.2, 0.1, 0.03]) { lr -> History in
            var m = Sequential(seed: 1) { model.frozen(); Dense(3, activation: .softmax) }
            m.compile(optimizer: SGD(learningRate: lr), loss: .categoricalCrossentropy)
            return m.fit(train, epochs: 2, batchSize: 32, validation: test)
        }
        #expect(runs.count == 3)
    }

    @Test func layerSpellingsCompileAndRun() {
        let blobs = makeBlobs(samples: 60, centers: 3, features: 4, spread: 1, seed: 1)
        var model = Sequential(seed: 42) {
            Dense(16, activation: .relu)
            BatchNormalization(momentum: 0.99, epsilon: 0.001)
            Dropout(0.2)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        model.fit(blobs, epochs: 2, batchSize: 16)
        // Gamma, beta, moving mean and moving variance follow the first Dense's kernel and bias.
        #expect(model.getWeights().map(\.count) == [64, 16, 16, 16, 16, 16, 48, 3])
        #expect(model.summary.rows.map(\.parameters) == [80, 64, 0, 51])
        #expect(model.summary.rows.map(\.name) == ["dense", "batch_normalization", "dropout", "dense_1"])
        // Layers taken from a model build another, as a transfer-learning notebook does.
        let base = Sequential(seed: 7, layers: Array(model.layers.dropLast()))
        var transfer = Sequential(seed: 8) { base.frozen(); Dense(3, activation: .softmax) }
        transfer.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy)
        transfer.fit(blobs, epochs: 1)
        #expect(transfer.getWeights().prefix(6) == model.getWeights().prefix(6))
        // Arrays of layers inside the builder, literal or built elsewhere.
        let hidden = [Dense(8, activation: .relu), Dense(8, activation: .relu)]
        let stacked = Sequential(seed: 1) { hidden; [Dropout(0.1), Dense(3)]; model.layers.prefix(1).map { $0 } }
        #expect(stacked.layers.map(\.summary) == ["Dense(8, relu)", "Dense(8, relu)", "Dropout(0.1)", "Dense(3, linear)",
                                                   "Dense(16, relu)"])
    }
}
