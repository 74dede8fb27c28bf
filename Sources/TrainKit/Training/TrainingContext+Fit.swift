/// The training loop of `fit`, Keras's `fit` step by step.
extension TrainingContext {
    /// Trains on `train` for `epochs` epochs; `shuffler` draws each epoch's permutation. With
    /// `computesFrozenFeaturesOnce`, a frozen base's outputs are computed once for all rows.
    /// With `twin`, the same fit recorded without `callbacks`, its epochs are replayed until a
    /// callback acts; with `recorder`, each epoch's state is recorded.
    func run(train: Dataset, validation: Dataset?, batchSize: Int, shuffle: Bool,
             callbacks: [any Callback], shuffler: inout SeededGenerator, computesFrozenFeaturesOnce: Bool = true,
             twin: RecordedRun? = nil, recorder: RecordedRun.Recorder? = nil) {
        let run = TrainingRun(context: self, train: train, validation: validation, batchSize: batchSize, shuffle: shuffle,
                              callbacks: callbacks, shuffler: shuffler, computesFrozenFeaturesOnce: computesFrozenFeaturesOnce,
                              twin: twin, recorder: recorder)
        TrainingRun.train([run])
        run.end()
        shuffler = run.shuffler
    }

    /// One batch of `fit`: the callbacks' `onBatchBegin`, the training step with this step's rate
    /// and momentum, then `onBatchEnd` with the epoch's running loss and metrics.
    func trainBatch(_ batch: Batch, index: Int, callbacks: inout [any Callback], totals: inout EpochTotals) {
        for callback in callbacks.indices { callbacks[callback].onBatchBegin(index, self) }
        // Its own statement: a read of `optimizer` alive during the call would make the update copy
        // the optimizer (and its state) at every step.
        let settings = optimizer.settings(atStep: steps, momentumSchedule: momentumSchedule)
        step.run(batch, optimizer: &optimizer, settings: settings, sums: &totals.sums)
        steps += 1
        totals.seen += batch.rows
        if !callbacks.isEmpty {
            let logs = Dictionary(uniqueKeysWithValues: averaged(totals.sums, over: totals.seen))
            for callback in callbacks.indices { callbacks[callback].onBatchEnd(index, logs: logs, self) }
        }
    }

    /// The end of an epoch: validation, logs, the callbacks' `onEpochEnd`, the history and the report.
    func finishEpoch(_ epoch: Int, totals: EpochTotals, validation: Dataset?, callbacks: inout [any Callback],
                             reportedNonFinite: inout Bool) {
        var logs = averaged(totals.sums, over: max(totals.seen, 1))
        if let validation {
            logs += measure(validation).map { (key: "val_" + $0.key, value: $0.value) }
        }
        logs.append((key: "learning_rate", value: optimizer.rate(atStep: steps)))
        if !reportedNonFinite, !logs[0].value.isFinite {
            reportedNonFinite = true
            warn("loss became \(logs[0].value.isNaN ? "NaN" : "infinite") at epoch \(epoch) (counting from 0, as the history and its plots do)")
        }
        endEpoch(epoch, logs: logs, callbacks: &callbacks)
    }

    /// An epoch's logs to the callbacks' `onEpochEnd`, the history and the reports.
    func endEpoch(_ epoch: Int, logs: [(key: String, value: Double)], callbacks: inout [any Callback]) {
        let dictionary = Dictionary(uniqueKeysWithValues: logs.map { ($0.key, $0.value) })
        for index in callbacks.indices { callbacks[index].onEpochEnd(epoch, logs: dictionary, self) }
        history.append(epoch: epoch, logs: logs)
        TrainingEvents.emit(.epochEnded(epoch: epoch + 1, of: epochs, logs: dictionary))
        if verbose == .epochs {
            let values = logs.map { " - \($0.key): \(formatLogValue($0.value))" }.joined()
            print("Epoch \(epoch + 1)/\(epochs)\(values)")
        }
    }

    private func averaged(_ sums: [Double], over count: Int) -> [(key: String, value: Double)] {
        [(key: "loss", value: sums[0] / Double(count))]
            + metrics.enumerated().map { (key: $0.element.metric.name, value: sums[$0.offset + 1] / Double(count)) }
    }

    /// Loss and metrics of `data` with the current weights.
    func measure(_ data: Dataset) -> [(key: String, value: Double)] {
        network.measure(data, loss: step.loss, metrics: metrics)
    }
}

/// The running sums of an epoch: loss, then each metric, over the rows seen so far.
struct EpochTotals {
    var sums: [Double]
    var seen = 0

    init(metrics: Int) {
        sums = [Double](repeating: 0, count: 1 + metrics)
    }
}

extension Network {
    /// Loss and metrics of `data`, each the mean over its samples, computed in batches of
    /// `capacity` rows without training-time behaviour.
    func measure(_ data: Dataset, loss: Loss, metrics: [(metric: Metric, resolved: ResolvedMetric)])
        -> [(key: String, value: Double)]
    {
        // A set larger than one batch is read from its (shared) sparse view when mostly zero, and
        // not scanned for zeros batch by batch when too dense.
        if data.count > capacity {
            return withSparseView(of: data.x) { measure(data, sparseX: $0, loss: loss, metrics: metrics) }
        }
        return measure(data, sparseX: nil, loss: loss, metrics: metrics)
    }

    private func measure(_ data: Dataset, sparseX: SparseMatrix?, loss: Loss,
                         metrics: [(metric: Metric, resolved: ResolvedMetric)]) -> [(key: String, value: Double)] {
        var sums = [Double](repeating: 0, count: 1 + metrics.count)
        let xWidth = data.x.cols, yWidth = data.y.cols, cols = outputWidth
        data.x.data.withUnsafeBufferPointer { xAll in
            data.y.data.withUnsafeBufferPointer { yAll in
                var start = 0
                while start < data.count {
                    let rows = min(capacity, data.count - start)
                    let x = xAll.baseAddress! + start * xWidth, y = yAll.baseAddress! + start * yWidth
                    if let sparseX, let layer = sparseInputLayer {
                        _ = layer.preload(start ..< start + rows, of: sparseX, as: x)
                    }
                    let output = forward(x, rows: rows)
                    sums[0] += loss.sum(output, y, rows: rows, cols: cols)
                    for (index, metric) in metrics.enumerated() {
                        sums[index + 1] += metric.resolved.sum(output, y, rows: rows, cols: cols, yCols: yWidth)
                    }
                    start += rows
                }
            }
        }
        let count = Double(max(data.count, 1))
        return [(key: "loss", value: sums[0] / count)]
            + metrics.enumerated().map { (key: $0.element.metric.name, value: sums[$0.offset + 1] / count) }
    }
}
