import Foundation

/// A cell on the page: its code (perhaps folded), its outputs (perhaps folded), figures and tables
/// numbered and captioned, and the parameters block marked as such.
extension PageRenderer {
    /// One cell: its code, its outputs, or the note that it did not run.
    static func render(_ cell: Cell, _ result: CellResult, numbering: CrossReferences, parameters: [String: String] = [:],
                       stoppedBy cause: String = "an earlier cell failed") -> String {
        var html = "<section class=\"cell\(cell.isParameters ? " parameters-cell" : "")\" id=\"cell-\(cell.index + 1)\">\n"
        if cell.isParameters {
            html += "<p class=\"cell-label\">Parameters <span>change them with <code>trainbook render -p NAME=VALUE</code></span></p>\n"
        }
        if cell.options.echo {
            let shown = cell.isParameters ? highlightedParameters(cell, overriddenBy: parameters) : SwiftHighlighter.highlight(cell.source)
            let code = "<div class=\"source\"><span class=\"lang\">swift-train</span><pre><code>\(shown)</code></pre></div>\n"
            html += cell.options.foldsCode ? fold(code, summary: "Code (\(lineCount(cell.source)))", open: false) : code
        }
        let showOutputs = cell.options.output || result.status == .failed
        var outputs = ""
        if showOutputs {
            let caption = cell.options.caption.map(Caption.init)
            var position = 0
            while position < result.outputs.count {
                if case .slider(let label, let choices) = result.outputs[position] {
                    let panels = sliderPanels(after: position, in: result.outputs, count: choices.count)
                    outputs += slider(label: label, choices: choices, panels: panels,
                                      numbered: numbering.outputs[cell.index]?[position + 1], caption: caption)
                    position += 1 + panels.count
                    continue
                }
                outputs += render(result.outputs[position], numbered: numbering.outputs[cell.index]?[position], caption: caption)
                position += 1
            }
        }
        if cell.options.foldsOutput, !outputs.isEmpty {
            outputs = fold(outputs, summary: "Output (\(summary(of: result.outputs)))", open: result.status == .failed)
        }
        if result.status == .notRun {
            outputs += "<p class=\"not-run\">Not run: \(cause).</p>\n"
        }
        if !outputs.isEmpty { html += "<div class=\"outputs\">\n\(outputs)</div>\n" }
        return html + "</section>\n"
    }

    /// The parameters block as the run used it: each value `-p` overrode replaced, marked, and
    /// followed by the notebook's own value.
    private static func highlightedParameters(_ cell: Cell, overriddenBy values: [String: String]) -> String {
        guard let block = try? ParametersBlock(cell), let shown = block.shown(with: values) else {
            return SwiftHighlighter.highlight(cell.source)
        }
        var lines = SwiftHighlighter.highlight(shown.source).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, original) in shown.replaced where line < lines.count {
            lines[line] = "<mark class=\"overridden\">\(lines[line])</mark><span class=\"overridden-note\">overridden by -p (notebook: \(HTML.escape(original)))</span>"
        }
        return lines.joined(separator: "\n")
    }

    /// A block's caption: as HTML for the page, as plain text for the figure's accessible name.
    struct Caption {
        var html: String
        var text: String

        init(_ markdown: String) {
            // A caption is one line of Markdown; a `<` in it is text, never a tag.
            let markdown = markdown.replacingOccurrences(of: "<", with: "&lt;")
            var html = CommonMark.html(of: markdown, allowHTML: false).trimmingCharacters(in: .whitespacesAndNewlines)
            if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
            self.html = html
            text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// One output; a numbered figure or table comes in a `<figure>` with its number and caption.
    private static func render(_ output: CellOutput, numbered: CrossReferences.Numbered?, caption: Caption?) -> String {
        guard let numbered else { return render(output) }
        var shown = output
        if let caption, case .figure(let name, let svg, let alt) = output, SVGSanitizer.problem(with: svg) == nil {
            shown = .figure(name: name, svg: SVGCaption.applying(caption.text, to: svg), alt: caption.text + ". " + alt)
        }
        let label = "<span class=\"number\">\(numbered.name)</span>" + (caption.map { ": " + $0.html } ?? "")
        let figcaption = "<figcaption>\(label)</figcaption>"
        if numbered.kind == .table {
            return "<figure class=\"numbered table\" id=\"\(numbered.anchor)\">\(figcaption)\n\(render(shown))</figure>\n"
        }
        return "<figure class=\"numbered\" id=\"\(numbered.anchor)\">\n\(render(shown))\(figcaption)</figure>\n"
    }

    /// `html` folded under a summary line; a `<details>` element opens without any script.
    private static func fold(_ html: String, summary: String, open: Bool) -> String {
        "<details class=\"fold\"\(open ? " open" : "")><summary>\(HTML.escape(summary))</summary>\n\(html)</details>\n"
    }

    private static func lineCount(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
        return lines == 1 ? "1 line" : "\(lines) lines"
    }

    /// What folded outputs hold, e.g. "2 figures, 1 table, 12 lines of text".
    private static func summary(of outputs: [CellOutput]) -> String {
        var figures = 0, tables = 0, lines = 0, messages = 0
        for output in outputs {
            switch output {
            case .figure: figures += 1
            case .table: tables += 1
            case .text(let text): lines += text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0)
            case .warning, .error, .claim: messages += 1
            case .slider: break
            }
        }
        let parts = [(figures, "figure", "figures"), (tables, "table", "tables"), (lines, "line of text", "lines of text"),
                     (messages, "message", "messages")]
            .filter { $0.0 > 0 }.map { count, one, many in "\(count) \(count == 1 ? one : many)" }
        return parts.isEmpty ? "empty" : parts.joined(separator: ", ")
    }
}
