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
        let defined = notebooks.map { path in
            (URL(fileURLWithPath: path).lastPathComponent, (try? NotebookFile(path: path))?.document.parameterNames ?? [])
        }
        let names = Set(defined.flatMap(\.1))
        if let unknown = parameters.keys.sorted().first(where: { !names.contains($0) }) {
            let each = defined.map { file, names in
                names.isEmpty ? "\(file) has no parameters block" : "\(file) defines \(names.joined(separator: ", "))"
            }
            // The names come from the notebooks' text: printed without escape codes.
            throw ValidationError(TerminalText.safe("parameter '\(unknown)': error: no notebook's parameters block defines it (\(each.joined(separator: "; ")))"))
        }
    }
}
