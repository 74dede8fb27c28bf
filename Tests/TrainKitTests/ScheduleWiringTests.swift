import Foundation
import Testing
@testable import TrainKit

/// Schedules as optimizer learning rates: read at the optimizer's step count (from 0, before the
/// step's update, continuing across fits), and one-cycle / cyclic schedules cycling the momentum
/// as PyTorch's `cycle_momentum` does. The expected weights come from the update rules of
/// semantics.md worked step by step on one weight.
struct ScheduleWiringTests {
    /// One weight, no bias: prediction w, target 0.5, mean squared error, so g = 2(w − 0.5).
    static let rows = Dataset(x: Array(repeating: [1], count: 12), y: Array(repeating: [0.5], count: 12))

    static func model(_ optimizer: any Optimizer) -> Sequential {
        var model = Sequential(seed: 1) { Dense(1, useBias: false) }
        model.setWeights([[2]])
        model.compile(optimizer: optimizer, loss: .meanSquaredError)
        return model
    }

    static func weight(_ model: Sequential) -> Double { Double(model.getWeights()[0][0]) }

    /// Keras SGD, step by step: v ← μ_s·v − η_s·g; w ← w + v.
    static func sgd(steps: Range<Int>, rate: (Int) -> Double, momentum: (Int) -> Double) -> Double {
        var w = 2.0, v = 0.0
        for s in steps {
            let g = 2 * (w - 0.5)
            v = momentum(s) * v - rate(s) * g
            w += v
        }
        return w
    }

    @Test func exponentialDecayIsReadAtTheStepCountAcrossFits() {
        let schedule = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 5, rate: 0.5)
        var model = Self.model(SGD(learningRate: schedule))
        model.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        let afterOne = Self.sgd(steps: 0..<12, rate: { 0.1 * pow(0.5, Double($0) / 5) }, momentum: { _ in 0 })
        #expect(abs(Self.weight(model) - afterOne) < 1e-5)
        let history = model.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        let afterTwo = Self.sgd(steps: 0..<24, rate: { 0.1 * pow(0.5, Double($0) / 5) }, momentum: { _ in 0 })
        #expect(abs(Self.weight(model) - afterTwo) < 1e-5)
        // Logged at the epoch's end: the rate the next step would use.
        #expect(abs(history["learning_rate"][0] - 0.1 * pow(0.5, 24.0 / 5)) < 1e-8)
    }

    @Test func oneCycleCyclesSGDMomentum() {
        let policy = OneCycle(maxLR: 0.1, totalSteps: 12)
        var model = Self.model(SGD(learningRate: policy.learningRate, momentum: 0.9))
        model.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        let expected = Self.sgd(steps: 0..<12, rate: policy.learningRate.rate, momentum: policy.momentum.rate)
        let constant = Self.sgd(steps: 0..<12, rate: policy.learningRate.rate, momentum: { _ in 0.9 })
        #expect(abs(Self.weight(model) - expected) < 1e-5)
        #expect(abs(expected - constant) > 1e-3)
        #expect(policy.momentum(0) == 0.95)
    }

    @Test func momentumStaysWhenCyclingIsOffOrMomentumIsZero() {
        let rate = LearningRateSchedule.oneCycleLR(maxLR: 0.1, totalSteps: 12, cycleMomentum: false)
        var model = Self.model(SGD(learningRate: rate, momentum: 0.9))
        model.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        #expect(abs(Self.weight(model) - Self.sgd(steps: 0..<12, rate: rate.rate, momentum: { _ in 0.9 })) < 1e-5)

        let cycling = LearningRateSchedule.oneCycleLR(maxLR: 0.1, totalSteps: 12)
        var plain = Self.model(SGD(learningRate: cycling))
        plain.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        #expect(abs(Self.weight(plain) - Self.sgd(steps: 0..<12, rate: cycling.rate, momentum: { _ in 0 })) < 1e-5)
    }

    /// Adam with β1 cycled: m += (g − m)(1 − β1_s); v += (g² − v)(1 − β2);
    /// α = η_s·√(1 − β2ᵗ)/(1 − β1_sᵗ); w −= α·m/(√v + ε).
    @Test func oneCycleCyclesAdamBeta1() {
        let policy = OneCycle(maxLR: 0.05, totalSteps: 12)
        var model = Self.model(Adam(learningRate: policy.learningRate))
        model.fit(Self.rows, epochs: 1, batchSize: 1, shuffle: false)
        var w = 2.0, m = 0.0, v = 0.0
        for s in 0..<12 {
            let g = 2 * (w - 0.5), beta1 = policy.momentum(s), t = Double(s + 1)
            m += (g - m) * (1 - beta1)
            v += (g * g - v) * (1 - 0.999)
            let alpha = policy.learningRate(s) * (1 - pow(0.999, t)).squareRoot() / (1 - pow(beta1, t))
            w -= alpha * m / (v.squareRoot() + 1e-7)
        }
        #expect(abs(Self.weight(model) - w) < 1e-5)
    }

    // MARK: - PyTorch's momentum values

    static func torchCases() -> [String] {
        let cases = (loadFixture("keras_schedules")?["cases"] as? [[String: Any]]) ?? []
        let names = cases.filter { $0["momentum_values"] != nil }.compactMap { $0["name"] as? String }
        return names.isEmpty ? ["<keras_schedules.json missing>"] : names
    }

    /// The momentum PyTorch's OneCycleLR and CyclicLR set before each step, to float64 rounding.
    @Test(arguments: torchCases())
    func momentumMatchesPyTorch(_ name: String) throws {
        let cases = (loadFixture("keras_schedules")?["cases"] as? [[String: Any]]) ?? []
        let fixture = try #require(cases.first { $0["name"] as? String == name }, "keras_schedules.json is missing")
        let config = try #require(fixture["config"] as? [String: Any])
        func number(_ key: String) -> Double? { (config[key] as? NSNumber)?.doubleValue }
        let schedule: LearningRateSchedule
        switch fixture["kind"] as? String {
        case "one_cycle_lr":
            schedule = .oneCycleLR(
                maxLR: number("max_lr")!, totalSteps: Int(number("total_steps")!), pctStart: number("pct_start")!,
                anneal: config["anneal_strategy"] as? String == "linear" ? .linear : .cos,
                divFactor: number("div_factor")!, finalDivFactor: number("final_div_factor")!,
                threePhase: config["three_phase"] as? Bool ?? false,
                baseMomentum: number("base_momentum")!, maxMomentum: number("max_momentum")!)
        case "cyclic_lr":
            let modes: [String: LearningRateSchedule.CyclicMode] = [
                "triangular": .triangular, "triangular2": .triangular2, "exp_range": .expRange]
            schedule = .cyclicLR(
                baseLR: number("base_lr")!, maxLR: number("max_lr")!, stepSizeUp: Int(number("step_size_up")!),
                stepSizeDown: number("step_size_down").map { Int($0) },
                mode: try #require(modes[config["mode"] as? String ?? "triangular"]), gamma: number("gamma") ?? 1,
                baseMomentum: number("base_momentum")!, maxMomentum: number("max_momentum")!)
        default:
            Issue.record("unexpected kind \(fixture["kind"] ?? "nil")")
            return
        }
        let expected = doubles(fixture["momentum_values"])
        let momentum = try #require(schedule.momentum)
        let actual = expected.indices.map { momentum($0) }
        #expect(close(actual, expected, rtol: 1e-12, atol: 1e-15),
                "worst \(worstRatio(actual, expected, rtol: 1e-12, atol: 1e-15))")
        let rates = expected.indices.map { schedule($0) }
        #expect(close(rates, doubles(fixture["values"]), rtol: 1e-12, atol: 1e-15))
    }
}
