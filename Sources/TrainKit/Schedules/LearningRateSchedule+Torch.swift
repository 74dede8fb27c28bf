#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// PyTorch computes its schedulers in Python floats (double precision), so these do too. The step
// is PyTorch's `last_epoch` after that many `scheduler.step()` calls: step 0 is the rate before the
// first call.
extension LearningRateSchedule {
    /// PyTorch `StepLR`: `initial · gamma^⌊step / stepSize⌋`.
    public static func stepLR(initial: Double, stepSize: Int, gamma: Double = 0.1) -> LearningRateSchedule {
        require(stepSize > 0, "stepSize must be > 0, but got \(stepSize).")
        return LearningRateSchedule(name: "stepLR(\(initial), stepSize: \(stepSize), gamma: \(gamma))") { step in
            initial * pow(gamma, Double(step / stepSize))
        }
    }

    /// PyTorch `LinearLR`: a linear ramp of the factor from `startFactor` to `endFactor` over
    /// `totalIters` steps, then constant: `initial · (start + (end − start) · min(step, total)/total)`.
    /// The usual warmup is `.linearLR(initial: 0.1, startFactor: 1.0 / 3, totalIters: 5)`.
    public static func linearLR(initial: Double, startFactor: Double = 1.0 / 3, endFactor: Double = 1,
                                    totalIters: Int = 5) -> LearningRateSchedule {
        require(startFactor > 0 && startFactor <= 1, "startFactor must be in (0, 1], but got \(startFactor).")
        require(endFactor >= 0 && endFactor <= 1, "endFactor must be in [0, 1], but got \(endFactor).")
        require(totalIters > 0, "totalIters must be > 0, but got \(totalIters).")
        let name = "linearLR(\(initial), startFactor: \(startFactor), endFactor: \(endFactor), "
            + "totalIters: \(totalIters))"
        return LearningRateSchedule(name: name) { step in
            let done = Double(min(step, totalIters)) / Double(totalIters)
            return initial * (startFactor + (endFactor - startFactor) * done)
        }
    }

    /// The policies of PyTorch `CyclicLR`.
    public enum CyclicMode: String, Sendable {
        /// A triangle of constant height.
        case triangular
        /// A triangle whose height halves every cycle.
        case triangular2
        /// A triangle whose height is scaled by `gamma^step`.
        case expRange
    }

    /// PyTorch `CyclicLR` (Leslie Smith's cyclical learning rates): the rate rises linearly from
    /// `baseLR` to `maxLR` over `stepSizeUp` steps, falls back over `stepSizeDown` (default: the
    /// same), and repeats, with the height scaled by the mode. With `cycleMomentum` (PyTorch's
    /// default), an optimizer with momentum that follows it moves its momentum the other way, from
    /// `maxMomentum` down to `baseMomentum` while the rate rises.
    public static func cyclicLR(baseLR: Double, maxLR: Double, stepSizeUp: Int = 2000, stepSizeDown: Int? = nil,
                              mode: CyclicMode = .triangular, gamma: Double = 1, cycleMomentum: Bool = true,
                              baseMomentum: Double = 0.8, maxMomentum: Double = 0.9) -> LearningRateSchedule {
        require(stepSizeUp > 0, "stepSizeUp must be > 0, but got \(stepSizeUp).")
        let down = Double(stepSizeDown ?? stepSizeUp)
        let total = Double(stepSizeUp) + down
        let upRatio = Double(stepSizeUp) / total
        let name = "cyclicLR(\(baseLR)...\(maxLR), up: \(stepSizeUp), down: \(Int(down)), \(mode.rawValue)"
            + (mode == .expRange ? ", gamma: \(gamma))" : ")")
        // PyTorch's get_lr: the position in the cycle as a 0...1...0 factor, and the mode's scale.
        @Sendable func shape(_ step: Int) -> (factor: Double, scale: Double) {
            let cycle = floor(1 + Double(step) / total)
            let x = 1 + Double(step) / total - cycle
            let factor = x <= upRatio ? x / upRatio : (x - 1) / (upRatio - 1)
            switch mode {
            case .triangular: return (factor, 1)
            case .triangular2: return (factor, 1 / pow(2, cycle - 1))
            case .expRange: return (factor, pow(gamma, Double(step)))
            }
        }
        let schedule = LearningRateSchedule(name: name) { step in
            let (factor, scale) = shape(step)
            return baseLR + (maxLR - baseLR) * factor * scale
        }
        guard cycleMomentum else { return schedule }
        return schedule.cyclingMomentum(LearningRateSchedule(name: name + " momentum") { step in
            let (factor, scale) = shape(step)
            return maxMomentum - (maxMomentum - baseMomentum) * factor * scale
        })
    }

    /// PyTorch `OneCycleLR`: warm up from `maxLR / divFactor` to `maxLR` over the first `pctStart` of
    /// `totalSteps`, then anneal to `maxLR / divFactor / finalDivFactor` (with `threePhase`, first
    /// back down to the start rate, then to the final rate). With `cycleMomentum`, an optimizer with
    /// momentum that follows it cycles its momentum between `maxMomentum` and `baseMomentum`
    /// (``OneCycle/momentum``), as PyTorch's `cycle_momentum`.
    public static func oneCycleLR(maxLR: Double, totalSteps: Int, pctStart: Double = 0.3,
                                anneal: OneCycle.Anneal = .cos, divFactor: Double = 25,
                                finalDivFactor: Double = 1e4, threePhase: Bool = false, cycleMomentum: Bool = true,
                                baseMomentum: Double = 0.85, maxMomentum: Double = 0.95) -> LearningRateSchedule {
        OneCycle(maxLR: maxLR, totalSteps: totalSteps, pctStart: pctStart, anneal: anneal, divFactor: divFactor,
                 finalDivFactor: finalDivFactor, threePhase: threePhase, cycleMomentum: cycleMomentum,
                 baseMomentum: baseMomentum, maxMomentum: maxMomentum).learningRate
    }
}
