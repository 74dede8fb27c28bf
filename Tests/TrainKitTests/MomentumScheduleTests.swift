import Foundation
import Testing
@testable import TrainKit

/// The momentum schedule of a one-cycle policy travels apart from the learning rate: a callback that
/// replaces the rate keeps it, and every optimizer with momentum follows it (Nadam included). The
/// expected weights come from the update rules worked step by step on one weight
/// (ScheduleWiringTests' problem: prediction w, target 0.5, squared error, g = 2(w − 0.5)).
struct MomentumScheduleTests {
    /// ReduceLROnPlateau that never sees an improvement (minDelta 100) halves the rate after epoch 1;
    /// epoch 2 then runs at that constant rate with the momentum still cycling.
    @Test func reduceLROnPlateauOnAOneCycleScheduleKeepsTheCycledMomentum() {
        let policy = OneCycle(maxLR: 0.1, totalSteps: 36)
        var model = ScheduleWiringTests.model(SGD(learningRate: policy.learningRate, momentum: 0.9))
        let plateau = ReduceLROnPlateau(monitor: "loss", factor: 0.5, patience: 1, minDelta: 100)
        let history = model.fit(ScheduleWiringTests.rows, epochs: 3, batchSize: 1, shuffle: false, callbacks: [plateau])
        // Keras keeps the rate in float32: the reduced rate is float32(float32(η₂₄) · 0.5).
        let reduced = Double(Float(Double(Float(policy.learningRate(24))) * 0.5))
        #expect(history["learning_rate"][2] == reduced)
        let rate: (Int) -> Double = { $0 < 24 ? policy.learningRate($0) : reduced }
        let expected = ScheduleWiringTests.sgd(steps: 0..<36, rate: rate, momentum: policy.momentum.rate)
        let dropped = ScheduleWiringTests.sgd(
            steps: 0..<36, rate: rate, momentum: { $0 < 24 ? policy.momentum($0) : 0.9 })
        #expect(abs(ScheduleWiringTests.weight(model) - expected) < 1e-5)
        #expect(abs(expected - dropped) > 1e-4)
    }

    /// A callback reads the step's momentum from the context: the cycled value, after a rate change too.
    @Test func theContextReportsTheCycledMomentumAfterTheRateIsSet() {
        struct Probe: Callback {
            final class Seen: @unchecked Sendable { var momenta: [Double] = [] }
            let seen = Seen()
            func onBatchBegin(_ batch: Int, _ training: TrainingContext) {
                if batch == 5 { training.learningRate = 0.01 }
                seen.momenta.append(training.momentum)
            }
        }
        let policy = OneCycle(maxLR: 0.1, totalSteps: 12)
        var model = ScheduleWiringTests.model(SGD(learningRate: policy.learningRate, momentum: 0.9))
        let probe = Probe()
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false, callbacks: [probe])
        #expect(probe.seen.momenta == (0..<12).map { policy.momentum($0) })
    }

    /// Nadam with β1 cycled, Keras's update with uₜ = β1ₜ·(1 − ½·0.96ᵗ) from the step's β1.
    @Test func oneCycleCyclesNadamBeta1() {
        let policy = OneCycle(maxLR: 0.05, totalSteps: 12)
        var model = ScheduleWiringTests.model(Nadam(learningRate: policy.learningRate))
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false)
        func nadam(beta1: (Int) -> Double) -> Double {
            var w = 2.0, m = 0.0, v = 0.0, product = 1.0
            for s in 0..<12 {
                let g = 2 * (w - 0.5), b1 = beta1(s), t = Double(s + 1)
                let u = b1 * (1 - 0.5 * pow(0.96, t)), uNext = b1 * (1 - 0.5 * pow(0.96, t + 1))
                product *= u
                m += (g - m) * (1 - b1)
                v += (g * g - v) * (1 - 0.999)
                let mHat = uNext * m / (1 - product * uNext) + (1 - u) * g / (1 - product)
                w -= policy.learningRate(s) * mHat / ((v / (1 - pow(0.999, t))).squareRoot() + 1e-7)
            }
            return w
        }
        let cycled = nadam(beta1: policy.momentum.rate), constant = nadam(beta1: { _ in 0.9 })
        #expect(abs(ScheduleWiringTests.weight(model) - cycled) < 1e-5)
        #expect(abs(cycled - constant) > 1e-4)
    }
}
