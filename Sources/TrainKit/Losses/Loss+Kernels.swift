#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keras's clipping bound for probabilities (`backend.epsilon()`).
let probabilityEpsilon: Float = 1e-7

/// The batch passes of a loss: per-sample values and the gradient of the batch mean.
extension Loss {
    /// The sum over `rows` samples of the per-sample loss; predictions are `rows × cols`,
    /// targets `rows × targetWidth(cols)`.
    func sum(_ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, rows: Int, cols: Int) -> Double {
        var total = 0.0
        let yCols = targetWidth(outputWidth: cols)
        for r in 0..<rows {
            total += Double(sample(p + r * cols, y + r * yCols, cols))
        }
        return total
    }

    /// Writes into `delta` the gradient of the batch-mean loss with respect to the layer's
    /// pre-activation values when `activation` lets the two fuse (softmax or sigmoid with a
    /// crossentropy on probabilities, or any loss after a linear output) and returns `true`;
    /// otherwise writes the gradient with respect to the outputs and returns `false`.
    func gradient(
        _ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, rows: Int, cols: Int,
        activation: Activation, into delta: UnsafeMutablePointer<Float>
    ) -> Bool {
        let scale = 1 / Float(rows)
        let yCols = targetWidth(outputWidth: cols)
        let fused = fuses(with: activation)
        for r in 0..<rows {
            let pr = p + r * cols, yr = y + r * yCols, dr = delta + r * cols
            if fused {
                fusedRowGradient(pr, yr, cols, scale, dr)
            } else {
                rowGradient(pr, yr, cols, scale, dr)
            }
        }
        return fused || activation == .linear
    }

    private func fuses(with activation: Activation) -> Bool {
        guard !fromLogits else { return false }
        switch kind {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy: return activation == .softmax
        case .binaryCrossentropy: return activation == .sigmoid
        case .meanSquaredError, .meanAbsoluteError: return false
        }
    }

    /// One sample's loss, computed in Float as Keras does.
    private func sample(_ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ cols: Int) -> Float {
        switch kind {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            if fromLogits {
                let logSum = logSumExp(p, cols)
                var loss: Float = 0
                forEachTarget(y, cols) { k, weight in loss -= weight * (p[k] - logSum) }
                return loss
            }
            var total: Float = 0
            for k in 0..<cols { total += p[k] }
            var loss: Float = 0
            forEachTarget(y, cols) { k, weight in loss -= weight * logf(clip(p[k] / total)) }
            return loss
        case .binaryCrossentropy:
            var loss: Float = 0
            for k in 0..<cols {
                if fromLogits {
                    loss += y[k] * softplus(-p[k]) + (1 - y[k]) * softplus(p[k])
                } else {
                    let c = clip(p[k])
                    loss -= y[k] * logf(c) + (1 - y[k]) * logf(1 - c)
                }
            }
            return loss / Float(cols)
        case .meanSquaredError:
            var loss: Float = 0
            for k in 0..<cols { loss += (y[k] - p[k]) * (y[k] - p[k]) }
            return loss / Float(cols)
        case .meanAbsoluteError:
            var loss: Float = 0
            for k in 0..<cols { loss += abs(y[k] - p[k]) }
            return loss / Float(cols)
        }
    }

    /// ∂(sample loss · scale)/∂p for one row.
    private func rowGradient(
        _ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ cols: Int, _ scale: Float,
        _ d: UnsafeMutablePointer<Float>
    ) {
        switch kind {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            if fromLogits {
                // ∂/∂z of −Σ y·log softmax(z) = softmax(z)·Σy − y.
                let logSum = logSumExp(p, cols)
                var targetSum: Float = 0
                forEachTarget(y, cols) { _, weight in targetSum += weight }
                for k in 0..<cols { d[k] = expf(p[k] - logSum) * targetSum * scale }
                forEachTarget(y, cols) { k, weight in d[k] -= weight * scale }
                return
            }
            // L = −Σ y·log clip(p/S): with h = ∂L/∂q (zero where clipped), ∂L/∂p = (h − Σ h·q)/S.
            var total: Float = 0
            for k in 0..<cols { total += p[k] }
            for k in 0..<cols { d[k] = 0 }
            var hq: Float = 0
            forEachTarget(y, cols) { k, weight in
                let q = p[k] / total
                if inside(q) {
                    d[k] = -weight / q
                    hq -= weight
                }
            }
            for k in 0..<cols { d[k] = (d[k] - hq) / total * scale }
        case .binaryCrossentropy:
            let perColumn = scale / Float(cols)
            for k in 0..<cols {
                if fromLogits {
                    d[k] = (1 / (1 + expf(-p[k])) - y[k]) * perColumn
                } else {
                    d[k] = inside(p[k]) ? (-y[k] / p[k] + (1 - y[k]) / (1 - p[k])) * perColumn : 0
                }
            }
        case .meanSquaredError:
            let perColumn = 2 * scale / Float(cols)
            for k in 0..<cols { d[k] = (p[k] - y[k]) * perColumn }
        case .meanAbsoluteError:
            let perColumn = scale / Float(cols)
            for k in 0..<cols { d[k] = p[k] > y[k] ? perColumn : (p[k] < y[k] ? -perColumn : 0) }
        }
    }

    /// ∂(sample loss · scale)/∂z for one row when the outputs are softmax or sigmoid of z: the
    /// chain rule through the activation collapses to a few terms (same values, less work).
    private func fusedRowGradient(
        _ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ cols: Int, _ scale: Float,
        _ d: UnsafeMutablePointer<Float>
    ) {
        if kind == .binaryCrossentropy {
            let perColumn = scale / Float(cols)
            for k in 0..<cols { d[k] = inside(p[k]) ? (p[k] - y[k]) * perColumn : 0 }
            return
        }
        // Softmax then −Σ y·log clip(p/S): ∂L/∂z_i = −y_i·[i not clipped] + q_i·Σ_k y_k·[k not clipped].
        var total: Float = 0
        for k in 0..<cols { total += p[k] }
        for k in 0..<cols { d[k] = 0 }
        var kept: Float = 0
        forEachTarget(y, cols) { k, weight in
            if inside(p[k] / total) {
                d[k] = -weight
                kept += weight
            }
        }
        for k in 0..<cols { d[k] = (d[k] + p[k] / total * kept) * scale }
    }

    /// Calls `body(column, weight)` for each target column with a non-zero weight: the one-hot
    /// row of a categorical target, or the class index of a sparse one.
    @inline(__always)
    private func forEachTarget(_ y: UnsafePointer<Float>, _ cols: Int, _ body: (Int, Float) -> Void) {
        if kind == .sparseCategoricalCrossentropy {
            let label = Int(y[0])
            require(Float(label) == y[0] && label >= 0 && label < cols,
                    "sparse categorical crossentropy needs class indices in 0..<\(cols), but got \(y[0]).")
            body(label, 1)
        } else {
            for k in 0..<cols where y[k] != 0 { body(k, y[k]) }
        }
    }
}

@inline(__always) private func clip(_ p: Float) -> Float {
    min(max(p, probabilityEpsilon), 1 - probabilityEpsilon)
}

/// Whether `clip` passes `p` through (its gradient is zero outside).
@inline(__always) private func inside(_ p: Float) -> Bool {
    p > probabilityEpsilon && p < 1 - probabilityEpsilon
}

/// log(1 + e^x) without overflow.
@inline(__always) private func softplus(_ x: Float) -> Float {
    max(x, 0) + log1pf(expf(-abs(x)))
}

private func logSumExp(_ z: UnsafePointer<Float>, _ cols: Int) -> Float {
    var maximum = -Float.infinity
    for k in 0..<cols where z[k] > maximum { maximum = z[k] }
    var sum: Float = 0
    for k in 0..<cols { sum += expf(z[k] - maximum) }
    return maximum + logf(sum)
}
