/// The `swift-train parameters` block: `let NAME = LITERAL` lines that `-p NAME=VALUE` overrides,
/// as papermill does for Jupyter. A value must be a literal (`ParameterLiteral`) of the parameter's
/// kind — its declared type, or else the kind of its default — so a command line never adds code.
struct ParametersBlock {
    /// One `let` line of the block.
    struct Parameter: Equatable {
        var name: String
        /// The type after `:`, when the line declares one.
        var declaredType: String?
        var defaultValue: String
        /// Index of the line in the block's source.
        var line: Int

        /// The kind a value must have, or nil when the default is not a literal and has no known type.
        var kind: ParameterLiteral.Kind? {
            declaredType.flatMap(ParameterLiteral.Kind.init(declaredType:))
                ?? (try? ParameterLiteral(parsing: defaultValue))?.kind
        }
    }

    let cell: Cell
    let parameters: [Parameter]

    init(_ cell: Cell) throws {
        self.cell = cell
        var found: [Parameter] = []
        for (offset, line) in cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingWhitespace
            guard text.hasPrefix("let ") || text.hasPrefix("var "), let equals = text.firstIndex(of: "=") else { continue }
            let declaration = text[text.index(text.startIndex, offsetBy: 4)..<equals].split(separator: ":", maxSplits: 1)
            found.append(Parameter(name: declaration.first.map { $0.trimmingWhitespace } ?? "",
                                   declaredType: declaration.dropFirst().first.map { $0.trimmingWhitespace },
                                   defaultValue: text[text.index(after: equals)...].trimmingWhitespace, line: offset))
        }
        parameters = found
    }

    /// The block's source with the given values substituted, after checking that each names a
    /// parameter and is a literal of its kind. `fileName` names the notebook in messages.
    func overriding(_ values: [String: String], in fileName: String = "the notebook") throws -> String {
        var lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                let known = parameters.map(\.name).joined(separator: ", ")
                throw NotebookError.badParameter(name: name, "the parameters block has no '\(name)' (it defines: \(known.isEmpty ? "nothing" : known)); the block is at \(fileName):\(cell.line - 1)")
            }
            let original = lines[parameter.line]
            let equals = original.firstIndex(of: "=")!
            lines[parameter.line] = original[...equals] + " " + (try source(of: value, for: parameter, in: fileName))
        }
        return lines.joined(separator: "\n")
    }

    /// The block as the run used it, for the page: its source with the given values substituted,
    /// and for each line that changed (0-based), the default it replaced. Nil when a value does not fit.
    func shown(with values: [String: String]) -> (source: String, replaced: [Int: String])? {
        guard !values.isEmpty, let source = try? overriding(values) else { return nil }
        var replaced: [Int: String] = [:]
        for parameter in parameters where values[parameter.name] != nil { replaced[parameter.line] = parameter.defaultValue }
        return (source, replaced)
    }

    /// The Swift source for `value` as `parameter`'s new value, or a message saying what to give.
    private func source(of value: String, for parameter: Parameter, in fileName: String) throws -> String {
        let name = parameter.name
        let declared = "\(fileName):\(cell.line + parameter.line) declares `\(declaration(of: parameter))`"
        guard let expected = parameter.kind else {
            throw NotebookError.badParameter(name: name, "\(declared), whose value is not a literal, so -p cannot override it; write its default as a literal, e.g. `let \(name) = 3`")
        }
        let literal: ParameterLiteral
        do {
            literal = try ParameterLiteral(parsing: value)
        } catch let rejection as ParameterLiteral.Rejection {
            throw NotebookError.badParameter(name: name, "-p \(name)=\(value) is not a literal (\(rejection.reason)); \(declared), so give \(expected.withExample). \(ParameterLiteral.allowed)")
        }
        guard let source = literal.source(as: expected) else {
            let given = literal.kind.map { "is \($0)" } ?? "mixes kinds"
            throw NotebookError.badParameter(name: name, "-p \(name)=\(value) \(given), but \(declared), so give \(expected.withExample)")
        }
        return source
    }

    private func declaration(of parameter: Parameter) -> String {
        "let \(parameter.name)\(parameter.declaredType.map { ": " + $0 } ?? "") = \(parameter.defaultValue)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
