import Testing
@testable import Charts

/// Series colours assigned figure-wide by label: the same label keeps its colour in every panel (and,
/// with a shared key, in every figure), reference lines can take a curve's colour, and lines at the
/// same place stand side by side.
@Suite struct ColorIdentityTests {
    /// The paint of every labelled (or unlabelled, as "") legend row, panel by panel, as drawn.
    static func paints(_ figure: Figure) -> [[String: Paint]] {
        ColorAssignment.resolve(figure.axes).map { axes in
            var found: [String: Paint] = [:]
            for mark in axes.marks {
                if let line = mark as? LineMark { found[line.label ?? ""] = line.paint }
                if let line = mark as? ReferenceLineMark { found[line.label ?? ""] = line.paint }
                if let bars = mark as? BarMark { found[bars.label ?? ""] = bars.paint }
                if let points = mark as? ScatterMark { for entry in points.legendEntries { found[entry.text] = entry.paint } }
            }
            return found
        }
    }

    @Test func aLabelKeepsItsColourInEveryPanelAndNewLabelsTakeTheNextFreeSlot() {
        var fig = Figure(rows: 1, cols: 3)
        fig[0].plot([1, 2], label: "train")
        fig[0].plot([2, 1], label: "test")
        fig[1].plot([2, 1], label: "test")       // alone, yet not blue
        fig[1].plot([1, 3], label: "validation") // new: the first slot no label holds
        fig[2].plot([1, 2], label: "validation")
        fig[2].plot([1, 2], label: "train")
        let paints = Self.paints(fig)
        #expect(paints[0] == ["train": .slot(0), "test": .slot(1)])
        #expect(paints[1] == ["test": .slot(1), "validation": .slot(2)])
        #expect(paints[2] == ["validation": .slot(2), "train": .slot(0)])
    }

    @Test func unlabelledSeriesStartAtBlueInEveryPanelAsMatplotlibDoes() {
        var fig = Figure(rows: 2, cols: 2)
        for index in 0..<4 { fig[index].plot([1, 2, 3]) }
        fig[3].plot([3, 2, 1])
        let slots = ColorAssignment.resolve(fig.axes).map { $0.marks.compactMap { ($0 as? LineMark)?.colorSlot } }
        #expect(slots == [[0], [0], [0], [0, 1]])
    }

    @Test func aRangeTestKeepsTheCurveBlueAndItsSuggestionsInTheNextColours() {
        var fig = Figure()
        fig.plot(x: [1e-5, 1e-3, 1e-1], y: [2, 1, 3])
        fig.verticalLine(at: 1e-3, label: "valley")
        fig.verticalLine(at: 1e-2, label: "steep")
        #expect(Self.paints(fig)[0] == ["": .slot(0), "valley": .slot(1), "steep": .slot(2)])
    }

    @Test func referenceLinesTakeTheColourOfTheSeriesTheyName() {
        var fig = Figure()
        fig.plot([1, 1, 1], label: "per epoch")
        fig.plot([3, 2, 1], label: "100 steps")
        fig.plot([3, 1, 2], label: "1000 steps", color: "#123456")
        fig.verticalLine(at: 1, label: "valley, 1000 steps", color: .of("1000 steps"))
        fig.verticalLine(at: 2, label: "valley, 100 steps", color: .of("100 steps"))
        fig.horizontalLine(at: 1.5, label: "chance", color: .of("valley, 100 steps"))  // a chain
        let paints = Self.paints(fig)[0]
        #expect(paints["valley, 100 steps"] == .slot(1) && paints["chance"] == .slot(1))
        #expect(paints["valley, 1000 steps"] == .explicit("#123456"))
        let svg = fig.svg(id: "ref")
        #expect(svg.contains("stroke=\"#123456\"") && !svg.contains("currentColor"))
    }

    @Test func namedPaletteColoursAreThemedAndDefaultsAvoidThem() {
        var fig = Figure()
        fig.plot([1, 2], label: "mine", color: .blue)
        fig.plot([2, 1], label: "next")
        #expect(Self.paints(fig)[0] == ["mine": .slot(0), "next": .slot(1)])
        #expect(fig.svg(id: "named").contains("class=\"tb-line tb-s0\""))
        #expect(SeriesColor.palette(9) == SeriesColor.orange && SeriesColor.of("a").hex == nil)
    }

    @Test func aSharedKeyGivesTheSameCandidatesTheSameColoursInEveryFigure() {
        let key = SeriesColors("first guess", "valley", "steep")
        var first = Figure()
        first.seriesColors = key
        first.plot([1, 2], label: "steep")
        first.plot([2, 1], label: "loss")
        var second = Figure(rows: 1, cols: 2)
        second.seriesColors = key
        second[1].plot([1, 2], label: "valley")
        second[1].plot([1, 3], label: "steep")
        #expect(Self.paints(first)[0] == ["steep": .slot(2), "loss": .slot(3)])
        #expect(Self.paints(second)[1] == ["valley": .slot(1), "steep": .slot(2)])
        #expect(key["valley"] == .orange && second[0].seriesColors == key)
        var bars = Figure()
        bars.bar(labels: ["a"], values: [1], label: "by name", color: key["first guess"])
        #expect(Self.paints(bars)[0] == ["by name": .slot(0)])
    }

    @Test func scatterGroupsKeepTheirColoursAcrossPanels() {
        var fig = Figure(rows: 1, cols: 2)
        fig[0].scatter(x: [0, 1, 2], y: [0, 1, 2], groups: [0, 1, 2])
        fig[1].plot([1, 2], label: "boundary")
        fig[1].scatter(x: [0, 1], y: [0, 1], groups: [2, 1])
        let paints = Self.paints(fig)
        #expect(paints[0] == ["0": .slot(0), "1": .slot(1), "2": .slot(2)])
        #expect(paints[1] == ["boundary": .slot(3), "1": .slot(1), "2": .slot(2)])
    }

    @Test func referenceLinesAtTheSameValueStandSideBySide() throws {
        var fig = Figure(size: FigureSize(width: 400, height: 300))
        fig.plot(x: [1e-4, 1e-2], y: [1, 2])
        fig.xScale = .log
        fig.verticalLine(at: 1e-3, label: "valley")
        fig.verticalLine(at: 1e-3, label: "minimum")
        fig.verticalLine(at: 3e-3, label: "steep")
        let svg = fig.svg(id: "twins")
        let xs = svg.components(separatedBy: "stroke-dasharray=\"5.5 2.4\" d=\"M").dropFirst().prefix(3)
            .map { Double($0.prefix { $0 != " " })! }
        try #require(xs.count == 3)
        #expect(abs(xs[1] - xs[0] - 3) < 0.01, "\(xs)")
        #expect(abs(xs[2] - (xs[0] + xs[1]) / 2) > 10)
    }
}
