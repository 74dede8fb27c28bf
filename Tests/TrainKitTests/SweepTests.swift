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

    /// More threads than cores (the machine time-slices them) changes nothing either.
    @Test func oneThreadPerValueGivesIdenticalHistories() {
        let rates = [0.3, 0.1, 0.03]
        #expect(sweep(rates, threads: 3, Self.run) == rates.map(Self.run))
    }

    @Test func valuesThatDoNotDivideAmongTheWorkersRunAllAtOnce() {
        // Three trainings on two cores: one thread each, not a last round on one core.
        #expect(sweepThreads(values: 3, workers: nil, defaultWorkers: 2) == 3)
        #expect(sweepThreads(values: 5, workers: nil, defaultWorkers: 4) == 5)
        // Even rounds, or more than twice the workers: the workers.
        #expect(sweepThreads(values: 4, workers: nil, defaultWorkers: 2) == 2)
        #expect(sweepThreads(values: 8, workers: nil, defaultWorkers: 2) == 2)
        #expect(sweepThreads(values: 5, workers: nil, defaultWorkers: 2) == 2)
        #expect(sweepThreads(values: 1, workers: nil, defaultWorkers: 2) == 1)
        // A worker count given is kept (the bench's one-worker sweeps).
        #expect(sweepThreads(values: 3, workers: 2, defaultWorkers: 2) == 2)
        #expect(sweepThreads(values: 3, workers: 1, defaultWorkers: 2) == 1)
    }

    @Test func resultsComeBackInInputOrder() {
        let values = Array(0..<50)
        #expect(sweep(values, workers: 4) { $0 * $0 } == values.map { $0 * $0 })
    }
}
