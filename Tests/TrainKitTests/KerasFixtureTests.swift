import Foundation
import Testing
@testable import TrainKit

/// The engine against traces recorded from real Keras (Tests/TrainKitTests/Fixtures, made by
/// scripts/reference/generate.py): same initial weights and batch order, so per-step values
/// must agree to float32 rounding. A missing fixture file is a failure, never a pass.
struct KerasFixtureTests {
    static func cases(_ file: String) -> [[String: Any]] {
        (loadFixture(file)?["cases"] as? [[String: Any]]) ?? []
    }

    static func names(_ file: String) -> [String] {
        let names = cases(file).compactMap { $0["name"] as? String }
        return names.isEmpty ? ["<\(file).json missing>"] : names
    }

    static func fixtureCase(_ file: String, _ name: String) -> [String: Any]? {
        cases(file).first { $0["name"] as? String == name }
    }

    // MARK: - Losses

    @Test(arguments: names("keras_losses"))
    func lossValueAndGradientMatchKeras(_ name: String) throws {
        let fixture = try #require(Self.fixtureCase("keras_losses", name), "fixture keras_losses.json is missing")
        let loss = try Self.loss(fixture["loss"])
        let yTrue = matrix(fixture["y_true"]), yPred = matrix(fixture["y_pred"])
        var gradient = [Float](repeating: 0, count: yPred.data.count)
        var value = 0.0
        yPred.data.withUnsafeBufferPointer { p in
            yTrue.data.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { d in
                    value = loss.sum(p.baseAddress!, y.baseAddress!, rows: yPred.rows, cols: yPred.cols)
                        / Double(yPred.rows)
                    _ = loss.gradient(p.baseAddress!, y.baseAddress!, rows: yPred.rows, cols: yPred.cols,
                                      activation: .linear, into: d.baseAddress!)
                }
            }
        }
        let expectedValue = try #require((fixture["value"] as? NSNumber)?.doubleValue)
        #expect(abs(value - expectedValue) <= 1e-5 * abs(expectedValue) + 1e-7, "value \(value) vs \(expectedValue)")
        let expectedGradient = rows(fixture["gradient"]).flatMap { $0 }
        let agree = close(gradient.map(Double.init), expectedGradient, rtol: 1e-5, atol: 1e-7)
        #expect(agree, "gradient \(gradient) vs \(expectedGradient)")
    }

    // MARK: - Optimizer steps

    @Test(arguments: names("keras_optimizers"))
    func everyStepMatchesKeras(_ name: String) throws {
        let fixture = try #require(Self.fixtureCase("keras_optimizers", name), "fixture keras_optimizers.json is missing")
        var model = try Self.model(fixture)
        model.compile(optimizer: try Self.optimizer(fixture["optimizer"]), loss: try Self.loss(fixture["loss"]))
        let x = matrix(fixture["x"]), y = matrix(fixture["y"])
        let batchSize = try #require(fixture["batch_size"] as? Int)
        let stepLosses = doubles(fixture["step_losses"])
        let weightsAfter = try #require(fixture["weights_after_step"] as? [Any])
        #expect(!stepLosses.isEmpty && stepLosses.count == weightsAfter.count)
        for step in stepLosses.indices {
            // Batches are consecutive rows in order, wrapping around.
            let indices = (0..<batchSize).map { (step * batchSize + $0) % x.rows }
            let batch = Dataset(x: Matrix(indices.map { x.row($0) }), y: Matrix(indices.map { y.row($0) }))
            let history = model.fit(batch, epochs: 1, batchSize: batchSize, shuffle: false)
            let loss = history["loss"][0]
            #expect(abs(loss - stepLosses[step]) <= 1e-5 * abs(stepLosses[step]) + 1e-7,
                    "step \(step) loss \(loss) vs \(stepLosses[step])")
            let expected = rows(weightsAfter[step]).flatMap { $0 }
            let actual = model.getWeights().flatMap { $0 }.map(Double.init)
            // Weights compound float32 rounding over the steps (adaptive optimizers divide by tiny
            // moments late in a trace): rtol 1e-5 with an absolute floor of 1e-5 on weights of
            // order 0.1–1. The step losses above keep the strict 1e-5 relative bound.
            let ratio = worstRatio(actual, expected, rtol: 1e-5, atol: 1e-5)
            #expect(ratio <= 1, "step \(step): weights differ, worst ratio \(ratio)")
            if ratio > 1 { break }
        }
    }

    // MARK: - fit histories

    @Test(arguments: names("keras_fit"))
    func fitHistoryMatchesKeras(_ name: String) throws {
        let fixture = try #require(Self.fixtureCase("keras_fit", name), "fixture keras_fit.json is missing")
        var model = try Self.model(fixture)
        let metrics: [Metric] = try (fixture["metrics"] as? [String] ?? []).map {
            guard $0 == "accuracy" else { throw FixtureError.unknown("metric", $0) }
            return .accuracy
        }
        model.compile(optimizer: try Self.optimizer(fixture["optimizer"]), loss: try Self.loss(fixture["loss"]),
                      metrics: metrics)
        let train = Dataset(x: matrix(fixture["x"]), y: matrix(fixture["y"]))
        let validation = Dataset(x: matrix(fixture["validation_x"]), y: matrix(fixture["validation_y"]))
        let history = model.fit(train, epochs: try #require(fixture["epochs"] as? Int),
                                batchSize: try #require(fixture["batch_size"] as? Int),
                                validation: validation, shuffle: false)
        let expected = try #require(fixture["history"] as? [String: Any])
        #expect(!expected.isEmpty)
        for (key, values) in expected {
            let series = doubles(values)
            let agree = close(history[key], series, rtol: 1e-3, atol: 1e-6)
            #expect(agree, "\(key): \(history[key]) vs \(series)")
        }
        if fixture["final_weights"] != nil {
            let expectedWeights = rows(fixture["final_weights"]).flatMap { $0 }
            let actual = model.getWeights().flatMap { $0 }.map(Double.init)
            let ratio = worstRatio(actual, expectedWeights, rtol: 1e-4, atol: 1e-6)
            #expect(ratio <= 1, "final weights differ, worst ratio \(ratio)")
        }
    }

    // MARK: - Reading the fixture format

    enum FixtureError: Error { case unknown(String, String) }

    static func model(_ fixture: [String: Any]) throws -> Sequential {
        let width = try #require(fixture["input_width"] as? Int)
        let layers = try (fixture["layers"] as? [[String: Any]] ?? []).map { spec -> any Layer in
            Dense(try #require(spec["units"] as? Int), activation: try activation(spec["activation"] as? String ?? ""))
        }
        var model = Sequential(seed: 0, layers: layers)
        model.build(inputWidth: width)
        model.setWeights(rows(fixture["initial_weights"]).map { $0.map(Float.init) })
        return model
    }

    static func activation(_ name: String) throws -> Activation {
        switch name {
        case "relu": return .relu
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "softmax": return .softmax
        case "linear": return .linear
        case "leaky_relu": return .leakyRelu
        default: throw FixtureError.unknown("activation", name)
        }
    }

    static func loss(_ value: Any?) throws -> Loss {
        let spec = value as? [String: Any] ?? [:]
        let logits = spec["from_logits"] as? Bool ?? false
        switch spec["name"] as? String ?? "" {
        case "categorical_crossentropy": return .categoricalCrossentropy(fromLogits: logits)
        case "sparse_categorical_crossentropy": return .sparseCategoricalCrossentropy(fromLogits: logits)
        case "binary_crossentropy": return .binaryCrossentropy(fromLogits: logits)
        case "mean_squared_error": return .meanSquaredError
        case "mean_absolute_error": return .meanAbsoluteError
        case let name: throw FixtureError.unknown("loss", name)
        }
    }

    static func optimizer(_ value: Any?) throws -> any Optimizer {
        let spec = value as? [String: Any] ?? [:]
        func number(_ key: String, _ fallback: Double) -> Double { (spec[key] as? NSNumber)?.doubleValue ?? fallback }
        let decay = number("decay", 0)
        switch spec["name"] as? String ?? "" {
        case "sgd":
            return SGD(learningRate: number("learning_rate", 0.01), momentum: number("momentum", 0),
                       nesterov: spec["nesterov"] as? Bool ?? false, decay: decay)
        case "adam":
            return Adam(learningRate: number("learning_rate", 0.001), beta1: number("beta_1", 0.9),
                        beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7),
                        amsgrad: spec["amsgrad"] as? Bool ?? false, decay: decay)
        case "adamax":
            return Adamax(learningRate: number("learning_rate", 0.001), beta1: number("beta_1", 0.9),
                          beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7), decay: decay)
        case "adagrad":
            return Adagrad(learningRate: number("learning_rate", 0.001),
                           initialAccumulator: number("initial_accumulator_value", 0.1),
                           epsilon: number("epsilon", 1e-7), decay: decay)
        case "rmsprop":
            return RMSprop(learningRate: number("learning_rate", 0.001), rho: number("rho", 0.9),
                           momentum: number("momentum", 0), epsilon: number("epsilon", 1e-7),
                           centered: spec["centered"] as? Bool ?? false, decay: decay)
        case "nadam":
            return Nadam(learningRate: number("learning_rate", 0.001), beta1: number("beta_1", 0.9),
                         beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7), decay: decay)
        case let name: throw FixtureError.unknown("optimizer", name)
        }
    }
}
