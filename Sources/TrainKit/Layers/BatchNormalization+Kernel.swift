#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BatchNormalization {
    /// A batch normalization at work, in Keras's float32 order of operations. The backward pass of
    /// training mode differentiates through the batch statistics, with x̂ = (x − μ)/√(σ² + ε):
    ///
    /// ```
    /// ∂β = Σ δ;  ∂γ = Σ δ·x̂;  ∂x = γ/√(σ² + ε) · (δ − (∂β + x̂·∂γ)/N)
    /// ```
    final class Kernel: LayerKernel {
        let template: BatchNormalization
        let outputWidth: Int
        let output: UnsafeMutablePointer<Float>
        let outputGradient: UnsafeMutablePointer<Float>
        let parameters: [TrainableTensor]
        private let gamma, beta, movingMean, movingVariance: UnsafeMutablePointer<Float>
        private let gammaGradient, betaGradient: UnsafeMutablePointer<Float>
        /// Per column, from the last forward pass: the mean, 1/√(σ² + ε), the scale and the shift.
        private let mean, inverseDeviation, scale, shift: UnsafeMutablePointer<Float>
        /// Whether the last forward pass used the batch's statistics.
        private var usedBatchStatistics = false
        private let buffers = KernelBuffers()

        init(_ layer: BatchNormalization, capacity: Int) {
            template = layer
            let width = layer.inputWidth!
            outputWidth = width
            output = buffers.make(capacity * width)
            outputGradient = buffers.make(capacity * width)
            gamma = buffers.make(copying: layer.gamma)
            beta = buffers.make(copying: layer.beta)
            movingMean = buffers.make(copying: layer.movingMean)
            movingVariance = buffers.make(copying: layer.movingVariance)
            gammaGradient = buffers.make(width)
            betaGradient = buffers.make(width)
            mean = buffers.make(width)
            inverseDeviation = buffers.make(width)
            scale = buffers.make(width)
            shift = buffers.make(width)
            parameters = layer.trainable ? [
                TrainableTensor(weights: UnsafeMutableBufferPointer(start: gamma, count: width),
                                gradient: UnsafeBufferPointer(start: gammaGradient, count: width)),
                TrainableTensor(weights: UnsafeMutableBufferPointer(start: beta, count: width),
                                gradient: UnsafeBufferPointer(start: betaGradient, count: width)),
            ] : []
        }

        func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) {
            let width = outputWidth
            usedBatchStatistics = training && template.trainable
            if usedBatchStatistics {
                measureBatch(input, rows: rows)
                let keep = Float(template.momentum), blend = Float(1 - template.momentum)
                for j in 0..<width {
                    movingMean[j] = movingMean[j] * keep + mean[j] * blend
                    movingVariance[j] = movingVariance[j] * keep + inverseDeviation[j] * blend
                }
            } else {
                mean.update(from: movingMean, count: width)
                inverseDeviation.update(from: movingVariance, count: width)
            }
            // `inverseDeviation` held the variance until here.
            let epsilon = Float(template.epsilon)
            for j in 0..<width {
                inverseDeviation[j] = 1 / sqrtf(inverseDeviation[j] + epsilon)
                scale[j] = inverseDeviation[j] * gamma[j]
                shift[j] = -mean[j] * scale[j] + beta[j]
            }
            for i in 0..<rows {
                let x = input + i * width, y = output + i * width
                for j in 0..<width { y[j] = x[j] * scale[j] + shift[j] }
            }
        }

        /// The batch's mean into `mean` and its biased variance into `inverseDeviation`.
        private func measureBatch(_ input: UnsafePointer<Float>, rows: Int) {
            let width = outputWidth, count = Float(rows)
            mean.update(repeating: 0, count: width)
            inverseDeviation.update(repeating: 0, count: width)
            for i in 0..<rows {
                let x = input + i * width
                for j in 0..<width { mean[j] += x[j] }
            }
            for j in 0..<width { mean[j] /= count }
            for i in 0..<rows {
                let x = input + i * width
                for j in 0..<width {
                    let d = x[j] - mean[j]
                    inverseDeviation[j] += d * d
                }
            }
            for j in 0..<width { inverseDeviation[j] /= count }
        }

        func backward(_ input: UnsafePointer<Float>, rows: Int, inputGradient: UnsafeMutablePointer<Float>?,
                      outputGradientIsPreActivation: Bool) {
            let width = outputWidth
            guard usedBatchStatistics else {
                // Fixed statistics: y = x · scale + shift, so ∂x = δ · scale.
                guard let inputGradient else { return }
                for i in 0..<rows * width { inputGradient[i] = outputGradient[i] * scale[i % width] }
                return
            }
            betaGradient.update(repeating: 0, count: width)
            gammaGradient.update(repeating: 0, count: width)
            for i in 0..<rows {
                let x = input + i * width, d = outputGradient + i * width
                for j in 0..<width {
                    betaGradient[j] += d[j]
                    gammaGradient[j] += d[j] * (x[j] - mean[j]) * inverseDeviation[j]
                }
            }
            guard let inputGradient else { return }
            let count = Float(rows)
            for i in 0..<rows {
                let x = input + i * width, d = outputGradient + i * width, dx = inputGradient + i * width
                for j in 0..<width {
                    let normalized = (x[j] - mean[j]) * inverseDeviation[j]
                    dx[j] = scale[j] * (d[j] - (betaGradient[j] + normalized * gammaGradient[j]) / count)
                }
            }
        }

        var weights: [[Float]] {
            let tensors: [UnsafeMutablePointer<Float>] = [gamma, beta, movingMean, movingVariance]
            return tensors.map { array($0, outputWidth) }
        }

        func load(_ weights: [[Float]]) {
            let tensors: [UnsafeMutablePointer<Float>] = [gamma, beta, movingMean, movingVariance]
            for (pointer, values) in zip(tensors, weights) {
                pointer.update(from: values, count: outputWidth)
            }
        }

        var layer: any Layer {
            var layer = template
            layer.setWeights(weights)
            return layer
        }
    }
}
