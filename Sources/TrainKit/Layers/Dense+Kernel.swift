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
        /// The nonzero entries of the input, for a layer wide enough that skipping zeros pays
        /// (the first layer on images): nil for narrow layers.
        private let sparseInput: SparseRows?
        /// The input whose entries `sparseUsed` holds after this forward pass, else nil (BLAS ran).
        private var sparseSource: UnsafePointer<Float>?
        private var sparseUsed: SparseRows?
        /// The entries the next forward pass on `input` (with `rows` rows) reads instead of
        /// `input`'s values: loaded by `preload` into this layer's own `sparseInput`, or another
        /// model's, trained in step on the same batch (`TrainingRun.train`).
        var preloaded: (input: UnsafePointer<Float>, rows: Int, entries: SparseRows)?
        /// Whether a batch that was not preloaded is scanned for zeros before its product; off
        /// while training on or measuring a set known to be too dense (Fashion-MNIST's pixels are
        /// about half nonzero), where every scan would end in BLAS anyway.
        var scansForZeros = true
        /// The learning rate of a plain SGD step (no momentum) that the next backward pass makes on
        /// the kernel itself, from the sums of `xᵀ · δ` in registers, when the input was sparse and
        /// the shape allows (`SparseRows.multiplyTransposed(_:n:steppingDown:learningRate:)`); it
        /// then sets `steppedKernel` and leaves the kernel gradient unwritten. Set for one step by
        /// `TrainingStep`.
        var plainSGDStep: Float?
        /// Whether the last backward pass stepped the kernel itself (see `plainSGDStep`).
        private(set) var steppedKernel = false

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
            sparseInput = inputs >= Self.sparseMinimumInputs && outputWidth >= 16
                ? SparseRows(capacity: capacity, width: inputs, density: Self.sparseMaximumDensity) : nil
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

        /// The narrowest input worth checking for zeros: below it the BLAS product is too cheap.
        static let sparseMinimumInputs = 256
        /// The largest share of nonzero inputs for which the layer skips zeros: MNIST batches (about
        /// 19 % nonzero) take the sparse path, Fashion-MNIST's (about half) and hidden layers stay
        /// with BLAS (bench/README.md, Profiling).
        static let sparseMaximumDensity = 0.3

        /// Whether the layer skips zero inputs (it is wide enough for that to pay).
        var takesSparseInput: Bool { sparseInput != nil }

        /// Loads the rows `indices` of `matrix` as the input of the next forward pass on `input`,
        /// which then reads them instead of `input`'s values (a shuffled batch that need not be
        /// gathered dense); false when this layer does not take sparse input or the rows are too dense.
        func preload<Rows: Collection<Int>>(_ indices: Rows, of matrix: SparseMatrix, as input: UnsafePointer<Float>) -> Bool {
            guard let sparseInput, matrix.width == inputs, sparseInput.load(indices, of: matrix) else { return false }
            preloaded = (input, indices.count, sparseInput)
            return true
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            // Preloaded rows wait for their own pass: any other input meanwhile goes to BLAS, so
            // it neither reads nor overwrites them.
            let isPreloaded = preloaded.map { $0.input == input && $0.rows == rows }
            let given = isPreloaded == true ? preloaded?.entries : nil
            if isPreloaded == true { preloaded = nil }
            let entries = given ?? (isPreloaded == nil && scansForZeros && sparseInput?.load(input, rows: rows) == true
                ? sparseInput : nil)
            if let entries {
                entries.multiply(kernel, n: outputWidth, into: output)
                sparseSource = input
            } else {
                BLAS.multiply(input, kernel, into: output, m: rows, n: outputWidth, k: inputs)
                sparseSource = nil
            }
            sparseUsed = entries
            activation.forward(output, bias: bias, rows: rows, cols: outputWidth)
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            if let biasGradient { biasGradient.update(repeating: 0, count: outputWidth) }
            let activation = outputGradientIsPreActivation ? .linear : activation
            activation.backward(outputGradient, outputs: output, biasGradient: biasGradient, rows: rows, cols: outputWidth)
            steppedKernel = false
            if let kernelGradient, let sparseUsed, sparseSource == input, sparseUsed.rows == rows {
                if let rate = plainSGDStep, inputGradient == nil,
                   sparseUsed.multiplyTransposed(outputGradient, n: outputWidth, steppingDown: kernel, learningRate: rate) {
                    steppedKernel = true
                } else {
                    sparseUsed.multiplyTransposed(outputGradient, n: outputWidth, into: kernelGradient)
                }
            } else if let kernelGradient {
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
