import Foundation
import Testing
@testable import Charts

/// The symmetric-log scale, steps and bands against what matplotlib draws for the same calls.
@Suite struct NewMarkAndScaleTests {
    @Test func symlogMatchesMatplotlibsTransform() throws {
        // matplotlib: SymmetricalLogTransform(base=10, linthresh=1, linscale=1).transform(…)
        let scale = SymmetricLogScale(linthresh: 1)
        let expected: [(Double, Double)] = [(0, 0), (0.5, 0.5 / 0.9), (1, 1 / 0.9), (10, 1 / 0.9 + 1), (-1000, -(1 / 0.9 + 3))]
        for (value, coordinate) in expected {
            let transformed = try #require(scale.transform(value))
            #expect(abs(transformed - coordinate) < 1e-12, "\(value) → \(transformed), expected \(coordinate)")
            #expect(abs(scale.inverse(transformed) - value) <= 1e-12 * max(1, abs(value)))
        }
        #expect(scale.transform(.nan) == nil && scale.transform(-.infinity) == nil)
        #expect(AxisScale.symlog(linthresh: 1) == .symlog() && AxisScale.symlog(linthresh: 2) != .symlog())
        #expect(AxisScale.symlog() != .log && AxisScale.log != .linear)
    }

    @Test func symlogTicksAreSignedDecadesAroundZero() {
        let ticks = SymmetricLogScale(linthresh: 1).ticks(from: -2000, to: 2000, maxCount: 9)
        #expect(ticks.major.map(\.label.plainText) == ["−10³", "−10²", "−10¹", "−10⁰", "0", "10⁰", "10¹", "10²", "10³"])
        let thinned = SymmetricLogScale(linthresh: 1).ticks(from: -2000, to: 2000, maxCount: 5)
        #expect(thinned.major.map(\.label.plainText) == ["−10²", "−10⁰", "0", "10⁰", "10²"])
        // Inside the linear part there are no decades to mark: linear ticks.
        let small = SymmetricLogScale(linthresh: 10).ticks(from: -2, to: 3, maxCount: 6)
        #expect(small.major.map(\.value) == [-2, -1, 0, 1, 2, 3])
    }

    @Test func symlogShowsNegativeValuesThatALogAxisDrops() {
        var fig = Figure()
        fig.plot([-500, -3, 0, 4, 800])
        fig.yScale = .symlog()
        let (lower, upper) = ResolvedAxes(fig.axes[0]).yLimits
        #expect(lower < -500 && upper > 800)
        #expect(fig.altText.contains("y on a symmetric log scale"))
        fig.yScale = .log
        #expect(ResolvedAxes(fig.axes[0]).yLimits.0 > 0)
    }

    @Test func symlogLimitsAroundOneValueStayNearIt() {
        let scale = SymmetricLogScale(linthresh: 0.01)
        let around5 = scale.limits(around: DataRange(5), margin: 0.05)
        #expect(around5 == (2.5, 10) || (abs(around5.0 - 2.5) < 1e-9 && abs(around5.1 - 10) < 1e-9), "\(around5)")
        let aroundZero = scale.limits(around: DataRange(0), margin: 0.05)
        #expect(abs(aroundZero.0 + 0.01) < 1e-12 && abs(aroundZero.1 - 0.01) < 1e-12, "\(aroundZero)")
        #expect(scale.limits(around: nil, margin: 0.05) == (-1, 1))
        var huge = DataRange(-Double.greatestFiniteMagnitude)
        huge.include(.greatestFiniteMagnitude)
        let extreme = scale.limits(around: huge, margin: 0.05)
        #expect(extreme.0.isFinite && extreme.1.isFinite && extreme.0 < extreme.1)
    }

    @Test func stepCornersAreMatplotlibs() {
        func corners(_ position: StepPosition) -> [Double] {
            let line = LineMark(x: [0, 1, 2], y: [5, 6, 7], label: nil, color: nil, dash: .solid, colorSlot: 0, implicitX: false)
            let (x, y) = StepMark(line: line, position: position).corners()
            return zip(x, y).flatMap { [$0, $1] }
        }
        // matplotlib.cbook.pts_to_poststep / pts_to_prestep / pts_to_midstep of x=[0,1,2], y=[5,6,7].
        #expect(corners(.post) == [0, 5, 1, 5, 1, 6, 2, 6, 2, 7])
        #expect(corners(.pre) == [0, 5, 0, 6, 1, 6, 1, 7, 2, 7])
        #expect(corners(.mid) == [0, 5, 0.5, 5, 0.5, 6, 1.5, 6, 1.5, 7, 2, 7])
    }

    @Test func aStepLineIsDrawnWithOnlyHorizontalAndVerticalSegments() throws {
        var fig = Figure()
        fig.step(x: [0, 10, 20], y: [0.1, 0.01, 0.001], where: .post, label: "lr")
        fig.yScale = .log
        let svg = fig.svg(id: "st")
        let path = try #require(svg.components(separatedBy: "class=\"tb-line tb-s0\" d=\"").dropFirst().first?
            .prefix { $0 != "\"" })
        let points = path.split(separator: " ").chunked().map { (Double($0.0.dropFirst())!, Double($0.1)!) }
        #expect(points.count == 5)
        for (a, b) in zip(points, points.dropFirst()) { #expect(a.0 == b.0 || a.1 == b.1) }
        #expect(fig.altText.contains("lr (steps) falls from 0.1 to 0.001"))
    }

    @Test func aBandBreaksAtGapsAndStaysNearThePlotForFarOffValues() throws {
        var fig = Figure()
        fig.band(x: [0, 1, 2, 3, 4, 5], lower: [0, 0, .nan, 0, 0, -1e12], upper: [1, 2, 2, 1, 1, 1e12], label: "spread")
        fig.yLimits = -1...3
        let svg = fig.svg(id: "bd")
        let path = try #require(svg.components(separatedBy: "fill-opacity=\"0.25\" d=\"").dropFirst().first?.prefix { $0 != "\"" })
        #expect(path.components(separatedBy: "Z").count - 1 == 2, "one polygon each side of the gap: \(path)")
        let numbers = path.split { " MLZ".contains($0) }.compactMap { Double($0) }
        #expect(numbers.allSatisfy { abs($0) < 2000 }, "coordinates stay near the plot: \(path)")
        #expect(LegendEntry.entries(for: fig.axes[0]).map(\.swatch) == [.area])
    }
}

private extension Array where Element == Substring {
    /// Pairs of consecutive elements: [a, b, c, d] → [(a, b), (c, d)].
    func chunked() -> [(Substring, Substring)] {
        stride(from: 0, to: count - 1, by: 2).map { (self[$0], self[$0 + 1]) }
    }
}
