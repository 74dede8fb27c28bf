/// A quantity reported during training but not minimised, as Keras's `metrics=[…]`.
///
/// The history key is the Keras one for the same spelling: `.accuracy` → `"accuracy"`,
/// `.mse` → `"mse"`, `.meanSquaredError` → `"mean_squared_error"`.
public struct Metric: Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable { case accuracy, meanSquaredError, meanAbsoluteError }
    let kind: Kind
    /// The key of this metric in logs and histories (`val_` is prepended for validation).
    public let name: String

    /// The fraction of correct predictions. As Keras's `"accuracy"`, it is binary (threshold
    /// 0.5) for a one-column output, sparse when targets are one class index per row, and
    /// categorical (argmax against argmax) otherwise.
    public static let accuracy = Metric(kind: .accuracy, name: "accuracy")
    /// Mean squared error, under Keras's `"mse"` key.
    public static let mse = Metric(kind: .meanSquaredError, name: "mse")
    /// Mean squared error, under Keras's `"mean_squared_error"` key.
    public static let meanSquaredError = Metric(kind: .meanSquaredError, name: "mean_squared_error")
    /// Mean absolute error, under Keras's `"mae"` key.
    public static let mae = Metric(kind: .meanAbsoluteError, name: "mae")
    /// Mean absolute error, under Keras's `"mean_absolute_error"` key.
    public static let meanAbsoluteError = Metric(kind: .meanAbsoluteError, name: "mean_absolute_error")

    /// The history key.
    public var description: String { name }
}

/// A metric with its accuracy flavour chosen from the shapes, as Keras does at compile time.
enum ResolvedMetric: Equatable, Sendable {
    case binaryAccuracy, sparseCategoricalAccuracy, categoricalAccuracy, meanSquaredError, meanAbsoluteError

    init(_ metric: Metric, outputWidth: Int, targetWidth: Int) {
        switch metric.kind {
        case .accuracy:
            if outputWidth == 1 {
                self = .binaryAccuracy
            } else if targetWidth == 1 {
                self = .sparseCategoricalAccuracy
            } else {
                self = .categoricalAccuracy
            }
        case .meanSquaredError: self = .meanSquaredError
        case .meanAbsoluteError: self = .meanAbsoluteError
        }
    }

    /// The sum over `rows` samples of the per-sample value; predictions `rows × cols`, targets
    /// `rows × yCols`.
    func sum(_ p: UnsafePointer<Float>, _ y: UnsafePointer<Float>, rows: Int, cols: Int, yCols: Int) -> Double {
        var total = 0.0
        for r in 0..<rows {
            let pr = p + r * cols, yr = y + r * yCols
            switch self {
            case .binaryAccuracy:
                var correct: Float = 0
                for k in 0..<cols where (pr[k] > 0.5 ? 1 : 0) == yr[k] { correct += 1 }
                total += Double(correct / Float(cols))
            case .sparseCategoricalAccuracy:
                total += Float(argmax(pr, cols)) == yr[0] ? 1 : 0
            case .categoricalAccuracy:
                total += argmax(pr, cols) == argmax(yr, yCols) ? 1 : 0
            case .meanSquaredError:
                var sum: Float = 0
                for k in 0..<cols { sum += (yr[k] - pr[k]) * (yr[k] - pr[k]) }
                total += Double(sum / Float(cols))
            case .meanAbsoluteError:
                var sum: Float = 0
                for k in 0..<cols { sum += abs(yr[k] - pr[k]) }
                total += Double(sum / Float(cols))
            }
        }
        return total
    }
}

/// The first index of the largest value (NaN never wins), as numpy's argmax on finite rows.
/// Written as selects, not a branch: which column wins is as unpredictable as the digit.
@inline(__always) func argmax(_ row: UnsafePointer<Float>, _ count: Int) -> Int {
    guard count > 1 else { return 0 }
    var best = 0, bestValue = row[0]
    for k in 1..<count {
        let value = row[k], better = value > bestValue
        best = better ? k : best
        bestValue = better ? value : bestValue
    }
    return best
}
