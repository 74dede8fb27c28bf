/// The running fit as a callback sees it: the learning rate, the weights, the history so far,
/// and the switch that stops training.
public final class TrainingContext {
    /// The number of epochs `fit` was asked for.
    public let epochs: Int
    /// The current epoch, from 0.
    public internal(set) var epoch = 0
    /// The optimizer steps taken so far (Keras's `optimizer.iterations`), across fits of a model.
    public internal(set) var steps: Int
    /// The epochs recorded so far.
    public internal(set) var history = History()
    /// Set to `true` to end training after the current batch (or epoch, from `onEpochEnd`).
    public var stopTraining = false

    let network: Network
    var optimizer: any Optimizer
    let loss: Loss
    let metrics: [(metric: Metric, resolved: ResolvedMetric)]
    let verbose: Verbosity

    init(network: Network, optimizer: any Optimizer, steps: Int, epochs: Int, loss: Loss,
         metrics: [(metric: Metric, resolved: ResolvedMetric)], verbose: Verbosity) {
        self.network = network
        self.optimizer = optimizer
        self.steps = steps
        self.epochs = epochs
        self.loss = loss
        self.metrics = metrics
        self.verbose = verbose
    }

    /// The optimizer's name, e.g. `"SGD"`.
    public var optimizerName: String { optimizer.name }

    /// The learning rate the next step will use (the schedule's value at `steps`, without legacy
    /// decay, like Keras 2's `optimizer.lr`). Setting it replaces any schedule by that constant,
    /// as assigning `optimizer.learning_rate` does in Keras.
    public var learningRate: Double {
        get { optimizer.learningRate(steps) }
        set { optimizer.learningRate = .constant(newValue) }
    }

    /// All weights of the model in Keras order (per Dense layer its kernel, then its bias).
    /// Setting them needs the same number and sizes of arrays.
    public var weights: [[Float]] {
        get { network.weights }
        set {
            let expected = network.weights.map(\.count)
            guard newValue.map(\.count) == expected else {
                TrainKitError.weightsMismatch(
                    "weights must have sizes \(expected) in Keras order, but got \(newValue.map(\.count)).").fail()
            }
            network.load(newValue)
        }
    }

    /// Reports a one-line warning through `TrainingEvents` (and prints it when verbose).
    public func warn(_ message: String) {
        TrainingEvents.emit(.warning(message))
        if verbose == .epochs { print("warning: \(message)") }
    }
}
