/// A colour for a series: a default palette colour (which follows the light or dark theme), a fixed
/// `#rrggbb` colour, or the colour of another series of the same figure (``of(_:)``).
///
/// The default cycle is ``cycle``, Okabe and Ito's colour-blind-safe palette; the named colours
/// ``blue``, ``orange``, ``green``, ``red``, ``purple``, ``cyan``, ``yellow`` and ``gray`` are its
/// slots, so they switch to their dark-theme variants with the page. A reference line drawn for a
/// curve takes the curve's colour with `color: .of("label")`:
/// ```swift
/// fig.plot(x: finder.learningRates, y: finder.losses, label: "Adam")
/// fig.verticalLine(at: valley, label: "valley", color: .of("Adam"))
/// ```
public struct SeriesColor: Equatable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    /// Where the colour comes from.
    enum Source: Hashable, Sendable, Codable {
        /// A fixed `#rrggbb` colour, the same in both themes.
        case fixed(String)
        /// A slot of the default palette, themed.
        case palette(Int)
        /// The colour of the series labelled so, resolved when the figure is drawn.
        case series(String)
    }

    let source: Source

    private init(source: Source) { self.source = source }

    /// A colour from `#rrggbb` or `#rgb` text; anything else is a programmer error.
    public init(_ hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        require((digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit),
                "a colour must be #rrggbb or #rgb, but got \"\(hex)\".")
        let full = digits.count == 3 ? digits.map { "\($0)\($0)" }.joined() : digits
        source = .fixed("#" + full.lowercased())
    }

    /// A colour from a string literal such as `"#d62728"`.
    public init(stringLiteral value: String) { self.init(value) }

    /// The default palette colour of slot `slot` (wrapping around the cycle), themed like the defaults.
    public static func palette(_ slot: Int) -> SeriesColor { SeriesColor(source: .palette(Palette.wrap(slot))) }

    /// The colour of the series labelled `label` in the same figure (its line, steps, bars, band or
    /// points; with scatter groups, the legend text of one group), resolved when the figure is drawn.
    /// Naming a label the figure does not have stops the program with the labels it has.
    public static func of(_ label: String) -> SeriesColor { SeriesColor(source: .series(label)) }

    /// The colour as lowercase `#rrggbb`: a fixed colour, or a palette colour's light-theme value;
    /// nil for ``of(_:)``, which is known only when the figure is drawn.
    public var hex: String? {
        switch source {
        case .fixed(let hex): return hex
        case .palette(let slot): return Palette.entries[slot].light
        case .series: return nil
        }
    }

    /// Okabe–Ito blue, the first series.
    public static let blue = palette(0)
    /// Okabe–Ito orange, the second series.
    public static let orange = palette(1)
    /// Okabe–Ito bluish green, the third series.
    public static let green = palette(2)
    /// Okabe–Ito vermillion, the fourth series.
    public static let red = palette(3)
    /// Okabe–Ito reddish purple, the fifth series.
    public static let purple = palette(4)
    /// Okabe–Ito sky blue, the sixth series.
    public static let cyan = palette(5)
    /// Okabe–Ito yellow (darkened to an olive yellow in the light theme), the seventh series.
    public static let yellow = palette(6)
    /// A neutral grey (Okabe–Ito's black, lightened to read on both backgrounds), the eighth series.
    public static let gray = palette(7)
    /// tab10 brown, a fixed colour (not themed).
    public static let brown = SeriesColor("#8c564b")
    /// tab10 pink, a fixed colour (not themed).
    public static let pink = SeriesColor("#e377c2")
    /// tab10 olive, a fixed colour (not themed).
    public static let olive = SeriesColor("#bcbd22")

    /// The default colour cycle: the eight Okabe–Ito slots, in order (see the palette table in the
    /// Charts documentation for their light and dark values and contrast).
    public static let cycle: [SeriesColor] = Palette.entries.indices.map(palette)
}

/// How a line is stroked.
public enum DashStyle: String, Sendable, Codable {
    /// A continuous line (matplotlib `-`).
    case solid
    /// Long dashes (matplotlib `--`).
    case dashed
    /// Dots (matplotlib `:`).
    case dotted
    /// Alternating dashes and dots (matplotlib `-.`).
    case dashDot

    /// The SVG `stroke-dasharray` for a 1.5 px line, or nil for a solid one.
    var dashArray: String? {
        switch self {
        case .solid: return nil
        case .dashed: return "5.5 2.4"
        case .dotted: return "1.5 2.5"
        case .dashDot: return "9.6 2.4 1.5 2.4"
        }
    }
}

/// Where the legend of an axes goes.
public enum LegendPosition: String, Sendable, Codable, CaseIterable {
    /// The candidate position that covers the least data (matplotlib's `loc="best"`).
    case best
    /// No legend.
    case hidden
    /// Top right corner inside the axes.
    case upperRight
    /// Top left corner inside the axes.
    case upperLeft
    /// Bottom left corner inside the axes.
    case lowerLeft
    /// Bottom right corner inside the axes.
    case lowerRight
    /// Right edge, vertically centred (matplotlib's `right`).
    case right
    /// Left edge, vertically centred.
    case centerLeft
    /// Right edge, vertically centred.
    case centerRight
    /// Bottom edge, horizontally centred.
    case lowerCenter
    /// Top edge, horizontally centred.
    case upperCenter
    /// The middle of the axes.
    case center
    /// No box for line and step series: each one's label is written right of the plot area, at the
    /// height where the series ends, in its colour (nudged apart when ends are close). Other labelled
    /// marks (scatters, bars, bands, reference lines) keep a box, placed as with `best`.
    case direct

    /// The fixed positions `best` chooses from, in matplotlib's order of preference.
    static let candidates: [LegendPosition] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter,
        .upperCenter, .center,
    ]
}
