import Foundation
import Testing
@testable import TrainKit

/// The range test and scikit-learn's regressor are memoized as `fit` is: a hit gives exactly what
/// the run gave, and a changed setting is a miss.
struct MemoOtherTrainingsTests {
    static let data = makeBlobs(samples: 200, centers: 3, features: 4, spread: 1.5, seed: 31)

    static func finder(store: MemoStore, end: Double = 10) -> LearningRateFinder {
        var model = Sequential(seed: 4) {
            Dense(8, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: 0.01, momentum: 0.9), loss: .sparseCategoricalCrossentropy)
        return TrainingMemo.$scopedStore.withValue(store) {
            model.findLearningRate(on: Self.data, start: 1e-5, end: end, steps: 40, batchSize: 16)
        }
    }

    @Test func theRangeTestIsServedFromTheStore() {
        let folder = makeMemoFolder()
        let ran = Self.finder(store: MemoStore(folder: folder))
        let second = MemoStore(folder: folder)
        #expect(Self.finder(store: second) == ran)
        #expect(second.hits == 1)
        let third = MemoStore(folder: folder)
        #expect(Self.finder(store: third, end: 1) != ran)
        #expect(third.hits == 0)
    }

    static func regressor(store: MemoStore, alpha: Double = 1e-4) -> SGDRegressor {
        var regressor = SGDRegressor(learningRate: .constant, eta0: 0.01, shuffle: true, seed: 42)
        regressor.alpha = alpha
        let x = Self.data.x.rowArrays.map { $0.map(Double.init) }
        let y = x.map { 2 * $0[0] - $0[1] + 0.5 }
        TrainingMemo.$scopedStore.withValue(store) { regressor.fit(x, y, epochs: 20) }
        return regressor
    }

    @Test func theRegressorsFitIsServedFromTheStore() {
        let folder = makeMemoFolder()
        let ran = Self.regressor(store: MemoStore(folder: folder))
        let second = MemoStore(folder: folder)
        let served = Self.regressor(store: second)
        #expect(second.hits == 1)
        #expect(served.coef == ran.coef && served.intercept == ran.intercept && served.t == ran.t)
        #expect(served.epochs == ran.epochs && served.nIter == ran.nIter && served.divergence == ran.divergence)
        let third = MemoStore(folder: folder)
        #expect(Self.regressor(store: third, alpha: 1e-3).coef != ran.coef)
        #expect(third.hits == 0)
    }
}
