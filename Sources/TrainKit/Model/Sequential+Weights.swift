/// Reading and writing the weights in Keras order.
extension Sequential {
    /// All weights in Keras order: per Dense layer its kernel (inputs × units, flattened
    /// row-major), then its bias; per BatchNormalization its gamma, beta, moving mean and moving
    /// variance. Empty before the model is built.
    public func getWeights() -> [[Float]] {
        isBuilt ? layers.flatMap(\.weights) : []
    }

    /// Replaces all weights, given in Keras order (as `getWeights` returns them). An unbuilt
    /// model is built for the input width the first kernel implies.
    public mutating func setWeights(_ weights: [[Float]]) {
        if !isBuilt, let first = weights.first, let width = layers[0].inputWidth(impliedByFirstWeightOf: first.count) {
            build(inputWidth: width)
        }
        var width = inputWidth ?? 0
        var shapes: [[WeightShape]] = []
        for layer in layers {
            shapes.append(layer.weightShapes(inputWidth: width))
            width = layer.outputWidth(inputWidth: width)
        }
        let expected = shapes.flatMap { $0 }
        guard weights.count == expected.count else {
            TrainKitError.weightsMismatch(
                "setWeights needs \(expected.count) arrays (\(expected.map(\.name).joined(separator: ", "))), "
                    + "but got \(weights.count).").fail()
        }
        for (index, shape) in expected.enumerated() where weights[index].count != shape.count {
            TrainKitError.weightsMismatch(
                "setWeights: array \(index) is the \(shape.name) and needs \(shape.count) values, but has \(weights[index].count).")
                .fail()
        }
        var next = 0
        for index in layers.indices {
            layers[index].setWeights(Array(weights[next ..< next + shapes[index].count]))
            next += shapes[index].count
        }
    }
}
