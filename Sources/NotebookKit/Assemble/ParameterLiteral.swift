/// A value that `-p NAME=VALUE` may give a parameter: one Swift literal and nothing else, so text
/// from a command line is spliced into the program only as data, never as code.
///
/// Accepted: an integer (`20`, `-3`, `60_000`), a number (`0.5`, `-0.5`, `1e-3`, `2.5E+4`), `true` or
/// `false`, a double-quoted string with the escapes `\0 \\ \t \n \r \" \'` and `\u{…}` but no
/// interpolation, and an array of those (`[0.1, 0.01]`, `["sgd", "adam"]`, `[]`).
indirect enum ParameterLiteral: Equatable {
    case integer(String)
    case number(String)
    case bool(String)
    case string(String)
    case array([ParameterLiteral])

    /// What a parameter holds, from its literal or its declared type.
    indirect enum Kind: Equatable, CustomStringConvertible {
        case integer, number, bool, string
        /// An array; `nil` elements when they are not known (an empty array literal).
        case array(Kind?)

        /// The kind for a declared type such as `Int`, `Double` or `[String]`, when it is one of those.
        init?(declaredType: String) {
            let type = declaredType.filter { $0 != " " }
            if type.hasPrefix("["), type.hasSuffix("]") {
                guard let element = Kind(declaredType: String(type.dropFirst().dropLast())) else { return nil }
                self = .array(element)
                return
            }
            switch type {
            case "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64": self = .integer
            case "Double", "Float", "Float32", "Float64", "CGFloat": self = .number
            case "Bool": self = .bool
            case "String": self = .string
            default: return nil
            }
        }

        /// The kind's name, for messages: "an integer", "an array of strings".
        var description: String {
            switch self {
            case .integer: "an integer"
            case .number: "a number"
            case .bool: "true or false"
            case .string: "a string"
            case .array(let element): element.map { "an array of \($0.plural)" } ?? "an array"
            }
        }

        /// The kind's name with an example of how to write it: "an integer (e.g. 3)".
        var withExample: String {
            switch self {
            case .integer: "an integer (e.g. 3)"
            case .number: "a number (e.g. 0.5 or 1e-3)"
            case .bool: "true or false"
            case .string: "a double-quoted string (e.g. \"adam\")"
            case .array(let element): "\(self) (e.g. \(element.map(\.arrayExample) ?? "[1, 2]"))"
            }
        }

        private var plural: String {
            switch self {
            case .integer: "integers"
            case .number: "numbers"
            case .bool: "true/false values"
            case .string: "strings"
            case .array: "arrays"
            }
        }

        private var arrayExample: String {
            switch self {
            case .integer: "[1, 2]"
            case .number: "[0.1, 0.01]"
            case .bool: "[true, false]"
            case .string: "[\"sgd\", \"adam\"]"
            case .array: "[[1], [2]]"
            }
        }
    }

    /// What `-p` accepts, for messages.
    static let allowed = "A -p value must be a literal: an integer, a number such as -0.5 or 1e-3, true or false, "
        + "a double-quoted string without \\( interpolation, or an array of those such as [0.1, 0.01]"

    /// Why a text is not a literal.
    struct Rejection: Error, Equatable {
        var reason: String
    }

    /// The literal's kind; nil for an array whose elements differ in kind.
    var kind: Kind? {
        switch self {
        case .integer: return .integer
        case .number: return .number
        case .bool: return .bool
        case .string: return .string
        case .array(let elements):
            var element: Kind?
            for item in elements {
                guard let kind = item.kind else { return nil }
                if let known = element {
                    guard let joined = Self.join(known, kind) else { return nil }
                    element = joined
                } else {
                    element = kind
                }
            }
            return .array(element)
        }
    }

    /// The common kind of two array elements: integers mixed with numbers are numbers.
    private static func join(_ a: Kind, _ b: Kind) -> Kind? {
        switch (a, b) {
        case _ where a == b: return a
        case (.integer, .number), (.number, .integer): return .number
        case (.array(let x), .array(let y)):
            guard let x, let y else { return .array(x ?? y) }
            return join(x, y).map { .array($0) }
        default: return nil
        }
    }

    /// The Swift source of this literal where a value of `kind` is expected, or nil when it does not
    /// fit. An integer where a number is expected is written with `.0`, so `-p rate=1` stays a Double.
    func source(as kind: Kind) -> String? {
        switch (self, kind) {
        case (.integer(let text), .integer), (.number(let text), .number), (.bool(let text), .bool), (.string(let text), .string):
            return text
        case (.integer(let text), .number):
            return text + ".0"
        case (.array(let elements), .array(let element)):
            // Elements of an array whose element kind is unknown are checked against each other.
            guard let element = element ?? self.kind.flatMap({ if case .array(let e) = $0 { e } else { nil } }) else {
                return elements.isEmpty ? "[]" : nil
            }
            var parts: [String] = []
            for item in elements {
                guard let part = item.source(as: element) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        default:
            return nil
        }
    }
}

extension ParameterLiteral {
    /// Parses `text` as exactly one literal, with spaces around it allowed.
    init(parsing text: String) throws {
        var scanner = LiteralScanner(text)
        scanner.skipSpaces()
        self = try scanner.literal()
        scanner.skipSpaces()
        if let extra = scanner.peek {
            throw Rejection(reason: "unexpected '\(extra)' after the literal \(scanner.consumedText)")
        }
    }
}
