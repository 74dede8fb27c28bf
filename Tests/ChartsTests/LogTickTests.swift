import Foundation
import Testing
@testable import Charts

/// Log axes label their first and last decade, 1-2-5 multiples when they span under three decades,
/// and exponents large enough to read; recorded as figures for 1, 2, 3 and 8 decades.
@Suite struct LogTickTests {
    static func labels(_ ticks: AxisTicks) -> [String] { ticks.major.map(\.label.plainText) }

    @Test func theFirstAndLastDecadeInViewAreAlwaysLabelled() {
        for (lo, hi) in [(6e-7, 1.6e-2), (2e-8, 30.0), (1e-12, 1e12), (3e-5, 2e3), (0.9, 1.1e7)] {
            let first = Int(log10(lo).rounded(.up)), last = Int(log10(hi).rounded(.down))
            for maxCount in 3...9 where log10(hi / lo) >= 3 {
                let ticks = logTicks(from: lo, to: hi, maxCount: maxCount)
                let decades = ticks.major.map { Int(log10($0.value).rounded()) }
                #expect(decades.first == first && decades.last == last, "\(lo)...\(hi), \(maxCount): \(decades)")
                #expect(decades.count <= maxCount && decades.count >= 2, "\(lo)...\(hi), \(maxCount): \(decades)")
            }
        }
        // 04's plateau grid: the starting rate 1e-2 at the top is labelled.
        #expect(Self.labels(logTicks(from: 6e-7, to: 1.6e-2, maxCount: 4)) == ["10⁻⁶", "10⁻⁴", "10⁻²"])
        // Eight decades in four labels: 10⁻⁷ and 10⁰ both, the gaps as even as they can be.
        #expect(Self.labels(logTicks(from: 5e-8, to: 2, maxCount: 4)) == ["10⁻⁷", "10⁻⁵", "10⁻³", "10⁰"])
    }

    @Test func underThreeDecadesAreLabelledOneTwoFive() {
        #expect(Self.labels(logTicks(from: 0.8, to: 120, maxCount: 9)) == ["1", "2", "5", "10", "20", "50", "100"])
        #expect(Self.labels(logTicks(from: 8e-4, to: 0.12, maxCount: 9))
                == ["0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1"])
        // Where plain decimals would need scientific notation, the multiples are written as powers.
        #expect(Self.labels(logTicks(from: 8e-6, to: 1.2e-4, maxCount: 9))
                == ["10⁻⁵", "2×10⁻⁵", "5×10⁻⁵", "10⁻⁴"])
        // Too crowded for 1-2-5: the decades.
        #expect(Self.labels(logTicks(from: 0.8, to: 120, maxCount: 4)) == ["10⁰", "10¹", "10²"])
    }

    /// Pages show a figure at no less than 92 % of its width, so 9 px on screen needs 9 / 0.92 in the SVG.
    @Test func exponentsAreAtLeastNinePixelsOnAPhone() {
        #expect(Theme.tickFontSize * TextMetrics.superscriptScale * 0.92 >= 9)
    }

    /// One panel with a log x axis from `lo` to `hi` (explicit limits) and a log y axis over the data.
    static func figure(_ lo: Double, _ hi: Double) -> Figure {
        var fig = Figure(size: FigureSize(width: 560, height: 300))
        let xs = (0...40).map { lo * pow(hi / lo, Double($0) / 40) }
        fig.plot(x: xs, y: xs.map { 2 + sin(log10($0) * 3) })
        fig.xScale = .log
        fig.xLimits = lo...hi
        fig.xLabel = "learning rate"
        fig.yLabel = "loss"
        return fig
    }

    static let examples: [(name: String, figure: Figure)] = [
        ("log-ticks-1-decade", figure(0.15, 1.2)),
        ("log-ticks-2-decades", figure(3e-4, 2.5e-2)),
        ("log-ticks-3-decades", figure(8e-4, 1.2)),
        ("log-ticks-8-decades", figure(1e-7, 10)),
    ]

    @Test(arguments: examples.map(\.name))
    func matchesSnapshot(name: String) throws {
        let figure = try #require(Self.examples.first { $0.name == name }?.figure)
        try Snapshot.check(figure.svg(id: "snap-\(name)"), named: name)
    }
}
