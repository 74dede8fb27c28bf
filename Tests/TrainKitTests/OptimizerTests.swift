import Testing
@testable import TrainKit

/// Optimizer properties that follow from their definitions (the step-by-step comparison with
/// Keras lives in KerasFixtureTests).
struct OptimizerTests {
    @Test func namesGiveKerasDefaultsAndUnknownNamesListTheKnownOnes() throws {
        #expect(Optimizers.names.map { Optimizers.named($0).name } == ["SGD", "RMSprop", "Adagrad", "Adam", "Adamax", "Nadam"])
        #expect(Optimizers.named("sgd").learningRate(0) == 0.01)
        #expect(Optimizers.named("ADAM").learningRate(0) == 0.001)
        #expect(throws: TrainKitError.unknownOptimizer("adamw", known: Optimizers.names)) {
            try Optimizers.optimizer(named: "adamw")
        }
        let message = TrainKitError.unknownOptimizer("adamw", known: Optimizers.names).description
        #expect(message == #"unknown optimizer "adamw": did you mean "adam"? use one of "sgd", "rmsprop", "adagrad", "adam", "adamax", "nadam"."#)
    }

    /// Adam's first step is η·g/(|g| + ε/√(1 − β2)): about η·sign(g) whatever the gradient's size.
    @Test func adamFirstStepIsLearningRateTimesSign() {
        var adam: any Optimizer = Adam(learningRate: 0.01)
        var weights: [Float] = [1, 1, 1, 1]
        let gradient: [Float] = [3, -0.2, 1e-3, -50]
        weights.withUnsafeMutableBufferPointer { w in
            gradient.withUnsafeBufferPointer { g in
                adam.update(parameter: 0, weights: w, gradient: g, step: OptimizerStep(index: 0, learningRate: 0.01, momentum: 0.9))
            }
        }
        let expected = gradient.map { g in 1 - 0.01 * Double(g) / (abs(Double(g)) + 1e-7 / (0.001).squareRoot()) }
        #expect(zip(weights, expected).allSatisfy { abs(Double($0) - $1) < 2e-7 })
    }

    /// Momentum SGD on f(w) = w²/2 with constant gradient steps follows the recurrence exactly.
    @Test func sgdMomentumFollowsItsRecurrence() {
        var sgd: any Optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        var weights: [Float] = [1]
        var w = 1.0, v = 0.0
        for step in 0..<10 {
            let gradient: [Float] = [weights[0]]
            weights.withUnsafeMutableBufferPointer { wp in
                gradient.withUnsafeBufferPointer { sgd.update(parameter: 0, weights: wp, gradient: $0, step: OptimizerStep(index: step, learningRate: 0.1, momentum: 0.9)) }
            }
            v = 0.9 * v - 0.1 * w
            w += v
            #expect(abs(Double(weights[0]) - w) < 1e-6)
        }
    }

    @Test func settingTheLearningRateReplacesTheSchedule() {
        var sgd: any Optimizer = SGD(learningRate: LearningRateSchedule { 1 / Double($0 + 1) }, decay: 1)
        #expect(sgd.rate(atStep: 1) == 0.5 / 2)
        sgd.learningRate = .constant(0.3)
        #expect(sgd.learningRate(7) == 0.3)
        #expect(sgd.rate(atStep: 2) == 0.3 / 3)
    }

    @Test func verboseLinesUseKerasNumberFormat() {
        #expect(formatLogValue(0.693147) == "0.6931")
        #expect(formatLogValue(1e-4) == "1.0000e-04")
        #expect(formatLogValue(.nan) == "nan")
        #expect(formatLogValue(12.5) == "12.5000")
    }
}
