import Foundation
import Testing
import TrainKit

/// The learning-rate tools as docs/design.md §4 spells them must compile and run (no `@testable`:
/// only public symbols).
struct LearningRateToolSpellingTests {
    @Test func designSpellingsCompileAndRun() {
        let train = Datasets.circles(samples: 200, noise: 0.03, seed: 42)
        var model = Sequential(seed: 42) {
            Dense(4, activation: .relu)
            Dense(1, activation: .sigmoid)
        }
        model.compile(optimizer: SGD(learningRate: .exponentialDecay(initial: 0.1, decaySteps: 100, rate: 0.96)),
                      loss: .binaryCrossentropy, metrics: [.accuracy])
        let history = model.fit(train, epochs: 3, batchSize: 32, validation: train, callbacks: [
            ReduceLROnPlateau(monitor: "val_loss", factor: 0.1, patience: 5),
            EarlyStopping(monitor: "val_loss", minDelta: 0, patience: 2, mode: .auto, restoreBestWeights: true,
                          startFromEpoch: 0, baseline: nil),
            LearningRateScheduler { epoch, lr in 1e-4 * pow(10, Double(epoch) / 20) },
            LearningRateScheduler { epoch in 0.01 },
            TerminateOnNaN(),
        ])
        let finder = model.findLearningRate(on: train, start: 1e-7, end: 10, steps: 100, batchSize: 32,
                                            stopFactor: 4, beta: 0.98)
        _ = (finder.suggestion(.valley), finder.suggestion(.steep), finder.suggestion(.minimum),
             finder.suggestion(.slide))
        _ = (finder.learningRates, finder.losses, LearningRateFinder(history: history).losses)
        _ = SGD(learningRate: .oneCycleLR(maxLR: 0.1, totalSteps: 1000), momentum: 0.9)
        #expect(history["learning_rate"].last == Double(Float(0.01)))
    }
}
