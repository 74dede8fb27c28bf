import Testing
@testable import TrainKit

/// Analytic gradients of every activation and loss (fused and unfused paths) against central
/// finite differences of an independent Double forward pass.
struct GradientCheckTests {
    struct Case: CustomStringConvertible, Sendable {
        let hidden: Activation
        let output: Activation
        let loss: Loss
        var outputs = 3
        /// The index of a layer to freeze, if any.
        var frozenLayer: Int?
        var description: String {
            "\(hidden)→\(output) \(loss)\(loss.fromLogits ? "(logits)" : "")\(frozenLayer.map { " layer \($0) frozen" } ?? "")"
        }
    }

    static let cases: [Case] = [
        Case(hidden: .relu, output: .softmax, loss: .categoricalCrossentropy),
        Case(hidden: .tanh, output: .softmax, loss: .sparseCategoricalCrossentropy),
        Case(hidden: .tanh, output: .sigmoid, loss: .binaryCrossentropy),
        Case(hidden: .sigmoid, output: .sigmoid, loss: .binaryCrossentropy, outputs: 1),
        Case(hidden: .leakyRelu, output: .linear, loss: .meanSquaredError),
        Case(hidden: .leakyRelu(alpha: 0.05), output: .tanh, loss: .meanSquaredError),
        Case(hidden: .sigmoid, output: .linear, loss: .meanAbsoluteError),
        Case(hidden: .tanh, output: .linear, loss: .categoricalCrossentropy(fromLogits: true)),
        Case(hidden: .relu, output: .linear, loss: .sparseCategoricalCrossentropy(fromLogits: true)),
        Case(hidden: .linear, output: .linear, loss: .binaryCrossentropy(fromLogits: true)),
        // Unfused paths: crossentropy on sigmoid outputs (normalised by their sum), softmax + MSE.
        Case(hidden: .relu, output: .sigmoid, loss: .categoricalCrossentropy),
        Case(hidden: .tanh, output: .softmax, loss: .meanSquaredError),
        Case(hidden: .sigmoid, output: .softmax, loss: .binaryCrossentropy),
        Case(hidden: .relu, output: .softmax, loss: .categoricalCrossentropy, frozenLayer: 0),
        // A frozen layer between trainable ones still carries δ down, through its transposed kernel.
        Case(hidden: .tanh, output: .softmax, loss: .categoricalCrossentropy, frozenLayer: 1),
    ]

    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ testCase: Case) {
        var generator = SeededGenerator(seed: 7)
        let rows = 5, inputs = 4
        var model = Sequential(seed: 3) {
            Dense(6, activation: testCase.hidden, biasInitializer: .constant(0.1))
            Dense(5, activation: testCase.hidden, biasInitializer: .constant(-0.05))
            Dense(testCase.outputs, activation: testCase.output)
        }
        model.build(inputWidth: inputs)
        if let frozen = testCase.frozenLayer { model.layers[frozen].trainable = false }
        let x = randomMatrix(rows: rows, cols: inputs, scale: 1.5, generator: &generator)
        let y = targets(for: testCase, rows: rows, generator: &generator)

        // The engine: the training step, with an optimizer that records the gradients it is given.
        // The network starts from zero weights and loads the model's, as a callback setting weights
        // does, so every copy must follow `load`.
        var zeroed = model.layers
        for index in zeroed.indices { zeroed[index].setWeights(zeroed[index].weights.map { $0.map { _ in 0 } }) }
        let network = Network(layers: zeroed, capacity: rows)
        network.load(model.getWeights())
        let (engineLoss, analytic) = recordedGradients(network, loss: testCase.loss, x: x, y: y)

        // The oracle: central differences of the Double reference, trainable tensors only.
        var reference = ReferenceNetwork(model.layers.map { $0 as! Dense })
        let referenceLoss = reference.loss(testCase.loss, x: x, y: y)
        #expect(abs(engineLoss - referenceLoss) <= 1e-5 * max(1, abs(referenceLoss)), "loss \(engineLoss) vs \(referenceLoss)")
        var numeric: [Double] = []
        let base = reference.flat
        var offset = 0
        for layer in model.layers {
            let size = layer.parameterCount
            if layer.trainable {
                for index in offset ..< offset + size {
                    let h = 1e-6
                    var plus = base, minus = base
                    plus[index] += h
                    minus[index] -= h
                    reference.flat = plus
                    let up = reference.loss(testCase.loss, x: x, y: y)
                    reference.flat = minus
                    let down = reference.loss(testCase.loss, x: x, y: y)
                    numeric.append((up - down) / (2 * h))
                }
            }
            offset += size
        }
        #expect(analytic.count == numeric.count)
        let agree = close(analytic, numeric, rtol: 2e-3, atol: 2e-5)
        #expect(agree, "worst ratio \(worstRatio(analytic, numeric, rtol: 2e-3, atol: 2e-5))")
    }

    private func targets(for testCase: Case, rows: Int, generator: inout SeededGenerator) -> Matrix {
        let k = testCase.outputs
        switch testCase.loss.kind {
        case .sparseCategoricalCrossentropy:
            return Matrix((0..<rows).map { _ in [Float(generator.nextInt(below: k))] })
        case .categoricalCrossentropy:
            return Matrix((0..<rows).map { _ in
                let label = generator.nextInt(below: k)
                return (0..<k).map { $0 == label ? 1 : 0 }
            })
        case .binaryCrossentropy:
            return Matrix((0..<rows).map { _ in (0..<k).map { _ in Float(generator.nextInt(below: 2)) } })
        case .meanSquaredError, .meanAbsoluteError:
            return randomMatrix(rows: rows, cols: k, scale: 1, generator: &generator)
        }
    }
}
