/// Reading and writing the weights in Keras order.
extension Sequential {
    /// All weights in Keras order: per Dense layer its kernel (inputs × units, flattened
    /// row-major), then its bias. Empty before the model is built.
    public func getWeights() -> [[Float]] {
        isBuilt ? layers.flatMap(\.weights) : []
    }

    /// Replaces all weights, given in Keras order (as `getWeights` returns them). An unbuilt
    /// model is built for the input width the first kernel implies.
    public mutating func setWeights(_ weights: [[Float]]) {
        if !isBuilt, let first = weights.first, first.count % layers[0].units == 0, first.count > 0 {
            build(inputWidth: first.count / layers[0].units)
        }
        let expected = layers.flatMap { layer -> [(String, Int)] in
            let name = "Dense(\(layer.units))"
            let kernel = (name + " kernel \(layer.inputWidth ?? 0)×\(layer.units)", (layer.inputWidth ?? 0) * layer.units)
            return layer.useBias ? [kernel, (name + " bias", layer.units)] : [kernel]
        }
        guard weights.count == expected.count else {
            TrainKitError.weightsMismatch(
                "setWeights needs \(expected.count) arrays (\(expected.map(\.0).joined(separator: ", "))), "
                    + "but got \(weights.count).").fail()
        }
        for (index, (name, count)) in expected.enumerated() where weights[index].count != count {
            TrainKitError.weightsMismatch(
                "setWeights: array \(index) is the \(name) and needs \(count) values, but has \(weights[index].count).")
                .fail()
        }
        var next = 0
        for index in layers.indices {
            let kernel = weights[next]
            let bias = layers[index].useBias ? weights[next + 1] : []
            layers[index].setWeights(kernel: kernel, bias: bias)
            next += layers[index].useBias ? 2 : 1
        }
    }
}
