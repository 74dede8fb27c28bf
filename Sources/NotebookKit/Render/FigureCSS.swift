/// Checks the CSS inside a figure against the shape the charts library writes (`Charts.Theme`): rules
/// scoped to the figure's own root id, painting properties only, values made of numbers, colours,
/// keywords, quoted font names and `var(…)`.
///
/// A rule therefore cannot reach outside its figure (no selector without the figure's id first, no
/// combinator but a descendant space), cannot move or hide anything (no `display`, `position`,
/// `visibility`, `content`), and cannot load anything (no function but `var`, no `@import`, no escapes).
enum FigureCSS {
    /// Properties a figure may set; custom properties must be the library's private `--_NAME`.
    static let properties: Set<String> = [
        "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-linejoin",
        "stroke-linecap", "paint-order", "font-family", "font-size", "font-weight", "max-width", "height",
    ]

    /// The one at-rule the library writes, around the dark-theme variables.
    static let darkScheme = "@media (prefers-color-scheme:dark){"

    /// Why the body of a `<style>` element is not the library's kind of CSS, or nil when it is.
    static func problem(withStyleSheet css: String, rootID: String) -> String? {
        guard css.unicodeScalars.allSatisfy(isAllowed) else { return "the figure's style uses characters CSS rules of figures never need" }
        var rest = Substring(css)
        var inMedia = false
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.isEmpty { return inMedia ? "the figure's style leaves an @media block open" : nil }
            if rest.hasPrefix("}") && inMedia {
                inMedia = false
                rest = rest.dropFirst()
                continue
            }
            if rest.hasPrefix(darkScheme) && !inMedia {
                inMedia = true
                rest = rest.dropFirst(darkScheme.count)
                continue
            }
            guard let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") else {
                return "the figure's style is not a list of rules"
            }
            if let problem = problem(withSelector: rest[..<open], rootID: rootID) ?? problem(withDeclarations: rest[rest.index(after: open)..<close]) {
                return problem
            }
            rest = rest[rest.index(after: close)...]
        }
    }

    /// Why a list of declarations (a rule's body or a `style` attribute) is not allowed, or nil.
    static func problem(withDeclarations declarations: Substring) -> String? {
        guard declarations.unicodeScalars.allSatisfy(isAllowed), !declarations.contains(where: { "{}@".contains($0) }) else {
            return "the figure's style uses characters CSS declarations of figures never need"
        }
        for declaration in declarations.split(separator: ";") where !declaration.allSatisfy(\.isWhitespace) {
            guard let colon = declaration.firstIndex(of: ":") else { return "the figure's style has a declaration without a value" }
            let property = declaration[..<colon].trimmingWhiteSpace()
            let value = declaration[declaration.index(after: colon)...].trimmingWhiteSpace()
            guard properties.contains(String(property)) || isPrivateCustomProperty(property) else {
                return "the figure's style sets \(property), which figures never need"
            }
            if let problem = problem(withValue: value) { return problem }
        }
        return nil
    }

    /// `#ROOT`, then at most two descendant steps, each `text` or a `.tb-…` class.
    private static func problem(withSelector selector: Substring, rootID: String) -> String? {
        let steps = selector.split(whereSeparator: \.isWhitespace)
        guard let first = steps.first, first == "#" + rootID else {
            return "the figure's style has a rule that does not start with the figure's own id"
        }
        let valid = steps.count <= 3 && steps.dropFirst().allSatisfy { step in
            step == "text" || step.hasPrefix(".tb-") && step.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && step.count > 4
        }
        return valid ? nil : "the figure's style has a selector (\(selector.trimmingWhiteSpace())) that figures never need"
    }

    /// Values: words, numbers, `#` colours, commas, quoted font names; the only function is `var`.
    private static func problem(withValue value: Substring) -> String? {
        guard !value.isEmpty, !value.contains(":") else { return "the figure's style has an empty or malformed value" }
        var index = value.startIndex
        var word = ""
        while index < value.endIndex {
            let character = value[index]
            if character == "(" {
                guard word == "var" else { return "the figure's style calls \(word)(…); figures only use var(…)" }
            }
            if character == "\"" {
                guard let end = value[value.index(after: index)...].firstIndex(of: "\""),
                      value[value.index(after: index)..<end].allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" })
                else { return "the figure's style has a quoted value that is not a font name" }
                index = value.index(after: end)
                word = ""
                continue
            }
            word = character.isLetter || character == "-" && !word.isEmpty ? word + String(character) : ""
            index = value.index(after: index)
        }
        return nil
    }

    private static func isPrivateCustomProperty(_ property: Substring) -> Bool {
        property.hasPrefix("--_") && property.count > 3 && property.dropFirst(3).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    /// ASCII letters and digits, white space and the punctuation the library's CSS uses; never `\`, `/`,
    /// `<`, `>`, `&`, `'`, `!`, `*`, `[`, `+`, `~` or `=`.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar) || " \n\t#-_.,:;(){}%\"@".unicodeScalars.contains(scalar)
    }
}

extension Substring {
    /// The text without leading and trailing white space.
    func trimmingWhiteSpace() -> Substring {
        let start = drop { $0.isWhitespace }
        return start.dropLast(start.reversed().prefix { $0.isWhitespace }.count)
    }
}
