import Testing
@testable import TrainKit

/// End-to-end: models learn separable data, with every optimizer. The oracle is a property
/// (well-separated blobs are nearly perfectly classifiable), not a number from a past run.
struct LearningTests {
    static let blobs = makeBlobs(samples: 300, centers: 3, features: 2, spread: 0.6, seed: 2)

    @Test(arguments: Optimizers.names)
    func everyOptimizerLearnsSeparatedBlobs(_ name: String) {
        let data = Dataset(x: Self.blobs.x, y: oneHot(Self.blobs.y, classes: 3))
        var model = Sequential(seed: 42) {
            Dense(16, activation: .relu, kernelInitializer: .heUniform)
            Dense(3, activation: .softmax)
        }
        var optimizer = Optimizers.named(name)
        optimizer.learningRate = .constant(name == "sgd" ? 0.1 : 0.02)
        model.compile(optimizer: optimizer, loss: .categoricalCrossentropy, metrics: [.accuracy])
        let history = model.fit(data, epochs: 30, batchSize: 16)
        #expect(history["accuracy"].last! > 0.97, "\(name): \(history["accuracy"].last!)")
        #expect(history["loss"].last! < history["loss"].first! / 2)
        let predictions = model.predict(data.x)
        let correct = (0..<data.count).filter { r in
            argmaxOf(predictions.row(r)) == argmaxOf(data.y.row(r))
        }.count
        #expect(Double(correct) / Double(data.count) > 0.97)
        #expect(abs(model.evaluate(data)["accuracy"]! - Double(correct) / Double(data.count)) < 1e-9)
    }

    @Test func binaryClassifierAndRegressorLearn() {
        let twoBlobs = makeBlobs(samples: 200, centers: 2, features: 2, spread: 0.6, seed: 8)
        var classifier = Sequential(seed: 1) {
            Dense(8, activation: .tanh)
            Dense(1, activation: .sigmoid)
        }
        classifier.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
        #expect(classifier.fit(twoBlobs, epochs: 30, batchSize: 16)["accuracy"].last! > 0.97)

        // y = 2·x0 − x1 + 0.5 is exactly representable by one linear unit.
        var generator = SeededGenerator(seed: 3)
        let x = randomMatrix(rows: 200, cols: 2, scale: 1, generator: &generator)
        let y = Matrix((0..<200).map { [2 * x[$0, 0] - x[$0, 1] + 0.5] })
        var regressor = Sequential(seed: 1) { Dense(1) }
        regressor.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError, metrics: [.mse, .mae])
        let history = regressor.fit(Dataset(x: x, y: y), epochs: 60, batchSize: 20)
        #expect(history.keys.prefix(3) == ["loss", "mse", "mae"])
        #expect(history["loss"].last! < 1e-4)
        let w = regressor.getWeights()
        #expect(abs(w[0][0] - 2) < 0.01 && abs(w[0][1] + 1) < 0.01 && abs(w[1][0] - 0.5) < 0.01)
    }

    private func argmaxOf(_ row: [Float]) -> Int { row.indices.max { row[$0] < row[$1] }! }
}
