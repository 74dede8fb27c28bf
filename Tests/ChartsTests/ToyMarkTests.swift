import Foundation
import Testing
@testable import Charts

/// A new mark is one type and the method that adds it: this file adds matplotlib's `axvspan` (a
/// shaded stretch of x across the whole axes, such as warm-up epochs) and draws it, with nothing else
/// in the library changed.
struct SpanMark: Mark {
    var from: Double
    var to: Double
    var label: String?
    var colorSlot: Int

    var layer: MarkLayer { .underlay }

    func xRange(in axes: Axes) -> DataRange? {
        guard axes.xScale.shows(from), axes.xScale.shows(to) else { return nil }
        var range = DataRange(from)
        range.include(to)
        return range
    }

    func yRange(in axes: Axes, divergence: Divergence?) -> DataRange? { nil }

    func draw(in context: MarkContext, into svg: inout SVGWriter) -> [(Double, Double)] {
        guard let left = context.xMap.pixel(from), let right = context.xMap.pixel(to) else { return [] }
        let plot = context.plot
        svg.element("rect", Paint.slot(colorSlot).fill() + [("fill-opacity", "0.2"), ("x", px(min(left, right))),
            ("y", px(plot.y)), ("width", px(abs(right - left))), ("height", px(plot.height))])
        return []
    }

    var legendEntries: [LegendEntry] {
        label.map { [LegendEntry(text: $0, paint: .slot(colorSlot), swatch: .area)] } ?? []
    }

    func summary(_ context: SummaryContext) -> String {
        (label ?? context.fallbackName) + ": span from x = \(summaryNumber(from)) to x = \(summaryNumber(to))"
    }
}

extension PlotTarget {
    /// Shades x from `from` to `to` across the whole axes.
    mutating func span(from: Double, to: Double, label: String? = nil) {
        plotAxes.add { slot in SpanMark(from: from, to: to, label: label, colorSlot: slot) }
    }
}

@Suite struct ToyMarkTests {
    @Test func theMarkDrawsUnderTheDataWidensTheLimitsAndDescribesItself() throws {
        var fig = Figure(title: "Warm-up")
        fig.plot(x: [10, 20, 30], y: [1.0, 0.5, 0.3], label: "loss")
        fig.span(from: 0, to: 5, label: "warm-up")
        let resolved = ResolvedAxes(fig.axes[0])
        #expect(resolved.xLimits.0 < 0 && resolved.xLimits.1 > 30, "the span widens the limits: \(resolved.xLimits)")
        let svg = fig.svg(id: "span")
        let rect = try #require(svg.range(of: "<rect class=\"tb-f1\" fill-opacity=\"0.2\""))
        let line = try #require(svg.range(of: "<path class=\"tb-line tb-s0\""))
        #expect(rect.lowerBound < line.lowerBound, "an underlay is drawn before the data")
        #expect(LegendEntry.entries(for: fig.axes[0]).map(\.text) == ["loss", "warm-up"])
        #expect(fig.altText.hasSuffix("; warm-up: span from x = 0 to x = 5."))
    }
}
