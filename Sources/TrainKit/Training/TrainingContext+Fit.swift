/// The training loop of `fit`, Keras's `fit` step by step.
extension TrainingContext {
    /// Trains on `train` for `epochs` epochs; `shuffler` draws each epoch's permutation.
    func run(train: Dataset, validation: Dataset?, batchSize: Int, shuffle: Bool,
             callbacks: [any Callback], shuffler: inout SeededGenerator) {
        var callbacks = callbacks
        let count = train.count, xWidth = train.x.cols, yWidth = train.y.cols
        // Gathering buffers for shuffled batches, allocated once per fit.
        let xBatch = UnsafeMutablePointer<Float>.allocate(capacity: batchSize * xWidth)
        let yBatch = UnsafeMutablePointer<Float>.allocate(capacity: batchSize * yWidth)
        defer {
            xBatch.deallocate()
            yBatch.deallocate()
        }
        var reportedNonFinite = false
        for index in callbacks.indices { callbacks[index].onTrainBegin(self) }
        train.x.data.withUnsafeBufferPointer { xAll in
            train.y.data.withUnsafeBufferPointer { yAll in
                for epoch in 0..<epochs {
                    self.epoch = epoch
                    for index in callbacks.indices { callbacks[index].onEpochBegin(epoch, self) }
                    let order = shuffle ? shuffler.permutation(count) : nil
                    var sums = [Double](repeating: 0, count: 1 + metrics.count)
                    var seen = 0, batch = 0
                    while seen < count && !stopTraining {
                        for index in callbacks.indices { callbacks[index].onBatchBegin(batch, self) }
                        let rows = min(batchSize, count - seen)
                        var x = xAll.baseAddress! + seen * xWidth, y = yAll.baseAddress! + seen * yWidth
                        if let order {
                            for r in 0..<rows {
                                (xBatch + r * xWidth).update(from: xAll.baseAddress! + order[seen + r] * xWidth,
                                                             count: xWidth)
                                (yBatch + r * yWidth).update(from: yAll.baseAddress! + order[seen + r] * yWidth,
                                                             count: yWidth)
                            }
                            x = UnsafePointer(xBatch)
                            y = UnsafePointer(yBatch)
                        }
                        step(x: x, y: y, rows: rows, sums: &sums)
                        seen += rows
                        if !callbacks.isEmpty {
                            let logs = Dictionary(uniqueKeysWithValues: averaged(sums, over: seen))
                            for index in callbacks.indices { callbacks[index].onBatchEnd(batch, logs: logs, self) }
                        }
                        batch += 1
                    }
                    var logs = averaged(sums, over: max(seen, 1))
                    if let validation {
                        logs += measure(validation).map { (key: "val_" + $0.key, value: $0.value) }
                    }
                    logs.append((key: "learning_rate", value: optimizer.rate(atStep: steps)))
                    if !reportedNonFinite, !logs[0].value.isFinite {
                        reportedNonFinite = true
                        warn("loss became \(logs[0].value.isNaN ? "NaN" : "infinite") at epoch \(epoch) (counting from 0, as the history and its plots do)")
                    }
                    let dictionary = Dictionary(uniqueKeysWithValues: logs.map { ($0.key, $0.value) })
                    for index in callbacks.indices { callbacks[index].onEpochEnd(epoch, logs: dictionary, self) }
                    history.append(epoch: epoch, logs: logs)
                    TrainingEvents.emit(.epochEnded(epoch: epoch + 1, of: epochs, logs: dictionary))
                    if verbose == .epochs {
                        let values = logs.map { " - \($0.key): \(formatLogValue($0.value))" }.joined()
                        print("Epoch \(epoch + 1)/\(epochs)\(values)")
                    }
                    if stopTraining { break }
                }
            }
        }
        for index in callbacks.indices { callbacks[index].onTrainEnd(self) }
    }

    /// One optimizer step on a batch: forward, loss and metrics (before the update, as Keras
    /// logs them), backward, update. Adds the batch's sums of loss and metrics to `sums`.
    private func step(x: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int, sums: inout [Double]) {
        let output = network.forward(x, rows: rows)
        let cols = network.outputWidth
        sums[0] += loss.sum(output, y, rows: rows, cols: cols)
        let yWidth = loss.targetWidth(outputWidth: cols)
        for (index, metric) in metrics.enumerated() {
            sums[index + 1] += metric.resolved.sum(output, y, rows: rows, cols: cols, yCols: yWidth)
        }
        let preActivation = loss.gradient(output, y, rows: rows, cols: cols, activation: network.outputActivation,
                                          into: network.outputDelta)
        network.backward(x, rows: rows, outputDeltaIsPreActivation: preActivation)
        let rate = Float(optimizer.rate(atStep: steps))
        for (index, parameter) in network.parameters.enumerated() {
            optimizer.update(parameter: index, weights: parameter.weights, gradient: parameter.gradient,
                             learningRate: rate, step: steps)
        }
        steps += 1
    }

    private func averaged(_ sums: [Double], over count: Int) -> [(key: String, value: Double)] {
        [(key: "loss", value: sums[0] / Double(count))]
            + metrics.enumerated().map { (key: $0.element.metric.name, value: sums[$0.offset + 1] / Double(count)) }
    }

    /// Loss and metrics of `data` with the current weights.
    func measure(_ data: Dataset) -> [(key: String, value: Double)] {
        network.measure(data, loss: loss, metrics: metrics)
    }
}

extension Network {
    /// Loss and metrics of `data`, each the mean over its samples, computed in batches of
    /// `capacity` rows.
    func measure(_ data: Dataset, loss: Loss, metrics: [(metric: Metric, resolved: ResolvedMetric)])
        -> [(key: String, value: Double)]
    {
        var sums = [Double](repeating: 0, count: 1 + metrics.count)
        let xWidth = data.x.cols, yWidth = data.y.cols, cols = outputWidth
        data.x.data.withUnsafeBufferPointer { xAll in
            data.y.data.withUnsafeBufferPointer { yAll in
                var start = 0
                while start < data.count {
                    let rows = min(capacity, data.count - start)
                    let y = yAll.baseAddress! + start * yWidth
                    let output = forward(xAll.baseAddress! + start * xWidth, rows: rows)
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
