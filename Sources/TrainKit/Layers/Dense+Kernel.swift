extension Dense {
    /// A Dense layer at work. Forward: `z = x · W` (BLAS), then bias + activation in one pass.
    /// Backward: activation derivative + bias gradient in one pass, then `∂W = xᵀ · δ` and
    /// `δ_prev = δ · Wᵀ` (BLAS), skipping the work no trainable weight needs.
    final class Kernel: LayerKernel {
        let template: Dense
        let inputs: Int
        let outputWidth: Int
        let activation: Activation
        let kernel: UnsafeMutablePointer<Float>
        let bias: UnsafeMutablePointer<Float>?
        let kernelGradient: UnsafeMutablePointer<Float>?
        let biasGradient: UnsafeMutablePointer<Float>?
        let output: UnsafeMutablePointer<Float>
        /// ∂L/∂a, then ∂L/∂z in place.
        let outputGradient: UnsafeMutablePointer<Float>
        /// The kernel transposed, `units × inputs` (only when the layer feeds back): refreshed before
        /// each backward product of a trainable layer, and on every weight change of a frozen one.
        let kernelTransposed: UnsafeMutablePointer<Float>?
        let parameters: [TrainableTensor]
        private let buffers = KernelBuffers()

        init(_ layer: Dense, capacity: Int, feedsBack: Bool) {
            template = layer
            inputs = layer.inputWidth!
            outputWidth = layer.units
            activation = layer.activation
            let size = inputs * outputWidth
            kernel = buffers.make(copying: layer.kernel)
            bias = layer.useBias ? buffers.make(copying: layer.bias) : nil
            kernelGradient = layer.trainable ? buffers.make(size) : nil
            biasGradient = layer.trainable && layer.useBias ? buffers.make(outputWidth) : nil
            output = buffers.make(capacity * outputWidth)
            outputGradient = buffers.make(capacity * outputWidth)
            kernelTransposed = feedsBack ? buffers.make(size) : nil
            var parameters: [TrainableTensor] = []
            if let kernelGradient {
                parameters.append(TrainableTensor(weights: UnsafeMutableBufferPointer(start: kernel, count: size),
                                                  gradient: UnsafeBufferPointer(start: kernelGradient, count: size)))
            }
            if let bias, let biasGradient {
                parameters.append(TrainableTensor(weights: UnsafeMutableBufferPointer(start: bias, count: outputWidth),
                                                  gradient: UnsafeBufferPointer(start: biasGradient, count: outputWidth)))
            }
            self.parameters = parameters
            transposeFrozenKernel()
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            BLAS.multiply(input, kernel, into: output, m: rows, n: outputWidth, k: inputs)
            activation.forward(output, bias: bias, rows: rows, cols: outputWidth)
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            if let biasGradient { biasGradient.update(repeating: 0, count: outputWidth) }
            let activation = outputGradientIsPreActivation ? .linear : activation
            activation.backward(outputGradient, outputs: output, biasGradient: biasGradient, rows: rows, cols: outputWidth)
            if let kernelGradient {
                BLAS.multiply(input, transposeA: true, outputGradient, into: kernelGradient, m: inputs, n: outputWidth, k: rows)
            }
            if let inputGradient, let kernelTransposed {
                // δ · Wᵀ with an explicit Wᵀ: OpenBLAS runs the plain product in its small-matrix
                // kernel, the transposed one in its general path with packing, about twice as slow
                // on the tutorials' shapes even counting the copy (bench/README.md, Profiling).
                // A trainable kernel changed at the last update; a frozen one only in `load`.
                if kernelGradient != nil {
                    BLAS.transpose(kernel, into: kernelTransposed, rows: inputs, cols: outputWidth)
                }
                BLAS.multiply(outputGradient, kernelTransposed, into: inputGradient, m: rows, n: inputs, k: outputWidth)
            }
        }

        var weights: [[Float]] {
            let kernel = array(kernel, inputs * outputWidth)
            return bias.map { [kernel, array($0, outputWidth)] } ?? [kernel]
        }

        func load(_ weights: [[Float]]) {
            kernel.update(from: weights[0], count: inputs * outputWidth)
            if let bias { bias.update(from: weights[1], count: outputWidth) }
            transposeFrozenKernel()
        }

        var layer: any Layer {
            var layer = template
            layer.setWeights(weights)
            return layer
        }

        /// Refreshes the transposed copy of a frozen kernel, which `backward` leaves alone.
        private func transposeFrozenKernel() {
            if kernelGradient == nil, let kernelTransposed {
                BLAS.transpose(kernel, into: kernelTransposed, rows: inputs, cols: outputWidth)
            }
        }
    }
}
