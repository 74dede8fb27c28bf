/// The SVG a page embeds: the elements and attributes the charts library writes, each attribute with
/// the shape of value it takes. Anything else — `script`, `foreignObject`, `a`, `use`, `image`,
/// animation, event attributes, `href`, a prefixed (namespaced) name — is not on the list.
enum SVGAllowList {
    /// The SVG namespace, the only one a figure may declare.
    static let namespace = "http://www.w3.org/2000/svg"

    /// What an element may hold: attributes, child elements, and whether it may hold text that is not white space.
    struct Rule {
        var attributes: Set<String>
        var children: Set<String>
        var text: Bool
    }

    private static let paint: Set<String> = ["class", "style", "fill", "stroke", "fill-opacity", "stroke-width",
                                             "stroke-dasharray", "transform"]
    private static let graphics: Set<String> = ["g", "rect", "path", "circle", "text"]

    /// The rule for each allowed element.
    static let elements: [String: Rule] = [
        "svg": Rule(attributes: ["xmlns", "id", "class", "width", "height", "viewBox", "role", "aria-labelledby"],
                    children: graphics.union(["title", "desc", "style"]), text: false),
        "title": Rule(attributes: ["id"], children: [], text: true),
        "desc": Rule(attributes: ["id"], children: [], text: true),
        "style": Rule(attributes: [], children: [], text: true),
        "g": Rule(attributes: paint.union(["id", "clip-path"]), children: graphics.union(["clipPath"]), text: false),
        "clipPath": Rule(attributes: ["id"], children: ["rect", "path", "circle"], text: false),
        "rect": Rule(attributes: paint.union(["x", "y", "width", "height", "rx"]), children: [], text: false),
        "path": Rule(attributes: paint.union(["d"]), children: [], text: false),
        "circle": Rule(attributes: paint.union(["cx", "cy", "r"]), children: [], text: false),
        "text": Rule(attributes: paint.union(["x", "y", "dy", "text-anchor"]), children: ["tspan"], text: true),
        "tspan": Rule(attributes: paint.union(["dy"]), children: [], text: true),
    ]

    /// Why `value` is not allowed for `attribute`, or nil; ids must start with the figure's `rootID`.
    static func problem(with attribute: String, value: String, rootID: String) -> String? {
        let valid: Bool
        switch attribute {
        case "xmlns": valid = value == namespace
        case "id": valid = isIdentifier(value) && value.hasPrefix(rootID)
        case "aria-labelledby": valid = words(value).allSatisfy { isIdentifier($0) && $0.hasPrefix(rootID) }
        case "class": valid = words(value).allSatisfy { $0.hasPrefix("tb-") && isIdentifier($0) }
        case "role": valid = value == "img"
        case "text-anchor": valid = ["start", "middle", "end"].contains(value)
        case "fill", "stroke": valid = isColor(value)
        case "clip-path":
            valid = value.hasPrefix("url(#") && value.hasSuffix(")") && isIdentifier(value.dropFirst(5).dropLast())
                && value.dropFirst(5).hasPrefix(rootID)
        case "style": return FigureCSS.problem(withDeclarations: Substring(value))
        case "d": valid = value.unicodeScalars.allSatisfy { "MmLlHhVvZzCcSsQqTtAa0123456789.eE+- ,\n".unicodeScalars.contains($0) }
        case "transform": valid = isTransform(value)
        case "viewBox", "stroke-dasharray": valid = words(value).allSatisfy(isLength) || value == "none"
        default: valid = isLength(value)
        }
        return valid ? nil : "the figure's \(attribute) attribute has a value figures never have"
    }

    /// A letter, then letters, digits, `-` or `_` (ASCII): what the library's ids and classes are made of.
    static func isIdentifier<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    private static func words(_ value: String) -> [Substring] {
        value.split { $0 == " " || $0 == "," }
    }

    /// A number with an optional unit: `12`, `-0.7em`, `100%`, `1.5e-3`, `4px`.
    private static func isLength<S: StringProtocol>(_ value: S) -> Bool {
        var number = Substring(value)
        for unit in ["%", "em", "px"] where number.hasSuffix(unit) {
            number = number.dropLast(unit.count)
            break
        }
        return !number.isEmpty && Double(number) != nil && number.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
    }

    private static func isColor(_ value: String) -> Bool {
        if value == "none" || value == "currentColor" { return true }
        let digits = value.dropFirst()
        return value.hasPrefix("#") && [3, 4, 6, 8].contains(digits.count) && digits.allSatisfy(\.isHexDigit) && digits.allSatisfy(\.isASCII)
    }

    /// `rotate(…)`, `translate(…)`, `scale(…)` or `matrix(…)` with numbers, one or more.
    private static func isTransform(_ value: String) -> Bool {
        let parts = value.split(separator: ")", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.last!.allSatisfy(\.isWhitespace) else { return false }
        return parts.dropLast().allSatisfy { part in
            let pieces = part.split(separator: "(", maxSplits: 1, omittingEmptySubsequences: false)
            return pieces.count == 2 && ["rotate", "translate", "scale", "matrix"].contains(pieces[0].trimmingWhiteSpace())
                && pieces[1].split { $0 == " " || $0 == "," }.allSatisfy(isLength)
        }
    }
}
