import Foundation

/// An executed notebook as a Jupyter notebook (nbformat 4.5), so a page also opens in Jupyter, on
/// GitHub and in nbviewer: prose as Markdown cells (math as `$…$` TeX, which Jupyter typesets), each
/// `swift-train` block as a code cell carrying its outputs — printed text as `stream`, figures as
/// `image/svg+xml`, tables as `text/html`, errors as `error` — and a Swift kernel in the metadata.
///
/// ```swift
/// let json = NotebookExport.ipynb(executed)   // written as NAME.ipynb by `render --ipynb`
/// ```
public enum NotebookExport {
    /// The `.ipynb` JSON for `executed`; the same input always gives the same bytes.
    public static func ipynb(_ executed: ExecutedDocument) -> String {
        let numbering = CrossReferences(executed)
        var cells: [[String: Any]] = []
        for (position, block) in executed.document.blocks.enumerated() {
            let id = "block-\(position + 1)"
            switch block {
            case .prose(let prose):
                cells.append(markdownCell(id: id, markdown(prose, numbering: numbering, inline: executed.inline)))
            case .code(let language, let source):
                cells.append(markdownCell(id: id, "```\(language)\n\(source)\(source.hasSuffix("\n") ? "" : "\n")```"))
            case .cell(let cell):
                cells.append(codeCell(id: id, cell, executed.cells[cell.index]))
            }
        }
        let notebook: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": [
                "kernelspec": ["name": "swift", "display_name": "Swift", "language": "swift"],
                "language_info": ["name": "swift", "file_extension": ".swift", "mimetype": "text/x-swift"],
                "title": executed.document.title,
            ] as [String: Any],
        ]
        let data = try! JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A prose block as Markdown: cmark's HTML (valid Markdown), math back as TeX between dollars,
    /// every other span (inline values and claims with their computed results) as the page writes it.
    static func markdown(_ prose: Prose, numbering: CrossReferences, inline: [InlineResult?] = []) -> String {
        prose.segments.map { segment in
            if case .math(let math) = segment { return math.display ? "$$\(math.tex)$$" : "$\(math.tex)$" }
            return PageRenderer.render(Prose(segments: [segment]), numbering: numbering, inline: inline)
        }.joined()
    }

    private static func markdownCell(id: String, _ source: String) -> [String: Any] {
        ["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": lines(source)]
    }

    /// A block as a code cell: hidden or folded code and outputs keep Jupyter's own flags, and the
    /// parameters block carries papermill's `parameters` tag.
    private static func codeCell(id: String, _ cell: Cell, _ result: CellResult) -> [String: Any] {
        var metadata: [String: Any] = [:]
        var jupyter: [String: Any] = [:]
        if !cell.options.echo || cell.options.foldsCode { jupyter["source_hidden"] = true }
        if cell.options.foldsOutput { jupyter["outputs_hidden"] = true }
        if !jupyter.isEmpty { metadata["jupyter"] = jupyter }
        if cell.isParameters { metadata["tags"] = ["parameters"] }
        let shown = cell.options.output || result.status == .failed
        return [
            "cell_type": "code", "id": id, "metadata": metadata, "source": lines(cell.source),
            "execution_count": result.status == .notRun ? NSNull() : cell.index + 1 as Any,
            "outputs": shown ? result.outputs.map(output) : [],
        ]
    }

    /// One output in Jupyter's shape; a figure is the sanitized SVG the page shows.
    static func output(_ output: CellOutput) -> [String: Any] {
        switch output {
        case .text(let text):
            return ["output_type": "stream", "name": "stdout", "text": lines(text)]
        case .warning(let message):
            return ["output_type": "stream", "name": "stderr", "text": lines("warning: " + message + "\n")]
        case .error(let message):
            return ["output_type": "error", "ename": "Error", "evalue": message,
                    "traceback": message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)]
        case .figure(let name, let svg, let alt):
            guard case .success(let checked) = SVGSanitizer.sanitize(svg) else {
                return ["output_type": "stream", "name": "stderr", "text": lines("figure \(name) was not embedded\n")]
            }
            return display(["image/svg+xml": lines(checked), "text/plain": lines(alt)])
        case .slider(let label, let choices):
            // A notebook has no control: the panels follow as figures, in the order this line names.
            let shown = "\(label): " + choices.joined(separator: ", ") + " (one figure each, below)"
            return display(["text/markdown": lines(shown), "text/plain": lines(shown)])
        case .claim(let text, let holds, let line):
            // A checked claim reads as it does on the page: the statement and its mark.
            let shown = holds ? "✓ \(text)" : "✗ \(text) (false claim, line \(line))"
            return display(["text/markdown": lines(shown), "text/plain": lines(shown)])
        case .table(let columns, let rows):
            let plain = ([columns] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
            return display(["text/html": lines(TableLayout.html(columns: columns, rows: rows)), "text/plain": lines(plain)])
        }
    }

    private static func display(_ data: [String: Any]) -> [String: Any] {
        ["output_type": "display_data", "data": data, "metadata": [String: Any]()]
    }

    /// Text as Jupyter stores it: a list of lines, each but the last ending in a newline.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
