import Foundation
import Testing
@testable import TrainKit

/// Keras's schedule classes (`ExponentialDecay(initialLearningRate:…)` and the rest), built from the
/// Keras configs of Fixtures/keras_schedules.json and compared with Keras 3 over its 1000 steps
/// (staircase, cycle, alpha and warm-up cases included); used as learning rates and logged as Keras logs them.
struct KerasScheduleClassTests {
    /// The Keras class for a fixture case, built with Keras's argument names in Swift spelling.
    static func kerasClass(kind: String, config c: [String: Any]) throws -> LearningRateSchedule? {
        func number(_ key: String) throws -> Double {
            try #require(DataTestSupport.number(c[key]), "\(kind): no \(key) in \(c)")
        }
        func integer(_ key: String) throws -> Int {
            try #require((c[key] as? NSNumber)?.intValue, "\(kind): no \(key) in \(c)")
        }
        let flag = { (key: String) in c[key] as? Bool ?? false }
        switch kind {
        case "exponential_decay":
            return ExponentialDecay(initialLearningRate: try number("initial_learning_rate"),
                                    decaySteps: try integer("decay_steps"), decayRate: try number("decay_rate"),
                                    staircase: flag("staircase"))
        case "inverse_time_decay":
            return InverseTimeDecay(initialLearningRate: try number("initial_learning_rate"),
                                    decaySteps: try integer("decay_steps"), decayRate: try number("decay_rate"),
                                    staircase: flag("staircase"))
        case "piecewise_constant_decay":
            return PiecewiseConstantDecay(boundaries: try #require(c["boundaries"] as? [Int]),
                                          values: try #require(c["values"] as? [Double]))
        case "polynomial_decay":
            return PolynomialDecay(initialLearningRate: try number("initial_learning_rate"),
                                   decaySteps: try integer("decay_steps"), endLearningRate: try number("end_learning_rate"),
                                   power: try number("power"), cycle: flag("cycle"))
        case "cosine_decay":
            let target = DataTestSupport.number(c["warmup_target"]).flatMap { $0.isNaN ? nil : $0 }
            return CosineDecay(initialLearningRate: try number("initial_learning_rate"),
                               decaySteps: try integer("decay_steps"), alpha: try number("alpha"),
                               warmupTarget: target, warmupSteps: try integer("warmup_steps"))
        case "cosine_decay_restarts":
            return CosineDecayRestarts(initialLearningRate: try number("initial_learning_rate"),
                                       firstDecaySteps: try integer("first_decay_steps"), tMul: try number("t_mul"),
                                       mMul: try number("m_mul"), alpha: try number("alpha"))
        default:
            return nil
        }
    }

    @Test func everyKerasClassMatchesKerasAtEveryStep() throws {
        var kinds = Set<String>()
        for reference in try DataTestSupport.cases("keras_schedules") where reference["source"] as? String == "keras" {
            let name = reference["name"] as? String ?? "?"
            let kind = try #require(reference["kind"] as? String)
            let config = try #require(reference["config"] as? [String: Any])
            let schedule = try #require(try Self.kerasClass(kind: kind, config: config), "\(name): no class for \(kind)")
            let expected = try #require((reference["values"] as? [Any])?.compactMap(DataTestSupport.number))
            #expect(expected.count >= 500, "\(name): the trace covers several hundred steps")
            let floor = ScheduleTests.float32Floor(expected)
            // Called as Keras's schedules are, `schedule(step)`.
            let mismatches = expected.indices.filter {
                !DataTestSupport.isClose(schedule($0), expected[$0], rtol: 1e-6, atol: floor)
            }
            #expect(mismatches.isEmpty, "\(name) (\(schedule.name)): \(mismatches.count) steps differ, first at \(mismatches.prefix(3))")
            kinds.insert(kind)
        }
        #expect(kinds == ["exponential_decay", "inverse_time_decay", "piecewise_constant_decay", "polynomial_decay",
                          "cosine_decay", "cosine_decay_restarts"])
    }

    /// The fixture holds the variants the classes must get right, not only the plain curves.
    @Test func fixtureCoversStaircaseCycleAndWarmup() throws {
        let configs = try DataTestSupport.cases("keras_schedules").compactMap { $0["config"] as? [String: Any] }
        #expect(configs.contains { $0["staircase"] as? Bool == true })
        #expect(configs.contains { $0["cycle"] as? Bool == true })
        #expect(configs.contains { (DataTestSupport.number($0["warmup_steps"]) ?? 0) > 0 })
        #expect(configs.contains { DataTestSupport.number($0["t_mul"]).map { $0 != 2 } ?? false })
    }

    /// Each class is a learning rate wherever one goes, and keeps Keras's arguments readable.
    @Test func classesAreLearningRatesOfEveryOptimizer() {
        let decay = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.96)
        let optimizers: [any Optimizer] = [
            SGD(learningRate: decay, momentum: 0.9),
            Adam(learningRate: CosineDecay(initialLearningRate: 0, decaySteps: 900, warmupTarget: 0.01, warmupSteps: 100)),
            RMSprop(learningRate: PiecewiseConstantDecay(boundaries: [10], values: [0.01, 0.001])),
            Adagrad(learningRate: InverseTimeDecay(initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5)),
            Adamax(learningRate: PolynomialDecay(initialLearningRate: 0.1, decaySteps: 10)),
            Nadam(learningRate: CosineDecayRestarts(initialLearningRate: 0.1, firstDecaySteps: 10)),
        ]
        #expect(optimizers[0].learningRate(100) == Double(Float(0.1) * Float(0.96)))
        #expect(optimizers[1].learningRate(100) == Double(Float(0.01)))
        #expect(optimizers[2].learningRate(11) == Double(Float(0.001)))
        #expect(decay.decaySteps == 100 && decay.decayRate == 0.96 && !decay.staircase)
        #expect(decay.name == "ExponentialDecay(0.1, decaySteps: 100, decayRate: 0.96)")
    }

    /// Keras 3 logs `optimizer.learning_rate`, which for a schedule is its value at the optimizer's
    /// iteration count. Checked with Keras 3.15.1 (JAX): 10 rows, batch size 4 (3 steps an epoch),
    /// `ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5, staircase=True)`, 3 epochs; a callback
    /// reading `float(model.optimizer.learning_rate)` at each epoch end logged
    /// [0.05000000074505806, 0.012500000186264515, 0.0062500000931322575] = schedule(3), schedule(6), schedule(9).
    @Test func historyLogsTheRateAtTheStepCountAsKerasDoes() {
        let data = makeBlobs(samples: 10, centers: 3, features: 4, spread: 1, seed: 3)
        var model = Sequential(seed: 1) {
            Dense(16, activation: .relu)
            Dense(3, activation: .softmax)
        }
        let schedule = ExponentialDecay(initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5, staircase: true)
        model.compile(optimizer: SGD(learningRate: schedule), loss: .sparseCategoricalCrossentropy)
        let history = model.fit(data, epochs: 3, batchSize: 4, shuffle: false)
        #expect(history["learning_rate"] == [0.05000000074505806, 0.012500000186264515, 0.0062500000931322575])
    }
}
