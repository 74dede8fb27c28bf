/// Stops training when a monitored quantity stops improving, as Keras 3's `EarlyStopping`.
///
/// At each epoch end from `startFromEpoch` on, with `current` the monitored value:
/// ```
/// wait += 1
/// if best is unset or current improves on best {
///     best = current; bestEpoch = epoch; (keep the weights)
///     if baseline is nil or current improves on baseline { wait = 0 }
/// } else if wait ≥ patience and epoch > 0 { stop }
/// ```
/// "Improves" is `current − |minDelta| > reference` in max mode and `current + |minDelta| <
/// reference` in min mode, compared in single precision as Keras's backend compares. With
/// `.auto`, `loss`, `val_loss` and error metrics are minimised and accuracies maximised. The first
/// monitored epoch always improves, even on NaN (as in Keras); a NaN never improves after that.
/// With `restoreBestWeights`, the weights of the best epoch are put back when training ends,
/// whether or not it stopped early.
///
/// ```swift
/// model.fit(train, epochs: 200, validation: test,
///           callbacks: [EarlyStopping(monitor: "val_loss", patience: 10, restoreBestWeights: true)])
/// ```
public struct EarlyStopping: Callback {
    /// What an epoch's value did to the callback.
    public enum Verdict: Equatable, Sendable {
        /// The epoch is before `startFromEpoch`; nothing changed.
        case warmingUp
        /// A new best value.
        case improved
        /// No improvement; patience not yet used up.
        case waiting
        /// No improvement for `patience` epochs: training stops.
        case stop
    }

    /// The history key watched, e.g. `"val_loss"`.
    public let monitor: String
    /// The smallest change that counts as an improvement (its sign is ignored).
    public let minDelta: Double
    /// Epochs without improvement before stopping.
    public let patience: Int
    /// `.min`, `.max`, or `.auto` (from the monitored name).
    public let mode: MonitorMode
    /// Whether to put back the weights of the best epoch when training ends.
    public let restoreBestWeights: Bool
    /// Epochs to skip before monitoring starts (a warm-up).
    public let startFromEpoch: Int
    /// A value training must improve on, or nil.
    public let baseline: Double?

    /// The best value so far, nil before the first monitored epoch.
    public private(set) var best: Double?
    /// The epoch of `best` (0 before any).
    public private(set) var bestEpoch = 0
    /// The epoch training stopped at, nil while it has not stopped.
    public private(set) var stoppedEpoch: Int?
    /// Epochs counted since the last improvement.
    public private(set) var wait = 0
    private var bestWeights: [[Float]]?

    /// A callback with Keras's defaults.
    public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, mode: MonitorMode = .auto,
                restoreBestWeights: Bool = false, startFromEpoch: Int = 0, baseline: Double? = nil) {
        self.monitor = monitor
        self.minDelta = abs(minDelta)
        self.patience = patience
        self.mode = mode
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
        self.baseline = baseline
    }

    /// Whether higher values are better; `.auto` decides from the name as Keras does from the
    /// metric's direction, and stops the program for a name it cannot place.
    public var maximizes: Bool {
        mode.maximizes(monitor, callback: "EarlyStopping")
    }

    /// Forgets everything seen (Keras does this at train begin, so a callback can be reused).
    public mutating func reset() {
        best = nil
        bestEpoch = 0
        stoppedEpoch = nil
        wait = 0
        bestWeights = nil
    }

    /// Updates the state with epoch `epoch`'s monitored value and says what it did.
    public mutating func judge(epoch: Int, value current: Double) -> Verdict {
        guard epoch >= startFromEpoch else { return .warmingUp }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            // Only a value that also beats the baseline restarts the wait.
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return .improved
        }
        guard wait >= patience && epoch > 0 else { return .waiting }
        stoppedEpoch = epoch
        return .stop
    }

    private func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        improves(value, on: reference, minDelta: minDelta, maximizes: maximizes)
    }

    /// Starts from a clean state.
    public mutating func onTrainBegin(_ training: TrainingContext) {
        reset()
    }

    /// Judges the epoch; keeps the best weights; stops training when patience is used up.
    public mutating func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {
        _ = maximizes  // as Keras, an undecidable `.auto` is an error even before the value appears
        guard let current = logs[monitor] else {
            training.warn("EarlyStopping monitors \"\(monitor)\", which is not available; available are "
                          + logs.keys.sorted().joined(separator: ", ") + ".")
            return
        }
        switch judge(epoch: epoch, value: current) {
        case .improved where restoreBestWeights: bestWeights = training.weights
        case .stop: training.stopTraining = true
        default: break
        }
    }

    /// Puts back the best epoch's weights when asked to.
    public mutating func onTrainEnd(_ training: TrainingContext) {
        if restoreBestWeights, let bestWeights { training.weights = bestWeights }
    }
}
