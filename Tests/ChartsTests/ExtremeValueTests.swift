import Foundation
import Testing
@testable import Charts

/// Issue 12, finding 9: a log axis given 1e-300 or a subnormal trapped with no message. Values at both
/// ends of the Double range must draw with limits around the data and readable ticks.
@Suite struct ExtremeValueTests {
    static let tinySeries: [[Double]] = [
        [1e-300, 2e-300, 4e-300, 3e-300],
        [1e-300],
        [Double(Float.leastNonzeroMagnitude), Double(Float.leastNonzeroMagnitude) * 4, Double(Float.leastNormalMagnitude) / 1e30],
        [Double.leastNonzeroMagnitude, 2e-323, 4e-323],
        [Double.leastNonzeroMagnitude],
        [Double.leastNormalMagnitude / 2, Double.leastNormalMagnitude],
        [2e307, 1e308, Double.greatestFiniteMagnitude],
        [Double.greatestFiniteMagnitude],
    ]

    @Test(arguments: tinySeries)
    func logAxesHoldTheDataWithTicksInside(values: [Double]) throws {
        var fig = Figure()
        fig.plot(values)
        fig.yScale = .log
        let resolved = ResolvedAxes(fig.axes[0])
        let (lower, upper) = resolved.yLimits
        #expect(lower > 0 && upper.isFinite && lower < upper, "\(resolved.yLimits)")
        #expect(lower <= values.min()! && upper >= values.max()!, "\(resolved.yLimits) leaves out data \(values)")
        let ticks = logTicks(from: lower, to: upper, maxCount: 6)
        let all = ticks.major.map(\.value) + ticks.minor
        #expect(!ticks.major.isEmpty, "\(ticks)")
        #expect(all.allSatisfy { $0 >= lower * (1 - 1e-9) && $0 <= upper * (1 + 1e-9) })
        #expect(Set(ticks.major.map(\.label.plainText)).count == ticks.major.count)
        let svg = fig.svg(id: "nb-tiny-1")
        #expect(svg.contains("<path class=\"tb-line tb-s0\"") || values.count == 1)
    }

    @Test func aFloatSubnormalOnALogXAxisDraws() {
        let x: [Float] = [.leastNonzeroMagnitude, .leastNonzeroMagnitude * 8, .leastNormalMagnitude / 1e20]
        var fig = Figure()
        fig.plot(x: x, y: [Float](repeating: 1, count: 3))
        fig.xScale = .log
        let (lower, upper) = ResolvedAxes(fig.axes[0]).xLimits
        #expect(lower > 0 && lower <= Double(x[0]) && upper >= Double(x[2]))
        #expect(fig.svg(id: "nb-tiny-x-1").contains("tb-line"))
    }

    @Test func linearAxesSurviveTheEndsOfTheRangeToo() {
        for values in [[5e-324], [5e-324, 1e-323], [-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude], [1e-300]] {
            var fig = Figure()
            fig.plot(values)
            let (lower, upper) = ResolvedAxes(fig.axes[0]).yLimits
            #expect(lower.isFinite && upper.isFinite && lower < upper, "\(values)")
            #expect(fig.svg(id: "nb-linear-1").contains("<text"))
        }
    }

    @Test func explicitLimitsThatUnderflowFallBackToTheAutomaticOnes() {
        var fig = Figure()
        fig.plot([1e-300, 1e-299])
        fig.yScale = .log
        fig.axes[0].yLimits = -1...1e-323
        let (lower, upper) = ResolvedAxes(fig.axes[0]).yLimits
        #expect(lower > 0 && lower < upper)
        #expect(fig.svg(id: "nb-limits-1").contains("<svg"))
    }
}
