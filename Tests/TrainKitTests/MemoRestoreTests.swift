import Foundation
import Testing
@testable import TrainKit

/// A memo hit leaves a model exactly as the run it replaces: the same history, weights, moving
/// statistics, optimizer state, random streams and learning rate, bit for bit, so that further
/// training matches too. Each "second process" is a fresh store object on the same folder.
struct MemoRestoreTests {
    static let data = makeBlobs(samples: 96, centers: 3, features: 4, spread: 1.5, seed: 11)
    static let validation = makeBlobs(samples: 30, centers: 3, features: 4, spread: 1.5, seed: 12)

    static func model(optimizer: any Optimizer) -> Sequential {
        var model = Sequential(seed: 5) {
            Dense(10, activation: .relu)
            BatchNormalization(momentum: 0.9)
            Dropout(0.3)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: optimizer, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// A fit whose plateau callback lowers the rate, so the restored rate is not the compiled one.
    static func train(_ model: inout Sequential, store: MemoStore?) -> History {
        TrainingMemo.$scopedStore.withValue(store) {
            model.fit(data, epochs: 6, batchSize: 16, validation: validation,
                      callbacks: [ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1, minDelta: 10)])
        }
    }

    static let optimizers: [any Optimizer] = [
        Adam(learningRate: 0.01), Nadam(learningRate: 0.01), SGD(learningRate: 0.05, momentum: 0.9, nesterov: true),
        RMSprop(learningRate: 0.01, momentum: 0.5, centered: true), Adagrad(learningRate: 0.05), Adamax(learningRate: 0.01),
    ]

    @Test(arguments: 0..<optimizers.count)
    func aHitRestoresEverythingBitExactly(optimizer index: Int) {
        let folder = makeMemoFolder()
        var ran = Self.model(optimizer: Self.optimizers[index])
        let first = MemoStore(folder: folder)
        let ranHistory = Self.train(&ran, store: first)
        #expect(first.hits == 0)
        #expect(memoFiles(in: folder).count == 1)

        var restored = Self.model(optimizer: Self.optimizers[index])
        let second = MemoStore(folder: folder)
        let restoredHistory = Self.train(&restored, store: second)
        #expect(second.hits == 1)
        #expect(restoredHistory == ranHistory)
        #expect(restoredHistory["learning_rate"].last! < restoredHistory["learning_rate"].first!)
        #expect(ModelState(restored) == ModelState(ran))

        // Training on, without memo, goes the same way from both.
        let further = ran.fit(Self.data, epochs: 2, batchSize: 16, validation: Self.validation)
        let furtherRestored = restored.fit(Self.data, epochs: 2, batchSize: 16, validation: Self.validation)
        #expect(furtherRestored == further)
        #expect(ModelState(restored) == ModelState(ran))
        #expect(restored.predict(Self.validation.x) == ran.predict(Self.validation.x))
    }

    @Test func aVerboseHitPrintsNothingNewButReturnsTheSameHistory() {
        let folder = makeMemoFolder()
        var a = Self.model(optimizer: SGD(learningRate: 0.1))
        var b = Self.model(optimizer: SGD(learningRate: 0.1))
        let store = MemoStore(folder: folder)
        let ran = TrainingMemo.$scopedStore.withValue(store) { a.fit(Self.data, epochs: 3, batchSize: 32) }
        // Verbosity changes only what is printed, so it is not part of the key.
        let hit = TrainingMemo.$scopedStore.withValue(store) { b.fit(Self.data, epochs: 3, batchSize: 32, verbose: .epochs) }
        #expect(store.hits == 1)
        #expect(hit == ran)
    }
}

/// A hit reports the warnings the run reported, in the same order.
@Suite(.serialized) struct MemoWarningReplayTests {
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        func add(_ message: String) { lock.withLock { messages.append(message) } }
        func take(containing marker: String) -> [String] {
            lock.withLock {
                defer { messages.removeAll() }
                return messages.filter { $0.contains(marker) }
            }
        }
    }

    @Test func aHitRepeatsTheRunsWarnings() {
        let collected = Collected()
        TrainingEvents.observer = { event in if case .warning(let message) = event { collected.add(message) } }
        defer { TrainingEvents.observer = nil }
        let folder = makeMemoFolder()
        let marker = "memo-replay-\(UUID().uuidString)"
        func train() -> History {
            var model = Sequential(seed: 9) { Dense(3, activation: .softmax) }
            model.compile(optimizer: SGD(learningRate: 0.1), loss: .sparseCategoricalCrossentropy)
            return TrainingMemo.$scopedStore.withValue(MemoStore(folder: folder)) {
                model.fit(MemoRestoreTests.data, epochs: 3, batchSize: 32,
                          callbacks: [EarlyStopping(monitor: marker, patience: 5, mode: .min)])
            }
        }
        let ran = train()
        let ranWarnings = collected.take(containing: marker)
        #expect(ranWarnings.count == 3)
        let hit = train()
        #expect(hit == ran)
        #expect(collected.take(containing: marker) == ranWarnings)
    }
}
