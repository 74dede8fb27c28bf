/// The `swift-train parameters` block: `let NAME = LITERAL` lines that `-p NAME=VALUE` overrides,
/// as papermill does for Jupyter. A value must be a literal of the same kind as the default.
struct ParametersBlock {
    /// One `let` line of the block.
    struct Parameter: Equatable {
        var name: String
        var defaultValue: String
        /// Index of the line in the block's source.
        var line: Int
    }

    let cell: Cell
    let parameters: [Parameter]

    init(_ cell: Cell) throws {
        self.cell = cell
        var found: [Parameter] = []
        for (offset, line) in cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingWhitespace
            guard text.hasPrefix("let ") || text.hasPrefix("var "), let equals = text.firstIndex(of: "=") else { continue }
            let declaration = text[text.index(text.startIndex, offsetBy: 4)..<equals]
            let name = declaration.split(separator: ":").first.map { $0.trimmingWhitespace } ?? ""
            found.append(Parameter(name: String(name), defaultValue: String(text[text.index(after: equals)...].trimmingWhitespace),
                                   line: offset))
        }
        parameters = found
    }

    /// The block's source with the given values substituted, after checking names and literal kinds.
    func overriding(_ values: [String: String]) throws -> String {
        var lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                let known = parameters.map(\.name).joined(separator: ", ")
                throw NotebookError.badParameter(name: name, "the parameters block has no '\(name)' (it defines: \(known.isEmpty ? "nothing" : known))")
            }
            let expected = LiteralKind(of: parameter.defaultValue), given = LiteralKind(of: value)
            guard expected == given || (expected == .double && given == .integer) else {
                throw NotebookError.badParameter(name: name, "'\(value)' is \(given.description) but the default \(parameter.defaultValue) is \(expected.description)")
            }
            let original = lines[parameter.line]
            let equals = original.firstIndex(of: "=")!
            lines[parameter.line] = original[...equals] + " " + value
        }
        return lines.joined(separator: "\n")
    }
}

/// The kind of a Swift literal, enough to catch `-p epochs=fast`.
enum LiteralKind: Equatable {
    case integer, double, string, bool, array, other

    init(of text: String) {
        let value = text.trimmingWhitespace
        if Int(value.replacingOccurrences(of: "_", with: "")) != nil { self = .integer }
        else if Double(value.replacingOccurrences(of: "_", with: "")) != nil { self = .double }
        else if value == "true" || value == "false" { self = .bool }
        else if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { self = .string }
        else if value.hasPrefix("[") && value.hasSuffix("]") { self = .array }
        else { self = .other }
    }

    var description: String {
        switch self {
        case .integer: "an integer"
        case .double: "a number"
        case .string: "a string"
        case .bool: "true or false"
        case .array: "an array"
        case .other: "an expression"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
