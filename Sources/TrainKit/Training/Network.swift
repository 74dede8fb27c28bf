/// The working form of a model during one fit, evaluate or predict: the weights, gradients and
/// per-layer activations in buffers allocated once for batches of up to `capacity` rows, so the
/// training loop allocates nothing.
///
/// Forward: `z = x · W` (BLAS), then bias + activation in one pass. Backward: activation
/// derivative + bias gradient in one pass, then `∂W = xᵀ · δ` and `δ_prev = δ · Wᵀ` (BLAS),
/// skipping the work no trainable weight needs.
final class Network {
    struct Part {
        let inputs: Int
        let units: Int
        let activation: Activation
        let trainable: Bool
        /// Whether a trainable layer sits below this one, so δ must flow to the previous layer.
        let feedsBack: Bool
        let kernel: UnsafeMutablePointer<Float>
        let bias: UnsafeMutablePointer<Float>?
        let kernelGradient: UnsafeMutablePointer<Float>?
        let biasGradient: UnsafeMutablePointer<Float>?
        /// Activations `a`, `capacity × units`.
        let output: UnsafeMutablePointer<Float>
        /// ∂L/∂a, then ∂L/∂z in place, `capacity × units`.
        let delta: UnsafeMutablePointer<Float>
        /// The kernel transposed, `units × inputs` (only when `feedsBack`): refreshed before each
        /// backward product of a trainable layer, and on every weight change of a frozen one.
        let kernelTransposed: UnsafeMutablePointer<Float>?
    }

    let parts: [Part]
    let capacity: Int
    /// The trainable tensors and their gradients, in Keras order (kernel, then bias, per layer).
    let parameters: [(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>)]
    private var allocations: [UnsafeMutablePointer<Float>] = []

    /// Buffers for built `layers` and batches of up to `capacity` rows, weights copied in.
    init(layers: [Dense], capacity: Int) {
        require(!layers.isEmpty && layers.allSatisfy(\.isBuilt), "a network needs built layers.")
        require(capacity > 0, "batch capacity must be positive, but got \(capacity).")
        BLAS.prepare()
        var allocations: [UnsafeMutablePointer<Float>] = []
        func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
            let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            allocations.append(pointer)
            return pointer
        }
        var parts: [Part] = []
        var parameters: [(UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>)] = []
        for (index, layer) in layers.enumerated() {
            let inputs = layer.inputWidth!, units = layer.units
            let kernel = allocate(inputs * units)
            kernel.update(from: layer.kernel, count: inputs * units)
            var bias: UnsafeMutablePointer<Float>?
            if layer.useBias {
                bias = allocate(units)
                bias!.update(from: layer.bias, count: units)
            }
            let feedsBack = layers[..<index].contains(where: \.trainable)
            let kernelGradient = layer.trainable ? allocate(inputs * units) : nil
            let biasGradient = layer.trainable && layer.useBias ? allocate(units) : nil
            if let kernelGradient {
                parameters.append((UnsafeMutableBufferPointer(start: kernel, count: inputs * units),
                                   UnsafeBufferPointer(start: kernelGradient, count: inputs * units)))
            }
            if let bias, let biasGradient {
                parameters.append((UnsafeMutableBufferPointer(start: bias, count: units),
                                   UnsafeBufferPointer(start: biasGradient, count: units)))
            }
            parts.append(Part(
                inputs: inputs, units: units, activation: layer.activation, trainable: layer.trainable,
                feedsBack: feedsBack,
                kernel: kernel, bias: bias, kernelGradient: kernelGradient, biasGradient: biasGradient,
                output: allocate(capacity * units), delta: allocate(capacity * units),
                kernelTransposed: feedsBack ? allocate(inputs * units) : nil))
        }
        self.parts = parts
        self.capacity = capacity
        self.parameters = parameters.map { (weights: $0.0, gradient: $0.1) }
        self.allocations = allocations
        transposeFrozenKernels()
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    /// The output width of the last layer.
    var outputWidth: Int { parts[parts.count - 1].units }

    /// The last layer's activations after `forward`.
    var output: UnsafeMutablePointer<Float> { parts[parts.count - 1].output }

    /// The buffer the loss writes its gradient into.
    var outputDelta: UnsafeMutablePointer<Float> { parts[parts.count - 1].delta }

    /// The last layer's activation.
    var outputActivation: Activation { parts[parts.count - 1].activation }

    /// Runs `rows` input rows (row-major, `inputs` wide) through every layer; returns the output.
    @discardableResult
    func forward(_ x: UnsafePointer<Float>, rows: Int) -> UnsafeMutablePointer<Float> {
        require(rows <= capacity, "a batch of \(rows) rows exceeds the network's capacity \(capacity).")
        var input = x
        for part in parts {
            BLAS.multiply(input, part.kernel, into: part.output, m: rows, n: part.units, k: part.inputs)
            part.activation.forward(part.output, bias: part.bias, rows: rows, cols: part.units)
            input = UnsafePointer(part.output)
        }
        return parts[parts.count - 1].output
    }

    /// Computes every trainable gradient from the loss gradient in `outputDelta`, which holds
    /// ∂L/∂z when `outputDeltaIsPreActivation`, else ∂L/∂a. Needs the matching `forward`.
    func backward(_ x: UnsafePointer<Float>, rows: Int, outputDeltaIsPreActivation: Bool) {
        for index in parts.indices.reversed() {
            let part = parts[index]
            guard part.trainable || part.feedsBack else { break }
            if let biasGradient = part.biasGradient { biasGradient.update(repeating: 0, count: part.units) }
            let activation = index == parts.count - 1 && outputDeltaIsPreActivation ? .linear : part.activation
            activation.backward(part.delta, outputs: part.output, biasGradient: part.biasGradient,
                                rows: rows, cols: part.units)
            if let kernelGradient = part.kernelGradient {
                let input = index == 0 ? x : UnsafePointer(parts[index - 1].output)
                BLAS.multiply(input, transposeA: true, part.delta, into: kernelGradient,
                              m: part.inputs, n: part.units, k: rows)
            }
            if let kernelTransposed = part.kernelTransposed {
                // δ · Wᵀ with an explicit Wᵀ: OpenBLAS runs the plain product in its small-matrix
                // kernel, the transposed one in its general path with packing, about twice as slow
                // on the tutorials' shapes even counting the copy (bench/README.md, Profiling).
                // A trainable kernel changed at the last update; a frozen one only in `load`.
                if part.trainable {
                    BLAS.transpose(part.kernel, into: kernelTransposed, rows: part.inputs, cols: part.units)
                }
                BLAS.multiply(part.delta, kernelTransposed, into: parts[index - 1].delta,
                              m: rows, n: part.inputs, k: part.units)
            }
        }
    }

    /// Copies the current weights back into `layers` (the ones this network was made from).
    func store(into layers: inout [Dense]) {
        for (index, part) in parts.enumerated() {
            let kernel = Array(UnsafeBufferPointer(start: part.kernel, count: part.inputs * part.units))
            let bias = part.bias.map { Array(UnsafeBufferPointer(start: $0, count: part.units)) } ?? []
            layers[index].setWeights(kernel: kernel, bias: bias)
        }
    }

    /// All weights in Keras order.
    var weights: [[Float]] {
        parts.flatMap { part -> [[Float]] in
            var tensors = [Array(UnsafeBufferPointer(start: part.kernel, count: part.inputs * part.units))]
            if let bias = part.bias { tensors.append(Array(UnsafeBufferPointer(start: bias, count: part.units))) }
            return tensors
        }
    }

    /// Replaces all weights, given in Keras order with the right sizes (checked by the caller).
    func load(_ weights: [[Float]]) {
        var next = weights.makeIterator()
        for part in parts {
            part.kernel.update(from: next.next()!, count: part.inputs * part.units)
            if let bias = part.bias { bias.update(from: next.next()!, count: part.units) }
        }
        transposeFrozenKernels()
    }

    /// Refreshes the transposed copies of frozen kernels, which `backward` leaves alone.
    private func transposeFrozenKernels() {
        for part in parts where !part.trainable {
            if let kernelTransposed = part.kernelTransposed {
                BLAS.transpose(part.kernel, into: kernelTransposed, rows: part.inputs, cols: part.units)
            }
        }
    }
}
