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

/// Ticks on a log axis: decades labelled 10ⁿ (every k-th decade when many show), minor ticks at
/// 2…9 · 10ⁿ when few decades show, and plain labels at 1…9 · 10ⁿ when less than two decades show.
func logTicks(from lo: Double, to hi: Double, maxCount: Int) -> AxisTicks {
    require(lo > 0 && hi.isFinite && lo < hi, "log ticks need finite 0 < lo < hi, but got \(lo)...\(hi).")
    require(maxCount >= 3, "at least three ticks are allowed, but maxCount is \(maxCount).")
    let lowDecade = Int((log10(lo)).rounded(.down))
    let highDecade = Int((log10(hi)).rounded(.up))
    let inside = { (value: Double) in value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9) }
    let decades = (lowDecade...highDecade).filter { inside(scaleByPowerOfTen(1, $0)) }
    if decades.count < 2 {
        return subDecadeTicks(lowDecade: lowDecade, highDecade: highDecade, inside: inside, maxCount: maxCount)
    }
    let stride = (decades.count + maxCount - 1) / maxCount
    let major = decades.filter { $0 % stride == 0 }.map { decade in
        Tick(value: scaleByPowerOfTen(1, decade),
             label: TickLabel("10", superscript: decade < 0 ? typographicMinus + String(-decade) : String(decade)))
    }
    var minor: [Double] = []
    if stride > 1 {
        minor = decades.filter { $0 % stride != 0 }.map { scaleByPowerOfTen(1, $0) }
    } else if decades.count <= 10 {
        for decade in lowDecade...highDecade {
            minor += (2...9).map { scaleByPowerOfTen(Double($0), decade) }.filter(inside)
        }
    }
    return AxisTicks(major: major, minor: minor)
}

/// Less than two decades in view: label 1…9 · 10ⁿ (thinned to 1, 2, 5 when crowded), like
/// matplotlib's labelled minor ticks on a short log axis.
private func subDecadeTicks(lowDecade: Int, highDecade: Int, inside: (Double) -> Bool, maxCount: Int) -> AxisTicks {
    for multiples in [Array(1...9), [1, 2, 5], [1, 5], [1]] {
        var decimals: [DecimalDigits] = []
        for decade in lowDecade...highDecade {
            for multiple in multiples where inside(scaleByPowerOfTen(Double(multiple), decade)) {
                decimals.append(DecimalDigits(negative: false, significand: multiple, exponent: decade))
            }
        }
        if decimals.count <= maxCount || multiples == [1] {
            let labelledTicks = labelled(decimals)
            let minor = multiples.count < 9
                ? (lowDecade...highDecade).flatMap { decade in
                    (1...9).map { scaleByPowerOfTen(Double($0), decade) }.filter(inside)
                }.filter { value in !labelledTicks.contains { abs($0.value - value) <= value * 1e-12 } }
                : []
            return AxisTicks(major: labelledTicks, minor: minor)
        }
    }
    preconditionFailure("unreachable: the last candidate always returns")
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
