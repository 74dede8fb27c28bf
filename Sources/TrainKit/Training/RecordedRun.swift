import Foundation

/// A fit without callbacks, kept epoch by epoch so that a later fit of the same model, data and
/// settings whose callbacks only watch until they act (`ReduceLROnPlateau`, `EarlyStopping`) need
/// not train those epochs again.
///
/// Until such a callback first lowers the rate, sets the weights or stops, the fit trains exactly
/// as the same fit without it: every batch, weight and random draw is the same, bit for bit. So
/// the fit replays the recorded epochs (their logs go to the callbacks, the history and the
/// reports as if they had just been trained, with the recorded state in place for each) and
/// trains from the epoch after the callbacks first act. Notebook 04's four plateau runs share
/// their first 11 to 28 epochs with its momentum 0.9 run this way.
///
/// Only complete runs are kept, for the life of the process, up to `RecordedRuns.budget` bytes
/// (the oldest dropped first). This is not a cache across renders: nothing is stored on disk,
/// and the replayed epochs are the ones this program computed.
final class RecordedRun: @unchecked Sendable {
    /// What a fit holds after one epoch (all of it values: later training does not change them).
    struct EpochState {
        let weights: [[Float]]
        let optimizer: any Optimizer
        let steps: Int
        let shuffler: SeededGenerator
    }

    /// The key it is recorded under.
    let key: String
    let epochs: [EpochState]
    let history: History
    let warnings: [(epochsDone: Int, message: String)]
    /// The bytes of weights and optimizer state held, roughly.
    let bytes: Int

    init(key: String, epochs: [EpochState], history: History, warnings: [(epochsDone: Int, message: String)], bytes: Int) {
        self.key = key
        self.epochs = epochs
        self.history = history
        self.warnings = warnings
        self.bytes = bytes
    }

    /// Collects a run's epochs as it trains; gives up (and keeps nothing) past `RecordedRuns.largestRun`.
    final class Recorder {
        let key: String
        private var epochs: [EpochState] = []
        private var bytes = 0
        private var givenUp = false

        init(key: String) { self.key = key }

        /// Keeps the state `context` has after an epoch.
        func record(_ context: TrainingContext, shuffler: SeededGenerator) {
            guard !givenUp else { return }
            let weights = context.network.weights
            let size = 4 * (weights.reduce(0) { $0 + $1.count } + OptimizerSnapshot.stateFloats(context.optimizer))
            guard bytes + size <= RecordedRuns.largestRun else {
                givenUp = true
                epochs = []
                return
            }
            bytes += size
            epochs.append(EpochState(weights: weights, optimizer: context.optimizer, steps: context.steps, shuffler: shuffler))
        }

        /// Offers the finished run to later fits, when every epoch was recorded.
        func finish(_ context: TrainingContext, epochs total: Int) {
            guard !givenUp, epochs.count == total, total > 0 else { return }
            RecordedRuns.add(RecordedRun(key: key, epochs: epochs, history: context.history, warnings: context.warnings,
                                         bytes: bytes))
        }
    }
}

/// The recorded runs of this process, by the memo key of the fit (`Sequential.fitKey`).
enum RecordedRuns {
    /// At most this many bytes of recorded runs are kept (128 MiB).
    static let budget = 128 << 20
    /// A run larger than this is not recorded (32 MiB: 50 epochs of a 2-million-weight model with momentum would not fit).
    static let largestRun = 32 << 20
    /// Off when the `TRAINBOOK_REPLAY` environment variable is `0` (to measure what replaying saves).
    static let isEnabled = ProcessInfo.processInfo.environment["TRAINBOOK_REPLAY"] != "0"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var runs: [(key: String, run: RecordedRun)] = []
    nonisolated(unsafe) private static var replayed: [String: Int] = [:]

    /// How many epochs fits have replayed from the run recorded under `key` (tests).
    static func epochsReplayed(from key: String) -> Int {
        lock.withLock { replayed[key, default: 0] }
    }

    /// Counts `epochs` replayed from the run under `key`.
    static func noteReplayed(_ epochs: Int, from key: String) {
        lock.withLock { replayed[key, default: 0] += epochs }
    }

    /// The run recorded under `key`, if it is still kept.
    static func run(for key: String) -> RecordedRun? {
        lock.withLock {
            guard let index = runs.firstIndex(where: { $0.key == key }) else { return nil }
            // The newest at the end: the oldest are dropped first.
            let entry = runs.remove(at: index)
            runs.append(entry)
            return entry.run
        }
    }

    static func add(_ run: RecordedRun) {
        lock.withLock {
            runs.removeAll { $0.key == run.key }
            runs.append((run.key, run))
            var total = runs.reduce(0) { $0 + $1.run.bytes }
            while total > budget, let oldest = runs.first {
                total -= oldest.run.bytes
                runs.removeFirst()
            }
        }
    }

}

extension TrainingContext {
    /// Replays `twin`'s epochs as this fit's own until a callback acts (sets the rate or the
    /// weights, or stops training) at the end of one; returns the epoch to train from next.
    /// The state after each epoch is `twin`'s, so a callback acts on exactly what it would have
    /// seen had the epochs been trained.
    func replay(_ twin: RecordedRun, callbacks: inout [any Callback], shuffler: inout SeededGenerator) -> Int {
        let next = replayedEpochs(of: twin, callbacks: &callbacks, shuffler: &shuffler)
        RecordedRuns.noteReplayed(next, from: twin.key)
        return next
    }

    private func replayedEpochs(of twin: RecordedRun, callbacks: inout [any Callback], shuffler: inout SeededGenerator) -> Int {
        for (epoch, state) in twin.epochs.enumerated() {
            self.epoch = epoch
            for index in callbacks.indices { callbacks[index].onEpochBegin(epoch, self) }
            network.load(state.weights)
            optimizer = state.optimizer
            steps = state.steps
            shuffler = state.shuffler
            for warning in twin.warnings where warning.epochsDone == epoch { warn(warning.message) }
            let logs = twin.history.keys.map { (key: $0, value: twin.history[$0][epoch]) }
            let before = interventions
            endEpoch(epoch, logs: logs, callbacks: &callbacks)
            if interventions != before || stopTraining { return epoch + 1 }
        }
        return twin.epochs.count
    }
}

extension Sequential {
    /// Whether a fit with `callbacks` trains as the same fit without them until one of them acts
    /// at an epoch's end: they use no batch hooks and change the training only through the rate,
    /// the weights or the stop switch.
    static func watchesUntilActing(_ callbacks: [any Callback]) -> Bool {
        !callbacks.isEmpty && callbacks.allSatisfy { $0 is ReduceLROnPlateau || $0 is EarlyStopping }
    }
}
