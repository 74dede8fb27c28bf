#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fused element-wise passes of a Dense layer: bias + activation forward, and activation
/// derivative + bias gradient backward, each in one sweep over the batch.
extension Activation {
    /// `values[r, j] = act(values[r, j] + bias[j])` for a `rows × cols` block, in place.
    func forward(_ values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>?, rows: Int, cols: Int) {
        for r in 0..<rows {
            let row = values + r * cols
            if let bias, kind != .relu {
                for j in 0..<cols { row[j] += bias[j] }
            }
            switch kind {
            case .linear:
                break
            case .relu:
                reluRow(row, adding: bias, cols)
            case .leakyRelu(let alpha):
                for j in 0..<cols { row[j] = row[j] > 0 ? row[j] : alpha * row[j] }
            case .sigmoid:
                for j in 0..<cols { row[j] = 1 / (1 + expf(-row[j])) }
            case .tanh:
                for j in 0..<cols { row[j] = tanhf(row[j]) }
            case .softmax:
                softmaxRow(row, cols)
            }
        }
    }

    /// Turns `delta` from ∂L/∂a into ∂L/∂z in place, using the outputs `a`, and adds each
    /// column's sum of ∂L/∂z to `biasGradient` (when given, which must start at zero).
    func backward(
        _ delta: UnsafeMutablePointer<Float>, outputs a: UnsafePointer<Float>,
        biasGradient: UnsafeMutablePointer<Float>?, rows: Int, cols: Int
    ) {
        for r in 0..<rows {
            let d = delta + r * cols
            let out = a + r * cols
            switch kind {
            case .linear:
                break
            case .relu:
                // a > 0 exactly where z > 0; the derivative at 0 is 0, as in TensorFlow and JAX.
                // Loading d[j] before the choice makes it a select the compiler vectorizes; the
                // written `out[j] > 0 ? d[j] : 0` became a branch mispredicted on half the units.
                for j in 0..<cols {
                    let gradient = d[j]
                    d[j] = out[j] > 0 ? gradient : 0
                }
            case .leakyRelu(let alpha):
                for j in 0..<cols {
                    let gradient = d[j]
                    d[j] = out[j] > 0 ? gradient : alpha * gradient
                }
            case .sigmoid:
                for j in 0..<cols { d[j] *= out[j] * (1 - out[j]) }
            case .tanh:
                for j in 0..<cols { d[j] *= 1 - out[j] * out[j] }
            case .softmax:
                var dot: Float = 0
                for j in 0..<cols { dot += out[j] * d[j] }
                for j in 0..<cols { d[j] = out[j] * (d[j] - dot) }
            }
            if let biasGradient {
                for j in 0..<cols { biasGradient[j] += d[j] }
            }
        }
    }
}

/// `row = max(row + bias, 0)`, in place: bias and relu in one vectorized pass (the select
/// compiles to a max; NaN becomes 0, as before the fusion).
private func reluRow(_ row: UnsafeMutablePointer<Float>, adding bias: UnsafePointer<Float>?, _ cols: Int) {
    if let bias {
        for j in 0..<cols {
            let z = row[j] + bias[j]
            row[j] = z > 0 ? z : 0
        }
    } else {
        for j in 0..<cols { row[j] = row[j] > 0 ? row[j] : 0 }
    }
}

/// `row = exp(row − max) / Σ exp(row − max)`, in place (Keras's stable softmax). The exponentials
/// are taken eight at a time (`expLanes`, `expf`'s bits), then summed in column order.
func softmaxRow(_ row: UnsafeMutablePointer<Float>, _ cols: Int) {
    var maximum = -Float.infinity
    for j in 0..<cols where row[j] > maximum { maximum = row[j] }
    let shift = SIMD8<Float>(repeating: maximum)
    if cols >= 8 {
        // Whole eights, then the last eight columns (overlapping the eights before them), all
        // read before any is written: the overlapping columns get the same values twice.
        let raw = UnsafeMutableRawPointer(row), lastOffset = (cols - 8) * 4
        let last = expLanes(raw.loadUnaligned(fromByteOffset: lastOffset, as: SIMD8<Float>.self) - shift)
        var j = 0
        while j + 8 <= cols {
            let e = expLanes(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - shift)
            raw.storeBytes(of: e, toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        raw.storeBytes(of: last, toByteOffset: lastOffset, as: SIMD8<Float>.self)
    } else {
        // Fewer than eight: padded with zeros, whose exponentials are dropped.
        var lanes = SIMD8<Float>()
        for lane in 0..<cols { lanes[lane] = row[lane] - maximum }
        let e = expLanes(lanes)
        for lane in 0..<cols { row[lane] = e[lane] }
    }
    var sum: Float = 0
    for j in 0..<cols { sum += row[j] }
    for j in 0..<cols { row[j] /= sum }
}
