extension Dropout {
    /// A dropout at work. Training: `y = x / keep` for kept units (drawn with probability
    /// keep = 1 − rate), else 0, as Keras's `where(mask, x / keep, 0)`; the gradient flows only
    /// through the kept units, `∂x = δ / keep`. Otherwise `y = x` and `∂x = δ`.
    final class Kernel: LayerKernel {
        let template: Dropout
        let outputWidth: Int
        let output: UnsafeMutablePointer<Float>
        let outputGradient: UnsafeMutablePointer<Float>
        let parameters: [TrainableTensor] = []
        private let mask: UnsafeMutablePointer<Float>
        private var generator: SeededGenerator
        /// Whether the last forward pass dropped units.
        private var masked = false
        private let buffers = KernelBuffers()

        init(_ layer: Dropout, capacity: Int) {
            template = layer
            outputWidth = layer.inputWidth!
            output = buffers.make(capacity * outputWidth)
            outputGradient = buffers.make(capacity * outputWidth)
            mask = buffers.make(capacity * outputWidth)
            generator = layer.generator
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            let count = rows * outputWidth
            masked = training && template.rate > 0
            guard masked else {
                output.update(from: input, count: count)
                return
            }
            let keep = 1 - template.rate, divisor = Float(keep)
            for i in 0..<count {
                let kept = generator.nextUniform() < keep
                mask[i] = kept ? 1 : 0
                output[i] = kept ? input[i] / divisor : 0
            }
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            guard let inputGradient else { return }
            let count = rows * outputWidth
            guard masked else {
                inputGradient.update(from: outputGradient, count: count)
                return
            }
            let divisor = Float(1 - template.rate)
            for i in 0..<count { inputGradient[i] = mask[i] != 0 ? outputGradient[i] / divisor : 0 }
        }

        var weights: [[Float]] { [] }

        func load(_ weights: [[Float]]) {}

        var layer: any Layer {
            var layer = template
            layer.generator = generator
            return layer
        }
    }
}
