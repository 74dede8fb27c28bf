import Foundation

/// A compiler message mapped back to the notebook.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// How serious the message is.
    public var severity: Severity
    /// Where in the notebook.
    public var location: SourceLocation
    /// The compiler's message.
    public var message: String
    /// The cell it belongs to.
    public var cellIndex: Int?
    /// The offending notebook line and a caret under the column.
    public var excerpt: String
    /// swiftc's notes about this message (candidates, "did you mean"), and the valid names when
    /// the message is about a misspelt member, each a line starting `note:` or `NAME.md:LINE:COL: note:`.
    public var notes: [String] = []

    /// The kinds of compiler message, spelt as swiftc prints them.
    public enum Severity: String, CaseIterable, Sendable {
        /// The program does not compile.
        case error
        /// The program compiles, but something looks wrong.
        case warning
        /// More about the message before it.
        case note
    }

    /// `NAME.md:LINE:COL: error: message`, then the excerpt, then the notes.
    public var description: String {
        (["\(location): \(severity.rawValue): \(message)"] + (excerpt.isEmpty ? [] : [excerpt]) + notes)
            .joined(separator: "\n")
    }

    /// Reads swiftc's `-diagnostic-style llvm` output for `document` compiled from `program`.
    static func parse(compilerOutput: String, document: Document, program: AssembledProgram,
                      notebookLines: [Substring]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // swiftc names cell lines by the text of `#sourceLocation`, escapes included.
        let notebookFile = ProgramAssembler.sourceLocationFile(for: document.fileName)
        let lines = compilerOutput.split(separator: "\n")
        for (number, line) in lines.enumerated() {
            guard let parsed = parseLine(line) else { continue }
            let inNotebook = parsed.file == notebookFile || parsed.file.hasSuffix("/" + notebookFile)
            if parsed.severity == .note, !result.isEmpty {
                // A note belongs under the message before it, wherever it points: a candidate
                // initializer in the library is named by its declaration, not by a file path.
                let next = lines.indices.contains(number + 1) ? lines[number + 1] : ""
                let note = inNotebook
                    ? "\(document.fileName):\(parsed.line):\(document.notebookColumn(line: parsed.line, column: parsed.column)): note: \(parsed.message)"
                    : "note: \(parsed.message)" + (declaration(next).map { ": \($0)" } ?? "")
                if !result[result.count - 1].notes.contains(note) { result[result.count - 1].notes.append(note) }
                continue
            }
            var location: SourceLocation
            var cellIndex: Int?
            if inNotebook {
                location = SourceLocation(file: document.fileName, line: parsed.line,
                                          column: document.notebookColumn(line: parsed.line, column: parsed.column))
                // A line of prose is an inline value's, not the cell's above it.
                cellIndex = document.cells.last { $0.line <= parsed.line }
                    .flatMap { parsed.line < $0.line + $0.source.split(separator: "\n", omittingEmptySubsequences: false).count ? $0.index : nil }
            } else if parsed.file.hasSuffix(ProgramAssembler.programFileName) {
                // A message about the generated frame (an unbalanced brace, say) goes to the nearest cell.
                cellIndex = program.cell(atProgramLine: parsed.line)
                let cell = cellIndex.map { document.cells[$0] }
                location = SourceLocation(file: document.fileName, line: cell.map { $0.line - 1 } ?? 1)
            } else {
                continue
            }
            var excerpt = ""
            if location.line >= 1, location.line <= notebookLines.count, location.column != nil {
                let text = notebookLines[location.line - 1]
                excerpt = "\(text)\n" + String(repeating: " ", count: max(0, (location.column ?? 1) - 1)) + "^"
            }
            let diagnostic = Diagnostic(severity: parsed.severity, location: location, message: parsed.message,
                                        cellIndex: cellIndex, excerpt: excerpt)
            if !result.contains(diagnostic) { result.append(diagnostic) }
        }
        return result
    }

    /// A library declaration as swiftc quotes it under a note, without `public`.
    private static func declaration(_ line: Substring) -> String? {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("public ") { text.removeFirst("public ".count) }
        guard text.hasPrefix("init") || text.hasPrefix("func ") || text.hasPrefix("static func ")
                || text.hasPrefix("case ") else { return nil }
        return text.hasSuffix("{") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
    }

    private static func parseLine(_ line: Substring) -> (file: String, line: Int, column: Int, severity: Severity, message: String)? {
        for severity in Severity.allCases {
            guard let marker = line.range(of: ": \(severity.rawValue): ") else { continue }
            let head = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard head.count >= 3, let lineNumber = Int(head[head.count - 2]), let column = Int(head[head.count - 1]) else { continue }
            let file = head.dropLast(2).joined(separator: ":")
            let message = line[marker.upperBound...].trimmingCharacters(in: .whitespaces)
            return (file, lineNumber, column, severity, message)
        }
        return nil
    }
}
