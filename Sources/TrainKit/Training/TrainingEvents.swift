import Foundation

/// Something a fit reports while it runs, for a notebook runner's progress display.
public enum TrainingEvent: Sendable, Equatable {
    /// An epoch finished: `epoch` counts from 1 up to `of`; `logs` are that epoch's values.
    case epochEnded(epoch: Int, of: Int, logs: [String: Double])
    /// A one-line warning, e.g. "loss became NaN at epoch 3".
    case warning(String)
}

/// The process-wide receiver of training events. The notebook library sets `observer` once;
/// while it is `nil`, warnings go to standard error and epochs are not reported.
public enum TrainingEvents {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: (@Sendable (TrainingEvent) -> Void)?

    /// The function that receives every event, from whichever thread trains.
    public static var observer: (@Sendable (TrainingEvent) -> Void)? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Sends `event` to the observer (warnings to standard error when there is none).
    static func emit(_ event: TrainingEvent) {
        if let observer {
            observer(event)
        } else if case .warning(let message) = event {
            FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
        }
    }
}

/// How much `fit` prints to standard output.
public enum Verbosity: Sendable, Equatable {
    /// Nothing (the default).
    case silent
    /// One Keras-like line per epoch: `Epoch 3/20 - loss: 0.4521 - accuracy: 0.8750`.
    case epochs
}
