/// The outputs of a model's leading frozen layers for every row of a fit's data, computed once
/// per fit instead of once per batch of every epoch.
///
/// A frozen Dense or BatchNormalization layer maps each row on its own, the same way in every
/// epoch (a frozen BatchNormalization uses its moving statistics, as in Keras), so a transfer-learning
/// fit on a frozen base repeats the base's whole forward pass each epoch for nothing: the features
/// are computed once, in the fit's batch size and row order, and the batches train the layers
/// above them. Nothing else changes: the shuffled batches, the loss, the history and the weights
/// are those of the per-batch run (bit for bit wherever a layer's product of a row does not depend
/// on the rows beside it in its batch, as the engine's sparse products do not). A callback that
/// gives the frozen layers other weights gets features computed again from those.
final class FrozenFeatures {
    /// How many leading layers the features stand for.
    let layerCount: Int
    /// The training rows' features, row-major, `rows × width`; recomputed in place by `refresh`,
    /// so the training loop can hold on to them.
    let trainX: UnsafeMutableBufferPointer<Float>
    /// The width of a feature row.
    let width: Int
    /// The validation rows with the features as `x`.
    private(set) var validation: Dataset?
    private let sourceTrain: Matrix
    private let sourceValidation: Dataset?
    /// The frozen layers' weights the features were computed with.
    private var weights: [[Float]]

    /// The features of `train` and `validation` through `network`'s leading frozen layers, or nil
    /// when the first layer is not frozen or every layer is (then nothing would be saved).
    init?(network: Network, train: Matrix, validation: Dataset?) {
        let count = network.kernels.prefix { $0.mapsRowsAlike }.count
        guard count > 0, count < network.kernels.count else { return nil }
        layerCount = count
        width = network.kernels[count - 1].outputWidth
        sourceTrain = train
        sourceValidation = validation
        weights = network.weights(ofLayers: 0 ..< count)
        trainX = .allocate(capacity: max(1, train.rows * width))
        network.outputs(of: train, throughLayers: count, into: trainX.baseAddress!)
        self.validation = validation.map { Self.features(of: $0, through: count, of: network) }
    }

    deinit {
        trainX.deallocate()
    }

    /// Computes the features again when the frozen layers' weights changed since (a callback set them).
    func refresh(from network: Network) {
        let current = network.weights(ofLayers: 0 ..< layerCount)
        let unchanged = current.elementsEqual(weights) { $0.elementsEqual($1) { $0.bitPattern == $1.bitPattern } }
        guard !unchanged else { return }
        weights = current
        network.outputs(of: sourceTrain, throughLayers: layerCount, into: trainX.baseAddress!)
        validation = sourceValidation.map { Self.features(of: $0, through: layerCount, of: network) }
    }

    private static func features(of data: Dataset, through count: Int, of network: Network) -> Dataset {
        let width = network.kernels[count - 1].outputWidth
        var x = [Float](repeating: 0, count: data.count * width)
        x.withUnsafeMutableBufferPointer { network.outputs(of: data.x, throughLayers: count, into: $0.baseAddress!) }
        return Dataset(x: Matrix(rows: data.count, cols: width, data: x), y: data.y)
    }
}

extension LayerKernel {
    /// Whether the layer maps every row on its own and the same way in training as in evaluation:
    /// a frozen Dense or BatchNormalization layer (Dropout never: it draws a new mask each batch).
    var mapsRowsAlike: Bool {
        parameters.isEmpty && (self is Dense.Kernel || self is BatchNormalization.Kernel)
    }
}

extension Network {
    /// The weights of the layers `layers`, in Keras order.
    func weights(ofLayers layers: Range<Int>) -> [[Float]] {
        kernels[layers].flatMap(\.weights)
    }

    /// Writes the output of the first `count` layers for every row of `x` into `destination`, run
    /// in batches of `capacity` rows in order (mostly-zero rows from their shared sparse view, as
    /// every batch is).
    func outputs(of x: Matrix, throughLayers count: Int, into destination: UnsafeMutablePointer<Float>) {
        let width = kernels[count - 1].outputWidth
        let first = start
        start = 0
        defer { start = first }
        withSparseView(of: x) { sparseX in
            x.data.withUnsafeBufferPointer { input in
                var row = 0
                while row < x.rows {
                    let rows = min(capacity, x.rows - row)
                    let batch = input.baseAddress! + row * x.cols
                    if let sparseX, let layer = sparseInputLayer { _ = layer.preload(row ..< row + rows, of: sparseX, as: batch) }
                    let values = forward(batch, rows: rows, training: true, layers: 0 ..< count)
                    (destination + row * width).update(from: values, count: rows * width)
                    row += rows
                }
            }
        }
    }
}
