/// The memo key and stored result of `SGDRegressor.fit`.
extension SGDRegressor {
    /// The key of a fit of this regressor (its settings, state already reset) on `x`, `y`.
    func memoKey(x: [[Double]], y: [Double], epochs: Int) -> String? {
        guard TrainingMemo.store != nil else { return nil }
        var describer = MemoDescriber(scheduleSteps: 0...0)
        describer.hasher.add("SGDRegressor.fit")
        describer.hasher.add(TrainingMemo.engineIdentity)
        guard describer.describe(self) else { return nil }
        describer.hasher.add(epochs)
        describer.hasher.add(x.count)
        for row in x {
            describer.hasher.add(row.count)
            row.forEach { describer.hasher.add($0) }
        }
        describer.hasher.add(y.count)
        y.forEach { describer.hasher.add($0) }
        return describer.hasher.hexDigest()
    }

    /// Writes what a fit changes: coefficients, intercept, update count, epochs, divergence.
    func encodeFitResult(into writer: inout MemoWriter) -> Bool {
        writer.add(coef)
        writer.add(intercept)
        writer.add(t)
        writer.add(epochs)
        writer.add(nIter)
        writer.add(divergence != nil)
        if let divergence { writer.add(divergence) }
        return true
    }

    /// This regressor with a stored fit result in place.
    func decodingFitResult(from reader: inout MemoReader) throws -> SGDRegressor {
        var copy = self
        copy.coef = try reader.doubles()
        copy.intercept = try reader.double()
        copy.t = try reader.double()
        copy.epochs = try reader.int()
        copy.nIter = try reader.int()
        copy.divergence = try reader.bool() ? try reader.string() : nil
        return copy
    }
}
