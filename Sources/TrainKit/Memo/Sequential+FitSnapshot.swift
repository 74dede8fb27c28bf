/// What a `fit` leaves behind, stored under its memo key and put back on a hit: the history and
/// the warnings it reported, every layer's weights (batch normalization's moving statistics among them) and dropout
/// stream, the optimizer's state and step count, and the shuffle stream.
extension Sequential {
    /// Stores the result of a fit that just ran from `initialOptimizer`.
    func saveFitMemo(_ key: String?, history: History, warnings: [(epochsDone: Int, message: String)],
                     initialOptimizer: any Optimizer) {
        TrainingMemo.save(key) { writer in
            guard let compilation, Self.encode(history, into: &writer) else { return false }
            writer.add(warnings.count)
            for warning in warnings {
                writer.add(warning.epochsDone)
                writer.add(warning.message)
            }
            writer.add(layers.count)
            for layer in layers {
                writer.add(layer.weights.count)
                layer.weights.forEach { writer.add($0) }
                if let dropout = layer as? Dropout { writer.add(plain: dropout.generator) }
            }
            writer.add(compilation.steps)
            writer.add(plain: shuffleGenerator)
            return OptimizerSnapshot.encode(compilation.optimizer, initial: initialOptimizer, into: &writer)
        }
    }

    /// On a hit, puts the stored result in place, reports what the fit would have reported, and
    /// returns the history; nil on a miss (the model is then unchanged).
    mutating func restoreFitMemo(_ key: String?, epochs: Int, verbose: Verbosity) -> History? {
        guard let compilation else { return nil }
        var restored = self
        let found = TrainingMemo.lookup(key, kind: "fit") { reader -> (History, [(epochsDone: Int, message: String)]) in
            let history = try Self.decodeHistory(from: &reader)
            let warnings = try (0..<(try reader.count(ofItemsSized: 16))).map { _ in
                (epochsDone: try reader.int(), message: try reader.string())
            }
            guard try reader.int() == restored.layers.count else { throw MemoReader.Malformed() }
            for index in restored.layers.indices {
                let weights = try (0..<(try reader.count(ofItemsSized: 8))).map { _ in try reader.floats() }
                guard weights.map(\.count) == restored.layers[index].weights.map(\.count) else { throw MemoReader.Malformed() }
                restored.layers[index].setWeights(weights)
                if var dropout = restored.layers[index] as? Dropout {
                    dropout.generator = try reader.plain(SeededGenerator.self)
                    restored.layers[index] = dropout
                }
            }
            var restoredCompilation = compilation
            restoredCompilation.steps = try reader.int()
            restored.shuffleGenerator = try reader.plain(SeededGenerator.self)
            restoredCompilation.optimizer = try OptimizerSnapshot.decode(compilation.optimizer, from: &reader)
            restored.compilation = restoredCompilation
            return (history, warnings)
        }
        guard let (history, warnings) = found else { return nil }
        self = restored
        Self.replayReports(of: history, warnings: warnings, epochs: epochs, verbose: verbose)
        return history
    }

    /// The history by its keys, epochs and series; false when the series are not one value per epoch.
    private static func encode(_ history: History, into writer: inout MemoWriter) -> Bool {
        guard history.keys.allSatisfy({ history[$0].count == history.epochs.count }) else { return false }
        writer.add(history.epochs.count)
        history.epochs.forEach { writer.add($0) }
        writer.add(history.keys.count)
        for key in history.keys {
            writer.add(key)
            writer.add(history[key])
        }
        return true
    }

    private static func decodeHistory(from reader: inout MemoReader) throws -> History {
        let epochs = try (0..<(try reader.count(ofItemsSized: 8))).map { _ in try reader.int() }
        let series = try (0..<(try reader.count(ofItemsSized: 16))).map { _ in
            (key: try reader.string(), values: try reader.doubles())
        }
        guard series.allSatisfy({ $0.values.count == epochs.count }) else { throw MemoReader.Malformed() }
        var history = History()
        for (row, epoch) in epochs.enumerated() {
            history.append(epoch: epoch, logs: series.map { (key: $0.key, value: $0.values[row]) })
        }
        return history
    }

    /// What the fit reported while it ran: its warnings and, when verbose, its per-epoch lines,
    /// in their order. Progress events are not repeated; the hit itself is reported instead.
    private static func replayReports(of history: History, warnings: [(epochsDone: Int, message: String)],
                                      epochs: Int, verbose: Verbosity) {
        func warn(after epochsDone: Int) {
            for warning in warnings where warning.epochsDone == epochsDone {
                TrainingEvents.emit(.warning(warning.message))
                if verbose == .epochs { print("warning: \(warning.message)") }
            }
        }
        for (row, epoch) in history.epochs.enumerated() {
            warn(after: row)
            if verbose == .epochs {
                let values = history.keys.map { " - \($0): \(formatLogValue(history[$0][row]))" }.joined()
                print("Epoch \(epoch + 1)/\(epochs)\(values)")
            }
        }
        warn(after: history.epochs.count)
    }
}
