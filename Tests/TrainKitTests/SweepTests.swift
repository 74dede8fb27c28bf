import Testing
@testable import TrainKit

struct SweepTests {
    static let data = makeBlobs(samples: 120, centers: 3, features: 2, spread: 2, seed: 4)

    static func run(_ rate: Double) -> History {
        var model = Sequential(seed: 42) {
            Dense(16, activation: .relu, kernelInitializer: .heUniform)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: rate, momentum: 0.9), loss: .sparseCategoricalCrossentropy,
                      metrics: [.accuracy])
        return model.fit(data, epochs: 5, batchSize: 16, validationSplit: 0.25)
    }

    @Test func oneAndTwoWorkersGiveIdenticalHistoriesInInputOrder() {
        let rates = [0.3, 0.1, 0.03, 0.01, 0.003]
        let serial = sweep(rates, workers: 1, Self.run)
        let parallel = sweep(rates, workers: 2, Self.run)
        #expect(serial == parallel)
        #expect(serial == rates.map(Self.run))
    }

    @Test func resultsComeBackInInputOrder() {
        let values = Array(0..<50)
        #expect(sweep(values, workers: 4) { $0 * $0 } == values.map { $0 * $0 })
    }
}
