import Testing
@testable import TrainKit

/// A fit whose callbacks only watch until they act replays the epochs of the same fit recorded
/// without them (`RecordedRun`). The oracle is the same fit trained from its first epoch, run
/// before any twin exists: the history and the trained weights must be the same bit for bit.
/// Each test uses data of its own, so no other test's fit is its twin.
struct RecordedRunTests {
    /// Overlapping blobs, so the validation loss stalls after some epochs.
    static func data(seed: UInt64) -> (train: Dataset, validation: Dataset) {
        let all = makeBlobs(samples: 240, centers: 3, features: 6, spread: 3.0, seed: seed)
        return (rows(of: all, 0..<180), rows(of: all, 180..<240))
    }

    static let epochs = 30

    static func model() -> Sequential {
        var model = Sequential(seed: 4) {
            Dense(16, activation: .relu)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: SGD(learningRate: 0.05, momentum: 0.9), loss: .sparseCategoricalCrossentropy,
                      metrics: [.accuracy])
        return model
    }

    struct Outcome: Equatable {
        let history: History
        let weights: [[Float]]
    }

    static func fit(_ data: (train: Dataset, validation: Dataset), callbacks: [any Callback]) -> Outcome {
        var model = model()
        let history = model.fit(data.train, epochs: epochs, batchSize: 16, validation: data.validation, callbacks: callbacks)
        return Outcome(history: history, weights: model.getWeights())
    }

    /// The key the run without callbacks is recorded under.
    static func twinKey(_ data: (train: Dataset, validation: Dataset)) -> String {
        var model = model()
        model.build(inputWidth: data.train.x.cols)
        return model.fitKey(for: .init(data: data.train, validation: data.validation, validationSplit: 0,
                                       trainCount: data.train.count, epochs: epochs, batchSize: 16, shuffle: true,
                                       callbacks: []))!
    }

    @Test func plateauRunReplaysItsTwinUntilTheFirstCut() {
        let data = Self.data(seed: 21)
        let plateau = { [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2, minDelta: 1e-7)] as [any Callback] }
        let trained = Self.fit(data, callbacks: plateau())
        let rates = trained.history["learning_rate"]
        let firstCut = try! #require(rates.firstIndex { $0 < rates[0] })
        #expect(firstCut > 1 && firstCut < Self.epochs - 1, "the test needs a cut inside the run")

        _ = Self.fit(data, callbacks: [])
        let key = Self.twinKey(data)
        let before = RecordedRuns.epochsReplayed(from: key)
        let replayed = Self.fit(data, callbacks: plateau())
        // The epochs up to the one whose end made the first cut, which then trained on.
        #expect(RecordedRuns.epochsReplayed(from: key) - before == firstCut)
        #expect(replayed == trained)
    }

    @Test func earlyStoppingReplaysUpToItsStopAndRestoresTheBestWeights() {
        let data = Self.data(seed: 22)
        let stopping = { [EarlyStopping(monitor: "val_loss", minDelta: 1e-3, patience: 3, restoreBestWeights: true)] as [any Callback] }
        let trained = Self.fit(data, callbacks: stopping())
        #expect(trained.history.epochs.count < Self.epochs, "the test needs a stop inside the run")

        _ = Self.fit(data, callbacks: [])
        let key = Self.twinKey(data)
        let before = RecordedRuns.epochsReplayed(from: key)
        let replayed = Self.fit(data, callbacks: stopping())
        // Nothing left to train: every epoch up to the stop is the twin's.
        #expect(RecordedRuns.epochsReplayed(from: key) - before == trained.history.epochs.count)
        #expect(replayed == trained)
    }

    @Test func callbackThatNeverActsReplaysTheWholeRun() {
        let data = Self.data(seed: 23)
        let patient = { [ReduceLROnPlateau(monitor: "val_loss", patience: 1000)] as [any Callback] }
        let trained = Self.fit(data, callbacks: patient())
        let twin = Self.fit(data, callbacks: [])
        let key = Self.twinKey(data)
        let before = RecordedRuns.epochsReplayed(from: key)
        let replayed = Self.fit(data, callbacks: patient())
        #expect(RecordedRuns.epochsReplayed(from: key) - before == Self.epochs)
        #expect(replayed == trained)
        #expect(replayed.weights == twin.weights)
    }

    /// Two plateau runs that replayed different numbers of epochs, in one sweep group: the later one
    /// joins the earlier at its first epoch (their shuffle streams agree there) and they train on in step.
    @Test func plateauRunsThatReplayedDifferentEpochsJoinInStep() {
        let data = Self.data(seed: 26)
        let plateau = { (patience: Int) in
            [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: patience, minDelta: 1e-7)] as [any Callback]
        }
        let alone = [2, 4].map { Self.fit(data, callbacks: plateau($0)) }
        let firstCuts = alone.map { outcome in
            outcome.history["learning_rate"].firstIndex { $0 < outcome.history["learning_rate"][0] }
        }
        #expect(firstCuts[0] != nil && firstCuts[1] != nil && firstCuts[0] != firstCuts[1],
                "the test needs two runs that cut at different epochs")
        _ = Self.fit(data, callbacks: [])
        let before = TrainingRunCounts.runsInStep
        #expect(sweep([2, 4], workers: 1) { Self.fit(data, callbacks: plateau($0)) } == alone)
        #expect(TrainingRunCounts.runsInStep - before >= 2)
    }

    @Test func twinOnOtherDataIsNotReplayed() {
        let data = Self.data(seed: 24)
        var changed = data
        var values = changed.train.x.data
        values[7] = values[7].nextUp
        changed.train = Dataset(x: Matrix(rows: data.train.x.rows, cols: data.train.x.cols, data: values), y: data.train.y)
        _ = Self.fit(changed, callbacks: [])
        let plateau = [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2)] as [any Callback]
        _ = Self.fit(data, callbacks: plateau)
        #expect(RecordedRuns.epochsReplayed(from: Self.twinKey(data)) == 0)
        #expect(RecordedRuns.epochsReplayed(from: Self.twinKey(changed)) == 0)
    }

    @Test func runWithDropoutTrainsInFull() {
        let data = Self.data(seed: 25)
        func fit(callbacks: [any Callback]) -> History {
            var model = Sequential(seed: 4) {
                Dense(16, activation: .relu)
                Dropout(0.2)
                Dense(3, activation: .softmax)
            }
            model.compile(optimizer: SGD(learningRate: 0.05, momentum: 0.9), loss: .sparseCategoricalCrossentropy)
            return model.fit(data.train, epochs: Self.epochs, batchSize: 16, validation: data.validation,
                             callbacks: callbacks)
        }
        let plateau = { [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2, minDelta: 1e-7)] as [any Callback] }
        let trained = fit(callbacks: plateau())
        let rates = trained["learning_rate"]
        #expect(rates.contains { $0 < rates[0] }, "the test needs a cut inside the run")
        _ = fit(callbacks: [])
        // A replay would leave the dropout masks' stream where the first epoch left it.
        #expect(fit(callbacks: plateau()) == trained)
    }
}
