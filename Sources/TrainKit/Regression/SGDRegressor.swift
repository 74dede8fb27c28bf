/// scikit-learn's `SGDRegressor`: a linear model `w·x + b` fitted one sample at a time, with the
/// defaults and the exact per-sample update of scikit-learn 1.9's `_plain_sgd` (dense input).
///
/// Per sample, in order: `p = w·x + b`; the rate `η` of the schedule at update `t`; `update =
/// −η · clip(dloss(y, p), ±1e12)`; the L2 part of the penalty shrinks `w` by
/// `max(0, 1 − (1 − l1Ratio) · η · alpha)`; `w += update · x`; `b += update` (times the intercept
/// decay, 1 for dense data); the L1 part applies Tsuruoka's cumulative truncated gradient; `t += 1`.
///
/// Everything is computed in `Double`: features are widened from `Float`, as scikit-learn does for
/// float64 arrays (given float32 arrays, scikit-learn ≥ 1.3 keeps float32 weights instead).
///
/// ```swift
/// var regressor = SGDRegressor(learningRate: .constant, eta0: 0.01, shuffle: true, seed: 42)
/// for _ in 0..<200 {
///     regressor.partialFit(train.x, train.y)
///     if regressor.divergence != nil { break }   // the message says what happened
///     errors.append(meanSquaredError(test.y, regressor.predict(test.x)))
/// }
/// ```
public struct SGDRegressor: Sendable {
    /// The regularization term.
    public enum Penalty: String, Sendable {
        /// No regularization.
        case none
        /// `alpha/2 · ‖w‖²`, applied as weight decay.
        case l2
        /// `alpha · ‖w‖₁`, applied with the cumulative truncated gradient.
        case l1
        /// `alpha · (l1Ratio · ‖w‖₁ + (1 − l1Ratio)/2 · ‖w‖²)`.
        case elasticnet
    }

    /// How the rate `η` depends on the update count `t` (from 1).
    public enum LearningRate: String, Sendable {
        /// `η = eta0`.
        case constant
        /// `η = 1 / (alpha · (t0 + t − 1))`, with Bottou's `t0` making the first rate
        /// `√(1/√alpha) / max(1, dloss(1, −√(1/√alpha)))`.
        case optimal
        /// `η = eta0 / t^powerT` (the default).
        case invscaling
        /// `η = eta0`, divided by 5 whenever `fit` sees `nIterNoChange` epochs without improvement.
        case adaptive
    }

    /// The loss whose gradient drives the updates.
    public enum Loss: Sendable, Equatable {
        /// `½(p − y)²` (the default).
        case squaredError
        /// Squared within `epsilon` of the target, linear beyond.
        case huber(epsilon: Double = 0.1)
        /// `max(0, |y − p| − epsilon)`.
        case epsilonInsensitive(epsilon: Double = 0.1)
        /// `max(0, |y − p| − epsilon)²`.
        case squaredEpsilonInsensitive(epsilon: Double = 0.1)
    }

    /// The loss (default squared error).
    public var loss: Loss
    /// The regularization (default L2).
    public var penalty: Penalty
    /// The regularization strength (default 1e-4).
    public var alpha: Double
    /// The L1 share of the elastic-net penalty (default 0.15).
    public var l1Ratio: Double
    /// Whether to fit the intercept (default true).
    public var fitIntercept: Bool
    /// The rate schedule (default `.invscaling`).
    public var learningRate: LearningRate
    /// The initial rate (default 0.01).
    public var eta0: Double
    /// The exponent of `.invscaling` (default 0.25).
    public var powerT: Double
    /// Whether passes visit the samples in a seeded order (default true). As in scikit-learn with
    /// an integer `random_state`, every call starts from the same seed: each `partialFit` call
    /// visits the samples in the same order, and `fit`'s epochs re-apply that permutation to the
    /// previous order. (The orders themselves differ from scikit-learn's: another generator.)
    public var shuffle: Bool
    /// The scale of the intercept's updates: scikit-learn uses 0.01 for sparse input and 1 for
    /// dense input, which is what TrainBook has.
    public var interceptDecay: Double
    /// `fit`'s stopping tolerance on the epoch's objective (nil: never stop early; default 1e-3).
    public var tol: Double?
    /// How many epochs without improvement `fit` tolerates (default 5).
    public var nIterNoChange: Int

    /// The coefficients, one per feature (empty before the first fit).
    public internal(set) var coef: [Double] = []
    /// The intercept.
    public internal(set) var intercept: Double = 0
    /// scikit-learn's `t_`: one more than the number of updates made so far.
    public internal(set) var t: Double = 1
    /// The number of passes made by `partialFit` and `fit` since the model was created or last
    /// refitted with `fit`.
    public internal(set) var epochs = 0
    /// scikit-learn's `n_iter_`: the passes made by the last `fit` or `partialFit` call.
    public internal(set) var nIter = 0
    /// Set when a coefficient or the intercept stopped being finite: scikit-learn's message, e.g.
    /// "Floating-point under-/overflow occurred at epoch #12. Scaling input data with
    /// StandardScaler or MinMaxScaler might help." Further fits do nothing and predictions are NaN.
    public internal(set) var divergence: String?

    /// The seed of the shuffled order.
    public let seed: Int

    /// A regressor with scikit-learn's defaults; `seed` orders the shuffled passes.
    public init(loss: Loss = .squaredError, penalty: Penalty = .l2, alpha: Double = 0.0001,
                l1Ratio: Double = 0.15, fitIntercept: Bool = true, learningRate: LearningRate = .invscaling,
                eta0: Double = 0.01, powerT: Double = 0.25, shuffle: Bool = true, seed: Int = 0,
                tol: Double? = 1e-3, nIterNoChange: Int = 5) {
        require(alpha >= 0, "alpha must be >= 0, but got \(alpha).")
        require(l1Ratio >= 0 && l1Ratio <= 1, "l1Ratio must be in [0, 1], but got \(l1Ratio).")
        require(learningRate == .optimal || eta0 > 0, "eta0 must be > 0 for \(learningRate), but got \(eta0).")
        require(learningRate != .optimal || alpha > 0, "alpha must be > 0 for the optimal rate, but got \(alpha).")
        require(nIterNoChange >= 1, "nIterNoChange must be >= 1, but got \(nIterNoChange).")
        self.loss = loss
        self.penalty = penalty
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.fitIntercept = fitIntercept
        self.learningRate = learningRate
        self.eta0 = eta0
        self.powerT = powerT
        self.shuffle = shuffle
        self.interceptDecay = 1
        self.tol = tol
        self.nIterNoChange = nIterNoChange
        self.seed = seed
    }

    /// Whether the model has diverged (see ``divergence``).
    public var diverged: Bool { divergence != nil }
}
