/// Colours Swift source for the page: a small lexer that wraps keywords, types, literals and
/// comments in `<span class="…">`, escaping everything else. It never needs to be a full parser:
/// unknown text is simply shown plain.
public enum SwiftHighlighter {
    static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "try",
        "throw", "throws", "do", "catch", "where", "as", "is", "nil", "true", "false", "self", "Self", "init",
        "static", "private", "public", "internal", "fileprivate", "mutating", "inout", "some", "any", "await",
        "async", "defer", "typealias", "lazy", "weak", "override", "final",
    ]

    /// HTML for `source`.
    public static func highlight(_ source: String) -> String {
        let characters = Array(source.unicodeScalars)
        var html = ""
        var i = 0
        func span(_ kind: String, _ range: Range<Int>) {
            html += "<span class=\"\(kind)\">" + HTML.escape(String(String.UnicodeScalarView(characters[range]))) + "</span>"
        }
        while i < characters.count {
            let c = characters[i]
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            if c == "/" && next == "/" {
                let end = characters[i...].firstIndex(of: "\n") ?? characters.count
                span("c", i..<end)
                i = end
            } else if c == "/" && next == "*" {
                var end = i + 2
                while end + 1 < characters.count && !(characters[end] == "*" && characters[end + 1] == "/") { end += 1 }
                end = min(characters.count, end + 2)
                span("c", i..<end)
                i = end
            } else if c == "\"" {
                // A string runs to its closing quote; quotes inside `\( … )` interpolations do not end it.
                var end = i + 1
                var depth = 0
                while end < characters.count && characters[end] != "\n" && (depth > 0 || characters[end] != "\"") {
                    if characters[end] == "\\" && end + 1 < characters.count && characters[end + 1] == "(" {
                        depth += 1
                        end += 2
                        continue
                    }
                    if depth > 0 && characters[end] == "(" { depth += 1 }
                    if depth > 0 && characters[end] == ")" { depth -= 1 }
                    end += characters[end] == "\\" && depth == 0 ? 2 : 1
                }
                end = min(characters.count, end + 1)
                span("s", i..<end)
                i = end
            } else if c.properties.numericType != nil && c.isASCII {
                var end = i
                while end < characters.count && (characters[end].isASCII && (characters[end].properties.isAlphabetic
                        || characters[end].properties.numericType != nil || characters[end] == "." || characters[end] == "_")) {
                    if characters[end] == "." && !(end + 1 < characters.count && characters[end + 1].properties.numericType != nil) { break }
                    // An exponent may carry a sign: 1.5e-3.
                    let isExponent = (characters[end] == "e" || characters[end] == "E") && end + 1 < characters.count
                        && (characters[end + 1] == "-" || characters[end + 1] == "+")
                    end += isExponent ? 2 : 1
                }
                span("n", i..<end)
                i = end
            } else if c.properties.isAlphabetic || c == "_" || c == "@" || c == "#" {
                var end = i + 1
                while end < characters.count && (characters[end].properties.isAlphabetic || characters[end] == "_"
                        || characters[end].properties.numericType != nil) { end += 1 }
                let word = String(String.UnicodeScalarView(characters[i..<end]))
                if keywords.contains(word) || c == "@" || c == "#" { span("k", i..<end) }
                else if c.properties.isUppercase { span("t", i..<end) }
                else if end < characters.count && characters[end] == "(" { span("f", i..<end) }
                else { html += HTML.escape(word) }
                i = end
            } else {
                html += HTML.escape(String(c))
                i += 1
            }
        }
        return html
    }
}
