import Foundation
import Testing
@testable import TrainKit

/// BatchNormalization and Dropout against traces recorded from real Keras (keras_layers.json, made by
/// scripts/reference/keras_layers.py): Dense(5, relu) → the layer → Dense(3, softmax) with injected
/// weights, stepped batch by batch. Per step the loss, every weight and the moving statistics must agree
/// to float32 rounding; after the last step, the inference-mode predictions and evaluation loss.
struct KerasLayerTests {
    static let file = "keras_layers"

    static func model(_ fixture: [String: Any]) throws -> Sequential {
        let middle = try #require(fixture["middle"] as? [String: Any])
        func number(_ key: String) -> Double { (middle[key] as? NSNumber)?.doubleValue ?? .nan }
        var layer: any Layer
        switch middle["kind"] as? String {
        case "batch_normalization":
            layer = BatchNormalization(momentum: number("momentum"), epsilon: number("epsilon"))
            layer.trainable = middle["trainable"] as? Bool ?? true
        case "dropout":
            layer = Dropout(number("rate"))
        default:
            throw KerasFixtureTests.FixtureError.unknown("layer", "\(middle["kind"] ?? "nil")")
        }
        var model = Sequential(seed: 0) {
            Dense(5, activation: .relu)
            layer
            Dense(3, activation: .softmax)
        }
        model.setWeights(rows(fixture["initial_weights"]).map { $0.map(Float.init) })
        return model
    }

    @Test(arguments: KerasFixtureTests.names(file))
    func everyStepAndTheInferenceOutputMatchKeras(_ name: String) throws {
        let fixture = try #require(KerasFixtureTests.fixtureCase(Self.file, name), "fixture keras_layers.json is missing")
        var model = try Self.model(fixture)
        let loss = try KerasFixtureTests.loss(fixture["loss"])
        model.compile(optimizer: try KerasFixtureTests.optimizer(fixture["optimizer"]), loss: loss)
        let x = matrix(fixture["x"]), y = matrix(fixture["y"])
        let batchSize = try #require(fixture["batch_size"] as? Int)
        let stepLosses = doubles(fixture["step_losses"])
        let weightsAfter = try #require(fixture["weights_after_step"] as? [Any])
        #expect(!stepLosses.isEmpty && stepLosses.count == weightsAfter.count)
        for step in stepLosses.indices {
            let indices = (0..<batchSize).map { (step * batchSize + $0) % x.rows }
            let batch = Dataset(x: Matrix(indices.map { x.row($0) }), y: Matrix(indices.map { y.row($0) }))
            let history = model.fit(batch, epochs: 1, batchSize: batchSize, shuffle: false)
            #expect(abs(history["loss"][0] - stepLosses[step]) <= 1e-5 * abs(stepLosses[step]) + 1e-7,
                    "step \(step) loss \(history["loss"][0]) vs \(stepLosses[step])")
            let expected = rows(weightsAfter[step]).flatMap { $0 }
            let actual = model.getWeights().flatMap { $0 }.map(Double.init)
            // The tolerance of the optimizer traces: float32 rounding compounded over the steps.
            let ratio = worstRatio(actual, expected, rtol: 1e-5, atol: 1e-5)
            #expect(actual.count == expected.count && ratio <= 1, "step \(step): weights differ, worst ratio \(ratio)")
            if ratio > 1 { break }
        }
        let evaluation = Dataset(x: matrix(fixture["x_eval"]), y: matrix(fixture["y_eval"]))
        let predictions = model.predict(evaluation.x).data.map(Double.init)
        let expectedPredictions = rows(fixture["predictions"]).flatMap { $0 }
        #expect(close(predictions, expectedPredictions, rtol: 1e-5, atol: 1e-6),
                "predictions \(predictions) vs \(expectedPredictions)")
        let expectedLoss = try #require((fixture["evaluate_loss"] as? NSNumber)?.doubleValue)
        let evaluated = try #require(model.evaluate(evaluation)["loss"])
        #expect(abs(evaluated - expectedLoss) <= 1e-5 * abs(expectedLoss) + 1e-7, "evaluate \(evaluated) vs \(expectedLoss)")
    }
}
