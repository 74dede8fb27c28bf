/// What a rendered page printed, read back from its HTML: per cell, the lines of its printed text,
/// table rows, warnings and errors, as a reader sees them. `trainbook diff` compares these.
public enum PrintedValues {
    /// Each cell's printed lines, keyed by the cell's number on the page (1 for the first block).
    public static func cells(inPage html: String) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        let marker = "<section class=\"cell\" id=\"cell-"
        for part in html.components(separatedBy: marker).dropFirst() {
            guard let number = Int(part.prefix(while: \.isNumber)) else { continue }
            let section = part.components(separatedBy: "</section>").first ?? part
            guard let outputs = section.components(separatedBy: "<div class=\"outputs\">").dropFirst().first else {
                result[number] = []
                continue
            }
            result[number] = lines(ofOutputs: outputs)
        }
        return result
    }

    /// The printed lines in a cell's outputs, in page order; figures are left out (they are compared as files).
    static func lines(ofOutputs html: String) -> [String] {
        var lines: [String] = []
        var rest = html[...]
        let kinds: [(open: String, close: String)] = [
            ("<pre class=\"text\">", "</pre>"), ("<pre class=\"error\"", "</pre>"), ("<p class=\"warning\">", "</p>"), ("<tr>", "</tr>"),
        ]
        while true {
            let next = kinds.compactMap { kind in rest.range(of: kind.open).map { (kind, $0) } }
                .min { $0.1.lowerBound < $1.1.lowerBound }
            guard let (kind, found) = next, let end = rest[found.upperBound...].range(of: kind.close) else { break }
            var inner = rest[found.upperBound..<end.lowerBound]
            if kind.open.hasSuffix("\""), let close = inner.firstIndex(of: ">") { inner = inner[inner.index(after: close)...] }
            if kind.open == "<tr>" {
                lines.append(cellsOfRow(String(inner)).joined(separator: "  │  "))
            } else {
                var text = unescape(String(inner))
                if text.hasSuffix("\n") { text.removeLast() }
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            rest = rest[end.upperBound...]
        }
        return lines
    }

    private static func cellsOfRow(_ row: String) -> [String] {
        row.components(separatedBy: "</t").dropLast().map { cell in
            let start = cell.firstIndex(of: ">").map { cell.index(after: $0) } ?? cell.startIndex
            // A number cell may end in the spaces that line up decimal points (see `TableLayout`).
            let text = cell[start...].replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            return unescape(text.trimmingCharacters(in: TableLayout.alignmentSpaces))
        }
    }

    /// Text with the escapes of `HTML.escape` undone.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
