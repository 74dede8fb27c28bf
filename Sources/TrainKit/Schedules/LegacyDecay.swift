/// The learning rate of the legacy Keras `decay` argument (tf.keras 2.x and standalone Keras 2.3,
/// `SGD(lr: 0.1, decay: 1e-3)` in older tutorials) at an optimizer update:
/// `initial / (1 + decay · iteration)`, with `iteration` counting updates (batches), from 0.
public func legacyDecayRate(initial: Double, decay: Double, iteration: Int) -> Double {
    initial / (1 + decay * Double(iteration))
}

/// Curves of the "time-based" decays that learning-rate tutorials tabulate and plot.
///
/// Three formulas go by this name, and tutorials mix them up:
/// - ``curve(initial:decay:iterations:)``: the closed form that Keras's legacy `decay` applies at
///   every update, `η_t = η / (1 + decay · t)`. From 0.2 with decay 0.01 at t = 1...5:
///   0.19802, 0.19608, 0.19417, 0.19231, 0.19048.
/// - ``shrinkingEpochs(initial:decay:epochs:)``: a recurrence applied once per epoch,
///   `η_e = η_{e−1} · (1 − decay · e)`. From 0.2 with decay 0.01: 0.198, 0.19404, 0.1882188,
///   0.18069005, 0.17165555 — the "0.198, 0.194, 0.188, 0.180, 0.171" of the tutorials, which
///   print these values cut (not rounded) to three decimals.
/// - ``dividingEpochs(initial:decay:epochs:)``: the recurrence of the common
///   `LearningRateScheduler` callback `lr / (1 + decay · epoch)`, `η_e = η_{e−1} / (1 + decay · e)`:
///   0.19802, 0.19414, 0.18848, 0.18123, 0.17260.
public enum LegacyDecay {
    /// `η / (1 + decay · t)` for updates `t = 0 ..< iterations`: the rate Keras's legacy `decay`
    /// gives each update.
    public static func curve(initial: Double, decay: Double, iterations: Int) -> [Double] {
        require(iterations >= 0, "iterations must be >= 0, but got \(iterations).")
        return (0..<iterations).map { legacyDecayRate(initial: initial, decay: decay, iteration: $0) }
    }

    /// `η_e = η_{e−1} · (1 − decay · e)` for epochs `e = 1 ... epochs`, starting from `η_0 = initial`
    /// (the initial rate itself is not in the result). Stops shrinking at 0 once `decay · e ≥ 1`.
    public static func shrinkingEpochs(initial: Double, decay: Double, epochs: Int) -> [Double] {
        recurrence(initial: initial, epochs: epochs) { rate, epoch in
            rate * max(0, 1 - decay * Double(epoch))
        }
    }

    /// `η_e = η_{e−1} / (1 + decay · e)` for epochs `e = 1 ... epochs`, starting from
    /// `η_0 = initial` (the initial rate itself is not in the result).
    public static func dividingEpochs(initial: Double, decay: Double, epochs: Int) -> [Double] {
        recurrence(initial: initial, epochs: epochs) { rate, epoch in
            rate / (1 + decay * Double(epoch))
        }
    }

    private static func recurrence(initial: Double, epochs: Int,
                                   next: (Double, Int) -> Double) -> [Double] {
        require(epochs >= 0, "epochs must be >= 0, but got \(epochs).")
        var rate = initial
        return (1...max(epochs, 1)).prefix(epochs).map { epoch in
            rate = next(rate, epoch)
            return rate
        }
    }
}
