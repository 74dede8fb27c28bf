/// Whether a monitored quantity should go down (`min`) or up (`max`), as Keras's `mode` argument
/// of `ReduceLROnPlateau` and `EarlyStopping`.
public enum MonitorMode: String, Sendable, Equatable {
    /// Decided from the monitored name, each callback the way Keras decides it.
    case auto
    /// Lower is better (losses, errors).
    case min
    /// Higher is better (accuracies).
    case max
}
