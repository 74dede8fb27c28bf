/// The working form of a model during one fit, evaluate or predict: the kernels of its layers,
/// chained so each one reads the output of the one below and writes ∂L/∂input into that one's
/// `outputGradient`. Every buffer is allocated once, for batches of up to `capacity` rows.
final class Network {
    let kernels: [any LayerKernel]
    let capacity: Int
    /// Whether layer `i` must run its backward pass (it trains, or a trainable layer sits below).
    private let runsBackward: [Bool]
    /// Whether a trainable layer sits below layer `i`, so ∂L/∂input must flow down from it.
    private let feedsBack: [Bool]
    /// The trainable tensors and their gradients, in Keras order.
    let parameters: [TrainableTensor]

    /// Kernels for built `layers` and batches of up to `capacity` rows, weights copied in.
    init(layers: [any Layer], capacity: Int) {
        precondition(!layers.isEmpty && layers.allSatisfy(\.isBuilt), "a network needs built layers.")
        precondition(capacity > 0, "batch capacity must be positive, but got \(capacity).")
        BLAS.prepare()
        var kernels: [any LayerKernel] = [], feedsBack: [Bool] = []
        var trainableBelow = false
        for layer in layers {
            let kernel = layer.makeKernel(capacity: capacity, feedsBack: trainableBelow)
            kernels.append(kernel)
            feedsBack.append(trainableBelow)
            trainableBelow = trainableBelow || !kernel.parameters.isEmpty
        }
        self.kernels = kernels
        self.capacity = capacity
        self.feedsBack = feedsBack
        runsBackward = zip(kernels, feedsBack).map { !$0.parameters.isEmpty || $1 }
        parameters = kernels.flatMap(\.parameters)
    }

    /// The output width of the last layer.
    var outputWidth: Int { kernels[kernels.count - 1].outputWidth }

    /// The last layer's output after `forward`.
    var output: UnsafeMutablePointer<Float> { kernels[kernels.count - 1].output }

    /// The buffer the loss writes its gradient into.
    var outputDelta: UnsafeMutablePointer<Float> { kernels[kernels.count - 1].outputGradient }

    /// The last layer's activation, which the loss may fuse with.
    var outputActivation: Activation { kernels[kernels.count - 1].activation }

    /// Runs `rows` input rows (row-major) through every layer; returns the output. `training`
    /// selects training-time behaviour (batch statistics, dropout); evaluation and prediction run
    /// without it.
    @discardableResult
    func forward(_ x: UnsafePointer<Float>, rows: Int, training: Bool = false) -> UnsafeMutablePointer<Float> {
        precondition(rows <= capacity, "a batch of \(rows) rows exceeds the network's capacity \(capacity).")
        var input = x
        for kernel in kernels {
            kernel.forward(input, rows: rows, training: training)
            input = UnsafePointer(kernel.output)
        }
        return output
    }

    /// Computes every trainable gradient from the loss gradient in `outputDelta`, which holds
    /// ∂L/∂z when `outputDeltaIsPreActivation`, else ∂L/∂a. Needs the matching training `forward`.
    func backward(_ x: UnsafePointer<Float>, rows: Int, outputDeltaIsPreActivation: Bool) {
        for index in kernels.indices.reversed() {
            guard runsBackward[index] else { break }
            let input = index == 0 ? x : UnsafePointer(kernels[index - 1].output)
            let inputGradient = feedsBack[index] ? kernels[index - 1].outputGradient : nil
            kernels[index].backward(input, rows: rows, inputGradient: inputGradient,
                                    outputGradientIsPreActivation: outputDeltaIsPreActivation && index == kernels.count - 1)
        }
    }

    /// The layers with the current weights and state.
    var layers: [any Layer] { kernels.map(\.layer) }

    /// All weights in Keras order.
    var weights: [[Float]] { kernels.flatMap(\.weights) }

    /// Replaces all weights, given in Keras order with the right sizes (checked by the caller).
    func load(_ weights: [[Float]]) {
        var start = 0
        for kernel in kernels {
            let count = kernel.weights.count
            kernel.load(Array(weights[start ..< start + count]))
            start += count
        }
    }
}
