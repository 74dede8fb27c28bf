/// Renders an executed notebook as one self-contained HTML page: inline CSS and SVG, no script,
/// each cell's outputs under it, errors with their notebook lines.
public enum PageRenderer {
    /// The page for `executed`.
    public static func render(_ executed: ExecutedDocument) -> String {
        let document = executed.document
        var body = "<nav><a href=\"index.html\">← All notebooks</a></nav>\n"
        if !executed.succeeded { body += banner(executed) }
        if !executed.parameters.isEmpty {
            let values = executed.parameters.sorted { $0.key < $1.key }
                .map { "<code>\(HTML.escape($0.key)) = \(HTML.escape($0.value))</code>" }.joined(separator: ", ")
            body += "<p class=\"parameters\">Rendered with parameters \(values).</p>\n"
        }
        for block in document.blocks {
            switch block {
            case .prose(let html):
                body += html
            case .code(let language, let source):
                let code = language == "swift" ? SwiftHighlighter.highlight(source) : HTML.escape(source)
                body += "<div class=\"source\">\(languageTag(language))<pre><code>\(code)</code></pre></div>\n"
            case .cell(let cell):
                body += render(cell, executed.cells[cell.index], fileName: document.fileName)
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="TrainBook">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(HTML.escape(document.title))</title>
        <style>
        \(PageStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private static func banner(_ executed: ExecutedDocument) -> String {
        let failed = executed.cells.filter { $0.status == .failed }.map(\.index)
        let links = failed.map { "<a href=\"#cell-\($0 + 1)\">cell \($0 + 1)</a>" }.joined(separator: ", ")
        var text = "This notebook did not run cleanly"
        if !links.isEmpty { text += ": see \(links)" }
        if let error = executed.notebookError { text += ".<pre>\(HTML.escape(error))</pre>" }
        return "<div class=\"banner\" role=\"alert\">\(text)</div>\n"
    }

    private static func languageTag(_ language: String) -> String {
        language.isEmpty ? "" : "<span class=\"lang\">\(HTML.escape(language))</span>"
    }

    private static func render(_ cell: Cell, _ result: CellResult, fileName: String) -> String {
        var html = "<section class=\"cell\" id=\"cell-\(cell.index + 1)\">\n"
        if cell.options.echo {
            html += "<div class=\"source\"><span class=\"lang\">swift-train</span><pre><code>\(SwiftHighlighter.highlight(cell.source))</code></pre></div>\n"
        }
        let showOutputs = cell.options.output || result.status == .failed
        var outputs = ""
        if showOutputs {
            for output in result.outputs { outputs += render(output) }
        }
        if result.status == .notRun {
            outputs += "<p class=\"not-run\">Not run: an earlier cell failed.</p>\n"
        }
        if !outputs.isEmpty { html += "<div class=\"outputs\">\n\(outputs)</div>\n" }
        return html + "</section>\n"
    }

    private static func render(_ output: CellOutput) -> String {
        switch output {
        case .text(let text):
            return "<pre class=\"text\">\(HTML.escape(text))</pre>\n"
        case .figure(let name, let svg, let alt):
            // The page holds the figure as the sanitizer re-wrote it, never the text the notebook sent.
            switch SVGSanitizer.sanitize(svg) {
            case .success(let checked):
                return "<figure role=\"img\" aria-label=\"\(HTML.escape(alt))\">\(checked)</figure>\n"
            case .failure(let rejection):
                return "<pre class=\"error\">figure \(HTML.escape(name)) was not embedded: \(HTML.escape(rejection.reason))</pre>\n"
            }
        case .table(let columns, let rows):
            let head = columns.map { "<th>\(HTML.escape($0))</th>" }.joined()
            let body = rows.map { "<tr>" + $0.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n")
            return "<div class=\"table-wrap\"><table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table></div>\n"
        case .warning(let message):
            return "<p class=\"warning\">⚠ \(HTML.escape(message))</p>\n"
        case .error(let message):
            return "<pre class=\"error\" role=\"alert\">\(HTML.escape(message))</pre>\n"
        }
    }
}
