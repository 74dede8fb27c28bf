import Foundation
import TrainBookShared

/// What `fit` recorded, one value per epoch for each key, as Keras's `History.history`.
///
/// Keys use Keras's names, in a stable order: `loss`, the metrics, `val_loss`, the validation
/// metrics, `learning_rate`.
///
/// ```swift
/// let history = model.fit(train, epochs: 20, validation: test)
/// history["loss"]; history["val_accuracy"]; history["learning_rate"]
/// ```
public struct History: Equatable, Sendable, CustomStringConvertible {
    /// The recorded keys, in order.
    public private(set) var keys: [String] = []
    /// The series of each key.
    public private(set) var values: [String: [Double]] = [:]
    /// The epochs recorded, 0-based like Keras's `history.epoch`.
    public private(set) var epochs: [Int] = []

    /// An empty history.
    public init() {}

    /// The series of `key`, one value per epoch. An unknown key stops the program with a
    /// message listing the recorded ones.
    public subscript(key: String) -> [Double] {
        guard let series = values[key] else {
            TrainKitError.invalidArgument(
                "history has no \"\(key)\"; it has \(keys.map { "\"\($0)\"" }.joined(separator: ", ")).\(hint(for: key))").fail()
        }
        return series
    }

    /// Only the hint that applies: the nearest recorded key for a typo, else how to record a
    /// validation series the history lacks.
    private func hint(for key: String) -> String {
        if let nearest = NearestName.matches(for: key, in: keys).first { return " Did you mean \"\(nearest)\"?" }
        if key.hasPrefix("val_"), !keys.contains(where: { $0.hasPrefix("val_") }) {
            return " Pass `validation:` or `validationSplit:` to fit to record it."
        }
        return ""
    }

    /// Whether `key` was recorded.
    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// The last value of every key, in key order.
    public var last: [(key: String, value: Double)] {
        keys.compactMap { key in values[key]?.last.map { (key, $0) } }
    }

    /// A short text table: one line per epoch.
    public var description: String {
        var lines = [(["epoch"] + keys).joined(separator: "\t")]
        for (row, epoch) in epochs.enumerated() {
            lines.append(([String(epoch)] + keys.map { formatLogValue(values[$0]![row]) }).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    /// Adds one epoch's logs, keys in the given order.
    mutating func append(epoch: Int, logs: [(key: String, value: Double)]) {
        epochs.append(epoch)
        for (key, value) in logs {
            if values[key] == nil {
                keys.append(key)
                values[key] = []
            }
            values[key]!.append(value)
        }
    }
}

/// Keras's progress-bar number format: 4 decimals, or 4-digit scientific at or below 1e-3.
func formatLogValue(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    return String(format: abs(value) > 1e-3 ? "%.4f" : "%.4e", value)
}
