/// Code that runs at fixed points of `fit`, as Keras's `Callback`: every hook does nothing
/// unless implemented. Epochs and batches count from 0.
///
/// Through the `TrainingContext` a callback reads and sets the learning rate, reads and sets
/// the weights, reads the history so far, and stops training.
///
/// ```swift
/// struct PrintLoss: Callback {
///     func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {
///         print(epoch, logs["loss"]!)
///     }
/// }
/// ```
public protocol Callback {
    /// Before the first epoch.
    mutating func onTrainBegin(_ training: TrainingContext)
    /// After the last epoch (also when training was stopped).
    mutating func onTrainEnd(_ training: TrainingContext)
    /// Before epoch `epoch`'s first batch.
    mutating func onEpochBegin(_ epoch: Int, _ training: TrainingContext)
    /// After epoch `epoch`, with its logs (training values, `val_` ones, `learning_rate`).
    mutating func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext)
    /// Before batch `batch` of the current epoch.
    mutating func onBatchBegin(_ batch: Int, _ training: TrainingContext)
    /// After batch `batch`'s update, with the epoch's running loss and metrics so far.
    mutating func onBatchEnd(_ batch: Int, logs: [String: Double], _ training: TrainingContext)
}

extension Callback {
    /// Does nothing.
    public mutating func onTrainBegin(_ training: TrainingContext) {}
    /// Does nothing.
    public mutating func onTrainEnd(_ training: TrainingContext) {}
    /// Does nothing.
    public mutating func onEpochBegin(_ epoch: Int, _ training: TrainingContext) {}
    /// Does nothing.
    public mutating func onEpochEnd(_ epoch: Int, logs: [String: Double], _ training: TrainingContext) {}
    /// Does nothing.
    public mutating func onBatchBegin(_ batch: Int, _ training: TrainingContext) {}
    /// Does nothing.
    public mutating func onBatchEnd(_ batch: Int, logs: [String: Double], _ training: TrainingContext) {}
}
