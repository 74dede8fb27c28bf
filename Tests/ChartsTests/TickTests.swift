import Testing
@testable import Charts

@Suite struct TickTests {
    func labels(_ ticks: AxisTicks) -> [String] { ticks.major.map(\.label.plainText) }

    @Test func linearTicksAreOneTwoFiveSteps() {
        #expect(labels(linearTicks(from: -0.1, to: 2.4, maxCount: 6)) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
        #expect(labels(linearTicks(from: -2.45, to: 51.45, maxCount: 7)) == ["0", "10", "20", "30", "40", "50"])
        #expect(labels(linearTicks(from: 0.61, to: 0.91, maxCount: 7)) == ["0.65", "0.70", "0.75", "0.80", "0.85", "0.90"])
    }

    @Test func tickValuesAreExactDecimals() {
        let values = linearTicks(from: 0, to: 1, maxCount: 11).major.map(\.value)
        #expect(values == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
    }

    @Test func negativeRangesUseTheMinusSign() {
        #expect(labels(linearTicks(from: -3, to: -1, maxCount: 5)) == ["−3.0", "−2.5", "−2.0", "−1.5", "−1.0"])
        #expect(labels(linearTicks(from: -1, to: 1, maxCount: 5)) == ["−1.0", "−0.5", "0.0", "0.5", "1.0"])
    }

    @Test func tinyAndHugeRangesSwitchTheWholeAxisToScientific() {
        #expect(labels(linearTicks(from: 0, to: 3e-5, maxCount: 4)) == ["0", "1e−05", "2e−05", "3e−05"])
        #expect(labels(linearTicks(from: 0, to: 1.2e12, maxCount: 4)) == ["0", "5e+11", "1e+12"])
        #expect(labels(linearTicks(from: 0, to: 0.0003, maxCount: 4)) == ["0.0000", "0.0001", "0.0002", "0.0003"])
    }

    @Test func ticksStayWithinLimitsAndCount() {
        for (lo, hi) in [(0.0, 1.0), (-7.3, 1e3), (1e-9, 2e-9), (1234.5, 1234.6), (-1e15, 1e15)] {
            for maxCount in 3...10 {
                let ticks = linearTicks(from: lo, to: hi, maxCount: maxCount).major
                #expect(ticks.count <= maxCount && ticks.count >= 2, "\(lo)...\(hi) with \(maxCount)")
                #expect(ticks.allSatisfy { $0.value >= lo - 1e-9 * (hi - lo) && $0.value <= hi + 1e-9 * (hi - lo) })
            }
        }
    }

    @Test func logTicksAreDecadesWithMinorTicks() {
        let ticks = logTicks(from: 5e-8, to: 20, maxCount: 9)
        #expect(labels(ticks) == ["10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"])
        #expect(ticks.major.first?.label == TickLabel("10", superscript: "−7"))
        #expect(ticks.minor.count == 5 + 8 * 8 + 1)  // 5…9e-8, 2…9 in each decade from 1e-7, then 20
        #expect(ticks.minor.contains(2e-3) && ticks.minor.contains(9e-8) && !ticks.minor.contains(3e1))
    }

    @Test func manyDecadesAreThinnedWithoutMinorTicks() {
        let ticks = logTicks(from: 1e-12, to: 1e12, maxCount: 6)
        #expect(labels(ticks) == ["10⁻¹²", "10⁻⁶", "10⁰", "10⁶", "10¹²"])
        #expect(ticks.minor.count == 20)  // the skipped decades, unlabelled
        #expect(ticks.minor.allSatisfy { value in ticks.major.allSatisfy { $0.value != value } })
    }

    @Test func aShortLogAxisLabelsItsSubdivisions() {
        #expect(labels(logTicks(from: 0.15, to: 0.9, maxCount: 9)) == ["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
        #expect(labels(logTicks(from: 1.5, to: 40, maxCount: 5)) == ["2", "5", "10", "20"])
    }

    @Test func degenerateAndMissingDataGetUsableLimits() {
        #expect(paddedLimits(nil, scale: .linear) == (0, 1))
        #expect(paddedLimits(nil, scale: .log) == (1, 10))
        let single = paddedLimits(DataRange(0.5), scale: .linear)
        #expect(single.0 < 0.5 && single.1 > 0.5)
        #expect(labels(linearTicks(from: single.0, to: single.1, maxCount: 5)).contains("0.50"))
        #expect(paddedLimits(DataRange(0), scale: .linear) == (-1, 1))
        let logSingle = paddedLimits(DataRange(1e-3), scale: .log)
        #expect(logSingle.0 < 1e-3 && logSingle.1 > 1e-3)
    }
}
