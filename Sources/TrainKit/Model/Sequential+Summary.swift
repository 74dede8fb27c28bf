extension Sequential {
    /// Keras's summary of the model: layers, output shapes, parameter counts and totals.
    ///
    /// `model.summary()` prints it as Keras does, `print(model.summary)` prints the same text, and
    /// `show(model.summary)` shows it as a table. It needs the input width: declare it on the first
    /// layer (`Dense(16, activation: .relu, inputShape: [4])`), or call `build(inputWidth:)` or `fit` first.
    public var summary: ModelSummary {
        guard let inputWidth else {
            TrainKitError.invalidArgument(
                "model.summary needs the model's input width, which it learns at the first fit. Declare it on "
                    + "the first layer, e.g. Dense(\(firstUnits ?? 16), …, inputShape: [4]) for 4 feature "
                    + "columns, or call model.build(inputWidth: data.x.cols) before the summary.").fail()
        }
        var width = inputWidth
        var seen: [String: Int] = [:]
        let rows = layers.map { layer -> ModelSummary.Row in
            width = layer.outputWidth(inputWidth: width)
            let type = String(describing: Swift.type(of: layer))
            let base = Self.snakeCase(type), count = seen[base, default: 0]
            seen[base] = count + 1
            return ModelSummary.Row(name: count == 0 ? base : "\(base)_\(count)", type: type, outputWidth: width,
                                    parameters: layer.parameterCount, trainable: layer.trainable)
        }
        let trainable = layers.reduce(0) { $0 + $1.trainableParameterCount }
        return ModelSummary(modelName: "sequential", rows: rows, trainableParameters: trainable,
                            nonTrainableParameters: parameterCount - trainable)
    }

    /// The first layer's units when it is a `Dense`, for the example in the message.
    private var firstUnits: Int? { (layers[0] as? Dense)?.units }

    /// Keras's layer-name stem: `BatchNormalization` → `batch_normalization`.
    static func snakeCase(_ type: String) -> String {
        var result = ""
        for character in type {
            if character.isUppercase, !result.isEmpty { result += "_" }
            result += character.lowercased()
        }
        return result
    }
}
