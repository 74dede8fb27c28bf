/// Compiling, fitting, evaluating and predicting, as Keras's `Model` methods.
extension Sequential {
    /// Sets the optimizer, the loss and the metrics; resets the optimizer's state and step count.
    public mutating func compile(optimizer: any Optimizer, loss: Loss, metrics: [Metric] = []) {
        compilation = Compilation(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    /// Compiles with an optimizer given by its Keras name (`"adam"`, `"sgd"`, …) and defaults.
    public mutating func compile(optimizer name: String, loss: Loss, metrics: [Metric] = []) {
        compile(optimizer: Optimizers.named(name), loss: loss, metrics: metrics)
    }

    /// Trains the model, as Keras's `fit`, and returns what each epoch recorded.
    ///
    /// - Parameters:
    ///   - data: The training rows.
    ///   - epochs: Passes over the data.
    ///   - batchSize: Rows per step; the last batch of an epoch may be smaller.
    ///   - validation: Rows measured with the weights at each epoch's end (`val_` keys).
    ///   - validationSplit: When `validation` is nil, this fraction of `data`'s LAST rows
    ///     (taken before any shuffling) becomes the validation data.
    ///   - shuffle: Draw a new order of the training rows every epoch.
    ///   - callbacks: Code run at each epoch and batch (learning-rate schedules, early stopping).
    ///   - verbose: `.epochs` prints one line per epoch.
    ///
    /// A model whose first layers are frozen Dense or BatchNormalization layers (a transfer-learning
    /// base, `base.frozen()`) gets their outputs computed once for all rows of `data` and
    /// `validation`, not again for every batch of every epoch: they map each row alone and the same
    /// way in every epoch, so only the layers above train batch by batch. The history and weights
    /// are those of the batch-by-batch run (the same bits wherever a layer's product of a row does
    /// not depend on the rows beside it in its batch, as the engine's own products do not). A
    /// callback that sets other weights for the frozen layers gets features computed from them.
    ///
    /// A fit whose only callbacks are `ReduceLROnPlateau` and `EarlyStopping` trains exactly as
    /// the same fit without them until one of them first acts. When that fit without callbacks
    /// has already run in this program (a constant-rate run before a plateau sweep), its recorded
    /// epochs are replayed — logs, reports and the callbacks' decisions as if trained — and
    /// training starts after the epoch at whose end a callback first lowered the rate, set the
    /// weights or stopped. The history and weights are those of a run from the first epoch, bit
    /// for bit. Models with a `Dropout` layer always train in full. Runs are kept in memory only,
    /// up to 128 MiB; `TRAINBOOK_REPLAY=0` turns replaying off.
    ///
    /// When a notebook runner names a memo store (see ``TrainingMemo``), a fit whose inputs were all
    /// seen before is not run again: its history, weights, optimizer state and random streams are
    /// read back exactly as the run left them. The inputs are the layers (with their weights), the
    /// optimizer and its settings and state, the learning-rate and momentum schedules by their
    /// values over the planned steps, the loss, metrics, data bytes, epochs, batch size, shuffling,
    /// the model's random streams, the callbacks' settings and the engine build. A fit is run
    /// without memo when one of them cannot be described: a user-defined layer, optimizer or
    /// callback type, or a `LearningRateScheduler` together with another callback that changes
    /// the rate (`ReduceLROnPlateau` or a second scheduler). Schedules and scheduler closures
    /// must be pure functions of their arguments: they are evaluated ahead of the run to form
    /// the key, and not at all on a hit.
    @discardableResult
    public mutating func fit(
        _ data: Dataset, epochs: Int = 1, batchSize: Int = 32, validation: Dataset? = nil,
        validationSplit: Double = 0, shuffle: Bool = true, callbacks: [any Callback] = [],
        verbose: Verbosity = .silent
    ) -> History {
        guard var compilation else { TrainKitError.notCompiled(operation: "fit").fail() }
        guard epochs >= 0, batchSize > 0 else {
            TrainKitError.invalidArgument(
                "fit needs epochs ≥ 0 and batchSize > 0, but got epochs \(epochs), batchSize \(batchSize).").fail()
        }
        guard validationSplit >= 0 && validationSplit < 1 else {
            TrainKitError.invalidArgument("fit: validationSplit must be in [0, 1), but got \(validationSplit).").fail()
        }
        var train = data, held = validation
        if held == nil && validationSplit > 0 {
            // Keras: split_at = floor(N · (1 − split)); the validation rows are the last ones.
            let splitAt = Int((Double(data.count) * (1 - validationSplit)).rounded(.down))
            guard splitAt > 0 && splitAt < data.count else {
                TrainKitError.invalidArgument(
                    "fit: validationSplit \(validationSplit) of \(data.count) rows leaves no training or no "
                        + "validation rows. Use more rows or another split.").fail()
            }
            train = rows(of: data, 0..<splitAt)
            held = rows(of: data, splitAt..<data.count)
        }
        guard train.count > 0 else { TrainKitError.invalidArgument("fit needs at least one training row.").fail() }
        if !isBuilt { build(inputWidth: train.x.cols) }
        check(train, role: "fit", loss: compilation.loss)
        if let held { check(held, role: "validation", loss: compilation.loss) }

        let request = FitRequest(data: data, validation: validation, validationSplit: validationSplit,
                                 trainCount: train.count, epochs: epochs, batchSize: batchSize,
                                 shuffle: shuffle, callbacks: callbacks)
        let key = memoKey(for: request)
        if let history = restoreFitMemo(key, epochs: epochs, verbose: verbose) { return history }
        // A fit without callbacks is recorded; one whose callbacks only watch until they act
        // replays the recorded epochs of its twin without them (`RecordedRun`).
        let replays = RecordedRuns.isEnabled && !layers.contains { $0 is Dropout }
            && (callbacks.isEmpty || Self.watchesUntilActing(callbacks))
        let twinKey = replays ? (callbacks.isEmpty ? key ?? fitKey(for: request) : fitKey(for: request.withoutCallbacks)) : nil
        let twin = callbacks.isEmpty ? nil : twinKey.flatMap(RecordedRuns.run(for:))
        let recorder = callbacks.isEmpty ? twinKey.map(RecordedRun.Recorder.init(key:)) : nil
        let network = Network(layers: layers, capacity: batchSize)
        let step = TrainingStep(network: network, loss: compilation.loss,
                                metrics: resolvedMetrics(compilation, targetWidth: train.y.cols))
        let initialOptimizer = compilation.optimizer
        let context = TrainingContext(
            step: step, optimizer: compilation.optimizer, momentumSchedule: compilation.momentumSchedule,
            steps: compilation.steps, epochs: epochs, verbose: verbose)
        let run = TrainingRun(context: context, train: train, validation: held, batchSize: batchSize, shuffle: shuffle,
                              callbacks: callbacks, shuffler: shuffleGenerator,
                              computesFrozenFeaturesOnce: computesFrozenFeaturesOnce, twin: twin, recorder: recorder)
        // In a sweep, the fits of a group train together (on the same batches, in step).
        if let (group, member) = SweepGroup.current {
            group.train(run, member: member)
        } else {
            TrainingRun.train([run])
        }
        run.end()
        shuffleGenerator = run.shuffler
        layers = network.layers
        compilation.optimizer = context.optimizer
        compilation.steps = context.steps
        self.compilation = compilation
        saveFitMemo(key, history: context.history, warnings: context.warnings, initialOptimizer: initialOptimizer)
        return context.history
    }

    /// The loss and metrics on `data` (means over its rows), keyed as in the history:
    /// `["loss": …, "accuracy": …]`.
    public func evaluate(_ data: Dataset, batchSize: Int = 32) -> [String: Double] {
        guard let compilation else { TrainKitError.notCompiled(operation: "evaluate").fail() }
        var model = self
        if !model.isBuilt { model.build(inputWidth: data.x.cols) }
        model.check(data, role: "evaluate", loss: compilation.loss)
        let network = Network(layers: model.layers, capacity: max(1, min(batchSize, data.count)))
        let values = network.measure(data, loss: compilation.loss,
                                     metrics: resolvedMetrics(compilation, targetWidth: data.y.cols))
        return Dictionary(uniqueKeysWithValues: values.map { ($0.key, $0.value) })
    }

    /// The model's outputs for each row of `x`.
    public func predict(_ x: Matrix, batchSize: Int = 32) -> Matrix {
        var model = self
        if !model.isBuilt { model.build(inputWidth: x.cols) }
        model.checkInputWidth(x.cols, role: "predict")
        let network = Network(layers: model.layers, capacity: max(1, min(batchSize, x.rows)))
        var result = [Float](repeating: 0, count: x.rows * network.outputWidth)
        x.data.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                var start = 0
                while start < x.rows {
                    let rows = min(network.capacity, x.rows - start)
                    let values = network.forward(input.baseAddress! + start * x.cols, rows: rows)
                    (output.baseAddress! + start * network.outputWidth)
                        .update(from: values, count: rows * network.outputWidth)
                    start += rows
                }
            }
        }
        return Matrix(rows: x.rows, cols: network.outputWidth, data: result)
    }

    private func resolvedMetrics(_ compilation: Compilation, targetWidth: Int)
        -> [(metric: Metric, resolved: ResolvedMetric)]
    {
        compilation.metrics.map {
            (metric: $0, resolved: ResolvedMetric($0, outputWidth: outputWidth, targetWidth: targetWidth))
        }
    }

    private func checkInputWidth(_ width: Int, role: String) {
        if let expected = inputWidth, expected != width {
            TrainKitError.shapeMismatch(
                "\(role): the data has \(width) feature columns, but the model was built for \(expected). "
                    + "Use data with \(expected) columns, or a new model.").fail()
        }
    }

    func check(_ data: Dataset, role: String, loss: Loss) {
        checkInputWidth(data.x.cols, role: role)
        let expected = loss.targetWidth(outputWidth: outputWidth)
        guard data.y.cols == expected else {
            var advice = "Give targets with \(expected) column\(expected == 1 ? "" : "s")"
            if loss.kind == .categoricalCrossentropy && data.y.cols == 1 {
                advice = "Use .sparseCategoricalCrossentropy for class indices, or one-hot encode the targets"
            } else if loss.kind == .sparseCategoricalCrossentropy {
                advice = "Use .categoricalCrossentropy for one-hot targets, or give one class index per row"
            }
            TrainKitError.shapeMismatch(
                "\(role): \(loss) on a model with \(outputWidth) outputs needs targets with \(expected) "
                    + "column\(expected == 1 ? "" : "s"), but y has \(data.y.cols). \(advice).").fail()
        }
    }
}

/// The rows `range` of `data`.
func rows(of data: Dataset, _ range: Range<Int>) -> Dataset {
    func slice(_ m: Matrix) -> Matrix {
        Matrix(rows: range.count, cols: m.cols, data: Array(m.data[range.lowerBound * m.cols ..< range.upperBound * m.cols]))
    }
    return Dataset(x: slice(data.x), y: slice(data.y))
}
