/// The default series colours: Okabe and Ito's colour-blind-safe set, in a light and a dark variant.
///
/// Okabe and Ito chose these eight hues to stay apart under the common colour-vision deficiencies;
/// their order here follows matplotlib's tab10 (blue, orange, green, red, purple, …) so that slot 0 is
/// still blue and slot 1 orange. Each slot has two values per theme: the series colour, at least 3:1
/// against the figure background (WCAG's contrast for graphics), and a text colour, at least 4.5:1
/// (WCAG AA for text), used when text is written in a series' colour (clip notes). The original hues
/// that miss 3:1 on white (orange, sky blue, yellow, reddish purple) are darkened for the light theme,
/// and the blue, 3.3:1 on the dark background, is lightened for the dark theme, each by changing only
/// its OKLab lightness. Darkening orange brings it near vermillion and yellow for red-green colour
/// blindness, so the light vermillion and yellow are darker still, to keep the first four slots apart
/// in lightness as well as hue. Contrast against `#ffffff` (light) and `#1b1b1f` (dark):
///
/// | slot | hue | light | ratio | dark | ratio | light text | ratio | dark text | ratio |
/// |---|---|---|---|---|---|---|---|---|---|
/// | 0 | blue | `#0072b2` | 5.19 | `#3d8fd6` | 4.99 | `#0072b2` | 5.19 | `#3d8fd6` | 4.99 |
/// | 1 | orange | `#c08402` | 3.21 | `#e69f00` | 7.62 | `#9d6b04` | 4.63 | `#e69f00` | 7.62 |
/// | 2 | bluish green | `#009e73` | 3.42 | `#009e73` | 5.02 | `#058561` | 4.63 | `#009e73` | 5.02 |
/// | 3 | vermillion | `#c15400` | 4.63 | `#d55e00` | 4.44 | `#c15400` | 4.63 | `#d86107` | 4.61 |
/// | 4 | reddish purple | `#c875a3` | 3.22 | `#cc79a7` | 5.61 | `#aa5b88` | 4.60 | `#cc79a7` | 5.61 |
/// | 5 | sky blue | `#3798cc` | 3.22 | `#56b4e9` | 7.44 | `#0b7caf` | 4.65 | `#56b4e9` | 7.44 |
/// | 6 | yellow | `#7f7703` | 4.62 | `#f0e442` | 12.98 | `#7f7703` | 4.62 | `#f0e442` | 12.98 |
/// | 7 | grey (Okabe–Ito's black) | `#666666` | 5.74 | `#a6a6a6` | 7.05 | `#666666` | 5.74 | `#a6a6a6` | 7.05 |
enum Palette {
    /// One slot of the palette: its name and its four values.
    struct Entry: Sendable {
        var name: String
        var light: String
        var dark: String
        var lightText: String
        var darkText: String
    }

    /// The slots, in cycle order.
    static let entries: [Entry] = [
        Entry(name: "blue", light: "#0072b2", dark: "#3d8fd6", lightText: "#0072b2", darkText: "#3d8fd6"),
        Entry(name: "orange", light: "#c08402", dark: "#e69f00", lightText: "#9d6b04", darkText: "#e69f00"),
        Entry(name: "bluish green", light: "#009e73", dark: "#009e73", lightText: "#058561", darkText: "#009e73"),
        Entry(name: "vermillion", light: "#c15400", dark: "#d55e00", lightText: "#c15400", darkText: "#d86107"),
        Entry(name: "reddish purple", light: "#c875a3", dark: "#cc79a7", lightText: "#aa5b88", darkText: "#cc79a7"),
        Entry(name: "sky blue", light: "#3798cc", dark: "#56b4e9", lightText: "#0b7caf", darkText: "#56b4e9"),
        Entry(name: "yellow", light: "#7f7703", dark: "#f0e442", lightText: "#7f7703", darkText: "#f0e442"),
        Entry(name: "grey", light: "#666666", dark: "#a6a6a6", lightText: "#666666", darkText: "#a6a6a6"),
    ]

    /// The slot that a default colour number `slot` wraps to.
    static func wrap(_ slot: Int) -> Int { ((slot % entries.count) + entries.count) % entries.count }
}
