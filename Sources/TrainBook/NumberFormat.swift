import Charts

/// How a number is written in prose: an inline value `{swift} accuracy, format: .percent(1)` (written
/// between backticks) on the page, or `format(accuracy, .percent(1))` in code. Every style gives the same text on every machine.
///
/// ```swift
/// format(0.93333, .percent(1))      // "93.3 %"
/// format(0.012345, .fixed(3))       // "0.012"
/// format(0.012345, .significant(2)) // "0.012"
/// format(0.0001, .significant(2))   // "1e-04"
/// format(0.0001, .rate)             // "1e-4"
/// ```
public enum NumberFormat: Sendable, Equatable {
    /// `digits` digits after the decimal point: `.fixed(2)` writes 0.5 as "0.50".
    case fixed(Int)
    /// `digits` significant digits, trailing zeros dropped, as Python's `%g` (the tables' style):
    /// `.significant(3)` writes 0.012345 as "0.0123" and 0.00001 as "1e-05".
    case significant(Int)
    /// The value times 100 with `digits` digits after the point, a no-break space and "%":
    /// `.percent(1)` writes 0.9333 as "93.3 %".
    case percent(Int)
    /// A hyperparameter such as a learning rate, momentum or decay, by ``formatRate(_:)-(Double)``'s
    /// rule: `.rate` writes 0.0001 as "1e-4", 0.01778 as "0.0178" and 0.9 as "0.9".
    case rate

    /// What inline values of type `Double` or `Float` use when they name no format: 4 significant
    /// digits (0.012345 is "0.01235", 2.302585 is "2.303", 0.0000123 is "1.23e-05"), except that
    /// numbers from 10,000 up to 10^15 are rounded to a whole number (60000.0 is "60000", not "6e+04").
    case automatic

    /// The style inline values of type `Double` or `Float` use when they name none.
    public static let standard = NumberFormat.automatic
}

/// `value` written in `style`.
public func format(_ value: Double, _ style: NumberFormat) -> String {
    switch style {
    case .fixed(let digits): fixedText(value, digits: digits)
    case .significant(let digits): formatNumber(value, significantDigits: min(max(digits, 1), 15))
    // A no-break space: a sentence never wraps between a number and its sign.
    case .automatic: abs(value) >= 1e4 && abs(value) < 1e15 ? fixedText(value, digits: 0) : formatNumber(value, significantDigits: 4)
    case .rate: formatRate(value)
    case .percent(let digits): value.isFinite ? fixedText(value * 100, digits: digits) + "\u{A0}%" : fixedText(value, digits: digits)
    }
}

/// `value` written in `style`.
public func format<T: BinaryFloatingPoint>(_ value: T, _ style: NumberFormat) -> String {
    format(Double(value), style)
}

/// `value` written in `style`.
public func format<T: BinaryInteger>(_ value: T, _ style: NumberFormat) -> String {
    switch style {
    case .significant, .automatic: return String(value)
    case .rate: return formatRate(Double(value))
    default: break
    }
    return format(Double(value), style)
}

/// Fixed notation with exactly `digits` decimals, rounded half to even from the exact decimal digits.
private func fixedText(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let digits = min(max(digits, 0), 15)
    // 17 significant digits hold a Double exactly enough to round it once more.
    let exact = formatNumber(value, significantDigits: 15)
    guard let parsed = Decimal17(exact) else { return String(value) }
    return parsed.rounded(toFractionDigits: digits)
}

/// A decimal number as sign, integer digits and fraction digits, read from `formatNumber`'s text.
private struct Decimal17 {
    var negative: Bool
    var digits: [UInt8]
    /// How many of `digits` come after the decimal point.
    var fraction: Int

    init?(_ text: String) {
        guard let parsed = DecimalText(text) else { return nil }
        negative = parsed.negative
        digits = parsed.digits
        fraction = digits.count - parsed.pointAfter
        if fraction < 0 { digits += Array(repeating: 0, count: -fraction); fraction = 0 }
    }

    func rounded(toFractionDigits wanted: Int) -> String {
        var digits = self.digits
        var fraction = self.fraction
        if fraction < wanted {
            digits += Array(repeating: 0, count: wanted - fraction)
            fraction = wanted
        }
        while digits.count <= fraction { digits.insert(0, at: 0) }
        if fraction > wanted {
            let keep = digits.count - (fraction - wanted)
            let dropped = Array(digits[keep...])
            digits = Array(digits[..<keep])
            let first = dropped[0]
            let restNonZero = dropped.dropFirst().contains { $0 != 0 }
            let roundUp = first > 5 || (first == 5 && (restNonZero || (digits.last ?? 0) % 2 == 1))
            if roundUp {
                var i = digits.count - 1
                while i >= 0 {
                    if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
                }
                if i < 0 { digits.insert(1, at: 0) }
            }
            fraction = wanted
        }
        while digits.count > fraction + 1, digits.first == 0 { digits.removeFirst() }
        let text = digits.map(String.init).joined()
        let split = text.index(text.endIndex, offsetBy: -fraction)
        let body = fraction == 0 ? text : text[..<split] + "." + text[split...]
        let isZero = digits.allSatisfy { $0 == 0 }
        return (negative && !isZero ? "-" : "") + body
    }
}
