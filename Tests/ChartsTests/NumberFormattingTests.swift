import Testing
@testable import Charts

/// `formatNumber` against Python's `'%.4g' % value` and `'%.3g' % value` (values recorded from CPython 3.11).
@Suite struct NumberFormattingTests {
    static let python: [(Double, String, String)] = [
        (0.001, "0.001", "0.001"), (1e-05, "1e-05", "1e-05"), (2.302585, "2.303", "2.3"),
        (1.5e12, "1.5e+12", "1.5e+12"), (123456.0, "1.235e+05", "1.23e+05"), (12345.6, "1.235e+04", "1.23e+04"),
        (0.0001, "0.0001", "0.0001"), (0.00012345, "0.0001234", "0.000123"), (-0.5, "-0.5", "-0.5"),
        (0.125, "0.125", "0.125"), (2.675, "2.675", "2.67"), (0.6931471805599453, "0.6931", "0.693"),
        (0.9733333, "0.9733", "0.973"), (100.0, "100", "100"), (1e16, "1e+16", "1e+16"), (9.99951, "10", "10"),
        (-1.5e-7, "-1.5e-07", "-1.5e-07"), (0.1 + 0.2, "0.3", "0.3"), (1.0 / 3.0, "0.3333", "0.333"),
        (1.7976931348623157e308, "1.798e+308", "1.8e+308"), (99999.5, "1e+05", "1e+05"), (0.0, "0", "0"),
    ]

    @Test func matchesPythonPercentG() {
        for (value, four, three) in Self.python {
            #expect(formatNumber(value) == four, "'%.4g' % \(value)")
            #expect(formatNumber(value, significantDigits: 3) == three, "'%.3g' % \(value)")
        }
    }

    @Test func nonFiniteValuesReadLikePython() {
        #expect(formatNumber(Double.nan) == "nan")
        #expect(formatNumber(Double.infinity) == "inf")
        #expect(formatNumber(-Double.infinity) == "-inf")
        #expect(formatNumber(-0.0) == "0")
    }

    @Test func floatsFormatTheirDoubleValue() {
        #expect(formatNumber(Float(0.1)) == "0.1")
        #expect(formatNumber(Float(2.5e-6)) == "2.5e-06")
        #expect(formatNumber(42) == "42")
    }

    @Test func extremeMagnitudesDoNotOverflow() {
        #expect(formatNumber(5e-324).hasSuffix("e-324"))
        #expect(formatNumber(1e-320) == "1e-320")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(formatCoordinate(12) == "12")
        #expect(formatCoordinate(12.5) == "12.5")
        #expect(formatCoordinate(-0.25) == "-0.25")
        #expect(formatCoordinate(0.004) == "0")
        #expect(formatCoordinate(3.14159) == "3.14")
        #expect(formatCoordinate(100.05) == "100.05")
    }
}
