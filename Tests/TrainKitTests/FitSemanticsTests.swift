import Testing
@testable import TrainKit

/// Keras's bookkeeping in `fit`, checked against quantities computed independently of the loop.
struct FitSemanticsTests {
    static let data = makeBlobs(samples: 50, centers: 3, features: 2, spread: 1.5, seed: 11)

    static func model(seed: Int = 1) -> Sequential {
        var model = Sequential(seed: seed) {
            Dense(8, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: 0.05), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    @Test func historyKeysFollowKerasNamesAndOrder() {
        var model = Self.model()
        let history = model.fit(Self.data, epochs: 3, batchSize: 8, validation: Self.data)
        #expect(history.keys == ["loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"])
        #expect(history.epochs == [0, 1, 2])
        #expect(history["loss"].count == 3)
        #expect(history["learning_rate"] == [0.05, 0.05, 0.05])
    }

    /// The epoch loss is the batch-size-weighted mean of each batch's loss before its update:
    /// replaying the same batches one fit at a time gives those batch losses.
    @Test func epochLossIsWeightedMeanOfPreUpdateBatchLosses() {
        var whole = Self.model()
        let epoch = whole.fit(Self.data, epochs: 1, batchSize: 16, shuffle: false)
        var stepwise = Self.model()
        var weighted = 0.0
        for start in stride(from: 0, to: 50, by: 16) {
            let batch = rows(of: Self.data, start ..< min(start + 16, 50))
            let before = stepwise.evaluate(batch)["loss"]!
            stepwise.fit(batch, epochs: 1, batchSize: 16, shuffle: false)
            weighted += before * Double(batch.count)
        }
        #expect(abs(epoch["loss"][0] - weighted / 50) < 1e-6)
        #expect(whole.getWeights() == stepwise.getWeights())
    }

    /// Validation values use the end-of-epoch weights: they equal `evaluate` after the fit.
    @Test func validationUsesEndOfEpochWeights() {
        var model = Self.model()
        let held = rows(of: Self.data, 0..<20)
        let history = model.fit(Self.data, epochs: 2, batchSize: 8, validation: held)
        let scores = model.evaluate(held)
        #expect(abs(history["val_loss"][1] - scores["loss"]!) < 1e-9)
        #expect(abs(history["val_accuracy"][1] - scores["accuracy"]!) < 1e-9)
    }

    /// validationSplit holds out the LAST rows, before shuffling.
    @Test func validationSplitTakesLastRows() {
        var split = Self.model()
        let a = split.fit(Self.data, epochs: 2, batchSize: 8, validationSplit: 0.2)
        var explicit = Self.model()
        let b = explicit.fit(rows(of: Self.data, 0..<40), epochs: 2, batchSize: 8,
                             validation: rows(of: Self.data, 40..<50))
        #expect(a == b)
    }

    @Test func shuffleDrawsAFreshOrderEachEpochReproducibly() {
        var first = Self.model(), second = Self.model(), unshuffled = Self.model()
        let h1 = first.fit(Self.data, epochs: 3, batchSize: 8)
        let h2 = second.fit(Self.data, epochs: 3, batchSize: 8)
        let h3 = unshuffled.fit(Self.data, epochs: 3, batchSize: 8, shuffle: false)
        #expect(h1 == h2)
        #expect(first.getWeights() == second.getWeights())
        #expect(h1["loss"] != h3["loss"])
    }

    @Test func modelsAreValues() {
        var original = Self.model()
        original.build(inputWidth: 2)
        let before = original.getWeights()
        var copy = original
        copy.fit(Self.data, epochs: 2)
        #expect(original.getWeights() == before)
        #expect(copy.getWeights() != before)
    }

    @Test func frozenLayersKeepTheirWeightsAndNestedModelsKeepTheirs() {
        var base = Sequential(seed: 5) { Dense(8, activation: .relu) }
        base.build(inputWidth: 2)
        let baseWeights = base.getWeights()
        var model = Sequential(seed: 9) {
            base.frozen()
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy)
        model.build(inputWidth: 2)
        let start = model.getWeights()
        #expect(Array(start.prefix(2)) == baseWeights)
        model.fit(Self.data, epochs: 2, batchSize: 8)
        let end = model.getWeights()
        #expect(Array(end.prefix(2)) == baseWeights)
        #expect(end[2] != start[2])
    }

    @Test func weightsRoundTripInKerasOrder() {
        var model = Self.model()
        model.build(inputWidth: 2)
        let weights = model.getWeights()
        #expect(weights.map(\.count) == [2 * 8, 8, 8 * 3, 3])
        var other = Self.model(seed: 99)
        other.setWeights(weights)
        #expect(other.predict(Self.data.x) == model.predict(Self.data.x))
    }

    /// A per-step schedule is read before each step's update, from step 0, and logged at the
    /// step count reached at epoch end.
    @Test func scheduleIsReadAtTheStepCount() {
        var model = Self.model()
        let schedule = LearningRateSchedule { step in 0.1 / Double(step + 1) }
        model.compile(optimizer: SGD(learningRate: schedule), loss: .sparseCategoricalCrossentropy)
        let history = model.fit(Self.data, epochs: 2, batchSize: 25)
        #expect(history["learning_rate"] == [0.1 / 3, 0.1 / 5])
    }

    @Test func legacyDecayDividesByOnePlusDecayTimesSteps() {
        var model = Self.model()
        model.compile(optimizer: SGD(learningRate: 0.1, decay: 0.5), loss: .sparseCategoricalCrossentropy)
        let history = model.fit(Self.data, epochs: 1, batchSize: 10)
        #expect(abs(history["learning_rate"][0] - 0.1 / (1 + 0.5 * 5)) < 1e-15)
    }

    final class Recorder: Callback {
        var events: [String] = []
        var rates: [Double] = []
        func onTrainBegin(_ training: TrainingContext) { events.append("train") }
        func onEpochBegin(_ epoch: Int, _ training: TrainingContext) {
            events.append("epoch\(epoch)")
            training.learningRate = 0.01 * Double(epoch + 1)
        }
        func onBatchEnd(_ batch: Int, logs: [String: Double], _ training: TrainingContext) {
            events.append("b\(batch)")
        }
        func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {
            rates.append(logs["learning_rate"]!)
            events.append("end\(epoch)")
            if epoch == 1 { training.stopTraining = true }
        }
        func onTrainEnd(_ training: TrainingContext) { events.append("done") }
    }

    @Test func callbacksSeeEveryHookSetTheRateAndStopTraining() {
        var model = Self.model()
        let recorder = Recorder()
        let history = model.fit(Self.data, epochs: 5, batchSize: 25, callbacks: [recorder])
        #expect(recorder.events == ["train", "epoch0", "b0", "b1", "end0", "epoch1", "b0", "b1", "end1", "done"])
        #expect(recorder.rates == [0.01, 0.02])
        #expect(history["learning_rate"] == [0.01, 0.02])
        #expect(history.epochs == [0, 1])
    }

    final class EventSink: @unchecked Sendable {
        var events: [TrainingEvent] = []
    }

    /// A diverging run records NaN, warns once through the events hook, and keeps going
    /// unless TerminateOnNaN stops it.
    @Test func nonFiniteLossIsRecordedAndReported() {
        var model = Sequential(seed: 3) { Dense(1) }
        model.compile(optimizer: SGD(learningRate: 1e6), loss: .meanSquaredError)
        let x = Matrix((0..<20).map { [Float($0), 1] })
        let y = Matrix((0..<20).map { [Float($0) * 3] })
        let history = model.fit(Dataset(x: x, y: y), epochs: 4, batchSize: 5, shuffle: false)
        #expect(history["loss"].count == 4)
        #expect(!history["loss"].last!.isFinite)

        var stopped = Sequential(seed: 3) { Dense(1) }
        stopped.compile(optimizer: SGD(learningRate: 1e6), loss: .meanSquaredError)
        let short = stopped.fit(Dataset(x: x, y: y), epochs: 4, batchSize: 5, shuffle: false,
                                callbacks: [TerminateOnNaN()])
        #expect(short["loss"].count == 1)
    }
}
