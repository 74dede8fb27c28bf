#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ways fastai suggests a learning rate from an LR range test (`SuggestionMethod` in
/// fastai/callback/schedule.py).
public enum SuggestionMethod: String, CaseIterable, Sendable {
    /// A tenth of the rate at the lowest loss.
    case minimum
    /// The rate where the loss falls fastest against log(rate).
    case steep
    /// A rate partway down the longest valley of the loss (fastai's default).
    case valley
    /// The interval slide rule (`lr_diff` 15, `thresh` 0.005).
    case slide

    /// The fewest points of a curve the method needs (fastai fails on fewer).
    public var minimumPoints: Int {
        switch self {
        case .minimum, .valley: return 1
        case .steep: return 2
        case .slide: return LearningRateSuggestions.defaultSlideDistance + 1
        }
    }

    /// The suggestion for a curve of at least `minimumPoints` points.
    public func suggest(learningRates: [Double], losses: [Double]) -> Double {
        switch self {
        case .minimum: return LearningRateSuggestions.minimum(learningRates: learningRates, losses: losses)
        case .steep: return LearningRateSuggestions.steep(learningRates: learningRates, losses: losses)
        case .valley: return LearningRateSuggestions.valley(learningRates: learningRates, losses: losses)
        case .slide: return LearningRateSuggestions.slide(learningRates: learningRates, losses: losses)
        }
    }
}

/// fastai's suggestion functions (`minimum`, `steep`, `valley`, `slide` in
/// fastai/callback/schedule.py), step for step.
///
/// fastai turns the recorded rates and losses into float32 tensors before it suggests, so these
/// compare and subtract in `Float` too and return a rate of the curve as its float32 value: the
/// same point fastai picks, the same number it returns. They take the curve as given; the slicing
/// `lr_find` applies first is ``LearningRateFinder/suggestionCurve``.
public enum LearningRateSuggestions {
    /// fastai's `lr_diff` default of `slide`: how many points apart the compared gradients are.
    public static let defaultSlideDistance = 15

    /// fastai `minimum`: the rate at the lowest loss (the first one on ties), divided by 10.
    public static func minimum(learningRates: [Double], losses: [Double]) -> Double {
        let (rates, values) = float32Curve(learningRates, losses, atLeast: 1, "minimum")
        return Double(rates[argmin(values)]) / 10
    }

    /// fastai `steep`: the rate at the start of the steepest fall of the loss against ln(rate),
    /// `(loss[i+1] − loss[i]) / (ln lr[i+1] − ln lr[i])` smallest.
    public static func steep(learningRates: [Double], losses: [Double]) -> Double {
        let (rates, values) = float32Curve(learningRates, losses, atLeast: 2, "steep")
        let logs = rates.map { Float(log(Double($0))) }
        var slopes = [Float]()
        for i in 0..<values.count - 1 {
            let rise: Float = values[i + 1] - values[i], run: Float = logs[i + 1] - logs[i]
            slopes.append(rise / run)
        }
        return Double(rates[argmin(slopes)])
    }

    /// fastai `valley`: finds the longest decreasing subsequence of the losses (the "valley") and
    /// picks the point about 1/3 + 1/6 of the way along it, `start + ⌊len/3⌋ + ⌊len/6⌋` — as fastai
    /// does, with the valley's start taken when its end was first found.
    public static func valley(learningRates: [Double], losses: [Double]) -> Double {
        let (rates, values) = float32Curve(learningRates, losses, atLeast: 1, "valley")
        let n = values.count
        var maxStart = 0, maxEnd = 0
        var lengths = [Int](repeating: 1, count: n)
        for i in 1..<max(n, 1) {
            for j in 0..<i {
                if values[i] < values[j] && lengths[i] < lengths[j] + 1 {
                    lengths[i] = lengths[j] + 1
                }
                // fastai checks inside the inner loop, so the start uses the length found so far.
                if lengths[maxEnd] < lengths[i] {
                    maxEnd = i
                    maxStart = maxEnd - lengths[maxEnd]
                }
            }
        }
        let sections = Double(maxEnd - maxStart) / 3
        let index = maxStart + Int(sections) + Int(sections / 2)
        return Double(rates[index])
    }

    /// fastai `slide`: walking left from the end, the first rate `lrDiff` points before a point
    /// whose loss gradient (numpy's `gradient`) differs from it by no more than `threshold`,
    /// times `adjustValue`.
    public static func slide(learningRates: [Double], losses: [Double], lrDiff: Int = defaultSlideDistance,
                             threshold: Double = 0.005, adjustValue: Double = 1) -> Double {
        require(lrDiff >= 0, "lrDiff must be >= 0, but got \(lrDiff).")
        let (rates, values) = float32Curve(learningRates, losses, atLeast: lrDiff + 1, "slide")
        let gradient = numpyGradient(values)
        var right = values.count - 1, left = right - lrDiff
        var localMinimum = rates[left]
        while left >= 0 && Double(abs(gradient[right] - gradient[left])) > threshold {
            localMinimum = rates[left]
            right -= 1
            left -= 1
        }
        return Double(localMinimum) * adjustValue
    }

    /// The curve as the float32 tensors fastai computes on.
    private static func float32Curve(_ rates: [Double], _ losses: [Double], atLeast count: Int,
                                     _ method: String) -> ([Float], [Float]) {
        require(rates.count == losses.count,
                "\(method) needs as many rates as losses, but got \(rates.count) and \(losses.count).")
        require(rates.count >= count, "\(method) needs at least \(count) points, but got \(rates.count).")
        return (rates.map(Float.init), losses.map(Float.init))
    }

    /// torch's `argmin`: the first NaN if there is one, else the first smallest value.
    static func argmin(_ values: [Float]) -> Int {
        if let nan = values.firstIndex(where: \.isNaN) { return nan }
        var best = 0
        for index in values.indices where values[index] < values[best] { best = index }
        return best
    }

    /// numpy's `gradient` with unit spacing: one-sided differences at the ends, central ones inside.
    static func numpyGradient(_ f: [Float]) -> [Float] {
        let n = f.count
        guard n >= 2 else { return [Float](repeating: .nan, count: n) }
        var gradient = [Float](repeating: 0, count: n)
        gradient[0] = f[1] - f[0]
        gradient[n - 1] = f[n - 1] - f[n - 2]
        for i in stride(from: 1, to: n - 1, by: 1) { gradient[i] = (f[i + 1] - f[i - 1]) / 2 }
        return gradient
    }
}
