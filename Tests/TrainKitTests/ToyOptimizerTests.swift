import Foundation
import Testing
import TrainKit

/// Signum (sign descent with momentum, Bernstein et al. 2018), written outside the engine in this
/// one file through the public protocol: a state type, `newState` and `applySingle`.
///
/// ```
/// m ← μ·m + (1 − μ)·g;  w ← w − η·sign(m)
/// ```
struct Signum: Optimizer {
    var learningRate: LearningRateSchedule
    var momentum: Double
    var states = OptimizerStates<[Float]>()
    var name: String { "Signum" }

    func newState(count: Int) -> [Float] { [Float](repeating: 0, count: count) }

    func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     state m: inout [Float], step: OptimizerStep) {
        let mu = Float(step.momentum)  // the optimizer's own μ, or a one-cycle policy's cycled one
        for i in weights.indices {
            m[i] = mu * m[i] + (1 - mu) * gradient[i]
            weights[i] -= step.learningRate * (m[i] > 0 ? 1 : (m[i] < 0 ? -1 : 0))
        }
    }
}

struct ToyOptimizerTests {
    /// The same recurrence in Double, on ScheduleWiringTests' one-weight problem (g = 2(w − 0.5)).
    static func signum(steps: Range<Int>, rate: (Int) -> Double, momentum: (Int) -> Double,
                       resetAt reset: Int? = nil) -> Double {
        var w = 2.0, m = 0.0
        for s in steps {
            if s == reset { m = 0 }
            m = momentum(s) * m + (1 - momentum(s)) * 2 * (w - 0.5)
            w -= rate(s) * (m > 0 ? 1 : (m < 0 ? -1 : 0))
        }
        return w
    }

    /// Its state persists across fits (a second fit continues the momentum), as the engine's optimizers' do.
    @Test func aToyOptimizerTrainsAndKeepsItsStateAcrossFits() {
        // At 0.2 the weight passes the target during the first fit and oscillates in the second.
        var model = ScheduleWiringTests.model(Signum(learningRate: .constant(0.2), momentum: 0.9))
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false)
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false)
        let expected = Self.signum(steps: 0..<24, rate: { _ in 0.2 }, momentum: { _ in 0.9 })
        let restarted = Self.signum(steps: 0..<24, rate: { _ in 0.2 }, momentum: { _ in 0.9 }, resetAt: 12)
        #expect(abs(ScheduleWiringTests.weight(model) - expected) < 1e-5)
        #expect(abs(expected - restarted) > 1e-4)
        #expect(model.optimizer?.name == "Signum")
    }

    /// A one-cycle policy cycles its momentum without the optimizer asking for it.
    @Test func aToyOptimizerFollowsACycledMomentum() {
        // A peak rate that overshoots the target, so the momentum decides when the sign flips.
        let policy = OneCycle(maxLR: 0.6, totalSteps: 12)
        var model = ScheduleWiringTests.model(Signum(learningRate: policy.learningRate, momentum: 0.9))
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false)
        let cycled = Self.signum(steps: 0..<12, rate: policy.learningRate.rate, momentum: policy.momentum.rate)
        let constant = Self.signum(steps: 0..<12, rate: policy.learningRate.rate, momentum: { _ in 0.9 })
        #expect(abs(ScheduleWiringTests.weight(model) - cycled) < 1e-5)
        #expect(abs(cycled - constant) > 1e-4)
    }
}
