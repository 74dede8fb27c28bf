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
                break
            }
        }
        if kind == .softmax { softmaxRows(values, rows: rows, cols: cols) }
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

/// `row = exp(row − max) / Σ exp(row − max)` for each row of a `rows × cols` block, in place
/// (Keras's stable softmax). The exponentials of the whole block are taken eight at a time
/// (`expLanes`, `expf`'s bits), however the rows divide into eights; each row's are then summed in
/// column order.
func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, cols: Int) {
    let count = rows * cols
    guard count > 0 else { return }
    for r in 0..<rows {
        let row = values + r * cols
        var maximum = -Float.infinity
        for j in 0..<cols {
            let value = row[j]
            maximum = value > maximum ? value : maximum
        }
        for j in 0..<cols { row[j] -= maximum }
    }
    let raw = UnsafeMutableRawPointer(values)
    if count >= 8 {
        // Whole eights, then the last eight values (overlapping the eights before them), all
        // read before any is written: the overlapping values get the same results twice.
        let lastOffset = (count - 8) * 4
        let last = expLanes(raw.loadUnaligned(fromByteOffset: lastOffset, as: SIMD8<Float>.self))
        var i = 0
        while i + 8 <= count {
            raw.storeBytes(of: expLanes(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)),
                           toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        raw.storeBytes(of: last, toByteOffset: lastOffset, as: SIMD8<Float>.self)
    } else {
        // Fewer than eight: padded with zeros, whose exponentials are dropped.
        var lanes = SIMD8<Float>()
        for i in 0..<count { lanes[i] = values[i] }
        let e = expLanes(lanes)
        for i in 0..<count { values[i] = e[i] }
    }
    for r in 0..<rows {
        let row = values + r * cols
        var sum: Float = 0
        for j in 0..<cols { sum += row[j] }
        for j in 0..<cols { row[j] /= sum }
    }
}
