#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Keras computes its schedules in the dtype of `initial_learning_rate`, which is float32 by
// default. These schedules do the same arithmetic in `Float`, in Keras's order of operations, and
// return the float32 result widened to `Double`: the rates then equal the ones a Keras optimizer
// actually uses, not an idealised double-precision curve. Keras's classes (`ExponentialDecay(…)` and
// the rest, one file each) are built on these formulas.
extension LearningRateSchedule {
    /// Keras `ExponentialDecay`: `initial · rate^(step / decaySteps)`, with `⌊step / decaySteps⌋`
    /// when `staircase` is true.
    ///
    /// ```swift
    /// SGD(learningRate: .exponentialDecay(initial: 0.1, decaySteps: 100, rate: 0.96))
    /// ```
    public static func exponentialDecay(initial: Double, decaySteps: Int, rate: Double,
                                        staircase: Bool = false) -> LearningRateSchedule {
        require(decaySteps > 0, "decaySteps must be > 0, but got \(decaySteps).")
        let lr0 = Float(initial), steps = Float(decaySteps), base = Float(rate)
        let name = "exponentialDecay(\(initial), decaySteps: \(decaySteps), rate: \(rate)"
            + (staircase ? ", staircase)" : ")")
        return LearningRateSchedule(name: name) { step in
            var p = Float(step) / steps
            if staircase { p = floorf(p) }
            return Double(lr0 * powf(base, p))
        }
    }

    /// Keras `InverseTimeDecay`: `initial / (1 + rate · step / decaySteps)`, with
    /// `⌊step / decaySteps⌋` when `staircase` is true.
    public static func inverseTimeDecay(initial: Double, decaySteps: Int, rate: Double,
                                        staircase: Bool = false) -> LearningRateSchedule {
        require(decaySteps > 0, "decaySteps must be > 0, but got \(decaySteps).")
        let lr0 = Float(initial), steps = Float(decaySteps), r = Float(rate)
        let name = "inverseTimeDecay(\(initial), decaySteps: \(decaySteps), rate: \(rate)"
            + (staircase ? ", staircase)" : ")")
        return LearningRateSchedule(name: name) { step in
            var p = Float(step) / steps
            if staircase { p = floorf(p) }
            return Double(lr0 / (1 + r * p))
        }
    }

    /// Keras `PiecewiseConstantDecay`: `values[0]` while `step <= boundaries[0]`, `values[i]` while
    /// `boundaries[i-1] < step <= boundaries[i]`, and the last value after the last boundary.
    public static func piecewiseConstantDecay(boundaries: [Int], values: [Double]) -> LearningRateSchedule {
        require(boundaries.count == values.count - 1,
                "piecewiseConstantDecay needs one value more than boundaries, but got "
                + "\(boundaries.count) boundaries and \(values.count) values.")
        require(zip(boundaries, boundaries.dropFirst()).allSatisfy { $0 < $1 },
                "boundaries must increase strictly, but got \(boundaries).")
        let rates = values.map { Double(Float($0)) }
        return LearningRateSchedule(name: "piecewiseConstantDecay(\(boundaries), \(values))") { step in
            let index = boundaries.firstIndex { step <= $0 } ?? boundaries.count
            return rates[index]
        }
    }

    /// Keras `PolynomialDecay`: `(initial − end)(1 − min(step, decaySteps)/decaySteps)^power + end`.
    /// With `cycle`, the decay restarts at every multiple of `decaySteps` (the first multiple above
    /// the step stretches the curve, as Keras does).
    public static func polynomialDecay(initial: Double, decaySteps: Int, endLearningRate: Double = 0.0001,
                                       power: Double = 1, cycle: Bool = false) -> LearningRateSchedule {
        require(decaySteps > 0, "decaySteps must be > 0, but got \(decaySteps).")
        let lr0 = Float(initial), end = Float(endLearningRate), exponent = Float(power)
        let name = "polynomialDecay(\(initial), decaySteps: \(decaySteps), end: \(endLearningRate), "
            + "power: \(power)" + (cycle ? ", cycle)" : ")")
        return LearningRateSchedule(name: name) { step in
            var s = Float(step)
            var steps = Float(decaySteps)
            if cycle {
                let multiplier: Float = s == 0 ? 1 : ceilf(s / Float(decaySteps))
                steps *= multiplier
            } else {
                s = min(s, steps)
            }
            let p = s / steps
            return Double((lr0 - end) * powf(1 - p, exponent) + end)
        }
    }

    /// Keras 3 `CosineDecay`: an optional linear warmup from `initial` to `warmupTarget` over
    /// `warmupSteps`, then `from · ((1 − alpha) · ½(1 + cos(π · min(s, decaySteps)/decaySteps)) + alpha)`
    /// where `from` is `warmupTarget` (or `initial` without warmup) and `s` counts the steps after
    /// the warmup.
    public static func cosineDecay(initial: Double, decaySteps: Int, alpha: Double = 0,
                                   warmupTarget: Double? = nil, warmupSteps: Int = 0) -> LearningRateSchedule {
        require(decaySteps > 0, "decaySteps must be > 0, but got \(decaySteps).")
        let lr0 = Float(initial), steps = Float(decaySteps)
        @Sendable func decayed(_ s: Float, from: Float) -> Float {
            let cosine: Float = 0.5 * (1 + cosf(Float.pi * (s / steps)))
            return from * (Float(1 - alpha) * cosine + Float(alpha))
        }
        var name = "cosineDecay(\(initial), decaySteps: \(decaySteps), alpha: \(alpha)"
        guard let target = warmupTarget else {
            return LearningRateSchedule(name: name + ")") { step in
                Double(decayed(min(Float(step), steps), from: lr0))
            }
        }
        name += ", warmupTarget: \(target), warmupSteps: \(warmupSteps))"
        let top = Float(target), warm = Float(warmupSteps)
        return LearningRateSchedule(name: name) { step in
            let s = min(Float(step), steps + warm)
            if s < warm {
                return Double((top - lr0) * (s / warm) + lr0)
            }
            return Double(decayed(s - warm, from: top))
        }
    }

    /// Keras `CosineDecayRestarts` (SGDR): cosine decay from 1 to `alpha` over `firstDecaySteps`,
    /// then warm restarts, each period `tMul` times longer and starting at `mMul` times the
    /// previous peak.
    public static func cosineDecayRestarts(initial: Double, firstDecaySteps: Int, tMul: Double = 2,
                                           mMul: Double = 1, alpha: Double = 0) -> LearningRateSchedule {
        require(firstDecaySteps > 0, "firstDecaySteps must be > 0, but got \(firstDecaySteps).")
        let lr0 = Float(initial), first = Float(firstDecaySteps)
        let a = Float(alpha), t = Float(tMul), m = Float(mMul)
        let name = "cosineDecayRestarts(\(initial), firstDecaySteps: \(firstDecaySteps), tMul: \(tMul), "
            + "mMul: \(mMul), alpha: \(alpha))"
        return LearningRateSchedule(name: name) { step in
            var fraction = Float(step) / first
            let restart: Float
            if t == 1 {
                restart = floorf(fraction)
                fraction -= restart
            } else {
                restart = floorf(logf(1 - fraction * (1 - t)) / logf(t))
                let sumR = (1 - powf(t, restart)) / (1 - t)
                fraction = (fraction - sumR) / powf(t, restart)
            }
            let peak = powf(m, restart)
            let cosine = 0.5 * peak * (1 + cosf(Float.pi * fraction))
            return Double(lr0 * ((1 - a) * cosine + a))
        }
    }
}
