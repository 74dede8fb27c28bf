/// Builds SVG text one element per line, with escaped text and fixed-precision coordinates.
struct SVGWriter {
    private(set) var lines: [String] = []

    /// Appends raw markup (already escaped).
    mutating func raw(_ markup: String) { lines.append(markup) }

    /// Appends an empty element `<name a="v" …/>`; attributes keep their order, nil values are left out.
    mutating func element(_ name: String, _ attributes: [(String, String?)]) {
        lines.append("<\(name)\(SVGWriter.attributes(attributes))/>")
    }

    /// Opens `<name …>`; close it with `close(name)`.
    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        lines.append("<\(name)\(SVGWriter.attributes(attributes))>")
    }

    /// Closes an element opened with `open`.
    mutating func close(_ name: String) { lines.append("</\(name)>") }

    /// Appends `<text …>escaped</text>`.
    mutating func text(_ content: String, _ attributes: [(String, String?)]) {
        lines.append("<text\(SVGWriter.attributes(attributes))>\(SVGWriter.escape(content))</text>")
    }

    /// Appends a tick label: its text plus an optional raised, smaller exponent.
    mutating func tickLabel(_ label: TickLabel, _ attributes: [(String, String?)]) {
        var body = SVGWriter.escape(label.text)
        if let superscript = label.superscript {
            // dy in ems of the smaller font lifts the exponent; nothing follows it, so no reset is needed.
            body += "<tspan class=\"tb-sup\" dy=\"-0.7em\">\(SVGWriter.escape(superscript))</tspan>"
        }
        lines.append("<text\(SVGWriter.attributes(attributes))>\(body)</text>")
    }

    /// The document text.
    var markup: String { lines.joined(separator: "\n") + "\n" }

    /// Escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0; drop them.
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20, scalar != "\n", scalar != "\t" {
                    continue
                }
                result.append(character)
            }
        }
        return result
    }

    private static func attributes(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(escape($0))\"" } }.joined()
    }
}

/// A coordinate attribute value.
func px(_ value: Double) -> String { formatCoordinate(value) }

/// An SVG path through points, `M x y L x y …`.
func pathData(_ points: [(Double, Double)]) -> String {
    points.enumerated().map { index, point in
        (index == 0 ? "M" : "L") + px(point.0) + " " + px(point.1)
    }.joined(separator: " ")
}
