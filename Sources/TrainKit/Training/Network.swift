/// The working form of a model during one fit, evaluate or predict: the kernels of its layers,
/// chained so each one reads the output of the one below and writes ∂L/∂input into that one's
/// `outputGradient`. Every buffer is allocated once, for batches of up to `capacity` rows.
final class Network {
    let kernels: [any LayerKernel]
    let capacity: Int
    /// Whether layer `i` must run its backward pass (it trains, or a trainable layer sits below).
    private let runsBackward: [Bool]
    /// The trainable tensors and their gradients, in Keras order.
    let parameters: [TrainableTensor]
    /// `parameters` without the first (the first layer's kernel, when `TrainingStep` has stepped it
    /// in the backward pass).
    let parametersAfterFirst: [TrainableTensor]
    /// The output width of the last layer.
    let outputWidth: Int
    /// The last layer's output after `forward`.
    let output: UnsafeMutablePointer<Float>
    /// The buffer the loss writes its gradient into.
    let outputDelta: UnsafeMutablePointer<Float>
    /// The last layer's activation, which the loss may fuse with.
    let outputActivation: Activation
    /// Where ∂L/∂input of layer `i` goes: the `outputGradient` of layer `i − 1` when it feeds back.
    private let inputGradients: [UnsafeMutablePointer<Float>?]
    /// Each layer's output buffer (kept here so the passes need not ask the kernels).
    private let outputs: [UnsafeMutablePointer<Float>]
    /// The first layer the passes run: 0, or the number of leading frozen layers whose outputs a
    /// fit computed once for all its rows (`FrozenFeatures`), which the passes then take as input.
    var start = 0

    /// Kernels for built `layers` and batches of up to `capacity` rows, weights copied in.
    init(layers: [any Layer], capacity: Int) {
        require(!layers.isEmpty && layers.allSatisfy(\.isBuilt), "a network needs built layers.")
        require(capacity > 0, "batch capacity must be positive, but got \(capacity).")
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
        runsBackward = zip(kernels, feedsBack).map { !$0.parameters.isEmpty || $1 }
        parameters = kernels.flatMap(\.parameters)
        parametersAfterFirst = Array(parameters.dropFirst())
        let last = kernels[kernels.count - 1]
        outputWidth = last.outputWidth
        output = last.output
        outputDelta = last.outputGradient
        outputActivation = last.activation
        outputs = kernels.map(\.output)
        inputGradients = kernels.indices.map { feedsBack[$0] ? kernels[$0 - 1].outputGradient : nil }
    }

    /// Runs `rows` input rows (row-major) through every layer; returns the output. `training`
    /// selects training-time behaviour (batch statistics, dropout); evaluation and prediction run
    /// without it.
    @discardableResult
    func forward(_ x: UnsafePointer<Float>, rows: Int, training: Bool = false) -> UnsafeMutablePointer<Float> {
        forward(x, rows: rows, training: training, layers: start ..< kernels.count)
    }

    /// Runs `rows` input rows through the layers `layers` only; returns the last one's output.
    func forward(_ x: UnsafePointer<Float>, rows: Int, training: Bool, layers: Range<Int>) -> UnsafeMutablePointer<Float> {
        require(rows <= capacity, "a batch of \(rows) rows exceeds the network's capacity \(capacity).")
        var input = x
        for index in layers {
            kernels[index].forward(input, rows: rows, training: training)
            input = UnsafePointer(outputs[index])
        }
        return outputs[layers.upperBound - 1]
    }

    /// Computes every trainable gradient from the loss gradient in `outputDelta`, which holds
    /// ∂L/∂z when `outputDeltaIsPreActivation`, else ∂L/∂a. Needs the matching training `forward`.
    func backward(_ x: UnsafePointer<Float>, rows: Int, outputDeltaIsPreActivation: Bool) {
        for index in kernels.indices.reversed() {
            guard runsBackward[index], index >= start else { break }
            let input = index == start ? x : UnsafePointer(outputs[index - 1])
            kernels[index].backward(input, rows: rows, inputGradient: inputGradients[index],
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
