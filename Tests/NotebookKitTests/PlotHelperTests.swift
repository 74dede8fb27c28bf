import Foundation
import Testing
import TrainBook

/// The notebook-facing plot helpers of TrainBook: schedules drawn as steps, and range tests whose
/// suggestion lines take their curves' colours.
@Suite struct PlotHelperTests {
    /// The colour classes (`tb-sN`) of the stroked lines, in the order the SVG draws them.
    static func strokeClasses(_ svg: String) -> [String] {
        svg.components(separatedBy: "class=\"tb-line ").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func aPiecewiseScheduleIsDrawnAsStepsWithItsCutsVertical() {
        let schedule = PiecewiseConstantDecay(boundaries: [3], values: [0.1, 0.01])
        let figure = schedule.plot(steps: 6)
        #expect(figure.altText.contains("(steps)"), "\(figure.altText)")
        // Steps 3 and 4 differ, so the path has a vertical segment: two corners at the same x.
        let svg = figure.svg(id: "sched")
        let path = svg.components(separatedBy: "class=\"tb-line tb-s0\" d=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""
        let points = path.split(whereSeparator: { $0 == "M" || $0 == "L" }).map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(points.count >= 4, "\(path)")
        #expect(zip(points, points.dropFirst()).contains { $0[0] == $1[0] && $0[1] != $1[1] }, "\(path)")
    }

    @Test func rangeTestsOnOneFigureDrawEachSuggestionInItsCurvesColour() throws {
        let rates = (0..<60).map { 1e-6 * pow(10, Double($0) / 10) }
        let short = LearningRateFinder(learningRates: rates, losses: rates.map { 2 - 0.3 * log10($0 / 1e-6) + pow($0 * 20, 2) })
        let long = LearningRateFinder(learningRates: rates, losses: rates.map { 2 - 0.2 * log10($0 / 1e-6) + pow($0 * 3, 2) })
        var chart = Figure(title: "Two range tests")
        chart.plot(short, label: "100 steps", suggestions: [.valley, .steep])
        chart.plot(long, label: "1000 steps")
        chart.xScale = .log
        let classes = Self.strokeClasses(chart.svg(id: "range"))
        // Drawn: the two curves, then the three suggestion lines, then the legend's five swatches.
        try #require(classes.count == 10, "\(classes)")
        #expect(classes[0] == "tb-s0" && classes[1] == "tb-s1")
        #expect(Array(classes[2...4]) == ["tb-s0", "tb-s0", "tb-s1"], "\(classes)")
        #expect(chart.altText.contains("100 steps: valley") && chart.altText.contains("1000 steps: valley"))
        // One range test alone: each suggestion in its own colour and dash (steep dotted), the curve blue.
        let single = Self.strokeClasses(short.plot(suggestions: [.valley, .steep]).svg(id: "single"))
        #expect(Array(single.prefix(3)) == ["tb-s0", "tb-s1", "tb-s2"], "\(single)")
        #expect(short.plot(suggestions: [.steep]).svg(id: "dots").contains("tb-s1\" stroke-dasharray=\"1.5 2.5\""))
    }
}
