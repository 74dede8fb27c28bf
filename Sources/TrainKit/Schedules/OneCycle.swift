#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PyTorch's `OneCycleLR` policy: a learning-rate schedule and the matching momentum schedule,
/// which moves opposite to the rate (from `maxMomentum` down to `baseMomentum` while the rate warms
/// up, and back while it anneals), so an optimizer with momentum can cycle both.
///
/// With `cycleMomentum` (the default, as PyTorch's `cycle_momentum`), the learning-rate schedule
/// carries the momentum schedule: an optimizer with momentum that follows it uses `momentum(step)`
/// in place of its own non-zero momentum (SGD's and RMSprop's `momentum`, Adam's and Adamax's `beta1`).
///
/// ```swift
/// let policy = OneCycle(maxLR: 0.1, totalSteps: 1000)
/// SGD(learningRate: policy.learningRate, momentum: 0.9)  // μ cycles 0.95 → 0.85 → 0.95 with the rate
/// ```
public struct OneCycle: Sendable {
    /// How a phase moves between its end values.
    public enum Anneal: String, Sendable {
        /// Half a cosine wave: `end + (start − end)/2 · (1 + cos(π · pct))`.
        case cos
        /// A straight line: `(end − start) · pct + start`.
        case linear
    }

    /// The peak learning rate.
    public let maxLR: Double
    /// The number of steps of the whole cycle; steps past it keep the final value.
    public let totalSteps: Int
    /// The learning-rate schedule (`initial = maxLR / divFactor`, `final = initial / finalDivFactor`),
    /// carrying `momentum` when the policy cycles momentum.
    public let learningRate: LearningRateSchedule
    /// The momentum schedule, from `maxMomentum` to `baseMomentum` and back.
    public let momentum: LearningRateSchedule

    /// A one-cycle policy with PyTorch's defaults.
    public init(maxLR: Double, totalSteps: Int, pctStart: Double = 0.3, anneal: Anneal = .cos,
                divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false,
                cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95) {
        require(totalSteps > 0, "totalSteps must be > 0, but got \(totalSteps).")
        require(pctStart > 0 && pctStart < 1, "pctStart must be in (0, 1), but got \(pctStart).")
        self.maxLR = maxLR
        self.totalSteps = totalSteps
        let initial = maxLR / divFactor
        let minimum = initial / finalDivFactor
        let total = Double(totalSteps)
        // Each phase: the step where it ends, and (learning rate, momentum) at its start and end.
        var phases: [(end: Double, lr: (Double, Double), momentum: (Double, Double))]
        if threePhase {
            phases = [(pctStart * total - 1, (initial, maxLR), (maxMomentum, baseMomentum)),
                      (2 * pctStart * total - 2, (maxLR, initial), (baseMomentum, maxMomentum)),
                      (total - 1, (initial, minimum), (maxMomentum, maxMomentum))]
        } else {
            phases = [(pctStart * total - 1, (initial, maxLR), (maxMomentum, baseMomentum)),
                      (total - 1, (maxLR, minimum), (baseMomentum, maxMomentum))]
        }
        let lrPhases = phases.map { ($0.end, $0.lr) }
        let momentumPhases = phases.map { ($0.end, $0.momentum) }
        let settings = "maxLR: \(maxLR), totalSteps: \(totalSteps), pctStart: \(pctStart), \(anneal.rawValue)"
            + (threePhase ? ", threePhase" : "")
        let rate = LearningRateSchedule(name: "oneCycle(\(settings))") { step in
            OneCycle.value(at: step, phases: lrPhases, anneal: anneal, totalSteps: totalSteps)
        }
        let cycle = LearningRateSchedule(name: "oneCycleMomentum(\(baseMomentum)...\(maxMomentum), \(settings))") { step in
            OneCycle.value(at: step, phases: momentumPhases, anneal: anneal, totalSteps: totalSteps)
        }
        momentum = cycle
        learningRate = cycleMomentum ? rate.cyclingMomentum(cycle) : rate
    }

    /// PyTorch's `get_lr`: find the phase holding the step and interpolate within it.
    private static func value(at step: Int, phases: [(Double, (Double, Double))], anneal: Anneal,
                              totalSteps: Int) -> Double {
        let s = Double(min(step, totalSteps))
        var start = 0.0
        for (index, (end, values)) in phases.enumerated() {
            if s <= end || index == phases.count - 1 {
                let pct = (s - start) / (end - start)
                switch anneal {
                case .cos: return values.1 + (values.0 - values.1) / 2 * (cos(Double.pi * pct) + 1)
                case .linear: return (values.1 - values.0) * pct + values.0
                }
            }
            start = end
        }
        preconditionFailure("a one-cycle policy has at least two phases")
    }
}
