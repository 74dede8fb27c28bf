/// Stops training as soon as a batch's loss is NaN or infinite, as Keras's `TerminateOnNaN`.
public struct TerminateOnNaN: Callback {
    /// A callback that stops training on the first non-finite batch loss.
    public init() {}

    /// Stops training and warns when the running loss is not finite.
    public mutating func onBatchEnd(_ batch: Int, logs: [String: Double], _ training: TrainingContext) {
        if let loss = logs["loss"], !loss.isFinite {
            training.warn("Batch \(batch): Invalid loss, terminating training")
            training.stopTraining = true
        }
    }
}
