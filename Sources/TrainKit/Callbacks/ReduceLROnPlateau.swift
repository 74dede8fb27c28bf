/// Lowers the learning rate when a monitored quantity stops improving, as Keras 3's
/// `ReduceLROnPlateau`.
///
/// At each epoch end, with `current` the monitored value:
/// ```
/// if cooldown left > 0 { cooldown left −= 1; wait = 0 }
/// if best is unset or current improves on best { best = current; wait = 0 }
/// else if cooldown left == 0 {
///     wait += 1
///     if wait ≥ patience and η > minLR { η = max(η · factor, minLR); cooldown left = cooldown; wait = 0 }
/// }
/// ```
/// "Improves" is `current + minDelta < best` in min mode and `current − minDelta > best` in max mode,
/// compared in single precision as Keras's backend compares, so a change of exactly `minDelta` is
/// not an improvement. `.auto` maximises accuracies and scores (names containing "acc", …) and
/// minimises losses and errors. The first monitored value always becomes the best, even NaN (as in
/// Keras); after that a NaN never improves and counts as a bad epoch. The rate is kept in single
/// precision, as Keras's float32 variable keeps it, so reductions land on Keras's values. The
/// history's `learning_rate` of an epoch is the rate before that epoch's reduction.
///
/// TrainBook follows Keras. PyTorch's `torch.optim.lr_scheduler.ReduceLROnPlateau` differs: it
/// reduces only when the bad epochs *exceed* `patience` (after patience + 1 of them), and its
/// default threshold is relative (`threshold_mode="rel"`: improved ⇔ current < best · (1 − 1e-4)).
///
/// ```swift
/// model.fit(train, epochs: 50, validation: test,
///           callbacks: [ReduceLROnPlateau(monitor: "val_loss", factor: 0.1, patience: 5)])
/// ```
public struct ReduceLROnPlateau: Callback {
    /// The history key watched, e.g. `"val_loss"`.
    public let monitor: String
    /// The multiplier of a reduction, below 1.
    public let factor: Double
    /// Bad epochs to wait before reducing.
    public let patience: Int
    /// `.min`, `.max`, or `.auto` (from the monitored name).
    public let mode: MonitorMode
    /// The change that counts as an improvement (its sign is ignored).
    public let minDelta: Double
    /// Epochs after a reduction during which bad epochs are not counted.
    public let cooldown: Int
    /// The lowest rate a reduction goes to.
    public let minLR: Double

    /// The best value so far, nil before the first monitored epoch.
    public private(set) var best: Double?
    /// Bad epochs counted since the last improvement or reduction.
    public private(set) var wait = 0
    /// Cooldown epochs left.
    public private(set) var cooldownCounter = 0

    /// A callback with Keras's defaults.
    public init(monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, mode: MonitorMode = .auto,
                minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Double = 0) {
        guard factor < 1 else {
            TrainKitError.invalidArgument(
                "ReduceLROnPlateau does not support a factor >= 1.0, but got factor \(factor). "
                    + "Use a factor below 1, e.g. 0.1 or 0.5.").fail()
        }
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.mode = mode
        self.minDelta = abs(minDelta)
        self.cooldown = cooldown
        self.minLR = minLR
    }

    /// Whether higher values are better; `.auto` decides from the name as Keras does from the
    /// metric's direction, and stops the program for a name it cannot place.
    public var maximizes: Bool {
        mode.maximizes(monitor, callback: "ReduceLROnPlateau")
    }

    /// Updates the state with one epoch's monitored value `current`, given the rate in effect, and
    /// returns the reduced rate when this epoch triggers a reduction, else nil.
    public mutating func reducedLearningRate(after current: Double, learningRate: Double) -> Double? {
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        if improves(current, on: best, minDelta: minDelta, maximizes: maximizes) {
            best = current
            wait = 0
            return nil
        }
        guard cooldownCounter == 0 else { return nil }
        wait += 1
        let old = float32Rate(learningRate)
        guard wait >= patience, Float(old) > Float(minLR) else { return nil }
        cooldownCounter = cooldown
        wait = 0
        return float32Rate(max(old * factor, minLR))
    }

    /// Clears the bad-epoch count and the cooldown (Keras keeps the best value across fits).
    public mutating func onTrainBegin(_ training: TrainingContext) {
        wait = 0
        cooldownCounter = 0
    }

    /// Reduces the rate when the monitored value has not improved for `patience` epochs.
    public mutating func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {
        _ = maximizes  // as Keras, an undecidable `.auto` is an error even before the value appears
        guard let current = logs[monitor] else {
            training.warn("ReduceLROnPlateau monitors \"\(monitor)\", which is not available; available are "
                          + logs.keys.sorted().joined(separator: ", ") + ".")
            return
        }
        if let reduced = reducedLearningRate(after: current, learningRate: training.learningRate) {
            training.learningRate = reduced
        }
    }
}
