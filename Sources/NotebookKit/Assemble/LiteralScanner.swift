/// Reads the Swift literals a `-p` value may hold (see `ParameterLiteral`), one character at a
/// time. Anything outside that small grammar is a `ParameterLiteral.Rejection` with its reason.
struct LiteralScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// A scanner at the start of `text`.
    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The next character, if any.
    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// What has been read so far.
    var consumedText: String { String(String.UnicodeScalarView(scalars[..<position])) }

    /// Skips spaces and tabs.
    mutating func skipSpaces() {
        while let next = peek, next == " " || next == "\t" { position += 1 }
    }

    /// Reads one literal.
    mutating func literal(depth: Int = 0) throws -> ParameterLiteral {
        guard let next = peek else { throw reject("a value is missing") }
        switch next {
        case "\"": return try string()
        case "[": return try array(depth: depth)
        case "-", "0"..."9": return try number()
        default:
            guard next.properties.isAlphabetic || next == "_" else { throw reject("unexpected '\(next)'") }
            let name = identifier()
            if name == "true" || name == "false" { return .bool(name) }
            throw reject("'\(name)' is a name, not a literal")
        }
    }

    private mutating func number() throws -> ParameterLiteral {
        let start = position
        if peek == "-" { position += 1 }
        try digits(after: "the minus sign")
        var isInteger = true
        if peek == "." {
            position += 1
            try digits(after: "the decimal point")
            isInteger = false
        }
        if peek == "e" || peek == "E" {
            position += 1
            if peek == "+" || peek == "-" { position += 1 }
            try digits(after: "the exponent")
            isInteger = false
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        return isInteger ? .integer(text) : .number(text)
    }

    /// Decimal digits with `_` separators after the first.
    private mutating func digits(after what: String) throws {
        guard let first = peek, ("0"..."9").contains(first) else { throw reject("digits must follow \(what)") }
        while let next = peek, ("0"..."9").contains(next) || next == "_" { position += 1 }
    }

    private mutating func string() throws -> ParameterLiteral {
        let start = position
        position += 1
        while let next = peek {
            position += 1
            switch next {
            case "\"": return .string(String(String.UnicodeScalarView(scalars[start..<position])))
            case "\n", "\r": throw reject("a string literal must stay on one line")
            case "\u{00}"..."\u{08}", "\u{0B}"..."\u{1F}", "\u{7F}":
                throw reject("write control characters in a string as escapes such as \\u{1B}")
            case "\\": try escape()
            default: break
            }
        }
        throw reject("the string has no closing \"")
    }

    /// The escape after a backslash: the simple ones and `\u{…}`; interpolation is code, so never.
    private mutating func escape() throws {
        guard let next = peek else { throw reject("the string ends with a lone \\") }
        position += 1
        switch next {
        case "0", "\\", "t", "n", "r", "\"", "'": return
        case "(": throw reject("string interpolation \\( runs code; give plain text")
        case "u":
            guard peek == "{" else { throw reject("write a Unicode escape as \\u{1F600}") }
            position += 1
            var count = 0
            while let hex = peek, hex.properties.isASCIIHexDigit { position += 1; count += 1 }
            guard peek == "}", (1...8).contains(count) else { throw reject("write a Unicode escape as \\u{1F600}") }
            position += 1
        default:
            throw reject("\\\(next) is not a Swift escape; use \\\\ for a backslash")
        }
    }

    private mutating func array(depth: Int) throws -> ParameterLiteral {
        guard depth < 8 else { throw reject("arrays are nested too deeply") }
        position += 1
        var elements: [ParameterLiteral] = []
        while true {
            skipSpaces()
            if peek == "]" { position += 1; return .array(elements) }
            elements.append(try literal(depth: depth + 1))
            skipSpaces()
            switch peek {
            case ",": position += 1
            case "]": position += 1; return .array(elements)
            case nil: throw reject("the array has no closing ]")
            case let other?: throw reject("expected ',' or ']' in the array, found '\(other)'")
            }
        }
    }

    private mutating func identifier() -> String {
        let start = position
        while let next = peek, next.properties.isAlphabetic || next == "_" || ("0"..."9").contains(next) { position += 1 }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }

    private func reject(_ reason: String) -> ParameterLiteral.Rejection {
        ParameterLiteral.Rejection(reason: reason)
    }
}
