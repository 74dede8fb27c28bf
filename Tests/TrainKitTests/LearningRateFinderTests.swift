import Foundation
import Testing
@testable import TrainKit

/// The LR range test as fastai's `lr_find` runs it: exponential rates per batch, bias-corrected
/// smoothing, the 4 × best stop, and the model left exactly as it was.
struct LearningRateFinderTests {
    static let data = makeBlobs(samples: 96, centers: 3, features: 2, spread: 1.2, seed: 8)

    static func model(_ optimizer: any Optimizer = Adam(learningRate: 0.01)) -> Sequential {
        var model = Sequential(seed: 21) {
            Dense(6, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// Weights, Adam's moments and step count, and the shuffling stream are untouched: training
    /// on after a range test gives bit for bit what training without one gives.
    @Test func rangeTestLeavesWeightsAndOptimizerStateAsTheyWere() {
        var tested = Self.model(), untouched = Self.model()
        tested.fit(Self.data, epochs: 2, batchSize: 16)
        untouched.fit(Self.data, epochs: 2, batchSize: 16)
        let before = tested.getWeights()
        let finder = tested.findLearningRate(on: Self.data, start: 1e-5, end: 10, steps: 40, batchSize: 16)
        #expect(finder.learningRates.count > 5)
        #expect(tested.getWeights() == before)
        let a = tested.fit(Self.data, epochs: 2, batchSize: 16)
        let b = untouched.fit(Self.data, epochs: 2, batchSize: 16)
        #expect(a == b)
        #expect(tested.getWeights() == untouched.getWeights())
    }

    /// Batch i uses start · (end/start)^(i/steps): the last rate stays one step below `end`.
    @Test func ratesGrowExponentiallyFromStart() {
        let finder = Self.model().findLearningRate(on: Self.data, start: 1e-6, end: 1, steps: 30, batchSize: 8,
                                                   stopFactor: nil)
        #expect(finder.learningRates.count == 30)
        #expect(finder.plannedSteps == 30)
        for (i, rate) in finder.learningRates.enumerated() {
            let expected = 1e-6 * pow(1e6, Double(i) / 30)
            #expect(abs(rate - expected) <= 1e-12 * expected)
        }
        #expect(abs(finder.learningRates.last! - pow(10, -0.2)) < 1e-12)
    }

    /// fastai runs at least 6 steps.
    @Test func atLeastSixSteps() {
        let finder = Self.model().findLearningRate(on: Self.data, steps: 2, stopFactor: nil)
        #expect(finder.learningRates.count == 6)
        #expect(finder.plannedSteps == 2)
    }

    /// Bias correction makes the smoothed value of a constant loss that constant from the first
    /// batch on: identical rows and rates too small to move the weights give the same loss every
    /// batch.
    @Test func smoothingIsBiasCorrected() {
        let rows = Dataset(x: Array(repeating: [0.3, -0.7], count: 20), y: Array(repeating: [1], count: 20))
        let finder = Self.model().findLearningRate(on: rows, start: 1e-30, end: 2e-30, steps: 12, batchSize: 4)
        let raw = finder.rawLosses[0]
        #expect(finder.rawLosses.allSatisfy { $0 == raw })
        #expect(finder.losses.allSatisfy { abs($0 - raw) <= 1e-12 * raw })
    }

    /// With β = 0 nothing is smoothed; a batch larger than the data is the whole data, whose loss
    /// at a negligible rate is what `evaluate` reports.
    @Test func unsmoothedLossOfTheWholeData() {
        let model = Self.model()
        let finder = model.findLearningRate(on: Self.data, start: 1e-30, end: 2e-30, steps: 8, batchSize: 500, beta: 0)
        #expect(finder.losses == finder.rawLosses)
        let expected = model.evaluate(Self.data, batchSize: 96)["loss"]!
        #expect(abs(finder.rawLosses[0] - expected) <= 1e-6 * expected)
    }

    /// The test stops at the first smoothed loss above 4 × the best one before it, keeping that
    /// point, as fastai's `after_batch` does.
    @Test func stopsWhenTheSmoothedLossExceedsFourTimesTheBest() {
        let x: [[Float]] = (0..<64).map { i in [Float(i % 8) / 4 - 1, Float(i / 8) / 4 - 1] }
        let y: [[Float]] = x.map { row in [2 * row[0] - row[1] + 0.5] }
        let line = Dataset(x: x, y: y)
        var model = Sequential(seed: 4) {
            Dense(4, activation: .tanh)
            Dense(1)
        }
        model.compile(optimizer: SGD(learningRate: 0.01), loss: .meanSquaredError)
        let finder = model.findLearningRate(on: line, start: 1e-4, end: 1e4, steps: 200, batchSize: 8)
        let losses = finder.losses
        #expect(losses.count < 200)
        let earlier = losses.dropLast().min()!
        #expect(losses.last! > 4 * earlier)
        for i in 1..<losses.count - 1 {
            #expect(losses[i] <= 4 * losses[..<i].min()!)
        }
    }

    /// The per-epoch form: the history of a fit whose rate grows 10× every 20 epochs.
    @Test func finderFromAHistory() {
        var model = Self.model(SGD(learningRate: 0.01))
        let history = model.fit(Self.data, epochs: 30, batchSize: 16, callbacks: [
            LearningRateScheduler { epoch, _ in 1e-4 * pow(10, Double(epoch) / 20) },
        ])
        let finder = LearningRateFinder(history: history)
        #expect(finder.learningRates == history["learning_rate"])
        #expect(finder.losses == history["loss"])
        #expect(finder.plannedSteps == 30)
        #expect(abs(finder.learningRates[20] - 1e-3) < 1e-10)
        #expect(finder.suggestion(.valley).isFinite)
    }
}
