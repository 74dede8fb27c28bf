import Foundation
import Testing
@testable import Charts

/// Automatic limits: non-finite values are ignored and an exploding curve does not crush the others.
@Suite struct LimitsTests {
    @Test func aCurveThatOutgrowsTheOthersSteadilyIsClipped() {
        // A linear model on unscaled inputs at too high a rate: no jump, no dip, no NaN, just growth.
        var growth = [770.5]
        for _ in 0..<29 { growth.append(growth.last! * 4.3) }
        let stable = (0..<30).map { 0.3 + 5.0 / Double($0 + 1) }
        let alreadyHuge = [1.3e15, .infinity, .nan]
        var axes = Axes()
        axes.plot(stable, label: "lr = 1e-05")
        axes.plot(growth, label: "lr = 3e-05")
        axes.plot(alreadyHuge, label: "lr = 1e-04")
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits.1 < 100, "the stable curve must keep a readable scale, got \(resolved.yLimits)")
        #expect(resolved.clipped.map(\.series).sorted() == [1, 2])
        var alone = Axes()
        alone.plot(growth, label: "alone")
        #expect(ResolvedAxes(alone).yLimits.1 > growth.last!)
        // A learning-rate schedule beside a loss grows a thousandfold too, but stays on the loss's scale.
        var history = Axes()
        history.plot(stable.map { $0 / 5 }, label: "loss")
        history.plot((0..<30).map { 1e-4 * pow(10, Double($0) / 10) }, label: "learning_rate")
        #expect(ResolvedAxes(history).clipped.isEmpty)
    }

    @Test func aSuddenExplosionIsLeftOutOfTheLimits() throws {
        var axes = Axes()
        axes.plot([0.7, 0.6, 3e5, 1e12, .nan, .nan], label: "lr=1.0")
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits.0 > 0.5 && resolved.yLimits.1 < 0.8)
        #expect(resolved.divergences[0]?.index == 2)
        #expect(resolved.clipped == [ClippedSeries(series: 0, exitIndex: 2, upward: true)])
        #expect(resolved.xLimits.0 < 0 && resolved.xLimits.1 > 5)  // the epoch axis spans the whole run
    }

    @Test func aSteadyBlowUpEndingInNaNIsCutEarly() {
        let found = divergence(of: [0.7, 5, 40, 320, .nan], scale: .linear)
        #expect(found == Divergence(index: 2, threshold: 7))
    }

    @Test func theEndOfAnLRRangeTestIsCutAtTenTimesTheStart() {
        let losses = [2.3, 2.2, 1.5, 0.6, 0.4, 0.5, 2, 9, 40, 180, 800]
        #expect(divergence(of: losses, scale: .linear) == Divergence(index: 8, threshold: 23))
        var axes = Axes()
        axes.plot(losses)
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits.1 < 10 && resolved.clipped.first?.exitIndex == 8)
    }

    @Test func smoothExponentialGrowthIsNotDivergence() {
        let schedule = (0..<100).map { 1e-4 * pow(10, Double($0) / 20) }
        #expect(divergence(of: schedule, scale: .linear) == nil)
        var axes = Axes()
        axes.plot(schedule)
        #expect(ResolvedAxes(axes).yLimits.1 > schedule.last!)
        #expect(ResolvedAxes(axes).clipped.isEmpty)
    }

    @Test func ordinaryCurvesAreNotDivergence() {
        #expect(divergence(of: [0.1, 0.5, 0.8, 0.9, 0.95], scale: .linear) == nil)  // accuracy
        #expect(divergence(of: [2.3, 1.0, 0.4, 0.5, 0.9, 1.6], scale: .linear) == nil)  // overfitting val loss
        #expect(divergence(of: [0, 0, 0.5, 0.7], scale: .linear) == nil)  // rising from zero
    }

    @Test func otherSeriesSetTheScaleWhenOneExplodes() {
        var axes = Axes()
        axes.plot([0.7, 0.6, 3e5, 1e12], label: "lr=1.0")
        axes.plot([0.69, 0.4, 0.2, 0.1], label: "lr=0.1")
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits.0 < 0.1 && resolved.yLimits.1 < 1)
    }

    @Test func nonFiniteAndNonPositiveValuesAreIgnored() {
        var axes = Axes()
        axes.plot(x: [1e-3, 1e-2, 0, -1, 1e-1], y: [5, .infinity, 3, 2, 1])
        axes.xScale = .log
        axes.yScale = .log
        let resolved = ResolvedAxes(axes)
        #expect(resolved.xLimits.0 > 0 && resolved.xLimits.0 < 1e-3 && resolved.xLimits.1 > 0.1)
        #expect(resolved.yLimits.0 < 1 && resolved.yLimits.1 > 5 && resolved.yLimits.1 < 10)
    }

    @Test func explicitLimitsWin() {
        var axes = Axes()
        axes.plot([1, 2, 3])
        axes.yLimits = 0...10
        axes.xLimits = 5...5
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits == (0, 10))
        #expect(resolved.xLimits.0 < 5 && resolved.xLimits.1 > 5)
    }

    @Test func barsStandOnZero() {
        var axes = Axes()
        axes.bar(labels: ["a", "b"], values: [0.5, 0.9])
        let resolved = ResolvedAxes(axes)
        #expect(resolved.yLimits.0 == 0)
        #expect(resolved.categories == ["a", "b"])
    }
}
