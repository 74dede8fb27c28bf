import Foundation
import Testing
@testable import Charts

/// The legend goes where it covers the least data, like matplotlib's `loc="best"`.
@Suite struct LegendTests {
    let plot = Rect(x: 0, y: 0, width: 400, height: 300)
    let size = (120.0, 40.0)

    /// Samples along y = f(x) over the plot area, in pixels (y grows downwards).
    func curve(_ f: (Double) -> Double) -> [(Double, Double)] {
        stride(from: 0.0, through: 400, by: 2).map { ($0, 300 - f($0 / 400) * 300) }
    }

    @Test func aFallingLossLeavesTheUpperRightFree() {
        let samples = curve { 0.05 + 0.95 * exp(-8 * $0) }
        #expect(LegendLayout.best(size: size, in: plot, samples: samples, notes: []) == .upperRight)
    }

    @Test func aRisingCurvePushesTheLegendToTheUpperLeft() {
        let samples = curve { $0 }
        #expect(LegendLayout.best(size: size, in: plot, samples: samples, notes: []) == .upperLeft)
    }

    @Test func aCurveHuggingTheTopEdgeKeepsTheLegendOffIt() {
        // Accuracy that climbs to 0.99 under explicit limits 0…1 runs a pixel or two below the top.
        let samples = curve { min(0.995, 0.4 + 3 * $0) }
        let position = LegendLayout.best(size: size, in: plot, samples: samples, notes: [])
        #expect(position != .upperRight && position != .upperCenter)
    }

    @Test func dataEverywhereButOneCornerSendsTheLegendThere() {
        var samples: [(Double, Double)] = []
        for x in stride(from: 0.0, through: 400, by: 10) {
            for y in stride(from: 0.0, through: 300, by: 10) where !(x > 250 && y > 220) { samples.append((x, y)) }
        }
        #expect(LegendLayout.best(size: size, in: plot, samples: samples, notes: []) == .lowerRight)
    }

    @Test func notesAreAvoided() {
        let note = Rect(x: 300, y: 5, width: 90, height: 12)
        #expect(LegendLayout.best(size: size, in: plot, samples: [], notes: [note]) == .upperLeft)
    }

    /// Panel legends (grids whose panels list the same entries draw one figure legend instead, which
    /// FigureLegendTests keeps outside the panels).
    @Test(arguments: ["multi-series-legend", "sweep-one-axes-diverging", "lr-finder-log-x", "schedules"])
    func renderedLegendsCoverNoData(name: String) throws {
        let figure = try #require(ChartExamples.all.first { $0.name == name }?.figure)
        let layout = FigureLayout(figure)
        #expect(layout.panels.contains { $0.shows.legend })
        for (index, placed) in layout.panels.enumerated() where placed.shows.legend {
            let renderer = AxesRenderer(placed: placed, id: "t\(index)")
            var svg = SVGWriter()
            let samples = renderer.drawData(into: &svg)
            let entries = LegendEntry.entries(for: placed.resolved.axes)
            let legendSize = LegendLayout.size(of: entries)
            let position = LegendLayout.best(size: legendSize, in: placed.plot, samples: samples, notes: [])
            let box = LegendLayout.box(position, size: legendSize, in: placed.plot)
            let covered = samples.filter { box.contains($0) }.count
            #expect(covered == 0, "\(name) panel \(index): legend at \(position) covers \(covered) samples")
        }
    }
}
