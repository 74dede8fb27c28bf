import Testing
import TrainBook

/// The rate formatter's rule (issue 16, item 5) as a table of values and the text a tutorial writes.
@Suite struct RateFormatTests {
    /// Value → text, the golden table of the documented rule.
    static let golden: [(Double, String)] = [
        (1e-10, "1e-10"), (1e-7, "1e-7"), (1e-5, "1e-5"), (1e-4, "1e-4"), (0.0001, "1e-4"), (1e-3, "0.001"),
        (0.01, "0.01"), (0.03, "0.03"), (0.003, "0.003"), (0.1, "0.1"), (1, "1"), (10, "10"), (1000, "1000"), (1e4, "1e4"),
        (0.5, "0.5"), (0.9, "0.9"), (0.99, "0.99"), (0.002, "0.002"), (0.001778, "0.00178"), (0.01778, "0.0178"),
        (9.1e-3, "0.0091"), (3e-4, "3e-4"), (3.2e-5, "3.2e-5"), (0.000316, "3.16e-4"), (3.16227766, "3.16"),
        (12345, "1.23e4"), (2.5e4, "2.5e4"), (0.000999999, "0.001"), (0.00099949, "9.99e-4"), (9.996, "10"), (-0.01, "-0.01"), (-3e-5, "-3e-5"), (-0.5, "-0.5"),
        (0, "0"), (-0.0, "0"), (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"),
    ]

    @Test func ratesReadAsTutorialsWriteThem() {
        for (value, text) in Self.golden {
            #expect(formatRate(value) == text, "\(value)")
            #expect(format(value, .rate) == text, "\(value)")
        }
    }

    @Test func floatRatesReadAsTheDoublesTheyWereTypedAs() {
        let rates: [Float] = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]
        #expect(rates.map { formatRate($0) } == ["1e-7", "1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1"])
        #expect(format(Float(3e-4), .rate) == "3e-4")
    }

    @Test func integersAreRatesToo() {
        #expect(format(1, .rate) == "1")
        #expect(format(100_000, .rate) == "1e5")
    }
}
