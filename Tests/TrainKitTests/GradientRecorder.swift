@testable import TrainKit

/// An optimizer that leaves the weights alone and records the gradients the training step gives it,
/// in Keras order: how the gradient checks read the engine's gradients through the one training step.
struct GradientRecorder: Optimizer {
    /// Where the gradients go (a class, so the copies the step makes share it).
    final class Record: @unchecked Sendable {
        var gradients: [Double] = []
    }

    let record = Record()
    var learningRate: LearningRateSchedule = .constant(0)
    var states = OptimizerStates<Void>()
    var name: String { "GradientRecorder" }

    func newState(count: Int) {}

    func applySingle(weights: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                     state: inout Void, step: OptimizerStep) {
        record.gradients += gradient.map(Double.init)
    }
}

/// The batch loss and the gradients of every trainable tensor (Keras order) that one training step of
/// `network` computes on `x`, `y`.
func recordedGradients(_ network: Network, loss: Loss, x: Matrix, y: Matrix) -> (loss: Double, gradients: [Double]) {
    let recorder = GradientRecorder()
    var optimizer: any Optimizer = recorder
    var sums = [0.0]
    let step = TrainingStep(network: network, loss: loss, metrics: [])
    x.data.withUnsafeBufferPointer { xp in
        y.data.withUnsafeBufferPointer { yp in
            step.run(Batch(x: xp.baseAddress!, y: yp.baseAddress!, rows: x.rows), optimizer: &optimizer,
                     settings: OptimizerStep(index: 0, learningRate: 0, momentum: 0), sums: &sums)
        }
    }
    return (sums[0] / Double(x.rows), recorder.record.gradients)
}
