import ArgumentParser
import Foundation
import NotebookKit

/// `-p NAME=VALUE` options, read the same way by `render`, `watch` and `check`. The values are
/// checked against each notebook's parameters block when its program is assembled, before anything
/// compiles: only literals of the parameter's kind are accepted (see the README).
enum ParameterOption {
    /// The overrides by name.
    static func parse(_ options: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("-p \(option): write parameters as NAME=VALUE, e.g. -p epochs=2")
            }
            result[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        return result
    }

    /// When several notebooks are given, each override applies to those whose parameters block
    /// defines it; one that no notebook defines is an error.
    static func requireDefined(_ parameters: [String: String], byOneOf notebooks: [String]) throws {
        let defined = Set(notebooks.flatMap { (try? NotebookFile(path: $0))?.document.parameterNames ?? [] })
        if let unknown = parameters.keys.sorted().first(where: { !defined.contains($0) }) {
            // The names come from the notebooks' text: printed without escape codes.
            throw ValidationError(TerminalText.safe("parameter '\(unknown)': no notebook's parameters block defines it (they define: \(defined.sorted().joined(separator: ", ")))"))
        }
    }
}
