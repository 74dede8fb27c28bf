/// Renders an executed notebook as one self-contained HTML page: inline CSS, SVG and MathML, no
/// script, each cell's outputs under it, errors with their notebook lines, numbered figures and
/// tables, a table of contents and links to the previous and next pages.
public enum PageRenderer {
    /// The page for `executed`, with `navigation` at its foot.
    public static func render(_ executed: ExecutedDocument, navigation: PageNavigation = .none) -> String {
        let document = executed.document
        var body = "<nav><a href=\"index.html\">← All notebooks</a></nav>\n"
        if !executed.succeeded { body += banner(executed) }
        if !executed.parameters.isEmpty {
            let values = executed.parameters.sorted { $0.key < $1.key }
                .map { "<code>\(HTML.escape($0.key)) = \(HTML.escape($0.value))</code>" }.joined(separator: ", ")
            body += "<p class=\"parameters\">Rendered with parameters \(values).</p>\n"
        }
        body += blocks(of: executed, numbering: CrossReferences(executed)) + navigation.html
        return PageShell.html(title: document.title, body: body)
    }

    /// The notebook's blocks in order, headings anchored, the contents under the title.
    private static func blocks(of executed: ExecutedDocument, numbering: CrossReferences) -> String {
        let document = executed.document
        let contents = TableOfContents(document)
        var pieces: [String] = []
        var headings: [Int: String] = [:]
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .prose(let prose):
                var html = render(prose, numbering: numbering, inline: executed.inline)
                if let anchor = contents.anchors[index] {
                    headings[index] = html
                    html = TableOfContents.anchored(html, anchor: anchor)
                }
                pieces.append(html)
            case .code(let language, let source):
                let code = language == "swift" ? SwiftHighlighter.highlight(source) : HTML.escape(source)
                pieces.append("<div class=\"source\">\(languageTag(language))<pre><code>\(code)</code></pre></div>\n")
            case .cell(let cell):
                pieces.append(render(cell, executed.cells[cell.index], numbering: numbering, parameters: executed.parameters,
                                     stoppedBy: stopCause(executed)))
            }
        }
        // The contents go under the title, or first when the page has none.
        let titleBlock = document.blocks.firstIndex { if case .prose(let p) = $0 { p.heading?.level == 1 } else { false } }
        pieces.insert(contents.html(headings: headings), at: titleBlock.map { $0 + 1 } ?? 0)
        return pieces.joined()
    }

    /// Why cells after a failure did not run: a failed cell, or an inline value whose evaluation stopped the program.
    private static func stopCause(_ executed: ExecutedDocument) -> String {
        let inlineFailed = executed.inline.contains { if case .error? = $0 { true } else { false } }
        return inlineFailed && !executed.cells.contains { $0.status == .failed } ? "an inline value failed" : "an earlier cell failed"
    }

    private static func banner(_ executed: ExecutedDocument) -> String {
        let failed = executed.cells.filter { $0.status == .failed }.map(\.index)
        let spans = executed.document.inlineSpans
        let claimCells = executed.cells.filter { cell in
            cell.status != .failed && cell.outputs.contains { if case .claim(_, false, _) = $0 { true } else { false } }
        }.map(\.index)
        let cellLinks = failed.map { "<a href=\"#cell-\($0 + 1)\">cell \($0 + 1)</a>" }
            + claimCells.map { "<a href=\"#cell-\($0 + 1)\">the false claim of cell \($0 + 1)</a>" }
        let inlineLinks = executed.inline.enumerated().compactMap { index, result -> String? in
            guard index < spans.count else { return nil }
            switch result {
            case .error?: return "<a href=\"#inline-\(index + 1)\">the inline value at line \(spans[index].location.line)</a>"
            case .claim(_, false)?: return "<a href=\"#inline-\(index + 1)\">the false claim at line \(spans[index].location.line)</a>"
            default: return nil
            }
        }
        let links = (cellLinks + inlineLinks).joined(separator: ", ")
        var text = "This notebook did not run cleanly"
        if !links.isEmpty { text += ": see \(links)" }
        if let error = executed.notebookError { text += ".<pre>\(HTML.escape(error))</pre>" }
        return "<div class=\"banner\" role=\"alert\">\(text)</div>\n"
    }

    /// A narrow screen may shrink a figure only so far that its smallest (10 px) text stays above
    /// 9 px; below that width the figure scrolls inside its own box instead.
    static func minimumWidth(of svg: String) -> String {
        guard let match = svg.range(of: #"^<svg\b[^>]*?\swidth="([0-9]+(\.[0-9]+)?)""#, options: .regularExpression),
              let quote = svg[match].dropLast().lastIndex(of: "\""), let width = Double(svg[match].dropLast()[svg.index(after: quote)...]) else { return "" }
        return " style=\"--tb-min-width:\(Int((width * 0.92).rounded(.up)))px\""
    }

    static func languageTag(_ language: String) -> String {
        language.isEmpty ? "" : "<span class=\"lang\">\(HTML.escape(language))</span>"
    }

    /// A prose block with its math typeset, its references as links and its inline values filled in.
    static func render(_ prose: Prose, numbering: CrossReferences, inline: [InlineResult?] = []) -> String {
        prose.segments.map { segment in
            switch segment {
            case .html(let html):
                return html
            case .math(let math):
                let kind = math.display ? "display" : "inline"
                guard let mathML = math.mathML else { return "<code class=\"math \(kind)\">\(HTML.escape(math.tex))</code>" }
                return "<span class=\"math \(kind)\">\(mathML)</span>"
            case .reference(let reference):
                guard let target = numbering.target(of: reference) else {
                    return "<span class=\"xref missing\">\(HTML.escape(reference.source))</span>"
                }
                return "<a class=\"xref\" href=\"#\(target.anchor)\">\(target.name)</a>"
            case .inline(let span):
                return render(span, result: span.index < inline.count ? inline[span.index] : nil)
            }
        }.joined()
    }

    static func render(_ output: CellOutput) -> String {
        switch output {
        case .text(let text):
            return "<pre class=\"text\">\(HTML.escape(text))</pre>\n"
        case .figure(let name, let svg, let alt):
            // The page holds the figure as the sanitizer re-wrote it, never the text the notebook sent.
            switch SVGSanitizer.sanitize(svg) {
            case .success(let checked):
                return "<figure role=\"img\" aria-label=\"\(HTML.escape(alt))\"\(minimumWidth(of: checked))>\(checked)</figure>\n"
            case .failure(let rejection):
                return "<pre class=\"error\">figure \(HTML.escape(name)) was not embedded: \(HTML.escape(rejection.reason))</pre>\n"
            }
        case .slider:
            // Shown with its panels by the cell (see PageRenderer+Slider); alone, it has nothing to show.
            return ""
        case .table(let columns, let rows):
            return "<div class=\"table-wrap\">\(TableLayout.html(columns: columns, rows: rows))</div>\n"
        case .warning(let message):
            return "<p class=\"warning\">⚠ \(HTML.escape(message))</p>\n"
        case .error(let message):
            return "<pre class=\"error\" role=\"alert\">\(HTML.escape(message))</pre>\n"
        case .claim(let text, let holds, let line):
            return "<p class=\"claim\(holds ? "" : " false")\"\(holds ? "" : " role=\"alert\"")>\(claimHTML(text, holds: holds, line: line, markFirst: true))</p>\n"
        }
    }
}
