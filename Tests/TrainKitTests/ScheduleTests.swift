import Foundation
import Testing
@testable import TrainKit

/// Learning-rate schedules against Keras and PyTorch (Fixtures/keras_schedules.json, every
/// schedule over 1000 steps), plus the formulas' landmarks and the legacy decay numbers.
struct ScheduleTests {
    /// The TrainBook schedule for a fixture case, from its Keras or PyTorch argument names.
    static func schedule(kind: String, config c: [String: Any]) throws -> LearningRateSchedule {
        func number(_ keys: String..., default fallback: Double? = nil) throws -> Double {
            for key in keys { if let value = DataTestSupport.number(c[key]) { return value } }
            return try #require(fallback, "\(kind): no \(keys.joined(separator: "/")) in \(c)")
        }
        func integer(_ keys: String..., default fallback: Int? = nil) throws -> Int {
            for key in keys { if let value = c[key] as? NSNumber { return value.intValue } }
            return try #require(fallback, "\(kind): no \(keys.joined(separator: "/")) in \(c)")
        }
        let flag = { (key: String) in c[key] as? Bool ?? false }
        switch kind.lowercased().replacingOccurrences(of: "_", with: "") {
        case "exponentialdecay":
            return .exponentialDecay(initial: try number("initial_learning_rate"), decaySteps: try integer("decay_steps"),
                                     rate: try number("decay_rate"), staircase: flag("staircase"))
        case "inversetimedecay":
            return .inverseTimeDecay(initial: try number("initial_learning_rate"), decaySteps: try integer("decay_steps"),
                                     rate: try number("decay_rate"), staircase: flag("staircase"))
        case "piecewiseconstantdecay":
            let boundaries = try #require(c["boundaries"] as? [Int]), values = try #require(c["values"] as? [Double])
            return .piecewiseConstantDecay(boundaries: boundaries, values: values)
        case "polynomialdecay":
            return .polynomialDecay(initial: try number("initial_learning_rate"), decaySteps: try integer("decay_steps"),
                                    endLearningRate: try number("end_learning_rate", default: 0.0001),
                                    power: try number("power", default: 1), cycle: flag("cycle"))
        case "cosinedecay":
            return .cosineDecay(initial: try number("initial_learning_rate"), decaySteps: try integer("decay_steps"),
                                alpha: try number("alpha", default: 0), warmupTarget: DataTestSupport.number(c["warmup_target"])
                                    .flatMap { $0.isNaN ? nil : $0 },
                                warmupSteps: try integer("warmup_steps", default: 0))
        case "cosinedecayrestarts":
            return .cosineDecayRestarts(initial: try number("initial_learning_rate"),
                                        firstDecaySteps: try integer("first_decay_steps"),
                                        tMul: try number("t_mul", default: 2), mMul: try number("m_mul", default: 1),
                                        alpha: try number("alpha", default: 0))
        case "steplr":
            return .stepLR(initial: try number("lr", "initial_lr", "base_lr"), stepSize: try integer("step_size"),
                           gamma: try number("gamma", default: 0.1))
        case "linearlr":
            return .linearLR(initial: try number("lr", "initial_lr", "base_lr"),
                             startFactor: try number("start_factor", default: 1.0 / 3),
                             endFactor: try number("end_factor", default: 1), totalIters: try integer("total_iters", default: 5))
        case "cycliclr":
            let mode = try #require(LearningRateSchedule.CyclicMode(rawValue: (c["mode"] as? String ?? "triangular")
                .replacingOccurrences(of: "exp_range", with: "expRange")))
            return .cyclicLR(baseLR: try number("base_lr"), maxLR: try number("max_lr"),
                             stepSizeUp: try integer("step_size_up", default: 2000),
                             stepSizeDown: c["step_size_down"] as? Int, mode: mode, gamma: try number("gamma", default: 1))
        case "onecyclelr", "onecycle":
            return try oneCycle(c).learningRate
        default:
            throw ScheduleFixtureError(description: "unknown schedule kind \(kind)")
        }
    }

    static func oneCycle(_ c: [String: Any]) throws -> OneCycle {
        let anneal = try #require(OneCycle.Anneal(rawValue: c["anneal_strategy"] as? String ?? "cos"))
        return OneCycle(maxLR: try #require(DataTestSupport.number(c["max_lr"])),
                        totalSteps: try #require(c["total_steps"] as? Int), pctStart: DataTestSupport.number(c["pct_start"]) ?? 0.3,
                        anneal: anneal, divFactor: DataTestSupport.number(c["div_factor"]) ?? 25,
                        finalDivFactor: DataTestSupport.number(c["final_div_factor"]) ?? 1e4,
                        threePhase: c["three_phase"] as? Bool ?? false,
                        baseMomentum: DataTestSupport.number(c["base_momentum"]) ?? 0.85,
                        maxMomentum: DataTestSupport.number(c["max_momentum"]) ?? 0.95)
    }

    struct ScheduleFixtureError: Error, CustomStringConvertible { let description: String }

    @Test func schedulesMatchKerasAndPyTorch() throws {
        for reference in try DataTestSupport.cases("keras_schedules") {
            let name = reference["name"] as? String ?? "?"
            let kind = try #require(reference["kind"] as? String, "\(name): no kind")
            var config = try #require(reference["config"] as? [String: Any], "\(name): no config")
            // PyTorch schedulers scale the optimizer's own rate.
            if let optimizer = reference["optimizer"] as? [String: Any], config["lr"] == nil { config["lr"] = optimizer["lr"] }
            let expected = try #require((reference["values"] as? [Any])?.compactMap(DataTestSupport.number), "\(name): no values")
            let schedule = try Self.schedule(kind: kind, config: config)
            let actual = schedule.values(steps: expected.count)
            let floor = reference["source"] as? String == "torch" ? 1e-12 : Self.float32Floor(expected)
            let mismatches = zip(actual, expected).enumerated().filter {
                !DataTestSupport.isClose($0.element.0, $0.element.1, rtol: 1e-6, atol: floor)
            }
            #expect(mismatches.isEmpty, "\(name) (\(schedule.name)): \(mismatches.count) steps differ, first \(mismatches.prefix(3).map { "step \($0.offset): \($0.element.0) vs \($0.element.1)" })")
            if kind == "one_cycle_lr", let momenta = (reference["momentum_values"] as? [Any])?.compactMap(DataTestSupport.number) {
                let cycle = try Self.oneCycle(config).momentum.values(steps: momenta.count)
                #expect(zip(cycle, momenta).allSatisfy { Self.matches($0, $1) }, "\(name): momentum")
            }
        }
    }

    /// The absolute tolerance of a Keras (float32) curve: 2e-7 of its peak. Near the end of a
    /// cosine decay `1 + cos(πx)` cancels, so one float32 ulp of the cosine (6e-8) is all that is
    /// left of the value, and the backends legitimately differ there by that ulp: JAX under `jit`
    /// folds `π / decaySteps` into one constant, eager JAX and TrainBook compute `π · (s / decaySteps)`.
    static func float32Floor(_ values: [Double]) -> Double {
        2e-7 * (values.max() ?? 0)
    }

    static func matches(_ actual: Double, _ expected: Double) -> Bool {
        DataTestSupport.isClose(actual, expected, rtol: 1e-6, atol: 1e-12)
    }

    /// Keras computes in float32: landmarks hold to float32 precision.
    static func near(_ actual: Double, _ expected: Double) -> Bool {
        DataTestSupport.isClose(actual, expected, rtol: 1e-6, atol: 1e-9)
    }

    @Test func kerasSchedulesHaveTheirLandmarks() {
        let exponential = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, rate: 0.96)
        #expect(Self.near(exponential(0), 0.1) && Self.near(exponential(100), 0.096))
        #expect(Self.near(exponential(50), 0.1 * 0.96.squareRoot()))
        let stairs = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, rate: 0.5, staircase: true)
        #expect(stairs(99) == stairs(0) && Self.near(stairs(100), 0.05))
        let inverse = LearningRateSchedule.inverseTimeDecay(initial: 0.1, decaySteps: 10, rate: 0.5)
        #expect(Self.near(inverse(20), 0.05) && Self.near(inverse(5), 0.1 / 1.25))
        let piecewise = LearningRateSchedule.piecewiseConstantDecay(boundaries: [100, 200], values: [1, 0.5, 0.1])
        #expect([0, 100, 101, 200, 201].map { piecewise($0) } == [1, 1, 0.5, 0.5, Double(Float(0.1))])
        let cosine = LearningRateSchedule.cosineDecay(initial: 0.2, decaySteps: 100, alpha: 0.1)
        #expect(Self.near(cosine(50), 0.2 * (0.9 * 0.5 + 0.1)) && Self.near(cosine(500), 0.02))
        let warm = LearningRateSchedule.cosineDecay(initial: 0, decaySteps: 100, warmupTarget: 0.1, warmupSteps: 10)
        #expect(Self.near(warm(5), 0.05) && Self.near(warm(10), 0.1) && warm(110) < 1e-8)
        let restarts = LearningRateSchedule.cosineDecayRestarts(initial: 0.1, firstDecaySteps: 10, tMul: 2, mMul: 0.5)
        #expect(Self.near(restarts(10), 0.05) && Self.near(restarts(30), 0.025))  // periods 10, 20, 40
        let polynomial = LearningRateSchedule.polynomialDecay(initial: 0.1, decaySteps: 100, endLearningRate: 0.01, power: 2)
        #expect(Self.near(polynomial(50), 0.09 * 0.25 + 0.01) && Self.near(polynomial(200), 0.01))
        let cycling = LearningRateSchedule.polynomialDecay(initial: 0.1, decaySteps: 100, endLearningRate: 0, cycle: true)
        #expect(Self.near(cycling(150), 0.1 * 0.25))  // stretched to the next multiple, 200
    }

    @Test func pyTorchSchedulesHaveTheirLandmarks() {
        let policy = OneCycle(maxLR: 0.1, totalSteps: 100)
        #expect(abs(policy.learningRate(0) - 0.004) < 1e-15 && abs(policy.learningRate(29) - 0.1) < 1e-15)
        #expect(abs(policy.learningRate(99) - 0.004 / 1e4) < 1e-15)
        #expect(policy.momentum(0) == 0.95 && abs(policy.momentum(29) - 0.85) < 1e-15 && abs(policy.momentum(99) - 0.95) < 1e-15)
        let three = OneCycle(maxLR: 1, totalSteps: 100, anneal: .linear, threePhase: true)
        // Phases end at steps 29 and 58: up to the peak, back to the start, then down to the floor.
        #expect(abs(three.learningRate(58) - 0.04) < 1e-12 && abs(three.learningRate(44) - (1 - 0.96 * 15 / 29)) < 1e-12)
        let triangle = LearningRateSchedule.cyclicLR(baseLR: 0.001, maxLR: 0.006, stepSizeUp: 10)
        #expect(triangle(0) == 0.001 && abs(triangle(10) - 0.006) < 1e-15 && abs(triangle(25) - 0.0035) < 1e-15)
        let halving = LearningRateSchedule.cyclicLR(baseLR: 0, maxLR: 1, stepSizeUp: 10, mode: .triangular2)
        #expect(halving(10) == 1 && halving(30) == 0.5 && halving(50) == 0.25)
        let shrinking = LearningRateSchedule.cyclicLR(baseLR: 0, maxLR: 1, stepSizeUp: 10, mode: .expRange, gamma: 0.99)
        #expect(abs(shrinking(10) - pow(0.99, 10)) < 1e-15)
        let step = LearningRateSchedule.stepLR(initial: 0.1, stepSize: 30, gamma: 0.1)
        #expect(step(29) == 0.1 && abs(step(30) - 0.01) < 1e-16 && abs(step(60) - 0.001) < 1e-17)
        let warmup = LearningRateSchedule.linearLR(initial: 0.3, startFactor: 1.0 / 3, totalIters: 4)
        #expect(abs(warmup(0) - 0.1) < 1e-16 && abs(warmup(2) - 0.2) < 1e-16 && abs(warmup(9) - 0.3) < 1e-16)
        #expect(step.name == "stepLR(0.1, stepSize: 30, gamma: 0.1)")
    }

    @Test func legacyDecayNumbers() {
        #expect(legacyDecayRate(initial: 0.1, decay: 0.01, iteration: 100) == 0.05)
        #expect(LegacyDecay.curve(initial: 0.2, decay: 0.01, iterations: 3) == [0.2, 0.2 / 1.01, 0.2 / 1.02])
        // The tutorials' 0.198, 0.194, 0.188, 0.180, 0.171: three decimals, cut rather than rounded.
        let shrinking = LegacyDecay.shrinkingEpochs(initial: 0.2, decay: 0.01, epochs: 5)
        #expect(shrinking.map { ($0 * 1000).rounded(.down) / 1000 } == [0.198, 0.194, 0.188, 0.180, 0.171])
        #expect(abs(shrinking[4] - 0.2 * 0.99 * 0.98 * 0.97 * 0.96 * 0.95) < 1e-16)
        let dividing = LegacyDecay.dividingEpochs(initial: 0.2, decay: 0.01, epochs: 5)
        #expect(dividing.map { ($0 * 100_000).rounded() / 100_000 } == [0.19802, 0.19414, 0.18848, 0.18123, 0.1726])
        #expect(LegacyDecay.shrinkingEpochs(initial: 0.2, decay: 0.01, epochs: 0).isEmpty)
    }
}
