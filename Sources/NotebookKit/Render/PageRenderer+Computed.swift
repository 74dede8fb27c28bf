/// Computed prose on the page: inline values, and claims in blocks and in sentences.
extension PageRenderer {
    /// An inline value where its span was: the value, the claim with its mark, or the error in its place.
    static func render(_ span: InlineSpan, result: InlineResult?) -> String {
        let id = "inline-\(span.index + 1)"
        switch result {
        case .value(let text)?:
            // A number or a short word stays on one line; computed words (a phrase chosen by the
            // results) wrap like the sentence around them, or a long one would jump to a line of its own.
            let wraps = text.contains(" ") && text.count > 24
            return "<span class=\"value\(wraps ? " words" : "")\">\(HTML.escape(text))</span>"
        case .claim(let text, let holds)?:
            let line = span.location.line
            return "<span class=\"claim\(holds ? "" : " false")\" id=\"\(id)\"\(holds ? "" : " role=\"alert\"")>\(claimHTML(text, holds: holds, line: line))</span>"
        case .error(let message)?:
            return "<code class=\"value error\" id=\"\(id)\" role=\"alert\">\(HTML.escape(message))</code>"
        case nil:
            // The program stopped before it came here, or never compiled.
            return "<code class=\"value not-run\" title=\"not computed: the notebook did not run this far\">\(HTML.escape(span.expression))</code>"
        }
    }

    /// A claim's text with its mark: ✓ when it held (after the text in a sentence, before it on a
    /// line of its own); ✗ and where it was made when it did not.
    static func claimHTML(_ text: String, holds: Bool, line: Int, markFirst: Bool = false) -> String {
        if holds {
            let mark = "<span class=\"mark\" title=\"checked: true in this run\" aria-label=\"checked: \">✓</span>"
            return markFirst ? mark + HTML.escape(text) : HTML.escape(text) + mark
        }
        return "<span class=\"mark\" aria-label=\"false claim: \">✗</span>\(HTML.escape(text))<span class=\"where\">false claim, line \(line)</span>"
    }
}
