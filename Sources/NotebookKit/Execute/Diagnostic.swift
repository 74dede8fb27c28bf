/// A compiler message mapped back to the notebook.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// `error`, `warning` or `note`.
    public var severity: String
    /// Where in the notebook.
    public var location: SourceLocation
    /// The compiler's message.
    public var message: String
    /// The cell it belongs to.
    public var cellIndex: Int?
    /// The offending notebook line and a caret under the column.
    public var excerpt: String

    /// `NAME.md:LINE:COL: error: message`, then the excerpt.
    public var description: String {
        "\(location): \(severity): \(message)" + (excerpt.isEmpty ? "" : "\n" + excerpt)
    }

    /// Reads swiftc's `-diagnostic-style llvm` output for `document` compiled from `program`.
    static func parse(compilerOutput: String, document: Document, program: AssembledProgram,
                      notebookLines: [Substring]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // swiftc names cell lines by the text of `#sourceLocation`, escapes included.
        let notebookFile = ProgramAssembler.sourceLocationFile(for: document.fileName)
        for line in compilerOutput.split(separator: "\n") {
            guard let parsed = parseLine(line) else { continue }
            var location: SourceLocation
            var cellIndex: Int?
            if parsed.file == notebookFile || parsed.file.hasSuffix("/" + notebookFile) {
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

    private static func parseLine(_ line: Substring) -> (file: String, line: Int, column: Int, severity: String, message: String)? {
        for severity in ["error", "warning", "note"] {
            guard let marker = line.range(of: ": \(severity): ") else { continue }
            let head = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
            guard head.count >= 3, let lineNumber = Int(head[head.count - 2]), let column = Int(head[head.count - 1]) else { continue }
            let file = head.dropLast(2).joined(separator: ":")
            return (file, lineNumber, column, severity, String(line[marker.upperBound...]))
        }
        return nil
    }
}
