import Foundation
import Testing
@testable import Charts

/// Lines labelled at their ends (`legend = .direct`): recorded figures, and labels that never
/// overlap or leave the figure however crowded the endings are.
@Suite struct DirectLabelTests {
    @Test(arguments: DirectLabelExamples.all.map(\.name))
    func matchesSnapshot(name: String) throws {
        let figure = try #require(DirectLabelExamples.all.first { $0.name == name }?.figure)
        try Snapshot.check(figure.svg(id: "snap-\(name)"), named: name)
    }

    /// A label as drawn: its text, the left end of its baseline and its baseline.
    struct DrawnLabel {
        var text: String
        var x: Double
        var baseline: Double
    }

    /// The direct labels in an SVG, read back from its text elements.
    func drawnLabels(in svg: String) throws -> [DrawnLabel] {
        let pattern = try NSRegularExpression(pattern: #"<text class="tb-direct[^"]*" x="([-0-9.]+)" y="([-0-9.]+)">([^<]*)</text>"#)
        let range = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: range).map { match in
            func group(_ number: Int) -> String { String(svg[Range(match.range(at: number), in: svg)!]) }
            return DrawnLabel(text: group(3), x: Double(group(1))!, baseline: Double(group(2))!)
        }
    }

    /// `count` series that all end at the same y (`level` of the data range), in a figure of `size`.
    func crowded(count: Int, level: Double, size: FigureSize?) -> Figure {
        var fig = Figure(title: "crowded")
        fig.size = size
        for index in 0..<count {
            let start = Double(index) / Double(count)
            fig.plot([start, (start + level) / 2, level], label: "run \(index + 1) with a long name")
        }
        fig.plot([0, 1, 0], label: "reaches both ends")
        fig.legend = .direct
        return fig
    }

    @Test(arguments: [0.0, 0.5, 1.0])
    func crowdedLabelsNeverOverlapAndStayInsideTheFigure(level: Double) throws {
        for size in [nil, FigureSize(width: 420, height: 240)] {
            let fig = crowded(count: 8, level: level, size: size)
            let labels = try drawnLabels(in: fig.svg(id: "f"))
            #expect(labels.count == 9)
            let (width, height) = (fig.resolvedSize.width, fig.resolvedSize.height)
            let ascent = Theme.legendFontSize * 0.8, descent = Theme.legendFontSize * 0.25
            for label in labels {
                let right = label.x + TextMetrics.width(label.text, fontSize: Theme.legendFontSize)
                #expect(right <= width && label.x >= 0, "\(label.text) leaves the figure sideways")
                #expect(label.baseline - ascent >= 0 && label.baseline + descent <= height,
                        "\(label.text) leaves the figure vertically at \(label.baseline)")
            }
            let baselines = labels.map(\.baseline).sorted()
            for (upper, lower) in zip(baselines, baselines.dropFirst()) {
                #expect(lower - upper >= ascent + descent, "labels at \(upper) and \(lower) overlap")
            }
        }
    }

    @Test func labelsFollowTheOrderInWhichTheCurvesEnd() throws {
        var fig = Figure()
        fig.plot([0, 0.5], label: "middle")
        fig.plot([0, 1.0], label: "top")
        fig.plot([0, 0.49], label: "just below middle")
        fig.legend = .direct
        let labels = try drawnLabels(in: fig.svg(id: "f")).sorted { $0.baseline < $1.baseline }
        #expect(labels.map(\.text) == ["top", "middle", "just below middle"])
    }

    @Test func aLabelSitsAtItsCurvesLastFinitePoint() throws {
        var fig = Figure()
        fig.plot([0, 1, 0.25, .nan], label: "ends at 0.25")
        fig.legend = .direct
        let svg = fig.svg(id: "f")
        let label = try #require(try drawnLabels(in: svg).first)
        let placed = FigureLayout(fig).panels[0]
        let endY = try #require(placed.yMap.pixel(0.25))
        #expect(abs(label.baseline - Theme.legendFontSize * 0.35 - endY) < 0.01)
        #expect(label.x > placed.plot.maxX, "the label is right of the plot area")
        #expect(!svg.contains("class=\"tb-leader"), "an unmoved label needs no leader line")
    }

    @Test func directLabelsReplaceTheLegendBoxAndTheFigureLegend() throws {
        var single = DirectLabelExamples.closeEndings
        #expect(!single.svg(id: "f").contains("<g class=\"tb-legend"))
        single.legend = .best
        #expect(single.svg(id: "f").contains("class=\"tb-legend-box"))

        var grid = DirectLabelExamples.grid
        let svg = grid.svg(id: "g")
        #expect(!svg.contains("class=\"tb-legend tb-figure-legend"))
        #expect(svg.components(separatedBy: "class=\"tb-legend-box").count - 1 == 1, "only the target line is left to list")
        #expect(try drawnLabels(in: svg).map(\.text) == ["train", "test", "train", "test"])
        grid[0].legend = .best
        grid[1].legend = .best
        #expect(grid.svg(id: "g").components(separatedBy: "class=\"tb-legend-box").count - 1 == 2)

        var same = Figure(rows: 1, cols: 2)
        for index in 0..<2 {
            same[index].plot([1, 0.5, 0.2], label: "train")
            same[index].plot([1, 0.6, 0.4], label: "test")
        }
        #expect(same.svg(id: "s").contains("class=\"tb-legend tb-figure-legend"))
        same[0].legend = .direct
        same[1].legend = .direct
        let direct = same.svg(id: "s")
        #expect(!direct.contains("<g class=\"tb-legend"))
        #expect(try drawnLabels(in: direct).count == 4)
    }

    @Test func theRightMarginHoldsTheLongestLabel() {
        let fig = DirectLabelExamples.closeEndings
        let plot = FigureLayout(fig).panels[0].plot
        var boxed = fig
        boxed.legend = .best
        let widest = DirectLabelExamples.candidateRuns.map { TextMetrics.width($0.0, fontSize: Theme.legendFontSize) }.max()!
        #expect(fig.resolvedSize.width - plot.maxX >= widest + DirectLabels.gap + DirectLabels.leaderWidth)
        #expect(plot.width < FigureLayout(boxed).panels[0].plot.width)
    }

    @Test func spreadKeepsUncrowdedTargetsAndSpacesCrowdedOnes() {
        #expect(DirectLabels.spread([10, 50, 90], top: 0, bottom: 100, spacing: 10) == [10, 50, 90])
        #expect(DirectLabels.spread([50, 50, 50], top: 0, bottom: 100, spacing: 10) == [50, 60, 70])
        #expect(DirectLabels.spread([100, 100, 100], top: 0, bottom: 100, spacing: 10) == [80, 90, 100])
        #expect(DirectLabels.spread([-5, 0], top: 0, bottom: 100, spacing: 10) == [0, 10])
    }
}
