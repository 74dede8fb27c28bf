import Charts

/// A hyperparameter — learning rate, momentum, decay, epsilon — written the way tutorials write
/// them, the same in titles, legends, table cells, slider labels and prose.
///
/// The rule, applied to the value rounded to 3 significant digits, with one boundary for every value:
/// - from 0.001 up to 10,000, plain decimal without trailing zeros: "1", "0.1", "0.01", "0.001",
///   "0.5", "0.9", "0.03", "0.0091", "0.00178", "3.16", "1000";
/// - below 0.001 and from 10,000 up, a mantissa of up to 3 significant digits and the power of ten
///   with no padding zero and no plus sign: "1e-4" (also for 0.0001), "3e-4", "3.2e-5", "1e-7",
///   "1e-10", "1e4", "2.5e4";
/// - zero is "0"; a value that is not finite is "nan", "inf" or "-inf"; a negative value has "-".
///
/// So a sweep over decades reads "1, 0.1, 0.01, 0.001, 1e-4 … 1e-7", as Keras tutorials write their
/// rates (never "1e-07" next to "0.0001"), and a sweep over 3-1 steps reads "0.03, 0.01, 0.003" without
/// an exponent in its middle. `Float` rates (1e-7 stored as 1.00000001e-7) read as the `Double` they
/// were typed as, because the rounding to 3 digits comes first.
///
/// ```swift
/// formatRate(1e-7)      // "1e-7"
/// formatRate(0.0001)    // "1e-4"
/// formatRate(0.001)     // "0.001"
/// formatRate(0.01778)   // "0.0178"
/// formatRate(3e-4)      // "3e-4"
/// formatRate(0.9)       // "0.9"
/// ```
public func formatRate(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    guard let rounded = RateDigits(formatNumber(value, significantDigits: 3)) else { return formatNumber(value) }
    return rounded.text
}

/// A hyperparameter written by ``formatRate(_:)-(Double)``, from any floating-point type.
public func formatRate<T: BinaryFloatingPoint>(_ value: T) -> String {
    formatRate(Double(value))
}

/// A rounded number as sign, significant digits (no leading or trailing zeros) and the power of ten
/// of its first digit, read from the text `formatNumber` writes (`0.00178`, `1e-05`, `1.23e+04`).
struct RateDigits {
    var negative: Bool
    /// The significant digits; "0" for zero.
    var digits: String
    /// The power of ten of the first digit (0 for zero).
    var leading: Int

    init?(_ text: String) {
        guard let parsed = DecimalText(text) else { return nil }
        negative = parsed.negative
        let leadingZeros = parsed.digits.prefix { $0 == 0 }.count
        let significant = parsed.digits.dropFirst(leadingZeros)
        let trimmed = significant.reversed().drop { $0 == 0 }.reversed().map(String.init).joined()
        guard !trimmed.isEmpty else {
            digits = "0"; leading = 0; negative = false
            return
        }
        digits = trimmed
        leading = parsed.pointAfter - 1 - leadingZeros
    }

    /// The text by ``formatRate(_:)-(Double)``'s rule.
    var text: String {
        if digits == "0" { return "0" }
        let sign = negative ? "-" : ""
        if leading >= -3 && leading < 4 { return sign + plain }
        let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
        return sign + mantissa + "e\(leading)"
    }

    /// The digits in plain decimal notation.
    private var plain: String {
        if leading < 0 { return "0." + String(repeating: "0", count: -leading - 1) + digits }
        let wholeCount = leading + 1
        if digits.count <= wholeCount { return digits + String(repeating: "0", count: wholeCount - digits.count) }
        return digits.prefix(wholeCount) + "." + digits.dropFirst(wholeCount)
    }
}
