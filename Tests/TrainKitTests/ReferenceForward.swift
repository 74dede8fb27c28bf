import Foundation
@testable import TrainKit

/// An independent, plain Double implementation of a dense network's forward pass and of the
/// Keras losses, written from the formulas in the docs: the oracle that finite differences
/// differentiate.
struct ReferenceNetwork {
    struct Layer {
        var kernel: [Double]  // inputs × units, row-major
        var bias: [Double]
        let inputs: Int
        let units: Int
        let activation: Activation
    }
    var layers: [Layer]

    init(_ dense: [Dense]) {
        layers = dense.map {
            Layer(kernel: $0.kernel.map(Double.init), bias: $0.useBias ? $0.bias.map(Double.init) : [],
                  inputs: $0.inputWidth!, units: $0.units, activation: $0.activation)
        }
    }

    /// The flat list of weights in Keras order, for perturbing one at a time.
    var flat: [Double] {
        get { layers.flatMap { $0.kernel + $0.bias } }
        set {
            var offset = 0
            for index in layers.indices {
                let k = layers[index].kernel.count, b = layers[index].bias.count
                layers[index].kernel = Array(newValue[offset ..< offset + k])
                layers[index].bias = Array(newValue[offset + k ..< offset + k + b])
                offset += k + b
            }
        }
    }

    func forward(_ row: [Double]) -> [Double] {
        var a = row
        for layer in layers {
            var z = (0..<layer.units).map { j in layer.bias.isEmpty ? 0 : layer.bias[j] }
            for i in 0..<layer.inputs {
                for j in 0..<layer.units { z[j] += a[i] * layer.kernel[i * layer.units + j] }
            }
            a = apply(layer.activation, z)
        }
        return a
    }

    func apply(_ activation: Activation, _ z: [Double]) -> [Double] {
        switch activation.kind {
        case .linear: return z
        case .relu: return z.map { max(0, $0) }
        case .leakyRelu(let alpha): return z.map { $0 > 0 ? $0 : Double(alpha) * $0 }
        case .sigmoid: return z.map { 1 / (1 + exp(-$0)) }
        case .tanh: return z.map { Foundation.tanh($0) }
        case .softmax:
            let m = z.max()!
            let e = z.map { exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
    }

    /// The batch-mean loss, per Keras's formulas.
    func loss(_ loss: Loss, x: Matrix, y: Matrix) -> Double {
        var total = 0.0
        for r in 0..<x.rows {
            let p = forward(x.row(r).map(Double.init))
            let t = y.row(r).map(Double.init)
            total += sampleLoss(loss, p, t)
        }
        return total / Double(x.rows)
    }

    func sampleLoss(_ loss: Loss, _ p: [Double], _ target: [Double]) -> Double {
        let eps = 1e-7
        let clip = { (v: Double) in min(max(v, eps), 1 - eps) }
        var t = target
        if loss.kind == .sparseCategoricalCrossentropy {
            t = (0..<p.count).map { Double($0) == target[0] ? 1 : 0 }
        }
        switch loss.kind {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            if loss.fromLogits {
                let m = p.max()!
                let logSum = m + log(p.map { exp($0 - m) }.reduce(0, +))
                return -zip(t, p).map { $0 * ($1 - logSum) }.reduce(0, +)
            }
            let s = p.reduce(0, +)
            return -zip(t, p).map { $0 * log(clip($1 / s)) }.reduce(0, +)
        case .binaryCrossentropy:
            let terms = zip(t, p).map { y, q -> Double in
                if loss.fromLogits {
                    return y * log(1 + exp(-q)) + (1 - y) * log(1 + exp(q))
                }
                return -(y * log(clip(q)) + (1 - y) * log(1 - clip(q)))
            }
            return terms.reduce(0, +) / Double(p.count)
        case .meanSquaredError:
            return zip(t, p).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(p.count)
        case .meanAbsoluteError:
            return zip(t, p).map { abs($0 - $1) }.reduce(0, +) / Double(p.count)
        }
    }
}
