import Foundation
import Testing
@testable import TrainKit

/// The Keras callbacks on the scenarios of Keras's own tests (keras/src/callbacks/*_test.py) and
/// inside `fit`, where the history must log each epoch's rate before a reduction.
struct CallbackTests {
    static let data = makeBlobs(samples: 40, centers: 2, features: 2, spread: 1, seed: 5)

    static func model(learningRate: Double = 0.1) -> Sequential {
        var model = Sequential(seed: 3) {
            Dense(4, activation: .relu)
            Dense(2, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: learningRate), loss: .sparseCategoricalCrossentropy,
                      metrics: [.accuracy])
        return model
    }

    /// The rate a float32 variable holds.
    static func f32(_ value: Double) -> Double { Double(Float(value)) }

    // MARK: - ReduceLROnPlateau

    /// Keras's `test_cooldown`: patience 1, min_delta 100 (nothing improves after the first
    /// epoch), cooldown 2 — the rate falls at epochs 1 and 3 only; the history logs each epoch's
    /// rate before its reduction.
    @Test func plateauReductionsWaitOutTheCooldownAndAreLoggedAfterTheEpoch() {
        var model = Self.model()
        let history = model.fit(Self.data, epochs: 5, batchSize: 8, callbacks: [
            ReduceLROnPlateau(monitor: "loss", factor: 0.1, patience: 1, minDelta: 100, cooldown: 2),
        ])
        let once = Self.f32(Self.f32(0.1) * 0.1), twice = Self.f32(once * 0.1)
        #expect(history["learning_rate"] == [0.1, 0.1, once, once, twice])
        #expect(once == Self.f32(0.01))
    }

    /// Keras's `test_honors_min_lr`: reductions stop at min_lr 0.005.
    @Test func plateauHonoursTheMinimumRate() {
        var reduce = ReduceLROnPlateau(monitor: "val_loss", factor: 0.1, patience: 1, minDelta: 10, minLR: 0.005)
        var rate = Self.f32(0.1)
        var rates: [Double] = []
        for value in [1.0, 1.0, 1.0, 1.0, 1.0] {
            if let reduced = reduce.reducedLearningRate(after: value, learningRate: rate) { rate = reduced }
            rates.append(rate)
        }
        #expect(rates == [Self.f32(0.1), Self.f32(0.01), Self.f32(0.005), Self.f32(0.005), Self.f32(0.005)])
    }

    /// A change of exactly min_delta is not an improvement; NaN is never one; max mode for
    /// accuracies under `.auto`.
    @Test func plateauImprovementIsStrictAndNaNNeverImproves() {
        var reduce = ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2, minDelta: 0.25)
        var rate = 1.0
        var rates: [Double] = []
        // best 1.0; 0.75 is exactly min_delta lower (bad 1), NaN (bad 2 → reduce), 0.7 improves.
        for value in [1.0, 0.75, .nan, 0.7, .nan, .nan] {
            if let reduced = reduce.reducedLearningRate(after: value, learningRate: rate) { rate = reduced }
            rates.append(rate)
        }
        #expect(rates == [1, 1, 0.5, 0.5, 0.5, 0.25])
        #expect(reduce.best == 0.7)
        #expect(ReduceLROnPlateau(monitor: "val_accuracy").maximizes)
        #expect(ReduceLROnPlateau(monitor: "val_acc").maximizes)
        #expect(!ReduceLROnPlateau(monitor: "val_loss").maximizes)
        #expect(!ReduceLROnPlateau(monitor: "val_accuracy", mode: .min).maximizes)
    }

    // MARK: - EarlyStopping

    /// Keras's `test_early_stopping_patience`: stops at epoch max(patience, 1) + 2.
    @Test(arguments: [0, 1, 2, 3])
    func earlyStoppingPatience(_ patience: Int) {
        var stopper = EarlyStopping(monitor: "loss", patience: patience)
        for (epoch, loss) in [10.0, 9.0, 8.0, 9.0, 8.9, 8.8, 8.7, 8.6, 8.5].enumerated() {
            if stopper.judge(epoch: epoch, value: loss) == .stop { break }
        }
        #expect(stopper.stoppedEpoch == max(patience, 1) + 2)
        #expect(stopper.bestEpoch == 2)
    }

    /// Keras's baseline case: nothing beats 0.5, so the wait never restarts and training stops
    /// after `patience` epochs, keeping epoch 2 as the best.
    @Test func earlyStoppingBaseline() {
        var stopper = EarlyStopping(monitor: "val_loss", patience: 5, restoreBestWeights: true, baseline: 0.5)
        var trained = 0
        for (epoch, loss) in [0.9, 0.8, 0.7, 0.71, 0.72, 0.73].enumerated() {
            trained += 1
            if stopper.judge(epoch: epoch, value: loss) == .stop { break }
        }
        #expect(trained == 5)
        #expect(stopper.bestEpoch == 2)
    }

    /// The direction `.auto` takes, as in Keras's `test_early_stopping`.
    @Test func earlyStoppingAutoDirection() {
        #expect(!EarlyStopping(monitor: "val_mse").maximizes)
        #expect(!EarlyStopping(monitor: "loss").maximizes)
        #expect(EarlyStopping(monitor: "acc").maximizes)
        #expect(EarlyStopping(monitor: "val_accuracy").maximizes)
        #expect(!EarlyStopping(monitor: "hinge").maximizes)
        #expect(EarlyStopping(monitor: "f1_score").maximizes)
        #expect(EarlyStopping(monitor: "val_mse", mode: .max).maximizes)
    }

    /// min_delta counts as the improvement needed, strictly; warm-up epochs are not judged; the
    /// first judged value is always the best, even NaN (Keras compares with `None` first).
    @Test func earlyStoppingMinDeltaWarmUpAndNaN() {
        var stopper = EarlyStopping(monitor: "val_loss", minDelta: 0.5, patience: 1, startFromEpoch: 1)
        #expect(stopper.judge(epoch: 0, value: 100) == .warmingUp)
        #expect(stopper.judge(epoch: 1, value: 2) == .improved)
        #expect(stopper.judge(epoch: 2, value: 1.5) == .stop)  // exactly min_delta better: no improvement
        var nan = EarlyStopping(monitor: "val_loss", patience: 2)
        #expect(nan.judge(epoch: 0, value: .nan) == .improved)
        #expect(nan.judge(epoch: 1, value: 0.1) == .waiting)
        #expect(nan.judge(epoch: 2, value: 0.01) == .stop)
    }

    /// In a fit: training stops, and the weights of the best epoch come back at the end. The
    /// best epoch's weights are those a fit of exactly that many epochs ends with.
    @Test func earlyStoppingRestoresTheBestWeightsInFit() {
        var model = Self.model(learningRate: 0.5)
        // min_delta so large that only the first epoch counts as an improvement.
        let history = model.fit(Self.data, epochs: 10, batchSize: 8, shuffle: false, callbacks: [
            EarlyStopping(monitor: "loss", minDelta: 1000, patience: 3, restoreBestWeights: true),
        ])
        #expect(history.epochs == [0, 1, 2, 3])
        var reference = Self.model(learningRate: 0.5)
        reference.fit(Self.data, epochs: 1, batchSize: 8, shuffle: false)
        #expect(model.getWeights() == reference.getWeights())
    }

    // MARK: - LearningRateScheduler

    /// The example of Keras's docstring: keep 0.01 for ten epochs, then multiply by e^-0.1 each
    /// epoch; after 15 epochs the rate rounds to 0.00607.
    @Test func schedulerFollowsTheKerasExample() {
        var model = Self.model(learningRate: 0.01)
        let history = model.fit(Self.data, epochs: 15, batchSize: 20, callbacks: [
            LearningRateScheduler { epoch, rate in epoch < 10 ? rate : rate * exp(-0.1) },
        ])
        #expect(abs(history["learning_rate"].last! - 0.00607) < 5e-6)
        #expect(history["learning_rate"][0...9].allSatisfy { $0 == Self.f32(0.01) })
    }

    /// The one-argument form gets the 0-based epoch and sets the rate at the epoch's start.
    @Test func schedulerOfTheEpochAlone() {
        var model = Self.model()
        let history = model.fit(Self.data, epochs: 4, batchSize: 20, callbacks: [
            LearningRateScheduler { epoch in 1e-4 * pow(10, Double(epoch) / 20) },
        ])
        #expect(history["learning_rate"] == (0..<4).map { Self.f32(1e-4 * pow(10, Double($0) / 20)) })
    }
}
