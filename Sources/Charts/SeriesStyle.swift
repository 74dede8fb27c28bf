/// A colour for a series, as `#rrggbb`. The default palette is matplotlib's tab10, in its order.
public struct SeriesColor: Equatable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    /// The colour as lowercase `#rrggbb`.
    public let hex: String

    /// A colour from `#rrggbb` or `#rgb` text; anything else is a programmer error.
    public init(_ hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        require((digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit),
                "a colour must be #rrggbb or #rgb, but got \"\(hex)\".")
        let full = digits.count == 3 ? digits.map { "\($0)\($0)" }.joined() : digits
        self.hex = "#" + full.lowercased()
    }

    /// A colour from a string literal such as `"#d62728"`.
    public init(stringLiteral value: String) { self.init(value) }

    /// tab10 blue, the first series.
    public static let blue = SeriesColor("#1f77b4")
    /// tab10 orange, the second series.
    public static let orange = SeriesColor("#ff7f0e")
    /// tab10 green.
    public static let green = SeriesColor("#2ca02c")
    /// tab10 red.
    public static let red = SeriesColor("#d62728")
    /// tab10 purple.
    public static let purple = SeriesColor("#9467bd")
    /// tab10 brown.
    public static let brown = SeriesColor("#8c564b")
    /// tab10 pink.
    public static let pink = SeriesColor("#e377c2")
    /// tab10 grey.
    public static let gray = SeriesColor("#7f7f7f")
    /// tab10 olive.
    public static let olive = SeriesColor("#bcbd22")
    /// tab10 cyan.
    public static let cyan = SeriesColor("#17becf")

    /// matplotlib's default colour cycle (tab10), in order.
    public static let cycle: [SeriesColor] = [blue, orange, green, red, purple, brown, pink, gray, olive, cyan]
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

    /// The fixed positions `best` chooses from, in matplotlib's order of preference.
    static let candidates: [LegendPosition] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right, .centerLeft, .centerRight, .lowerCenter,
        .upperCenter, .center,
    ]
}
