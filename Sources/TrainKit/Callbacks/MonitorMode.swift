/// Whether a monitored quantity should go down (`min`) or up (`max`), as Keras's `mode` argument
/// of `ReduceLROnPlateau` and `EarlyStopping`.
public enum MonitorMode: String, Sendable, Equatable {
    /// Decided from the monitored name, as Keras decides from the metric's direction: losses and
    /// errors go down, accuracies and scores go up.
    case auto
    /// Lower is better (losses, errors).
    case min
    /// Higher is better (accuracies).
    case max

    /// Whether higher values of `monitor` are better. With `.auto`, a name whose direction is
    /// unknown stops the program with Keras's advice, naming `callback`.
    func maximizes(_ monitor: String, callback: String) -> Bool {
        switch self {
        case .min: return false
        case .max: return true
        case .auto:
            var name = Substring(monitor)
            if name.hasPrefix("val_") { name = name.dropFirst(4) }
            // The directions of Keras's metrics: scores go up, losses and errors go down.
            let up = ["acc", "auc", "precision", "recall", "f1", "iou", "r2"]
            let down = ["loss", "error", "mse", "mae", "mape", "msle", "hinge", "crossentropy", "divergence",
                        "poisson", "cosh"]
            if up.contains(where: { name.contains($0) }) { return true }
            if down.contains(where: { name.contains($0) }) { return false }
            TrainKitError.invalidArgument(
                "\(callback) received monitor \"\(monitor)\" but cannot tell whether that metric should be "
                    + "maximized or minimized. Pass mode: .max to monitor the highest value, or mode: .min "
                    + "to monitor the lowest.").fail()
        }
    }
}

/// Keras 3's `MonitorCallback._is_improvement`: whether `value` beats `reference` by more than
/// `minDelta` (always, when there is no reference yet). Keras subtracts in double precision and
/// compares through its backend in float32, so a NaN never improves on a reference, and a change
/// of exactly `minDelta` does not count.
func improves(_ value: Double, on reference: Double?, minDelta: Double, maximizes: Bool) -> Bool {
    guard let reference else { return true }
    if maximizes { return Float(value - minDelta) > Float(reference) }
    return Float(value + minDelta) < Float(reference)
}
