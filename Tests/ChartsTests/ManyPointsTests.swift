import Foundation
import Testing
@testable import Charts

/// Issue 12, finding 9: a million-point line was a 14.5 MB figure that the page then dropped. Long
/// series are thinned per pixel column; the drawn envelope must be the data's.
@Suite struct ManyPointsTests {
    /// A noisy, drifting curve: every pixel column holds a different spread of values.
    static func noisyCurve(_ count: Int) -> [Double] {
        var state: UInt64 = 7
        return (0..<count).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Double(state >> 11) / Double(1 << 53) - 0.5
            return 2 + sin(Double(index) / 40_000) + noise * (0.2 + 0.2 * cos(Double(index) / 9_000))
        }
    }

    /// The vertices of the figure's data path, in pixels.
    static func pathVertices(_ svg: String) -> [(Double, Double)] {
        let d = svg.components(separatedBy: "<path class=\"tb-line tb-s0\"")[1]
            .components(separatedBy: " d=\"")[1].prefix { $0 != "\"" }
        let numbers = d.split { "ML ".contains($0) }.compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func aMillionPointLineIsSmallAndKeepsItsEnvelope() throws {
        let y = Self.noisyCurve(1_000_000)
        var fig = Figure(title: "a million points")
        fig.plot(y)
        let svg = fig.svg(id: "nb-many-1")
        #expect(svg.utf8.count < 300_000, "\(svg.utf8.count) bytes")

        // The same pixel mapping the figure used, applied to every original point.
        let panel = FigureLayout(axes: fig.axes, rows: 1, cols: 1, title: fig.title, width: 640, height: 420).panels[0]
        var envelope: [Int: (low: Double, high: Double)] = [:]
        for (index, value) in y.enumerated() {
            let px = panel.xMap.pixel(Double(index))!, py = panel.yMap.pixel(value)!
            let column = Int(px.rounded(.down))
            let old = envelope[column] ?? (py, py)
            envelope[column] = (min(old.low, py), max(old.high, py))
        }
        let vertices = Self.pathVertices(svg)
        #expect(vertices.count > 1000 && vertices.count <= 4 * envelope.count)
        // Coordinates are written to 0.01 px, so a vertex may sit that far into the next column.
        let slack = 0.011
        for (column, range) in envelope {
            let near = vertices.filter { $0.0 >= Double(column) - slack && $0.0 < Double(column + 1) + slack }
            let inside = vertices.filter { $0.0 >= Double(column) + slack && $0.0 < Double(column + 1) - slack }
            #expect(near.contains { abs($0.1 - range.low) <= slack }, "column \(column) lost its top \(range.low)")
            #expect(near.contains { abs($0.1 - range.high) <= slack }, "column \(column) lost its bottom \(range.high)")
            #expect(inside.allSatisfy { $0.1 >= range.low - slack && $0.1 <= range.high + slack }, "column \(column) drew outside its data")
        }
    }

    @Test func gapsAndLonePointsSurviveThinning() {
        var y = Self.noisyCurve(200_000)
        for index in 50_000..<50_010 { y[index] = .nan }
        y[120_000] = .infinity
        y[120_002] = .nan   // 120_001 is a lone point between two gaps: drawn as a dot
        var fig = Figure()
        fig.plot(y)
        let svg = fig.svg(id: "nb-gaps-1")
        let d = svg.components(separatedBy: "<path class=\"tb-line tb-s0\"")[1].components(separatedBy: " d=\"")[1].prefix { $0 != "\"" }
        #expect(d.filter { $0 == "M" }.count == 3)
        #expect(svg.components(separatedBy: "<circle class=\"tb-f0\"").count - 1 == 1)
    }

    @Test func shortSeriesAreDrawnPointByPoint() {
        var fig = Figure()
        fig.plot(Self.noisyCurve(2_000))
        #expect(Self.pathVertices(fig.svg(id: "nb-short-1")).count == 2_000)
    }
}
