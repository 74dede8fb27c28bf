import Foundation

/// Formats a number compactly and identically on every machine, as Python's `'%.4g' % value` does.
///
/// Rounds to `significantDigits` (ties to even), drops trailing zeros, and switches to scientific
/// notation with a signed two-digit exponent when the exponent is below −4 or at least
/// `significantDigits` — Python's `%g` rules, so tables read like a Keras user's printouts. No locale or C `printf` is involved:
/// the digits come from exact integer arithmetic on correctly rounded IEEE operations.
///
/// ```swift
/// formatNumber(0.001)        // "0.001"
/// formatNumber(0.00001)      // "1e-05"
/// formatNumber(2.302585)     // "2.303"
/// formatNumber(1.5e12)       // "1.5e+12"
/// formatNumber(.nan)         // "nan"
/// ```
public func formatNumber(_ value: Double, significantDigits: Int = 4) -> String {
    guard let decimal = DecimalDigits(value, significantDigits: significantDigits) else {
        return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
    let power = decimal.leadingExponent
    return decimal.formatted(scientific: decimal.significand != 0 && (power < -4 || power >= significantDigits))
}

/// Formats a `Float` compactly, as ``formatNumber(_:significantDigits:)`` does for `Double`.
public func formatNumber(_ value: Float, significantDigits: Int = 4) -> String {
    formatNumber(Double(value), significantDigits: significantDigits)
}

/// Formats an integer without grouping separators, the same way on every machine.
public func formatNumber(_ value: Int) -> String { String(value) }

/// A finite number as `significand × 10^exponent` with an integer significand: the exact digits
/// behind every label, so that formatting never goes through binary-to-decimal guesses twice.
struct DecimalDigits: Equatable {
    /// True for negative numbers (zero is never negative).
    var negative: Bool
    /// The digits, without trailing zeros (0 only for zero).
    var significand: Int
    /// The power of ten of the last digit.
    var exponent: Int

    init(negative: Bool, significand: Int, exponent: Int) {
        require(significand >= 0, "a significand is non-negative, but got \(significand).")
        var significand = significand
        var exponent = exponent
        while significand != 0 && significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        self.negative = negative && significand != 0
        self.significand = significand
        self.exponent = significand == 0 ? 0 : exponent
    }

    /// The number rounded to `significantDigits` (1...15) digits; nil when it is not finite.
    init?(_ value: Double, significantDigits: Int) {
        require((1...15).contains(significantDigits),
                "significantDigits must be in 1...15, but got \(significantDigits).")
        guard value.isFinite else { return nil }
        guard value != 0 else {
            self.init(negative: false, significand: 0, exponent: 0)
            return
        }
        let magnitude = abs(value)
        var leading = Int((log10(magnitude)).rounded(.down))
        // log10 may be off by one right at powers of ten; settle it exactly.
        if scaleByPowerOfTen(magnitude, -leading) < 1 { leading -= 1 }
        if scaleByPowerOfTen(magnitude, -leading) >= 10 { leading += 1 }
        var exponent = leading - significantDigits + 1
        var digits = roundedScale(magnitude, -exponent)
        if digits >= powerOfTen(significantDigits) {
            digits = (digits / 10).rounded(.toNearestOrEven)
            exponent += 1
        }
        self.init(negative: value < 0, significand: Int(digits), exponent: exponent)
    }

    /// The power of ten of the leading digit (0 for zero).
    var leadingExponent: Int {
        significand == 0 ? 0 : exponent + String(significand).count - 1
    }

    /// Whether an axis label needs scientific notation (outside 0.0001 ..< 1,000,000).
    var prefersScientific: Bool {
        significand != 0 && (leadingExponent < -4 || leadingExponent >= 6)
    }

    /// The text: fixed (`0.0125`, `120`) or scientific (`1.25e-02`), with an ASCII or Unicode minus.
    /// `fractionDigits` pads fixed notation with zeros, so that an axis reads 0.0, 0.5, 1.0 as matplotlib's does.
    func formatted(scientific: Bool, minus: String = "-", fractionDigits: Int = 0) -> String {
        if significand == 0 {
            return fractionDigits > 0 && !scientific ? "0." + String(repeating: "0", count: fractionDigits) : "0"
        }
        if fractionDigits > 0 && !scientific && -exponent < fractionDigits {
            var padded = self
            padded.significand = significand * Int(powerOfTen(fractionDigits + exponent))
            padded.exponent = -fractionDigits
            return padded.formatted(scientific: false, minus: minus)
        }
        let sign = negative ? minus : ""
        let digits = String(significand)
        if scientific {
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            let power = leadingExponent
            let powerDigits = String(abs(power))
            let paddedPower = powerDigits.count < 2 ? "0" + powerDigits : powerDigits
            return sign + mantissa + "e" + (power < 0 ? minus : "+") + paddedPower
        }
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fractionDigits = -exponent
        if digits.count > fractionDigits {
            let split = digits.index(digits.endIndex, offsetBy: -fractionDigits)
            return sign + digits[..<split] + "." + digits[split...]
        }
        return sign + "0." + String(repeating: "0", count: fractionDigits - digits.count) + digits
    }
}

/// `10^n` as a Double, exact for `0...22` and built by exact steps beyond.
func powerOfTen(_ n: Int) -> Double {
    let exact: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                           1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]
    require(n >= 0, "powerOfTen needs a non-negative exponent, but got \(n).")
    var result = 1.0
    var remaining = n
    while remaining > 22 {
        result *= exact[22]
        remaining -= 22
    }
    return result * exact[remaining]
}

/// `value × 10^n` with one correctly rounded operation whenever `|n| <= 22` (in steps beyond, so that
/// extreme values such as 1e-320 neither overflow nor vanish on the way).
func scaleByPowerOfTen(_ value: Double, _ n: Int) -> Double {
    var result = value
    var remaining = n
    while remaining > 22 { result *= 1e22; remaining -= 22 }
    while remaining < -22 { result /= 1e22; remaining += 22 }
    return remaining >= 0 ? result * powerOfTen(remaining) : result / powerOfTen(-remaining)
}

/// `value × 10^n` rounded to an integer as the exact product would round (ties to even), like
/// Python's `%g`: a product that lands exactly on .5 only by rounding (2.675 × 100) is settled by the
/// sign of its exact residual, computed with a fused multiply-add.
func roundedScale(_ value: Double, _ n: Int) -> Double {
    let scaled = scaleByPowerOfTen(value, n)
    let nearest = scaled.rounded(.toNearestOrEven)
    guard abs(n) <= 22, abs(scaled - scaled.rounded(.towardZero)) == 0.5 else { return nearest }
    let power = powerOfTen(abs(n))
    // exact(value × 10^n) − scaled has the sign of `residual`.
    let residual = n >= 0 ? (-scaled).addingProduct(value, power) : value.addingProduct(-scaled, power)
    if residual > 0 { return scaled.rounded(.up) }
    if residual < 0 { return scaled.rounded(.down) }
    return nearest
}

/// A pixel coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `-0.25`.
func formatCoordinate(_ value: Double) -> String {
    require(value.isFinite, "a coordinate must be finite, but got \(value).")
    let hundredths = Int((value * 100).rounded(.toNearestOrAwayFromZero))
    if hundredths == 0 { return "0" }
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return sign + String(whole) + "." + String(fraction / 10) }
    return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
}
