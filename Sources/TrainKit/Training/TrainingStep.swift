/// One optimizer step on one batch — forward in training mode, loss and metrics, backward, update —
/// the same for `fit`, the learning-rate range test and the gradient checks. `fit` wraps it with the
/// callbacks' batch hooks (`TrainingContext.trainBatch`).
struct TrainingStep {
    let network: Network
    let loss: Loss
    let metrics: [(metric: Metric, resolved: ResolvedMetric)]

    /// Runs the step on `batch` with `settings`, adding the batch's sums of loss and metrics
    /// (computed before the update, as Keras logs them) to `sums`: the loss first, then each metric.
    func run(_ batch: Batch, optimizer: inout any Optimizer, settings: OptimizerStep, sums: inout [Double]) {
        let output = network.forward(batch.x, rows: batch.rows, training: true)
        let cols = network.outputWidth
        sums[0] += loss.sum(output, batch.y, rows: batch.rows, cols: cols)
        let yWidth = loss.targetWidth(outputWidth: cols)
        for (index, metric) in metrics.enumerated() {
            sums[index + 1] += metric.resolved.sum(output, batch.y, rows: batch.rows, cols: cols, yCols: yWidth)
        }
        let preActivation = loss.gradient(output, batch.y, rows: batch.rows, cols: cols,
                                          activation: network.outputActivation, into: network.outputDelta)
        // Plain SGD on a sparse first layer: its kernel steps inside the backward pass, and the
        // optimizer then moves the other tensors (the same values, one pass over the kernel fewer).
        // (`is` and the protocol's `momentum`: no copy of the optimizer out of its box every step.)
        let fused = optimizer is SGD && optimizer.momentum == 0 ? network.sparseInputLayer : nil
        fused?.plainSGDStep = settings.learningRate
        network.backward(batch.x, rows: batch.rows, outputDeltaIsPreActivation: preActivation)
        fused?.plainSGDStep = nil
        if fused?.steppedKernel == true {
            optimizer.apply(network.parametersAfterFirst, step: settings)
        } else {
            optimizer.apply(network.parameters, step: settings)
        }
    }
}
