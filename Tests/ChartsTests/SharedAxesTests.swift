import Foundation
import Testing
@testable import Charts

/// Grids share their axes, clip diverging panels instead of stretching, and keep explicit choices.
@Suite struct SharedAxesTests {
    func panels(_ figure: Figure) -> [ResolvedAxes] { SharedAxes(figure).panels }

    /// A 1×2 loss grid: a flat panel at 0.5 and a learning one from 2 down to 0.2.
    func flatAndLearning(sharedY: AxisSharing = .all) -> Figure {
        var fig = Figure(rows: 1, cols: 2, sharedY: sharedY)
        fig[0].plot([0.50, 0.51, 0.50, 0.51], label: "loss")
        fig[1].plot([2.0, 1.0, 0.5, 0.2], label: "loss")
        return fig
    }

    @Test func gridPanelsShareOneRangeOverAllTheirData() {
        let resolved = panels(flatAndLearning())
        #expect(resolved[0].yLimits == resolved[1].yLimits)
        #expect(resolved[0].yLimits.0 <= 0.2 && resolved[0].yLimits.1 >= 2.0)
        #expect(resolved[0].xLimits == resolved[1].xLimits)
    }

    @Test func optingOutLetsEachPanelZoomIn() {
        let resolved = panels(flatAndLearning(sharedY: .none))
        #expect(resolved[0].yLimits.1 < 0.6)
        #expect(resolved[1].yLimits.1 >= 2.0)
    }

    @Test func rowsAndColumnsShareOnlyWithinThemselves() {
        var fig = Figure(rows: 2, cols: 2, sharedY: .rows)
        for (index, top) in [1.0, 2.0, 10.0, 20.0].enumerated() { fig[index].plot([0, top]) }
        var resolved = panels(fig)
        #expect(resolved[0].yLimits == resolved[1].yLimits && resolved[2].yLimits == resolved[3].yLimits)
        #expect(resolved[0].yLimits.1 < 3)
        fig.sharedY = .columns
        resolved = panels(fig)
        #expect(resolved[0].yLimits == resolved[2].yLimits && resolved[1].yLimits == resolved[3].yLimits)
        #expect(resolved[0].yLimits != resolved[1].yLimits)
    }

    @Test func explicitLimitsAreKeptAndLeftOutOfTheSharedRange() {
        var fig = flatAndLearning()
        fig[1].yLimits = 0...10
        let resolved = panels(fig)
        #expect(resolved[1].yLimits == (0, 10))
        #expect(resolved[0].yLimits.1 < 0.6)
    }

    /// Panels given the same explicit limits (01's and 07's accuracy grids set 0…1 on each) keep them
    /// and leave tick labels to the outer panels; different explicit limits label every panel.
    @Test func equalExplicitLimitsShareTickLabels() {
        var fig = GridExamples.stuckNextToLearning
        for index in fig.axes.indices { fig[index].yLimits = 0...1 }
        #expect(FigureLayout(fig).panels.map(\.shows.yTickLabels) == [true, false, true, false])
        fig[1].yLimits = 0...0.5
        let layout = FigureLayout(fig)
        #expect(layout.panels.map(\.shows.yTickLabels) == [true, true, true, false])
        #expect(layout.panels[1].resolved.yLimits == (0, 0.5))
    }

    @Test func logAndLinearPanelsDoNotShare() {
        var fig = flatAndLearning()
        fig[1].yScale = .log
        #expect(SharedAxes(fig).yGroups.groups.isEmpty)
        #expect(panels(fig)[0].yLimits.1 < 0.6)
    }

    @Test func panelsLabelledWithDifferentQuantitiesDoNotShare() {
        var fig = flatAndLearning()
        fig[0].yLabel = "accuracy"
        fig[1].yLabel = "loss"
        #expect(SharedAxes(fig).yGroups.groups.isEmpty)
        fig[0].yLabel = nil
        #expect(SharedAxes(fig).yGroups.groups == [[0, 1]])
    }

    /// A steady blow-up (threefold an epoch, never a jump, never NaN) is whole on its own axes; next
    /// to stable panels it is clipped with a note and the shared range comes from the others.
    @Test func aDivergingPanelIsClippedAndDoesNotStretchTheSharedRange() {
        let blowUp = (0..<30).map { 0.9 * pow(3, Double($0)) }
        var fig = Figure(rows: 1, cols: 3)
        fig[0].plot(blowUp, label: "loss")
        fig[1].plot(ChartExamples.lossCurve(epochs: 30, start: 0.9, floor: 0.1, rate: 4), label: "loss")
        fig[2].plot(ChartExamples.lossCurve(epochs: 30, start: 0.9, floor: 0.3, rate: 9), label: "loss")
        let resolved = panels(fig)
        #expect(resolved.allSatisfy { $0.yLimits == resolved[1].yLimits })
        #expect(resolved[1].yLimits.1 < 1.1)
        #expect(resolved[0].clipped.map(\.series) == [0] && resolved[0].clipped[0].upward)
        #expect(resolved[1].clipped.isEmpty && resolved[2].clipped.isEmpty)
        fig.sharedY = .none
        #expect(panels(fig)[0].clipped.isEmpty, "alone, a steady blow-up is drawn whole")
        let svg = GridExamples.divergingPanel.svg(id: "d")
        #expect(svg.contains("Training Loss clipped ↑") && svg.contains("Validation Loss clipped ↑"))
    }

    @Test func accuracyAxesSpanZeroToOneOnEveryPanel() {
        let resolved = panels(GridExamples.stuckNextToLearning)
        #expect(resolved.allSatisfy { $0.yLimits == (0, 1) })
        var single = Figure()
        single.plot([0.91, 0.95, 0.97], label: "val_accuracy")
        #expect(panels(single)[0].yLimits == (0, 1))
        var loss = Figure()
        loss.plot([0.91, 0.95, 0.97], label: "loss")
        #expect(panels(loss)[0].yLimits.0 > 0.8)
    }

    @Test(arguments: [("accuracy", true), ("val_accuracy", true), ("Test acc.", true), ("accumulated loss", false),
                      ("loss", false)])
    func accuracyIsRecognisedByItsName(label: String, isAccuracy: Bool) {
        #expect(AccuracyAxis.namesAccuracy(label) == isAccuracy)
    }

    /// Inner panels leave tick labels to the outer ones; every panel keeps its ticks and title.
    @Test func innerTickLabelsGiveWayToTheOuterPanels() {
        let layout = FigureLayout(GridExamples.stuckNextToLearning)
        #expect(layout.panels.map(\.shows.yTickLabels) == [true, false, true, false])
        #expect(layout.panels.map(\.shows.xTickLabels) == [false, false, true, true])
        #expect(layout.panels.map(\.shows.yLabel) == [true, false, true, false])
        let unshared = FigureLayout(GridExamples.optOut)
        #expect(unshared.panels.allSatisfy { $0.shows.xTickLabels && $0.shows.yTickLabels })
    }

    /// A 2×2 grid is not squashed, a 4×2 grid keeps rows tall enough to read, and stacked panels
    /// (one column, for comparing along x) stay wide but not flat.
    @Test func automaticGridSizesKeepPanelsReadable() {
        for (rows, cols) in [(2, 2), (4, 2), (2, 1), (1, 3)] {
            var fig = Figure(rows: rows, cols: cols, title: "t")
            for index in fig.axes.indices { fig[index].plot([1, 2, 3]) }
            let layout = FigureLayout(fig)
            for panel in layout.panels {
                let widest = cols == 1 ? 2.4 : 1.9
                #expect(panel.plot.width / panel.plot.height < widest, "\(rows)×\(cols): \(panel.plot)")
                #expect(panel.plot.height >= 150, "\(rows)×\(cols): \(panel.plot)")
            }
            #expect(fig.resolvedSize.width <= 900)
        }
    }
}
