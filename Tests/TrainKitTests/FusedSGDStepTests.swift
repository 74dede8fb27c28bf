import Testing
@testable import TrainKit

/// Plain SGD on a mostly-zero first layer steps that layer's kernel inside the backward pass
/// (`SparseRows.multiplyTransposed(_:n:steppingDown:learningRate:)`). The oracle is the step
/// spelled out: the gradients the training step gives an optimizer that only records them (the
/// unfused path), and Keras's update `w ← w − g · η` on every tensor, batch after batch. `fit`
/// must leave the same weights, bit for bit.
struct FusedSGDStepTests {
    /// 64 rows 300 wide, about a fifth nonzero (the sparse path), one-hot targets of 10 classes.
    static func data() -> Dataset {
        let x = SparseInputTests.sparseValues(rows: 64, width: 300, density: 0.2, seed: 5)
        let y: [[Float]] = (0..<64).map { row in (0..<10).map { $0 == (row * 7) % 10 ? 1 : 0 } }
        return Dataset(x: (0..<64).map { Array(x[$0 * 300 ..< ($0 + 1) * 300]) }, y: y)
    }

    static func model(units: Int) -> Sequential {
        Sequential(seed: 3) {
            Dense(units, activation: .relu, kernelInitializer: .heUniform)
            Dense(10, activation: .softmax)
        }
    }

    /// 50 units: the fused step (17 to 64 columns ending in a short piece); 32: the usual way.
    @Test(arguments: [50, 32])
    func fitLeavesTheWeightsOfTheStepSpelledOut(units: Int) {
        let data = Self.data(), batchSize = 16, rate: Float = 0.05, epochs = 3
        var model = Self.model(units: units)
        model.build(inputWidth: 300)
        let network = Network(layers: model.layers, capacity: batchSize)
        model.compile(optimizer: SGD(learningRate: Double(rate)), loss: .categoricalCrossentropy)
        _ = model.fit(data, epochs: epochs, batchSize: batchSize, shuffle: false)

        for _ in 0..<epochs {
            for start in stride(from: 0, to: data.count, by: batchSize) {
                let batch = data.rows(start ..< start + batchSize)
                let gradients = recordedGradients(network, loss: .categoricalCrossentropy, x: batch.x, y: batch.y).gradients
                var offset = 0
                let stepped = network.weights.map { tensor in
                    defer { offset += tensor.count }
                    return tensor.indices.map { tensor[$0] - Float(gradients[offset + $0]) * rate }
                }
                network.load(stepped)
            }
        }
        let expected = network.weights.flatMap { $0 }, trained = model.getWeights().flatMap { $0 }
        let differing = zip(trained, expected).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(trained.count == expected.count && differing == 0, "\(differing) of \(expected.count) weights differ")
    }

    /// The step is taken inside the backward pass exactly when it can be: plain SGD, a sparse first
    /// layer of 50 units. With momentum, or 32 units, the step takes the usual way.
    @Test(arguments: [(50, 0.0, true), (50, 0.9, false), (32, 0.0, false)])
    func theKernelStepsInTheBackwardPassOnlyWithPlainSGD(units: Int, momentum: Double, fused: Bool) {
        var model = Self.model(units: units)
        model.build(inputWidth: 300)
        let network = Network(layers: model.layers, capacity: 16)
        let batch = Self.data().rows(0..<16)
        var optimizer: any Optimizer = SGD(learningRate: 0.05, momentum: momentum)
        var sums = [0.0]
        let step = TrainingStep(network: network, loss: .categoricalCrossentropy, metrics: [])
        batch.x.data.withUnsafeBufferPointer { x in
            batch.y.data.withUnsafeBufferPointer { y in
                step.run(Batch(x: x.baseAddress!, y: y.baseAddress!, rows: 16), optimizer: &optimizer,
                         settings: OptimizerStep(index: 0, learningRate: 0.05, momentum: momentum), sums: &sums)
            }
        }
        #expect(network.sparseInputLayer?.steppedKernel == fused)
    }
}
