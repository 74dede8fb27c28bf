#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The working state of one scikit-learn `_plain_sgd` call: its `WeightVector` (weights stored
/// divided by a common scale, so the L2 shrink is one multiplication), the cumulative L1 penalty
/// `u` and per-weight applied penalty `q`, and the running rate. Like scikit-learn, it starts
/// afresh at every `partial_fit`, with only the coefficients, intercept and `t` carried over.
struct SGDState {
    private let loss: SGDRegressor.Loss
    private let penalty: SGDRegressor.Penalty
    private let alpha: Double
    private let l1Ratio: Double
    private let learningRate: SGDRegressor.LearningRate
    private let eta0: Double
    private let powerT: Double
    private let fitIntercept: Bool
    private let interceptDecay: Double
    private let optimalInit: Double

    private(set) var weights: [Double]
    private var scale = 1.0
    private var squaredNorm: Double
    private var l1Norm: Double
    private var q: [Double]
    private var u = 0.0
    private(set) var intercept: Double
    private(set) var t: Double
    var eta: Double

    private static let maxDLoss = 1e12

    init(regressor r: SGDRegressor, weights: [Double], intercept: Double, t: Double) {
        loss = r.loss
        penalty = r.penalty
        alpha = r.alpha
        // scikit-learn overrides the ratio for the pure penalties.
        switch r.penalty {
        case .l2: l1Ratio = 0
        case .l1: l1Ratio = 1
        case .none, .elasticnet: l1Ratio = r.l1Ratio
        }
        learningRate = r.learningRate
        eta0 = r.eta0
        powerT = r.powerT
        fitIntercept = r.fitIntercept
        interceptDecay = r.interceptDecay
        self.weights = weights
        squaredNorm = weights.reduce(0) { $0 + $1 * $1 }
        l1Norm = weights.reduce(0) { $0 + abs($1) }
        q = [Double](repeating: 0, count: weights.count)
        self.intercept = intercept
        self.t = t
        eta = r.eta0
        if r.learningRate == .optimal {
            // Bottou's heuristic: the first rate is typw / max(1, dloss(1, -typw)).
            let typw = (1.0 / r.alpha.squareRoot()).squareRoot()
            let initialEta = typw / max(1.0, SGDState.gradient(r.loss, y: 1, p: -typw))
            optimalInit = 1.0 / (initialEta * r.alpha)
        } else {
            optimalInit = 0
        }
    }

    /// One sample's update; returns the sample's contribution to the epoch objective (its loss
    /// plus the penalty of the weights before the update).
    mutating func step(_ x: [Double], _ y: Double) -> Double {
        var dot = 0.0
        for j in 0..<weights.count { dot += weights[j] * x[j] }
        let p = dot * scale + intercept
        switch learningRate {
        case .optimal: eta = 1.0 / (alpha * (optimalInit + t - 1))
        case .invscaling: eta = eta0 / pow(t, powerT)
        case .constant, .adaptive: break
        }
        var objective = SGDState.value(loss, y: y, p: p)
        if penalty != .none {
            let norm = squaredNorm.squareRoot()
            objective += alpha * ((1 - l1Ratio) * 0.5 * norm * norm + l1Ratio * l1Norm)
        }
        let dloss = min(max(SGDState.gradient(loss, y: y, p: p), -SGDState.maxDLoss), SGDState.maxDLoss)
        let update = -eta * dloss
        if penalty == .l2 || penalty == .elasticnet {
            // Never scale to negative values when eta or alpha are too big: zero the weights instead.
            shrink(by: max(0, 1.0 - (1.0 - l1Ratio) * eta * alpha))
        }
        if update != 0 { add(x, times: update) }
        if fitIntercept, update != 0 { intercept += update * interceptDecay }
        if penalty == .l1 || penalty == .elasticnet {
            u += l1Ratio * eta * alpha
            truncateL1()
        }
        t += 1
        return objective
    }

    /// Multiplies the weights out of the common scale, as `reset_wscale` does.
    mutating func resetScale() {
        for j in weights.indices { weights[j] *= scale }
        scale = 1
    }

    private mutating func shrink(by c: Double) {
        scale *= c
        squaredNorm *= c * c
        l1Norm *= abs(c)
        if scale < 1e-9 { resetScale() }
    }

    private mutating func add(_ x: [Double], times c: Double) {
        var squares = 0.0, absolutes = 0.0
        for j in weights.indices {
            weights[j] += x[j] * (c / scale)
            squares += weights[j] * weights[j]
            absolutes += abs(weights[j])
        }
        squaredNorm = squares * (scale * scale)
        l1Norm = absolutes * scale
    }

    /// Tsuruoka, Tsujii and Ananiadou (2009): pull each weight towards 0 by the penalty it has not
    /// yet received, without crossing 0.
    private mutating func truncateL1() {
        for j in weights.indices {
            let z = weights[j]
            if scale * z > 0 {
                weights[j] = max(0, weights[j] - (u + q[j]) / scale)
            } else if scale * z < 0 {
                weights[j] = min(0, weights[j] + (u - q[j]) / scale)
            }
            q[j] += scale * (weights[j] - z)
        }
    }

    static func value(_ loss: SGDRegressor.Loss, y: Double, p: Double) -> Double {
        switch loss {
        case .squaredError:
            return 0.5 * (p - y) * (p - y)
        case let .huber(epsilon):
            let r = abs(p - y)
            return r <= epsilon ? 0.5 * r * r : epsilon * (r - 0.5 * epsilon)
        case let .epsilonInsensitive(epsilon):
            return max(0, abs(y - p) - epsilon)
        case let .squaredEpsilonInsensitive(epsilon):
            let r = max(0, abs(y - p) - epsilon)
            return r * r
        }
    }

    static func gradient(_ loss: SGDRegressor.Loss, y: Double, p: Double) -> Double {
        switch loss {
        case .squaredError:
            return p - y
        case let .huber(epsilon):
            let r = p - y
            return abs(r) <= epsilon ? r : (r > 0 ? epsilon : -epsilon)
        case let .epsilonInsensitive(epsilon):
            if y - p > epsilon { return -1 }
            return p - y > epsilon ? 1 : 0
        case let .squaredEpsilonInsensitive(epsilon):
            let z = y - p
            if z > epsilon { return -2 * (z - epsilon) }
            return z < -epsilon ? 2 * (-z - epsilon) : 0
        }
    }
}
