extension SGDRegressor {
    /// One pass of SGD over the rows of `x` with targets `y` (one column), continuing from the
    /// current coefficients and update count, like scikit-learn's `partial_fit`.
    ///
    /// After a divergence (see ``divergence``) it does nothing.
    public mutating func partialFit(_ x: Matrix, _ y: Matrix) {
        let (features, targets) = SGDRegressor.widen(x, y)
        partialFit(features, targets)
    }

    /// One pass over rows given in `Double` (see ``partialFit(_:_:)-(Matrix,Matrix)``).
    public mutating func partialFit(_ x: [[Double]], _ y: [Double]) {
        guard divergence == nil else { return }
        prepare(features: x.first?.count ?? coef.count, samples: x.count, targets: y.count)
        run(x, y, maxEpochs: 1)
    }

    /// Fits from zero coefficients and `t = 1` like scikit-learn's `fit`: up to `epochs` passes
    /// (`max_iter`), stopping early when the epoch's objective (loss plus penalty, averaged) has not
    /// improved by `tol` for `nIterNoChange` epochs in a row (`.adaptive` first divides its rate by 5).
    /// Memoized like `Sequential.fit` when a notebook runner names a memo store.
    public mutating func fit(_ x: Matrix, _ y: Matrix, epochs: Int = 1000) {
        let (features, targets) = SGDRegressor.widen(x, y)
        fit(features, targets, epochs: epochs)
    }

    /// ``fit(_:_:epochs:)-(Matrix,Matrix,_)`` on rows given in `Double`.
    public mutating func fit(_ x: [[Double]], _ y: [Double], epochs: Int = 1000) {
        require(epochs > 0, "epochs must be > 0, but got \(epochs).")
        coef = []
        intercept = 0
        t = 1
        self.epochs = 0
        divergence = nil
        prepare(features: x.first?.count ?? 0, samples: x.count, targets: y.count)
        let key = memoKey(x: x, y: y, epochs: epochs)
        let initial = self
        if let fitted = TrainingMemo.lookup(key, kind: "SGDRegressor.fit", decode: initial.decodingFitResult) {
            self = fitted
            return
        }
        run(x, y, maxEpochs: epochs)
        TrainingMemo.save(key, encode: encodeFitResult)
    }

    /// Predictions `w·x + b`, one column; NaN after a divergence.
    public func predict(_ x: Matrix) -> Matrix {
        let values = predict(x.rowArrays.map { $0.map(Double.init) })
        return Matrix(rows: x.rows, cols: 1, data: values.map(Float.init))
    }

    /// Predictions for rows given in `Double`.
    public func predict(_ x: [[Double]]) -> [Double] {
        require(!coef.isEmpty, "predict needs a fitted model: call fit or partialFit first.")
        return x.map { row in
            require(row.count == coef.count, "the model has \(coef.count) features, but a row has \(row.count).")
            guard divergence == nil else { return .nan }
            var sum = 0.0
            for (w, v) in zip(coef, row) { sum += w * v }
            return sum + intercept
        }
    }

    /// The coefficient of determination R² of the predictions for `x` against `y`.
    public func score(_ x: Matrix, _ y: Matrix) -> Double {
        r2Score(y, predict(x))
    }

    /// Converts a Float32 matrix pair to `Double` rows and targets, checking their shapes.
    static func widen(_ x: Matrix, _ y: Matrix) -> ([[Double]], [Double]) {
        require(y.cols == 1, "SGDRegressor needs one target column, but y has \(y.cols).")
        require(x.rows == y.rows, "x has \(x.rows) rows but y has \(y.rows).")
        return (x.rowArrays.map { $0.map(Double.init) }, y.data.map(Double.init))
    }

    private mutating func prepare(features: Int, samples: Int, targets: Int) {
        require(samples == targets, "x has \(samples) rows but y has \(targets) targets.")
        require(samples > 0, "SGDRegressor needs at least one sample.")
        if coef.isEmpty {
            coef = [Double](repeating: 0, count: features)
        }
        require(features == coef.count, "the model has \(coef.count) features, but x has \(features).")
    }

    /// scikit-learn's `_plain_sgd` for dense rows, then its bookkeeping of `t_` and `n_iter_`.
    private mutating func run(_ x: [[Double]], _ y: [Double], maxEpochs: Int) {
        var state = SGDState(regressor: self, weights: coef, intercept: intercept, t: t)
        var order = Array(x.indices)
        var bestObjective = Double.infinity, noImprovement = 0
        var finished = 0
        var overflowed = false
        for epoch in 0..<maxEpochs {
            if shuffle {
                var generator = SeededGenerator(seed: seed)
                order = generator.shuffling(order)
            }
            var objective = 0.0
            for index in order { objective += state.step(x[index], y[index]) }
            finished = epoch + 1
            if !state.intercept.isFinite || state.weights.contains(where: { !$0.isFinite }) {
                overflowed = true
                break
            }
            let mean = objective / Double(x.count)
            if let tol, mean > bestObjective - tol { noImprovement += 1 } else { noImprovement = 0 }
            if mean < bestObjective { bestObjective = mean }
            if noImprovement >= nIterNoChange {
                guard learningRate == .adaptive, state.eta > 1e-6 else { break }
                state.eta /= 5
                noImprovement = 0
            }
        }
        state.resetScale()
        coef = state.weights
        intercept = state.intercept
        nIter = finished
        epochs += finished
        t += Double(finished * x.count)
        if overflowed {
            divergence = "Floating-point under-/overflow occurred at epoch #\(epochs). Scaling input data "
                + "with StandardScaler or MinMaxScaler might help."
        }
    }
}

extension SeededGenerator {
    /// `values` reordered by the Fisher–Yates swaps of this generator, as scikit-learn's
    /// `SequentialDataset.shuffle` reorders its current index array.
    mutating func shuffling<T>(_ values: [T]) -> [T] {
        var result = values
        for i in 0..<max(result.count - 1, 0) {
            let j = i + nextInt(below: result.count - i)
            result.swapAt(i, j)
        }
        return result
    }
}
