/// Deterministic text measurement: advance widths of DejaVu Sans (matplotlib's default font), the
/// first font the figures ask for. Fallback fonts (Helvetica, Arial, Liberation Sans) are narrower, so
/// layouts measured with these widths never overlap in them either.
enum TextMetrics {
    /// Advance widths in ems of the printable ASCII characters U+0020…U+007E.
    private static let asciiWidths: [Double] = [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838,
        0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
        0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1.000, 0.684, 0.686, 0.698,
        0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390,
        0.337, 0.390, 0.838, 0.500, 0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635,
        0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521,
        0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ]

    /// Widths in ems of the non-ASCII characters the figures use.
    private static let otherWidths: [Character: Double] = [
        "\u{2212}": 0.838, "↑": 0.838, "↓": 0.838, "×": 0.838, "–": 0.5, "—": 1.0, "·": 0.318, "…": 1.0,
        "⁰": 0.401, "¹": 0.401, "²": 0.401, "³": 0.401, "⁴": 0.401, "⁵": 0.401, "⁶": 0.401, "⁷": 0.401,
        "⁸": 0.401, "⁹": 0.401, "⁻": 0.528, "≈": 0.838, "η": 0.634, "α": 0.659, "β": 0.604, "μ": 0.636,
    ]

    /// The width in pixels of `text` set in `fontSize` px; unknown characters count as wide letters.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            if let ascii = character.asciiValue, ascii >= 32, ascii < 127 {
                ems += asciiWidths[Int(ascii) - 32]
            } else if let known = otherWidths[character] {
                ems += known
            } else {
                ems += character.unicodeScalars.first.map { $0.value >= 0x2E80 } == true ? 1.0 : 0.8
            }
        }
        return ems * fontSize
    }

    /// The width of a tick label, with its superscript set at `superscriptScale` of the size.
    static func width(_ label: TickLabel, fontSize: Double) -> Double {
        width(label.text, fontSize: fontSize)
            + (label.superscript.map { width($0, fontSize: fontSize * superscriptScale) } ?? 0)
    }

    /// The size of a superscript relative to its base text: 0.9 × 11 px tick labels is 9.9 px, which
    /// stays above the 9 px a figure's text must keep on screen when a phone shows the figure at the
    /// page's minimum of 92 % of its width.
    static let superscriptScale = 0.9
}
