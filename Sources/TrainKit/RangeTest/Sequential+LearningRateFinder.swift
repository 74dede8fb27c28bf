import Foundation

/// The learning-rate range test (Leslie Smith; fastai's `lr_find`).
extension Sequential {
    /// Trains a copy of the model for up to `steps` batches while the learning rate grows
    /// exponentially from `start` towards `end`, and records the smoothed loss of each batch, as
    /// fastai's `lr_find` does. The model itself is left as it was: weights, optimizer state, step
    /// count and shuffling stream. Memoized like `fit` when a notebook runner names a memo store.
    ///
    /// Batch `i` (from 0) uses the rate `start · (end/start)^(i/steps)`, so the last rate stays below
    /// `end`; fastai runs at least 6 steps. The batches are drawn shuffled, a new order every pass
    /// over the data, leaving out each pass's last partial batch (fastai's training loader drops
    /// it). After each batch the loss is smoothed, `avg = β·avg + (1 − β)·loss`,
    /// `smooth = avg / (1 − βⁿ)`, and the test stops once `smooth > stopFactor · best smooth`
    /// (never with `stopFactor` nil). A NaN loss does not stop it, as in fastai; suggestions stop
    /// before the first NaN. The optimizer keeps its other settings (momentum, β's) but not its
    /// schedule, legacy decay or cycled momentum: the test sets each batch's rate itself.
    ///
    /// ```swift
    /// let finder = model.findLearningRate(on: train, start: 1e-7, end: 10, steps: 100)
    /// show(finder.plot())
    /// let lr = finder.suggestion(.valley)
    /// ```
    public func findLearningRate(on data: Dataset, start: Double = 1e-7, end: Double = 10, steps: Int = 100,
                                 batchSize: Int = 32, stopFactor: Double? = 4, beta: Double = 0.98)
        -> LearningRateFinder
    {
        guard let compilation else { TrainKitError.notCompiled(operation: "findLearningRate").fail() }
        guard start > 0, end > 0, start.isFinite, end.isFinite, steps > 0, batchSize > 0, beta >= 0, beta < 1,
              stopFactor.map({ $0 > 0 }) ?? true
        else {
            TrainKitError.invalidArgument(
                "findLearningRate needs 0 < start, 0 < end, steps > 0, batchSize > 0, 0 ≤ beta < 1 and stopFactor > 0, "
                    + "but got start \(start), end \(end), steps \(steps), batchSize \(batchSize), beta \(beta), "
                    + "stopFactor \(stopFactor.map { "\($0)" } ?? "nil").").fail()
        }
        guard data.count > 0 else { TrainKitError.invalidArgument("findLearningRate needs at least one row.").fail() }
        var model = self
        if !model.isBuilt { model.build(inputWidth: data.x.cols) }
        model.check(data, role: "findLearningRate", loss: compilation.loss)
        let key = model.rangeTestMemoKey(
            data: data, settings: [start, end, Double(steps), Double(batchSize), stopFactor ?? .nan, beta])
        if let found = TrainingMemo.lookup(key, kind: "findLearningRate", decode: LearningRateFinder.decode) {
            return found
        }

        var test = RangeTest(model: model, compilation: compilation, batchSize: min(batchSize, data.count),
                             xWidth: data.x.cols, yWidth: data.y.cols)
        var recorder = SmoothedLossRecorder(beta: beta, stopFactor: stopFactor)
        let iterations = max(steps, 6)
        for index in 0..<iterations {
            let rate = start * pow(end / start, Double(index) / Double(iterations))
            let loss = test.trainNextBatch(of: data, learningRate: rate)
            if recorder.record(learningRate: rate, loss: loss) == .stop { break }
        }
        let finder = LearningRateFinder(learningRates: recorder.learningRates, losses: recorder.smoothed,
                                        rawLosses: recorder.raw, plannedSteps: steps)
        TrainingMemo.save(key) { writer in
            finder.encode(into: &writer)
            return true
        }
        return finder
    }
}

/// fastai's smoothing of the range test's losses and its stopping rule.
struct SmoothedLossRecorder {
    enum Decision { case goOn, stop }

    let beta: Double
    let stopFactor: Double?
    private var average = 0.0
    private var best = Double.infinity
    private(set) var learningRates: [Double] = []
    private(set) var smoothed: [Double] = []
    private(set) var raw: [Double] = []

    init(beta: Double, stopFactor: Double?) {
        self.beta = beta
        self.stopFactor = stopFactor
    }

    /// Adds a batch's loss at `learningRate`; says whether the smoothed loss has diverged.
    mutating func record(learningRate: Double, loss: Double) -> Decision {
        average = beta * average + (1 - beta) * loss
        let smooth = average / (1 - pow(beta, Double(raw.count + 1)))
        learningRates.append(learningRate)
        smoothed.append(smooth)
        raw.append(loss)
        if smooth < best { best = smooth }
        if let stopFactor, smooth > stopFactor * best { return .stop }
        return .goOn
    }
}

/// A copy of a model trained batch by batch at rates set from outside, on shuffled batches, with
/// the training step of `fit`.
private struct RangeTest {
    let step: TrainingStep
    var optimizer: any Optimizer
    var steps: Int
    var shuffler: SeededGenerator
    let batchSize: Int
    let gatherer: BatchGatherer
    private var order: [Int] = []
    private var nextBatch = 0
    /// The batch's loss sum, kept so a batch allocates nothing.
    private var sums = [0.0]

    init(model: Sequential, compilation: Sequential.Compilation, batchSize: Int, xWidth: Int, yWidth: Int) {
        step = TrainingStep(network: Network(layers: model.layers, capacity: batchSize), loss: compilation.loss,
                            metrics: [])
        optimizer = compilation.optimizer
        steps = compilation.steps
        shuffler = model.shuffleGenerator
        self.batchSize = batchSize
        gatherer = BatchGatherer(capacity: batchSize, xWidth: xWidth, yWidth: yWidth)
    }

    /// One update on the next batch at `learningRate`; returns the batch's loss before the update.
    mutating func trainNextBatch(of data: Dataset, learningRate: Double) -> Double {
        let batchesPerPass = data.count / batchSize
        if nextBatch == 0 || nextBatch == batchesPerPass {
            order = shuffler.permutation(data.count)
            nextBatch = 0
        }
        let rows = order[nextBatch * batchSize ..< (nextBatch + 1) * batchSize]
        nextBatch += 1
        // The test sets each batch's rate itself: no schedule, legacy decay or cycled momentum.
        let settings = OptimizerStep(index: steps, learningRate: Float(learningRate), momentum: optimizer.momentum)
        sums[0] = 0
        data.x.data.withUnsafeBufferPointer { x in
            data.y.data.withUnsafeBufferPointer { y in
                let batch = gatherer.gather(rows, x: x.baseAddress!, xWidth: data.x.cols, y: y.baseAddress!,
                                            yWidth: data.y.cols)
                step.run(batch, optimizer: &optimizer, settings: settings, sums: &sums)
            }
        }
        steps += 1
        return sums[0] / Double(batchSize)
    }
}
