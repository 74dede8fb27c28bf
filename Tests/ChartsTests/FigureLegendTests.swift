import Foundation
import Testing
@testable import Charts

/// One legend per figure when the panels list the same entries; none for a single series.
@Suite struct FigureLegendTests {
    func legends(in svg: String) -> Int { svg.components(separatedBy: "<g class=\"tb-legend").count - 1 }
    func figureLegends(in svg: String) -> Int { svg.components(separatedBy: "tb-figure-legend").count - 1 }

    func grid(labels: (Int) -> [String]) -> Figure {
        var fig = Figure(rows: 2, cols: 2, title: "t")
        for index in fig.axes.indices {
            for (number, label) in labels(index).enumerated() {
                fig[index].plot([1, 0.5 + Double(number) * 0.1, 0.2], label: label)
            }
        }
        return fig
    }

    @Test func panelsWithTheSameEntriesGetOneFigureLegendAboveThem() throws {
        let fig = GridExamples.figureLegend
        let svg = fig.svg(id: "f")
        #expect(legends(in: svg) == 1 && figureLegends(in: svg) == 1)
        let layout = FigureLayout(fig)
        let legendTop = try #require(layout.legendTop)
        let legend = try #require(layout.legend)
        let titleBaseline = try #require(layout.titleBaseline)
        let legendBottom = legendTop + legend.height(width: layout.width)
        let highestTitle = layout.panels.map { $0.plot.y - Theme.axesTitleFontSize * 1.25 - Spacing.titleGap }.min()!
        #expect(legendBottom <= highestTitle + 0.5, "the figure legend must sit outside the panels")
        #expect(legendTop >= titleBaseline)
    }

    @Test func panelsWithDifferentEntriesKeepTheirOwnLegends() {
        let fig = grid { $0 == 3 ? ["train", "val", "test"] : ["train", "val"] }
        #expect(FigureLegend(fig) == nil)
        let svg = fig.svg(id: "f")
        #expect(legends(in: svg) == 4 && figureLegends(in: svg) == 0)
    }

    @Test func theSharedLegendCanBeTurnedOff() {
        var fig = grid { _ in ["train", "val"] }
        #expect(figureLegends(in: fig.svg(id: "f")) == 1)
        fig.sharedLegend = false
        #expect(legends(in: fig.svg(id: "f")) == 4 && figureLegends(in: fig.svg(id: "f")) == 0)
    }

    @Test func aSingleSeriesGetsNoLegendUnlessAskedFor() {
        var fig = grid { _ in ["loss"] }
        #expect(legends(in: fig.svg(id: "f")) == 0)
        fig[2].legend = .upperRight
        #expect(legends(in: fig.svg(id: "f")) == 1)
        #expect(legends(in: GridExamples.singleSeries.svg(id: "s")) == 0)
        var asked = GridExamples.singleSeries
        asked.legend = .best
        #expect(legends(in: asked.svg(id: "s")) == 1)
    }

    @Test func hiddenPanelsTakeNoPartAndOneAxesKeepsItsLegendInside() {
        var fig = grid { $0 == 3 ? ["other"] : ["train", "val"] }
        fig[3].legend = .hidden
        #expect(FigureLegend(fig) != nil)
        var single = Figure()
        single.plot([1, 2], label: "a")
        single.plot([2, 1], label: "b")
        #expect(FigureLegend(single) == nil && legends(in: single.svg(id: "s")) == 1)
    }

    /// A legend wider than the figure wraps onto more rows, each within the figure.
    @Test func aLongLegendWraps() throws {
        let fig = grid { _ in (0..<8).map { "a rather long series label \($0)" } }
        let legend = try #require(FigureLegend(fig))
        let rows = legend.rows(width: 888)
        #expect(rows.count > 1 && rows.joined().sorted() == Array(0..<8))
    }
}
