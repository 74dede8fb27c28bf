import Foundation
import Testing
@testable import TrainKit

/// fastai's suggestion functions on curves whose answers follow from their definitions in
/// fastai/callback/schedule.py, worked by hand; and `lr_find`'s slicing of the curve.
struct LearningRateSuggestionTests {
    static func f32(_ value: Double) -> Double { Double(Float(value)) }

    @Test func minimumIsATenthOfTheRateAtTheLowestLoss() {
        let rates = [0.001, 0.01, 0.1, 1, 10, 100]
        #expect(LearningRateSuggestions.minimum(learningRates: rates, losses: [5, 4, 3, 2, 3, 2]) == Self.f32(1) / 10)
    }

    /// Slopes against ln(rate) with rates e^k: −0.5, −1.5, −0.1; the steepest starts at e¹.
    @Test func steepIsWhereTheLossFallsFastest() {
        let rates = [1, M_E, M_E * M_E, M_E * M_E * M_E]
        #expect(LearningRateSuggestions.steep(learningRates: rates, losses: [3, 2.5, 1, 0.9]) == Self.f32(M_E))
    }

    /// Losses 3, 1, 2, 0: the longest decreasing run 3 → 1 → 0 ends at index 3, found with
    /// length 3, so it starts at 3 − 3 = 0 and the pick is 0 + ⌊3/3⌋ + ⌊1/2⌋ = 1.
    @Test func valleyPicksAThirdOfTheWayDownTheLongestDecrease() {
        let rates = [0.1, 0.2, 0.3, 0.4]
        #expect(LearningRateSuggestions.valley(learningRates: rates, losses: [3, 1, 2, 0]) == Self.f32(0.2))
    }

    /// A steadily falling loss 5, 4, 3, 2, 1 then rising: fastai's start is one before the valley
    /// (index −1, as `max_end − lds[max_end]`), so the pick is −1 + ⌊5/3⌋ + ⌊(5/3)/2⌋ = 0.
    @Test func valleyKeepsFastaisStartOfTheValley() {
        let rates = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1000]
        #expect(LearningRateSuggestions.valley(learningRates: rates, losses: [5, 4, 3, 2, 1, 2, 3]) == Self.f32(1e-3))
    }

    /// A straight line has one gradient everywhere: slide stays 15 points from the end.
    @Test func slideOnAStraightLine() {
        let rates = (0..<20).map { pow(10, Double($0) / 4 - 5) }
        let losses = (0..<20).map { 20 - Double($0) }
        #expect(LearningRateSuggestions.slide(learningRates: rates, losses: losses) == Self.f32(rates[4]))
    }

    /// On 0.01·i² the central gradients 0.02·i differ by more than 0.005 at every 15-point gap,
    /// so slide walks to the first rate.
    @Test func slideWalksLeftWhileGradientsDiffer() {
        let rates = (0..<20).map { pow(10, Double($0) / 4 - 5) }
        let losses = (0..<20).map { 0.01 * Double($0 * $0) }
        #expect(LearningRateSuggestions.slide(learningRates: rates, losses: losses) == Self.f32(rates[0]))
    }

    /// `lr_find` suggests from points num_it/10 ..< count − 5, cut at the first NaN: the lower
    /// losses at points 5 and 97 are left out, and so is everything from the NaN at 60.
    @Test func suggestionsUseFastaisSliceOfTheCurve() {
        let rates = (0..<100).map { 1e-7 * pow(1e8, Double($0) / 100) }
        var losses = (0..<100).map { 2 + abs(Double($0) - 40) / 100 }
        losses[5] = 0.1
        losses[97] = 0.1
        let finder = LearningRateFinder(learningRates: rates, losses: losses, plannedSteps: 100)
        #expect(finder.suggestionCurve.learningRates.count == 85)
        #expect(finder.suggestion(.minimum) == Self.f32(rates[40]) / 10)
        losses[60] = .nan
        losses[30] = 1
        let cut = LearningRateFinder(learningRates: rates, losses: losses, plannedSteps: 100)
        #expect(cut.suggestionCurve.losses.count == 50)
        #expect(cut.suggestion(.minimum) == Self.f32(rates[30]) / 10)
    }

    /// Too short a curve gives NaN (with a warning) instead of fastai's index error.
    @Test func tooShortACurveSuggestsNaN() {
        let finder = LearningRateFinder(learningRates: [1, 2, 3, 4, 5, 6], losses: [6, 5, 4, 3, 2, 1])
        #expect(finder.suggestion(.valley) == Self.f32(1))
        #expect(finder.suggestion(.slide).isNaN)
        #expect(LearningRateFinder(learningRates: [1, 2], losses: [2, 1]).suggestion(.minimum).isNaN)
    }
}
