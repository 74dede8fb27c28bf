/// A number's decimal text as `formatNumber` writes it (`-0.00178`, `1e-05`, `1.23e+04`), split into
/// its sign, every digit written and where the decimal point falls once the exponent is applied. The
/// fixed and rate formats both round from these digits, so neither re-reads the text its own way.
struct DecimalText {
    /// Whether the text starts with "-".
    var negative: Bool
    /// Every digit written, leading and trailing zeros included.
    var digits: [UInt8]
    /// How many of `digits` stand before the decimal point (negative, or past the end, when the
    /// exponent moves the point beyond the written digits).
    var pointAfter: Int

    /// Nil when the text is not a decimal number with an optional exponent.
    init?(_ text: String) {
        var body = Substring(text)
        negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        var exponent = 0
        if let e = body.firstIndex(of: "e") {
            guard let power = Int(body[body.index(after: e)...]) else { return nil }
            exponent = power
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        digits = (whole + fraction).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        pointAfter = whole.count + exponent
    }
}
