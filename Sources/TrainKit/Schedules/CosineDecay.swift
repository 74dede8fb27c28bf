/// Keras 3's `CosineDecay`: an optional linear warm-up from `initialLearningRate` to `warmupTarget`
/// over `warmupSteps`, then a cosine from the peak down to `alpha` times the peak over `decaySteps`:
/// `peak · ((1 − alpha) · ½(1 + cos(π · min(s, decaySteps) / decaySteps)) + alpha)`, with `s` the
/// steps after the warm-up. Computed in float32 as Keras 3 does.
///
/// ```swift
/// let warm = CosineDecay(initialLearningRate: 0, decaySteps: 900, warmupTarget: 0.1, warmupSteps: 100)
/// SGD(learningRate: warm, momentum: 0.9)
/// ```
///
/// As in Keras, `warmupSteps` counts only with a `warmupTarget`: without one there is no warm-up.
///
/// Callable (`schedule(step)`) to plot or print its value; the history logs it as Keras 3 does
/// (see ``ExponentialDecay``).
public final class CosineDecay: LearningRateSchedule, @unchecked Sendable {
    /// The rate at step 0 (the start of the warm-up when there is one).
    public let initialLearningRate: Double
    /// The steps of the cosine, after any warm-up.
    public let decaySteps: Int
    /// The final rate as a fraction of the peak.
    public let alpha: Double
    /// The peak reached at the end of the warm-up, or nil for no warm-up.
    public let warmupTarget: Double?
    /// The steps of the linear warm-up.
    public let warmupSteps: Int

    /// Keras's `CosineDecay(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0)`.
    public init(initialLearningRate: Double, decaySteps: Int, alpha: Double = 0, warmupTarget: Double? = nil,
                warmupSteps: Int = 0) {
        requireKeras(decaySteps > 0, "CosineDecay", "`decaySteps` must be > 0, but got \(decaySteps).")
        requireKeras(warmupSteps >= 0, "CosineDecay", "`warmupSteps` must be >= 0, but got \(warmupSteps).")
        self.initialLearningRate = initialLearningRate
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.warmupTarget = warmupTarget
        self.warmupSteps = warmupSteps
        let formula = LearningRateSchedule.cosineDecay(initial: initialLearningRate, decaySteps: decaySteps,
                                                       alpha: alpha, warmupTarget: warmupTarget,
                                                       warmupSteps: warmupSteps)
        var extra = alpha == 0 ? [String]() : ["alpha: \(alpha)"]
        if let warmupTarget { extra += ["warmupTarget: \(warmupTarget)", "warmupSteps: \(warmupSteps)"] }
        super.init(name: kerasName("CosineDecay", initialLearningRate, ["decaySteps": decaySteps], extra),
                   formula.rate)
    }
}
