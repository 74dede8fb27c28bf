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

    /// The momentum of each step when it is scheduled (a one-cycle policy's), else nil. It is kept
    /// apart from the learning rate, so a callback that sets the rate keeps the cycled momentum.
    public let momentumSchedule: (@Sendable (Int) -> Double)?

    let step: TrainingStep
    var optimizer: any Optimizer
    /// The warnings so far, each after how many epochs it came (a memo hit repeats them in place).
    var warnings: [(epochsDone: Int, message: String)] = []
    let verbose: Verbosity
    /// The frozen base's features while `run` trains on them.
    var frozenFeatures: FrozenFeatures?
    /// How many times a callback has set the rate or the weights (a replay of recorded epochs
    /// ends when a callback does).
    private(set) var interventions = 0

    init(step: TrainingStep, optimizer: any Optimizer, momentumSchedule: (@Sendable (Int) -> Double)?,
         steps: Int, epochs: Int, verbose: Verbosity) {
        self.step = step
        self.optimizer = optimizer
        self.momentumSchedule = momentumSchedule
        self.steps = steps
        self.epochs = epochs
        self.verbose = verbose
    }

    var network: Network { step.network }
    var metrics: [(metric: Metric, resolved: ResolvedMetric)] { step.metrics }

    /// The momentum the next step will use: the cycled value, or the optimizer's own.
    public var momentum: Double {
        optimizer.settings(atStep: steps, momentumSchedule: momentumSchedule).momentum
    }

    /// The optimizer's name, e.g. `"SGD"`.
    public var optimizerName: String { optimizer.name }

    /// The learning rate the next step will use (the schedule's value at `steps`, without legacy
    /// decay, like Keras 2's `optimizer.lr`). Setting it replaces any schedule by that constant,
    /// as assigning `optimizer.learning_rate` does in Keras; a cycled momentum schedule stays.
    public var learningRate: Double {
        get { optimizer.learningRate(steps) }
        set {
            optimizer.learningRate = .constant(newValue)
            interventions += 1
        }
    }

    /// All weights of the model in Keras order (per layer, as `Sequential.getWeights`).
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
            frozenFeatures?.refresh(from: network)
            interventions += 1
        }
    }

    /// Reports a one-line warning through `TrainingEvents` (and prints it when verbose).
    public func warn(_ message: String) {
        warnings.append((history.epochs.count, message))
        TrainingEvents.emit(.warning(message))
        if verbose == .epochs { print("warning: \(message)") }
    }
}
