/// The mean of the squared differences between targets and predictions, over every value
/// (scikit-learn's `mean_squared_error` with uniformly averaged outputs). NaN if any prediction is.
public func meanSquaredError(_ y: Matrix, _ p: Matrix) -> Double {
    require(y.rows == p.rows && y.cols == p.cols,
            "targets are \(y.rows)×\(y.cols) but predictions are \(p.rows)×\(p.cols); they must match.")
    return meanSquaredError(y.data.map(Double.init), p.data.map(Double.init))
}

/// ``meanSquaredError(_:_:)-(Matrix,Matrix)`` of two `Double` arrays.
public func meanSquaredError(_ y: [Double], _ p: [Double]) -> Double {
    require(y.count == p.count && !y.isEmpty, "need as many predictions as targets (at least one), "
            + "but got \(y.count) targets and \(p.count) predictions.")
    var sum = 0.0
    for (target, prediction) in zip(y, p) { sum += (target - prediction) * (target - prediction) }
    return sum / Double(y.count)
}

/// The coefficient of determination `1 − SS_res / SS_tot` (scikit-learn's `r2_score`; for constant
/// targets it is 1 when the predictions are exact and 0 otherwise). One target column.
public func r2Score(_ y: Matrix, _ p: Matrix) -> Double {
    require(y.cols == 1 && p.cols == 1 && y.rows == p.rows,
            "r2Score needs one column each of the same length, but got \(y.rows)×\(y.cols) and \(p.rows)×\(p.cols).")
    return r2Score(y.data.map(Double.init), p.data.map(Double.init))
}

/// ``r2Score(_:_:)-(Matrix,Matrix)`` of two `Double` arrays.
public func r2Score(_ y: [Double], _ p: [Double]) -> Double {
    require(y.count == p.count && !y.isEmpty, "need as many predictions as targets (at least one), "
            + "but got \(y.count) targets and \(p.count) predictions.")
    let mean = y.reduce(0, +) / Double(y.count)
    var residual = 0.0, total = 0.0
    for (target, prediction) in zip(y, p) {
        residual += (target - prediction) * (target - prediction)
        total += (target - mean) * (target - mean)
    }
    if total == 0 { return residual == 0 ? 1 : 0 }
    return 1 - residual / total
}
