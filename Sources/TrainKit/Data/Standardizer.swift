/// Per-column standardization like scikit-learn's `StandardScaler`: subtract the column's mean and
/// divide by its population deviation (a constant column is only centred).
///
/// ```swift
/// let scaler = Standardizer(fitting: train.x)
/// let scaledTrain = train.standardized(with: scaler), scaledTest = test.standardized(with: scaler)
/// ```
public struct Standardizer: Equatable, Sendable {
    /// The mean of each column of the fitted matrix.
    public let means: [Double]
    /// The divisor of each column: the population deviation, or 1 where it is 0.
    public let scales: [Double]

    /// Statistics of the columns of `x`, computed in `Double`.
    public init(fitting x: Matrix) {
        require(x.rows > 0, "a standardizer needs at least one row to fit.")
        var means = [Double](repeating: 0, count: x.cols)
        for row in 0..<x.rows {
            for col in 0..<x.cols { means[col] += Double(x[row, col]) }
        }
        means = means.map { $0 / Double(x.rows) }
        var variances = [Double](repeating: 0, count: x.cols)
        for row in 0..<x.rows {
            for col in 0..<x.cols {
                let d = Double(x[row, col]) - means[col]
                variances[col] += d * d
            }
        }
        self.means = means
        self.scales = variances.map { variance in
            let deviation = (variance / Double(x.rows)).squareRoot()
            return deviation == 0 ? 1 : deviation
        }
    }

    /// `x` with each column centred and scaled by the fitted statistics.
    public func transform(_ x: Matrix) -> Matrix {
        require(x.cols == means.count, "the standardizer was fitted on \(means.count) columns, but x has \(x.cols).")
        var result = x
        for row in 0..<x.rows {
            for col in 0..<x.cols {
                result[row, col] = Float((Double(x[row, col]) - means[col]) / scales[col])
            }
        }
        return result
    }

    /// Undoes ``transform(_:)``.
    public func inverseTransform(_ x: Matrix) -> Matrix {
        require(x.cols == means.count, "the standardizer was fitted on \(means.count) columns, but x has \(x.cols).")
        var result = x
        for row in 0..<x.rows {
            for col in 0..<x.cols {
                result[row, col] = Float(Double(x[row, col]) * scales[col] + means[col])
            }
        }
        return result
    }
}
