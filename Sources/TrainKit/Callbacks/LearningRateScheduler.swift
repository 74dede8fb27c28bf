/// Sets the learning rate at the start of every epoch from a function of the epoch, as Keras's
/// `LearningRateScheduler`.
///
/// The epoch counts from 0. The two-argument form also gets the rate in effect (after the previous
/// epoch, including any change another callback made). The new rate replaces any schedule the
/// optimizer had, and is kept in single precision as Keras keeps it in a float32 variable.
///
/// ```swift
/// // The per-epoch learning-rate range test of the tutorials: 1e-4 · 10^(epoch/20).
/// let history = model.fit(train, epochs: 100,
///                         callbacks: [LearningRateScheduler { epoch, _ in 1e-4 * pow(10, Double(epoch) / 20) }])
/// let finder = LearningRateFinder(history: history)
/// ```
public struct LearningRateScheduler: Callback {
    /// The rate for an epoch, given the epoch (from 0) and the current rate.
    public let schedule: (_ epoch: Int, _ learningRate: Double) -> Double

    /// A scheduler from a function of the epoch (from 0) and the current rate.
    public init(_ schedule: @escaping (_ epoch: Int, _ learningRate: Double) -> Double) {
        self.schedule = schedule
    }

    /// A scheduler from a function of the epoch (from 0) alone.
    public init(_ schedule: @escaping (_ epoch: Int) -> Double) {
        self.schedule = { epoch, _ in schedule(epoch) }
    }

    /// Sets the epoch's learning rate.
    public mutating func onEpochBegin(_ epoch: Int, _ training: TrainingContext) {
        let rate = schedule(epoch, float32Rate(training.learningRate))
        guard rate.isFinite else {
            TrainKitError.invalidArgument(
                "LearningRateScheduler: the schedule returned \(rate) for epoch \(epoch); "
                    + "it must return a finite learning rate.").fail()
        }
        training.learningRate = float32Rate(rate)
    }
}

/// `value` rounded to single precision, as the float32 learning-rate variable of a Keras
/// optimizer holds it: callbacks that read and set the rate see the values Keras sees.
func float32Rate(_ value: Double) -> Double {
    Double(Float(value))
}
