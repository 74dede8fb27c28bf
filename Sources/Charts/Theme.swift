/// The colours and type of every figure, as CSS inside the SVG, scoped to the figure's id.
///
/// A page can restyle all figures by setting these custom properties on any ancestor (for
/// example `:root` or a dark-theme class); unset ones fall back to the light values, or to the dark
/// values under `@media (prefers-color-scheme: dark)`:
///
/// | property | role | light | dark |
/// |---|---|---|---|
/// | `--tb-fg` | text: titles, labels, tick labels, legend | `#262626` | `#e3e3e3` |
/// | `--tb-bg` | figure background | `#ffffff` | `#1b1b1f` |
/// | `--tb-grid` | grid lines | `#e5e5e5` | `#3a3a40` |
/// | `--tb-axis` | spines and ticks | `#6b6b6b` | `#9a9aa0` |
/// | `--tb-legend-bg` | legend box | `#ffffffe0` | `#1b1b1fe0` |
/// | `--tb-legend-border` | legend frame | `#d0d0d0` | `#4a4a50` |
/// | `--tb-c0` … `--tb-c7` | default series colours (3:1 or more) | Okabe–Ito, light | Okabe–Ito, dark |
/// | `--tb-t0` … `--tb-t7` | text in a series colour (4.5:1 or more) | darker | lighter |
/// | `--tb-font` | font family | DejaVu Sans, Helvetica, Arial, sans-serif | same |
enum Theme {
    /// Font sizes in px.
    static let tickFontSize = 11.0
    static let labelFontSize = 12.0
    static let axesTitleFontSize = 13.0
    static let figureTitleFontSize = 15.0
    static let legendFontSize = 11.0
    static let noteFontSize = 10.0

    static let light: [(String, String)] = [
        ("fg", "#262626"), ("bg", "#ffffff"), ("grid", "#e5e5e5"), ("axis", "#6b6b6b"),
        ("legend-bg", "#ffffffe0"), ("legend-border", "#d0d0d0"),
    ]
    static let dark: [(String, String)] = [
        ("fg", "#e3e3e3"), ("bg", "#1b1b1f"), ("grid", "#3a3a40"), ("axis", "#9a9aa0"),
        ("legend-bg", "#1b1b1fe0"), ("legend-border", "#4a4a50"),
    ]

    /// The palette's custom properties for one theme: `c0`… the series colours, `t0`… their text variants.
    static func palette(dark: Bool) -> [(String, String)] {
        Palette.entries.enumerated().flatMap { slot, entry in
            [("c\(slot)", dark ? entry.dark : entry.light), ("t\(slot)", dark ? entry.darkText : entry.lightText)]
        }
    }

    /// The `<style>` body for the figure whose root element has id `id`.
    static func css(id: String) -> String {
        let root = "#\(id)"
        func variables(_ values: [(String, String)]) -> String {
            values.map { "--_\($0.0):var(--tb-\($0.0),\($0.1));" }.joined()
        }
        var rules = [
            "\(root){\(variables(light + palette(dark: false)))font-family:var(--tb-font,\"DejaVu Sans\",\"Helvetica Neue\",Helvetica,Arial,sans-serif);max-width:100%;height:auto}",
            "@media (prefers-color-scheme:dark){\(root){\(variables(dark + palette(dark: true)))}}",
            "\(root) .tb-bg{fill:var(--_bg)}",
            "\(root) text{fill:var(--_fg);font-size:\(formatCoordinate(tickFontSize))px}",
            "\(root) .tb-suptitle{font-size:\(formatCoordinate(figureTitleFontSize))px;font-weight:600}",
            "\(root) .tb-title{font-size:\(formatCoordinate(axesTitleFontSize))px}",
            "\(root) .tb-label{font-size:\(formatCoordinate(labelFontSize))px}",
            "\(root) .tb-legend text{font-size:\(formatCoordinate(legendFontSize))px}",
            "\(root) .tb-sup{font-size:\(formatCoordinate(tickFontSize * TextMetrics.superscriptScale))px}",
            "\(root) .tb-grid{stroke:var(--_grid);stroke-width:0.8}",
            "\(root) .tb-spine{fill:none;stroke:var(--_axis);stroke-width:0.8}",
            "\(root) .tb-tick{stroke:var(--_axis);stroke-width:0.8}",
            "\(root) .tb-legend-box{fill:var(--_legend-bg);stroke:var(--_legend-border);stroke-width:0.8}",
            "\(root) .tb-line{fill:none;stroke-width:1.5;stroke-linejoin:round;stroke-linecap:round}",
        ]
        for index in Palette.entries.indices {
            rules.append("\(root) .tb-s\(index){stroke:var(--_c\(index))}")
            // --_tx carries the slot's text variant to a note in that colour (the rule below).
            rules.append("\(root) .tb-f\(index){fill:var(--_c\(index));--_tx:var(--_t\(index))}")
        }
        // Notes come after the palette, so a clip note in a series colour takes the darker or lighter
        // text variant (4.5:1) instead of the series colour; other notes the text colour. A halo in
        // the background colour keeps them readable where they cross a curve.
        // Direct labels likewise take their series' text variant; their leader lines are hairlines.
        rules.append("\(root) .tb-direct{fill:var(--_tx,var(--_fg));font-size:\(formatCoordinate(legendFontSize))px}")
        rules.append("\(root) .tb-leader{fill:none;stroke-width:0.8}")
        rules.append("\(root) .tb-note{fill:var(--_tx,var(--_fg));font-size:\(formatCoordinate(noteFontSize))px;"
            + "paint-order:stroke;stroke:var(--_bg);stroke-width:3px;stroke-linejoin:round}")
        return rules.joined(separator: "\n")
    }
}
