import Foundation

/// The text at a tick: plain (`0.25`), or a base with a superscript exponent (`10` and `−4` for 10⁻⁴).
public struct TickLabel: Equatable, Sendable {
    /// The main text.
    public var text: String
    /// The raised exponent, if any, drawn smaller above the baseline.
    public var superscript: String?

    /// A label; with `superscript`, drawn as a power (`TickLabel("10", superscript: "−4")`).
    public init(_ text: String, superscript: String? = nil) {
        self.text = text
        self.superscript = superscript
    }

    /// The label as a reader would say it in one line of text: `10^-4` becomes "10⁻⁴".
    public var plainText: String {
        guard let superscript else { return text }
        let raised: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
            "9": "⁹", "−": "⁻", "-": "⁻",
        ]
        return text + String(superscript.map { raised[$0] ?? $0 })
    }
}

/// A labelled tick at a data value.
public struct Tick: Equatable, Sendable {
    /// Where the tick is, in data units.
    public var value: Double
    /// What it says.
    public var label: TickLabel

    /// A tick at `value` labelled `label`.
    public init(value: Double, label: TickLabel) {
        self.value = value
        self.label = label
    }
}

/// The ticks of one axis: labelled major ticks (with grid lines) and unlabelled minor ticks.
public struct AxisTicks: Equatable, Sendable {
    /// The labelled ticks, each with a grid line.
    public var major: [Tick]
    /// The short unlabelled ticks between them.
    public var minor: [Double] = []

    /// Ticks of one axis.
    public init(major: [Tick], minor: [Double] = []) {
        self.major = major
        self.minor = minor
    }
}

/// The Unicode minus sign that typeset numbers use (matplotlib does the same).
let typographicMinus = "\u{2212}"

/// "Nice" ticks on a linear axis: multiples of 1, 2 or 5 × 10ⁿ, at most `maxCount` of them within
/// `lo...hi`, as many as allowed. Labels share one notation (all fixed or all scientific).
func linearTicks(from lo: Double, to hi: Double, maxCount: Int) -> AxisTicks {
    require(lo.isFinite && hi.isFinite && lo < hi, "linear ticks need finite lo < hi, but got \(lo)...\(hi).")
    require(maxCount >= 3, "at least three ticks are allowed, but maxCount is \(maxCount).")
    let span = hi - lo
    // Beyond ~15 digits the span is below the resolution of the bounds: label the ends only. So too
    // when a 1-2-5 step would underflow (spans near the subnormals) or the span itself overflows.
    guard span.isFinite, span >= tinyLinearSpan, max(abs(lo), abs(hi)) / span < 1e12 else { return endpointTicks(lo, hi) }
    var power = Int((log10(span / Double(maxCount))).rounded(.down)) - 1
    while true {
        for multiple in [1, 2, 5] {
            let step = scaleByPowerOfTen(Double(multiple), power)
            let first = Int((lo / step - 1e-9).rounded(.up))
            let last = Int((hi / step + 1e-9).rounded(.down))
            guard last - first + 1 <= maxCount else { continue }
            guard last >= first else { return endpointTicks(lo, hi) }
            let decimals = (first...last).map {
                DecimalDigits(negative: $0 < 0, significand: abs($0) * multiple, exponent: power)
            }
            return AxisTicks(major: labelled(decimals))
        }
        power += 1
    }
}

/// Ticks on a log axis. Less than two decades in view: 1…9 · 10ⁿ labelled (thinned to 1-2-5 when
/// crowded); less than three decades: 1-2-5 · 10ⁿ (1, 2, 5, 10, 20, 50) when they fit; otherwise the
/// decades, labelled 10ⁿ — every k-th when many show, always the first and the last in view — with
/// minor ticks at 2…9 · 10ⁿ when few decades show.
func logTicks(from lo: Double, to hi: Double, maxCount: Int) -> AxisTicks {
    require(lo > 0 && hi.isFinite && lo < hi, "log ticks need finite 0 < lo < hi, but got \(lo)...\(hi).")
    require(maxCount >= 3, "at least three ticks are allowed, but maxCount is \(maxCount).")
    let lowDecade = Int((log10(lo)).rounded(.down))
    let highDecade = Int((log10(hi)).rounded(.up))
    let inside = { (value: Double) in value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9) }
    let decades = (lowDecade...highDecade).filter { inside(scaleByPowerOfTen(1, $0)) }
    let sub = { (multiples: [Int]) in
        multipleTicks(multiples, decades: lowDecade...highDecade, inside: inside, maxCount: maxCount)
    }
    if decades.count < 2 {
        return sub(Array(1...9)) ?? sub([1, 2, 5]) ?? sub([1, 5]) ?? multipleTicks([1], decades: lowDecade...highDecade,
                                                                                  inside: inside, maxCount: .max)!
    }
    if log10(hi) - log10(lo) < 3, let ticks = sub([1, 2, 5]) { return ticks }
    let labelledDecades = thinned(decades, maxCount: maxCount)
    let major = labelledDecades.map { decade in
        Tick(value: scaleByPowerOfTen(1, decade), label: powerLabel(1, decade))
    }
    var minor: [Double] = []
    if labelledDecades.count < decades.count {
        minor = decades.filter { !labelledDecades.contains($0) }.map { scaleByPowerOfTen(1, $0) }
    } else if decades.count <= 10 {
        for decade in lowDecade...highDecade {
            minor += (2...9).map { scaleByPowerOfTen(Double($0), decade) }.filter(inside)
        }
    }
    return AxisTicks(major: major, minor: minor)
}

/// At most `maxCount` of `decades` (consecutive), always with the first and the last: evenly every
/// k-th when some k (no more than twice the least that fits) divides the span, else every k-th from
/// the first and then the last, dropping the one before it when it stands too close or one too many.
func thinned(_ decades: [Int], maxCount: Int) -> [Int] {
    let stride = (decades.count + maxCount - 1) / maxCount
    guard stride > 1, let first = decades.first, let last = decades.last else { return decades }
    let span = last - first
    if let even = (stride...2 * stride).first(where: { span % $0 == 0 }) {
        return Array(Swift.stride(from: first, through: last, by: even))
    }
    var kept = Array(Swift.stride(from: first, to: last, by: stride))
    if kept.count > 1, kept.count + 1 > maxCount || 2 * (last - kept[kept.count - 1]) < stride { kept.removeLast() }
    return kept + [last]
}

/// The label `multiple`·10ⁿ as a power: "10⁻³" for 1, "2×10⁻³" for 2.
private func powerLabel(_ multiple: Int, _ decade: Int) -> TickLabel {
    TickLabel(multiple == 1 ? "10" : "\(multiple)×10",
              superscript: decade < 0 ? typographicMinus + String(-decade) : String(decade))
}

/// Ticks at `multiples` · 10ⁿ across `decades`, labelled, if no more than `maxCount` fall inside;
/// the other 1…9 · 10ⁿ become minor ticks. Labels are plain decimals (0.002, 50) where those stay
/// short, and powers (2×10⁻⁶) where they would need scientific notation.
private func multipleTicks(_ multiples: [Int], decades: ClosedRange<Int>, inside: (Double) -> Bool,
                           maxCount: Int) -> AxisTicks? {
    var decimals: [DecimalDigits] = []
    for decade in decades {
        for multiple in multiples where inside(scaleByPowerOfTen(Double(multiple), decade)) {
            decimals.append(DecimalDigits(negative: false, significand: multiple, exponent: decade))
        }
    }
    guard decimals.count <= maxCount, !decimals.isEmpty || multiples == [1] else { return nil }
    // Unpadded (0.001, 0.01, 0.1), as matplotlib labels a log axis; powers where decimals would be long.
    let powers = decimals.contains { $0.prefersScientific }
    let major = decimals.map { decimal in
        Tick(value: scaleByPowerOfTen(Double(decimal.significand), decimal.exponent),
             label: powers ? powerLabel(decimal.significand, decimal.exponent) : TickLabel(decimal.formatted(scientific: false)))
    }
    let minor = multiples.count < 9
        ? decades.flatMap { decade in (1...9).map { scaleByPowerOfTen(Double($0), decade) }.filter(inside) }
            .filter { value in !major.contains { abs($0.value - value) <= value * 1e-12 } }
        : []
    return AxisTicks(major: major, minor: minor)
}

/// Ticks at the two ends of the axis, for spans that no 1-2-5 step fits.
private func endpointTicks(_ lo: Double, _ hi: Double) -> AxisTicks {
    AxisTicks(major: [lo, hi].map { value in
        let text = formatNumber(value, significantDigits: 6)
        return Tick(value: value, label: TickLabel(text.replacingOccurrences(of: "-", with: typographicMinus)))
    })
}

/// Ticks at exact decimal values; one notation for the whole axis, so labels never mix `1e-05` and `0.0001`.
private func labelled(_ decimals: [DecimalDigits]) -> [Tick] {
    let scientific = decimals.contains { $0.prefersScientific }
    let fractionDigits = decimals.map { max(0, -$0.exponent) }.max() ?? 0
    return decimals.map { decimal in
        let value = scaleByPowerOfTen(Double(decimal.significand), decimal.exponent) * (decimal.negative ? -1 : 1)
        let text = decimal.formatted(scientific: scientific, minus: typographicMinus, fractionDigits: fractionDigits)
        return Tick(value: value, label: TickLabel(text))
    }
}
