import Foundation
import Testing
@testable import Charts

@Suite struct FigureTests {
    /// Every `id="…"` in an SVG.
    func ids(in svg: String) -> [String] {
        svg.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyIdIsPrefixedAndUnique() {
        let svg = ChartExamples.learningRateGrid.svg(id: "nb-03-lr-grid-1")
        let found = ids(in: svg)
        #expect(found.count > 8)
        #expect(found.allSatisfy { $0.hasPrefix("nb-03-lr-grid-1") })
        #expect(Set(found).count == found.count)
        // Every reference to an id points inside the figure.
        let references = svg.components(separatedBy: "url(#").dropFirst().map { String($0.prefix { $0 != ")" }) }
        #expect(!references.isEmpty && references.allSatisfy(found.contains))
    }

    @Test func twoFiguresOnOnePageNeverShareAnId() {
        let first = ids(in: ChartExamples.learningRateGrid.svg(id: "nb-03-lr-grid-1"))
        let second = ids(in: ChartExamples.momentumGrid.svg(id: "nb-03-lr-grid-10"))
        #expect(Set(first).isDisjoint(with: second))
    }

    @Test func cssIsScopedToTheFigure() {
        let svg = ChartExamples.line.svg(id: "fig-a")
        let style = svg.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
        let selectors = style.split(separator: "\n").filter { !$0.hasPrefix("@media") && !$0.hasPrefix("}") }
        #expect(selectors.allSatisfy { $0.hasPrefix("#fig-a") })
        #expect(style.contains("@media (prefers-color-scheme:dark){#fig-a{"))
        #expect(style.contains("var(--tb-fg,") && style.contains("var(--tb-bg,") && style.contains("var(--tb-grid,"))
    }

    @Test func svgIsAStandaloneElementWithoutProlog() {
        let svg = ChartExamples.line.svg(id: "x1")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"x1\""))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(!svg.contains("<?xml"))
    }

    @Test func gridsAreRowMajorFromTheTopLeft() {
        var fig = Figure(rows: 2, cols: 2)
        fig[1].title = "top right"
        fig[2].title = "bottom left"
        let layout = FigureLayout(axes: fig.axes, rows: 2, cols: 2, title: nil, width: 900, height: 500)
        #expect(layout.panels[1].plot.x > layout.panels[0].plot.x && layout.panels[1].plot.y == layout.panels[0].plot.y)
        #expect(layout.panels[2].plot.y > layout.panels[0].plot.y && layout.panels[2].plot.x == layout.panels[0].plot.x)
    }

    /// Plot areas keep room between them: for titles and tick labels when every panel has its own
    /// axes, and at least for the titles when inner tick labels give way to shared axes.
    @Test(arguments: [(AxisSharing.none, 40.0), (.all, 24.0)])
    func panelsOfAGridDoNotOverlap(sharing: AxisSharing, room: Double) {
        var figure = ChartExamples.learningRateGrid
        figure.sharedX = sharing
        figure.sharedY = sharing
        let layout = FigureLayout(figure, size: FigureSize(width: 900, height: 1028))
        for (i, a) in layout.panels.enumerated() {
            for b in layout.panels[(i + 1)...] {
                let gapX = max(b.plot.x - a.plot.maxX, a.plot.x - b.plot.maxX)
                let gapY = max(b.plot.y - a.plot.maxY, a.plot.y - b.plot.maxY)
                #expect(gapX >= room || gapY >= room)
            }
        }
    }

    /// matplotlib's `subplots` gives every panel of a grid one size: an inner panel whose tick labels
    /// give way to its neighbour's is no larger, so panels sharing an axis also get the same ticks
    /// (a taller panel once chose steps of 0.02 beside a neighbour's 0.05 on the same range).
    @Test(arguments: [(4, 2), (2, 1), (1, 3), (2, 2)])
    func panelsOfAGridAreOneSizeAndSharedAxesOneSetOfTicks(rows: Int, cols: Int) {
        var figure = Figure(rows: rows, cols: cols, title: "grid")
        for index in 0 ..< rows * cols {
            figure[index].plot(x: (0 ..< 15).map { Double($0) }, y: (0 ..< 15).map { 0.7 + 0.01 * Double($0 + index) },
                                label: "run")
            figure[index].xLabel = "epochs completed"
            figure[index].yLabel = "test accuracy"
        }
        let layout = FigureLayout(figure)
        let sizes = Set(layout.panels.map { "\($0.plot.width)×\($0.plot.height)" })
        #expect(sizes.count == 1, "plot sizes \(sizes)")
        let yTicks = Set(layout.panels.map { $0.ticks.y.major.map(\.value) })
        let xTicks = Set(layout.panels.map { $0.ticks.x.major.map(\.value) })
        #expect(yTicks.count == 1 && xTicks.count == 1)
        #expect(layout.panels.allSatisfy { $0.plot.x >= 0 && $0.plot.maxX <= layout.width && $0.plot.maxY <= layout.height })
    }

    @Test func oneAxesFiguresForwardToTheFirstAxes() {
        var fig = Figure(title: "Loss")
        fig.plot([1, 2], label: "a")
        fig.xScale = .log
        fig.yLabel = "loss"
        #expect(fig[0].marks.count == 1 && fig[0].xScale == .log && fig[0].yLabel == "loss")
    }

    /// The figure and its first axes offer the same plotting methods (written once on PlotTarget), so
    /// each call draws the same figure either way — including overloads the figure's hand-written copy
    /// lacked, such as `Float` points with `Float` groups.
    @Test func figureAndFirstAxesPlotAlike() {
        func build(_ draw: (inout any PlotTarget) -> Void, onFigure: Bool) -> String {
            var fig = Figure(title: "same")
            if onFigure {
                var target: any PlotTarget = fig
                draw(&target)
                fig = target as! Figure
            } else {
                var target: any PlotTarget = fig[0]
                draw(&target)
                fig[0] = target as! Axes
            }
            return fig.svg(id: "same")
        }
        let calls: [(inout any PlotTarget) -> Void] = [
            { $0.scatter(x: [Float(1), 2, 3], y: [Float(1), 4, 9], groups: [Float(0), 1, 1]) },
            { $0.scatter(x: [Float(1), 2], y: [Float(3), 4], groups: [0.0, 1.0]) },
            { $0.plot(x: [Float(1), 2], y: [0.5, 0.25], dash: .dotted) },
            { $0.step([0.1, 0.1, 0.01], where: .post, label: "lr") },
            { $0.band(lower: [0, 1], upper: [2, 3], label: "spread") },
            { $0.bar(labels: ["a", "b"], values: [Float(1), 2]) },
            { $0.horizontalLine(at: 1, label: "one") },
        ]
        for call in calls {
            #expect(build(call, onFigure: true) == build(call, onFigure: false))
        }
        var fig = Figure()
        fig.xLimits = 0...2
        fig.legend = .hidden
        #expect(fig[0].xLimits == 0...2 && fig[0].legend == .hidden)
    }

    @Test func seriesTakeOkabeItoColoursInOrder() {
        var axes = Axes()
        axes.plot([1.0, 2.0])
        axes.plot([Float(1), 2])
        axes.plot([3.0, 1.0], color: .red)
        #expect(axes.marks.compactMap { ($0 as? LineMark)?.colorSlot } == [0, 1, 2])
        #expect(SeriesColor.cycle.first?.hex == "#0072b2" && SeriesColor.cycle[1].hex == "#c08402")
        let svg = Figure(title: nil).svg(id: "c")
        #expect(svg.contains("--_c0:var(--tb-c0,#0072b2)"))
    }

    @Test func textIsEscaped() {
        var fig = Figure(title: "a < b & \"c\"")
        fig.plot([1, 2], label: "<script>")
        let svg = fig.svg(id: "esc")
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("a &lt; b &amp; &quot;c&quot;"))
    }

    @Test func validIds() {
        #expect(Figure.isValidID("nb-03-lr-grid-1"))
        #expect(!Figure.isValidID("3abc") && !Figure.isValidID("a b") && !Figure.isValidID("") && !Figure.isValidID("a\"b"))
    }
}
