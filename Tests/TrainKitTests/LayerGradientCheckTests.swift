import Foundation
import Testing
@testable import TrainKit

/// BatchNormalization in training mode and Dropout with a fixed mask: the gradients of the one training
/// step against central finite differences of an independent Double forward pass over the whole batch
/// (batch normalization couples the rows through the batch's mean and variance).
struct LayerGradientCheckTests {
    /// A batch-level Double reference: dense layers, batch normalization with the batch's statistics,
    /// and a fixed dropout mask (1 for kept units, 0 for dropped ones).
    struct Reference {
        enum Part {
            case dense(kernel: [Double], bias: [Double], inputs: Int, units: Int, activation: Activation)
            case batchNormalization(gamma: [Double], beta: [Double], epsilon: Double)
            case dropout(mask: [[Double]], keep: Double)
        }
        var parts: [Part]

        /// The trainable values in Keras order: kernels and biases, gammas and betas.
        var flat: [Double] {
            get {
                parts.flatMap { part -> [Double] in
                    switch part {
                    case .dense(let kernel, let bias, _, _, _): return kernel + bias
                    case .batchNormalization(let gamma, let beta, _): return gamma + beta
                    case .dropout: return []
                    }
                }
            }
            set {
                var offset = 0
                func take(_ count: Int) -> [Double] {
                    defer { offset += count }
                    return Array(newValue[offset ..< offset + count])
                }
                parts = parts.map { part in
                    switch part {
                    case .dense(let kernel, let bias, let inputs, let units, let activation):
                        return .dense(kernel: take(kernel.count), bias: take(bias.count), inputs: inputs, units: units,
                                      activation: activation)
                    case .batchNormalization(let gamma, let beta, let epsilon):
                        return .batchNormalization(gamma: take(gamma.count), beta: take(beta.count), epsilon: epsilon)
                    case .dropout: return part
                    }
                }
            }
        }

        func forward(_ batch: [[Double]]) -> [[Double]] {
            var a = batch
            let helper = ReferenceNetwork([])
            for part in parts {
                switch part {
                case .dense(let kernel, let bias, let inputs, let units, let activation):
                    a = a.map { row in
                        helper.apply(activation, (0..<units).map { j in
                            (0..<inputs).reduce(bias[j]) { $0 + row[$1] * kernel[$1 * units + j] }
                        })
                    }
                case .batchNormalization(let gamma, let beta, let epsilon):
                    let n = Double(a.count)
                    let means = gamma.indices.map { j in a.reduce(0) { $0 + $1[j] } / n }
                    let variances = gamma.indices.map { j in a.reduce(0) { $0 + pow($1[j] - means[j], 2) } / n }
                    a = a.map { row in
                        gamma.indices.map { j in gamma[j] * (row[j] - means[j]) / (variances[j] + epsilon).squareRoot() + beta[j] }
                    }
                case .dropout(let mask, let keep):
                    a = zip(a, mask).map { row, kept in zip(row, kept).map { $1 == 0 ? 0 : $0 / keep } }
                }
            }
            return a
        }

        func loss(_ loss: Loss, x: Matrix, y: Matrix) -> Double {
            let outputs = forward(x.rowArrays.map { $0.map(Double.init) })
            let helper = ReferenceNetwork([])
            return zip(outputs, y.rowArrays).reduce(0) { $0 + helper.sampleLoss(loss, $1.0, $1.1.map(Double.init)) }
                / Double(x.rows)
        }

        /// Central differences of the loss with respect to every trainable value.
        func numericGradient(_ loss: Loss, x: Matrix, y: Matrix) -> [Double] {
            var copy = self
            let base = flat
            return base.indices.map { index in
                let h = 1e-6
                var plus = base, minus = base
                plus[index] += h
                minus[index] -= h
                copy.flat = plus
                let up = copy.loss(loss, x: x, y: y)
                copy.flat = minus
                return (up - copy.loss(loss, x: x, y: y)) / (2 * h)
            }
        }
    }

    static func dense(_ layer: any Layer) -> Reference.Part {
        let dense = layer as! Dense
        return .dense(kernel: dense.kernel.map(Double.init), bias: dense.bias.map(Double.init), inputs: dense.inputWidth!,
                      units: dense.units, activation: dense.activation)
    }

    /// A model with non-trivial gamma and beta, built for `inputs` columns.
    static func built(_ model: Sequential, inputs: Int) -> Sequential {
        var model = model
        model.build(inputWidth: inputs)
        var weights = model.getWeights()
        var generator = SeededGenerator(seed: 11)
        for (index, layer) in model.layers.enumerated() where layer is BatchNormalization {
            let start = model.layers[..<index].reduce(0) { $0 + $1.weights.count }
            weights[start] = weights[start].map { _ in Float(generator.nextUniform(0.5, 1.5)) }
            weights[start + 1] = weights[start + 1].map { _ in Float(generator.nextUniform(-0.3, 0.3)) }
        }
        model.setWeights(weights)
        return model
    }

    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let bnFirst: Bool
        let loss: Loss
        let outputs: Int
        var description: String { name }
    }

    static let cases = [
        Case(name: "Dense-BN-Dense, softmax cross-entropy", bnFirst: false, loss: .categoricalCrossentropy, outputs: 3),
        Case(name: "BN-Dense-BN-Dense, mean squared error", bnFirst: true, loss: .meanSquaredError, outputs: 2),
    ]

    @Test(arguments: cases)
    func batchNormalizationGradientsMatchFiniteDifferences(_ testCase: Case) {
        var generator = SeededGenerator(seed: 5)
        let rows = 6, inputs = 4
        let model = Self.built(Sequential(seed: 9) {
            if testCase.bnFirst { BatchNormalization(momentum: 0.9, epsilon: 0.01) }
            Dense(5, activation: .tanh, biasInitializer: .constant(0.1))
            BatchNormalization(momentum: 0.99, epsilon: 0.001)
            Dense(testCase.outputs, activation: testCase.outputs == 3 ? .softmax : .linear)
        }, inputs: inputs)
        let x = randomMatrix(rows: rows, cols: inputs, scale: 2, generator: &generator)
        let y = testCase.outputs == 3
            ? Matrix((0..<rows).map { r in (0..<3).map { $0 == r % 3 ? 1 : 0 } })
            : randomMatrix(rows: rows, cols: 2, scale: 1, generator: &generator)
        let (engineLoss, analytic) = recordedGradients(Network(layers: model.layers, capacity: rows), loss: testCase.loss,
                                                       x: x, y: y)
        let reference = Reference(parts: model.layers.map { layer in
            guard let bn = layer as? BatchNormalization else { return Self.dense(layer) }
            return .batchNormalization(gamma: bn.gamma.map(Double.init), beta: bn.beta.map(Double.init), epsilon: bn.epsilon)
        })
        let referenceLoss = reference.loss(testCase.loss, x: x, y: y)
        #expect(abs(engineLoss - referenceLoss) <= 1e-5 * max(1, abs(referenceLoss)), "loss \(engineLoss) vs \(referenceLoss)")
        let numeric = reference.numericGradient(testCase.loss, x: x, y: y)
        #expect(analytic.count == numeric.count)
        #expect(close(analytic, numeric, rtol: 2e-3, atol: 2e-5),
                "worst ratio \(worstRatio(analytic, numeric, rtol: 2e-3, atol: 2e-5))")
    }

    /// The gradient flows only through the units the forward pass kept, scaled by 1/(1 − rate): the
    /// mask is read from the forward pass (a kept unit is its input / keep, a dropped one 0) and held
    /// fixed in the reference.
    @Test func dropoutGradientsMatchFiniteDifferencesWithTheMaskFixed() {
        var generator = SeededGenerator(seed: 6)
        let rows = 8, inputs = 4, rate = 0.4
        var model = Sequential(seed: 4) {
            Dense(6, activation: .tanh, biasInitializer: .constant(0.1))
            Dropout(rate)
            Dense(3, activation: .softmax)
        }
        model.build(inputWidth: inputs)
        let x = randomMatrix(rows: rows, cols: inputs, scale: 2, generator: &generator)
        let y = Matrix((0..<rows).map { r in (0..<3).map { $0 == r % 3 ? 1 : 0 } })
        let network = Network(layers: model.layers, capacity: rows)
        let (engineLoss, analytic) = recordedGradients(network, loss: .categoricalCrossentropy, x: x, y: y)
        let before = network.kernels[0].output, after = network.kernels[1].output
        let keep = 1 - rate
        var mask: [[Double]] = []
        for r in 0..<rows {
            mask.append((0..<6).map { j in after[r * 6 + j] == 0 ? 0 : 1 })
            for j in 0..<6 where after[r * 6 + j] != 0 {
                #expect(after[r * 6 + j] == before[r * 6 + j] / Float(keep), "a kept unit is its input / (1 − rate)")
            }
        }
        let dropped = mask.joined().filter { $0 == 0 }.count
        #expect(dropped > 0 && dropped < rows * 6, "\(dropped) of \(rows * 6) units dropped")
        let reference = Reference(parts: [Self.dense(model.layers[0]), .dropout(mask: mask, keep: keep),
                                          Self.dense(model.layers[2])])
        let referenceLoss = reference.loss(.categoricalCrossentropy, x: x, y: y)
        #expect(abs(engineLoss - referenceLoss) <= 1e-5 * max(1, abs(referenceLoss)), "loss \(engineLoss) vs \(referenceLoss)")
        let numeric = reference.numericGradient(.categoricalCrossentropy, x: x, y: y)
        #expect(close(analytic, numeric, rtol: 2e-3, atol: 2e-5),
                "worst ratio \(worstRatio(analytic, numeric, rtol: 2e-3, atol: 2e-5))")
    }
}
