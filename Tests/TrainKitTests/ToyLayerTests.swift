import Testing
import TrainKit

/// A per-column trainable scale, `y = x · s` (s starts at ones), written outside the engine in this one
/// file through the public protocols: the layer value and its kernel with forward and backward.
///
/// ```
/// ∂s_j = Σ_i δ_ij · x_ij;  ∂x = δ · s
/// ```
struct Scale: Layer {
    var trainable = true
    var inputWidth: Int?
    var scale: [Float] = []
    var summary: String { "Scale" }
    var weights: [[Float]] { inputWidth == nil ? [] : [scale] }

    func outputWidth(inputWidth: Int) -> Int { inputWidth }
    func weightShapes(inputWidth: Int) -> [WeightShape] { [WeightShape(name: "Scale s", count: inputWidth)] }
    func inputWidth(impliedByFirstWeightOf count: Int) -> Int? { count }
    mutating func setWeights(_ weights: [[Float]]) { scale = weights[0] }

    mutating func build(inputWidth: Int, generator: inout SeededGenerator) {
        self.inputWidth = inputWidth
        scale = [Float](repeating: 1, count: inputWidth)
    }

    func makeKernel(capacity: Int, feedsBack: Bool) -> any LayerKernel { Kernel(self, capacity: capacity) }

    final class Kernel: LayerKernel {
        let template: Scale
        let outputWidth: Int
        let output, outputGradient, scale, scaleGradient: UnsafeMutablePointer<Float>
        let parameters: [TrainableTensor]
        let buffers = KernelBuffers()

        init(_ layer: Scale, capacity: Int) {
            template = layer
            outputWidth = layer.inputWidth!
            output = buffers.make(capacity * outputWidth)
            outputGradient = buffers.make(capacity * outputWidth)
            scale = buffers.make(copying: layer.scale)
            scaleGradient = buffers.make(outputWidth)
            parameters = layer.trainable
                ? [TrainableTensor(weights: UnsafeMutableBufferPointer(start: scale, count: outputWidth),
                                   gradient: UnsafeBufferPointer(start: scaleGradient, count: outputWidth))]
                : []
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            for i in 0..<rows * outputWidth { output[i] = input[i] * scale[i % outputWidth] }
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            scaleGradient.update(repeating: 0, count: outputWidth)
            for i in 0..<rows * outputWidth {
                scaleGradient[i % outputWidth] += outputGradient[i] * input[i]
                inputGradient?[i] = outputGradient[i] * scale[i % outputWidth]
            }
        }

        var weights: [[Float]] { [Array(UnsafeBufferPointer(start: scale, count: outputWidth))] }
        func load(_ weights: [[Float]]) { scale.update(from: weights[0], count: outputWidth) }
        var layer: any Layer {
            var layer = template
            layer.setWeights(weights)
            return layer
        }
    }
}

struct ToyLayerTests {
    /// w (a one-weight Dense) then s: prediction w·s on input 1, target 0.5, squared error, plain SGD:
    /// g_w = 2(ws − 0.5)·s and g_s = 2(ws − 0.5)·w, both from the weights before the step.
    @Test func aToyLayerTrainsInsideAModelAndListsItsWeights() {
        var model = Sequential(seed: 1) {
            Dense(1, useBias: false)
            Scale()
        }
        model.setWeights([[2], [1.5]])
        #expect(model.summary.rows.map(\.parameters) == [1, 1])
        #expect(model.summary.rows[1].name == "scale")
        model.compile(optimizer: SGD(learningRate: 0.05), loss: .meanSquaredError)
        model.fit(ScheduleWiringTests.rows, epochs: 1, batchSize: 1, shuffle: false)
        var w = 2.0, s = 1.5
        for _ in 0..<12 {
            let error = 2 * (w * s - 0.5)
            (w, s) = (w - 0.05 * error * s, s - 0.05 * error * w)
        }
        let weights = model.getWeights()
        #expect(abs(Double(weights[0][0]) - w) < 1e-5 && abs(Double(weights[1][0]) - s) < 1e-5, "\(weights) vs \(w), \(s)")
    }
}
