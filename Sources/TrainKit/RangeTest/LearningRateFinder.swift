/// The result of a learning-rate range test: the loss at each learning rate tried, and fastai's
/// suggestions from it.
///
/// Made by ``Sequential/findLearningRate(on:start:end:steps:batchSize:stopFactor:beta:)`` (one rate
/// per batch, smoothed losses, as fastai's `lr_find`), or from the history of a fit whose rate grew
/// every epoch (the Keras tutorials' form) with ``init(history:)``.
///
/// ```swift
/// let finder = model.findLearningRate(on: train, start: 1e-7, end: 10, steps: 100)
/// finder.suggestion(.valley); finder.suggestion(.steep); finder.suggestion(.minimum)
/// ```
public struct LearningRateFinder: Sendable, Equatable {
    /// The rate of each recorded point, increasing.
    public let learningRates: [Double]
    /// The loss of each point: smoothed for a range test (what fastai records and plots), the
    /// epoch's loss for a history.
    public let losses: [Double]
    /// The unsmoothed loss of each point (for a range test, each batch's loss before its update).
    public let rawLosses: [Double]
    /// The number of points asked for (fastai's `num_it`): the first tenth of them is left out
    /// of the suggestions.
    public let plannedSteps: Int

    /// A result from recorded points.
    public init(learningRates: [Double], losses: [Double], rawLosses: [Double]? = nil, plannedSteps: Int? = nil) {
        require(learningRates.count == losses.count,
                "a finder needs one loss per rate, but got \(learningRates.count) rates and \(losses.count) losses.")
        require(rawLosses == nil || rawLosses!.count == losses.count,
                "rawLosses must have one value per rate, but got \(rawLosses!.count) for \(losses.count).")
        self.learningRates = learningRates
        self.losses = losses
        self.rawLosses = rawLosses ?? losses
        self.plannedSteps = plannedSteps ?? learningRates.count
    }

    /// The per-epoch range test of the Keras tutorials, from the history of a fit with a
    /// `LearningRateScheduler` that raises the rate every epoch: `learning_rate` against `loss`.
    ///
    /// ```swift
    /// let history = model.fit(train, epochs: 100,
    ///     callbacks: [LearningRateScheduler { epoch, _ in 1e-4 * pow(10, Double(epoch) / 20) }])
    /// let finder = LearningRateFinder(history: history)
    /// ```
    public init(history: History) {
        self.init(learningRates: history["learning_rate"], losses: history["loss"])
    }

    /// The part of the curve fastai's `lr_find` suggests from: points `plannedSteps / 10` up to
    /// the last 5 (left out), cut before the first NaN loss.
    public var suggestionCurve: (learningRates: [Double], losses: [Double]) {
        let start = plannedSteps / 10, end = losses.count - 5
        guard start < end else { return ([], []) }
        var cut = end
        if let nan = losses[start..<end].firstIndex(where: \.isNaN) { cut = nan }
        return (Array(learningRates[start..<cut]), Array(losses[start..<cut]))
    }

    /// fastai's suggested learning rate by `method`, computed on ``suggestionCurve``. When the
    /// curve is too short for the method (the test stopped after a few points), warns and
    /// returns NaN.
    public func suggestion(_ method: SuggestionMethod = .valley) -> Double {
        let curve = suggestionCurve
        guard curve.losses.count >= method.minimumPoints else {
            TrainingEvents.emit(.warning(
                "the \(method.rawValue) suggestion needs \(method.minimumPoints) points after leaving out the first "
                    + "\(plannedSteps / 10), the last 5 and any from the first NaN loss, but the curve of "
                    + "\(losses.count) points leaves \(curve.losses.count). Run more steps, or start from a lower rate."))
            return .nan
        }
        return method.suggest(learningRates: curve.learningRates, losses: curve.losses)
    }
}
