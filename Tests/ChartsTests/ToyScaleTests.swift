import Foundation
import Testing
@testable import Charts

/// A new scale is one type: this file adds a square-root scale (for counts, whose spread grows like
/// their square root) and sets it on an axes, with nothing else in the library changed.
struct SquareRootScale: Scale {
    var summaryName: String? { "square-root" }

    func transform(_ value: Double) -> Double? { value.isFinite && value >= 0 ? value.squareRoot() : nil }

    func inverse(_ coordinate: Double) -> Double { coordinate * coordinate }

    func ticks(from lower: Double, to upper: Double, maxCount: Int) -> AxisTicks {
        LinearScale().ticks(from: lower, to: upper, maxCount: maxCount)
    }
}

@Suite struct ToyScaleTests {
    func figure() -> Figure {
        var fig = Figure(title: "Misclassified per epoch")
        fig.plot([100, 64, 36, 16, 4, 0, -3], label: "errors")
        fig.yScale = AxisScale(SquareRootScale())
        return fig
    }

    @Test func theScaleSetsPixelsLimitsTicksAndTheSummary() throws {
        var fig = figure()
        #expect(fig.yScale == AxisScale(SquareRootScale()) && fig.yScale != .linear)
        // Limits come from the protocol's default: margins in square-root space, the negative count left out.
        let automatic = ResolvedAxes(fig.axes[0]).yLimits
        #expect(automatic.0 == 0 && abs(automatic.1 - 110.25) < 1e-9, "\(automatic)")
        fig.yLimits = 0...100
        let layout = FigureLayout(axes: fig.axes, rows: 1, cols: 1, title: fig.title, width: 640, height: 420)
        let yMap = layout.panels[0].yMap
        let (top, bottom) = (try #require(yMap.pixel(100)), try #require(yMap.pixel(0)))
        // 25 is half-way up on a square-root axis (√25 = 5 of √100 = 10).
        #expect(abs(try #require(yMap.pixel(25)) - (top + bottom) / 2) < 1e-9)
        #expect(yMap.pixel(-3) == nil)
        #expect(layout.panels[0].ticks.y.major.map(\.label.text) == ["0", "20", "40", "60", "80", "100"])
        #expect(fig.altText.contains("y on a square-root scale"))
        #expect(fig.svg(id: "sqrt").contains("<path class=\"tb-line tb-s0\""))
    }
}
