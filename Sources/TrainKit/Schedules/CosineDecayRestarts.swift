/// Keras's `CosineDecayRestarts` (SGDR, Loshchilov & Hutter): a cosine from the rate down to `alpha`
/// times it over `firstDecaySteps`, then warm restarts, each period `tMul` times longer than the last
/// and starting at `mMul` times the previous peak. Computed in float32 as Keras 3 does.
///
/// ```swift
/// SGD(learningRate: CosineDecayRestarts(initialLearningRate: 0.1, firstDecaySteps: 100))
/// ```
///
/// Callable (`schedule(step)`) to plot or print its value; the history logs it as Keras 3 does
/// (see ``ExponentialDecay``).
public final class CosineDecayRestarts: LearningRateSchedule, @unchecked Sendable {
    /// The rate at step 0.
    public let initialLearningRate: Double
    /// The steps of the first period.
    public let firstDecaySteps: Int
    /// How much longer each period is than the one before (Keras's default 2).
    public let tMul: Double
    /// The peak of each period as a fraction of the one before (Keras's default 1).
    public let mMul: Double
    /// The lowest rate of a period as a fraction of its peak.
    public let alpha: Double

    /// Keras's `CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0)`.
    public init(initialLearningRate: Double, firstDecaySteps: Int, tMul: Double = 2, mMul: Double = 1,
                alpha: Double = 0) {
        requireKeras(firstDecaySteps > 0, "CosineDecayRestarts",
                     "`firstDecaySteps` must be > 0, but got \(firstDecaySteps).")
        self.initialLearningRate = initialLearningRate
        self.firstDecaySteps = firstDecaySteps
        self.tMul = tMul
        self.mMul = mMul
        self.alpha = alpha
        let formula = LearningRateSchedule.cosineDecayRestarts(initial: initialLearningRate,
                                                               firstDecaySteps: firstDecaySteps, tMul: tMul,
                                                               mMul: mMul, alpha: alpha)
        super.init(name: kerasName("CosineDecayRestarts", initialLearningRate, ["firstDecaySteps": firstDecaySteps],
                   ["tMul: \(tMul)", "mMul: \(mMul)"] + (alpha == 0 ? [] : ["alpha: \(alpha)"])), formula.rate)
    }
}
