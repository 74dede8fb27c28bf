/// The self-contained HTML pages of a `trainbook diff` report, in the style of the book's pages:
/// a changed figure with the new version drawn over the old one (ghosted), the two side by side,
/// and the page's changed printed values in two columns.
enum ComparisonPage {
    /// The page for `figure` of `page`, from the old and new SVG text.
    static func figure(_ figure: String, of page: OutputDiff.Page, oldSVG: String, newSVG: String, folders: (old: String, new: String)) -> String {
        let overlay = embeddable(oldSVG, prefix: "old-").flatMap { old in
            embeddable(newSVG, prefix: "new-").map { new in
                "<div class=\"overlay\"><div class=\"ghost\">\(old)</div><div class=\"current\">\(new)</div></div>\n"
            }
        } ?? "<p class=\"warning\">⚠ one of the figures is not a well-formed figure of this engine and is not shown</p>\n"
        let side = [("old", oldSVG, "side-old-"), ("new", newSVG, "side-new-")].map { name, svg, prefix in
            "<figure><figcaption>\(name)</figcaption>\(embeddable(svg, prefix: prefix) ?? "<p class=\"warning\">⚠ not shown</p>")</figure>"
        }.joined()
        let body = """
        <nav><a href="../index.html">← All changes</a></nav>
        <h1>\(HTML.escape(page.title)): <code>\(HTML.escape(figure))</code> changed</h1>
        <p class="legend"><span class="swatch new-swatch"></span>new: \(HTML.escape(folders.new))
        <span class="swatch old-swatch"></span>old, grey and faded underneath: \(HTML.escape(folders.old))<br>
        Both are drawn at the same size, in the same frame; where the axes' ranges differ, read each curve
        against its own tick labels (the old ones are grey).</p>
        \(overlay)\(descriptions(old: oldSVG, new: newSVG))<h2>Side by side</h2>
        <div class="side">\(side)</div>
        \(values(of: page))
        """
        return document(title: "\(page.name)/\(figure) changed", body: body)
    }

    /// The page for `page` when only its printed values changed.
    static func valuesOnly(of page: OutputDiff.Page) -> String {
        let body = """
        <nav><a href="../index.html">← All changes</a></nav>
        <h1>\(HTML.escape(page.title)): printed values changed</h1>
        \(values(of: page))
        """
        return document(title: "\(page.name) changed", body: body)
    }

    /// The report's index: each changed page with links to its comparison pages.
    static func index(_ diff: OutputDiff, links: [String: [(text: String, href: String)]]) -> String {
        var body = "<h1>What changed</h1>\n<p class=\"legend\">\(HTML.escape(diff.new)) against \(HTML.escape(diff.oldLabel))</p>\n"
        if diff.pages.isEmpty { body += "<p>No page changed.</p>\n" }
        body += "<ul class=\"notebooks\">\n"
        for page in diff.pages {
            let items = (links[page.name] ?? []).map { "<a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.text))</a>" }
            body += "<li><strong>\(HTML.escape(page.title))</strong> <span class=\"file\">\(HTML.escape(page.name)).html</span><br>"
                + "\(HTML.escape(OutputDiff.summary(of: page)))<br>\(items.joined(separator: " · "))</li>\n"
        }
        return document(title: "What changed", body: body + "</ul>\n")
    }

    /// The figure's own summary (its `<desc>`, the numbers a screen reader hears) old beside new,
    /// when it changed: the numbers behind a difference too small to see.
    private static func descriptions(old: String, new: String) -> String {
        let before = description(of: old), after = description(of: new)
        guard before != after else { return "" }
        return "<div class=\"table-wrap\"><table class=\"values\"><thead><tr><th>old figure, in words</th><th>new figure, in words</th></tr></thead><tbody>\n"
            + "<tr><td class=\"old\">\(HTML.escape(before ?? ""))</td><td class=\"new\">\(HTML.escape(after ?? ""))</td></tr>\n</tbody></table></div>\n"
    }

    private static func description(of svg: String) -> String? {
        guard let open = svg.range(of: "<desc"), let start = svg[open.upperBound...].firstIndex(of: ">"),
              let end = svg[start...].range(of: "</desc>") else { return nil }
        return PrintedValues.unescape(String(svg[svg.index(after: start)..<end.lowerBound]))
    }

    /// The changed printed values of `page`, a two-column table per cell.
    private static func values(of page: OutputDiff.Page) -> String {
        guard !page.changedValues.isEmpty else { return "<h2>Printed values</h2>\n<p>No printed value changed.</p>\n" }
        var html = "<h2>Printed values that changed</h2>\n"
        for cell in page.changedValues.keys.sorted() {
            let rows = page.changedValues[cell]!.map { row in
                "<tr><td class=\"old\">\(row.old.map(HTML.escape) ?? "")</td><td class=\"new\">\(row.new.map(HTML.escape) ?? "")</td></tr>"
            }.joined(separator: "\n")
            html += "<h3>Block \(cell)</h3>\n<div class=\"table-wrap\"><table class=\"values\"><thead><tr><th>old</th><th>new</th></tr></thead><tbody>\n\(rows)\n</tbody></table></div>\n"
        }
        return html
    }

    /// `svg` with its ids prefixed (so two versions of one figure can share a page), or nil when it
    /// is not a figure the book's pages would embed.
    static func embeddable(_ svg: String, prefix: String) -> String? {
        // Embed the sanitizer's re-serialized text, as the book's pages do, never the file's own.
        guard case .success(let svg) = SVGSanitizer.sanitize(svg) else { return nil }
        guard let start = svg.range(of: " id=\""), let end = svg[start.upperBound...].firstIndex(of: "\"") else { return svg }
        let root = String(svg[start.upperBound..<end])
        return root.isEmpty ? svg : svg.replacingOccurrences(of: root, with: prefix + root)
    }

    private static func document(title: String, body: String) -> String {
        PageShell.html(title: title, body: body, extraCSS: css)
    }

    /// The report's additions to the book's style: the overlay, the legend, the two-column values.
    private static let css = """
    .overlay{position:relative;display:inline-block;max-width:100%;margin:8px 0}
    .overlay .ghost{position:absolute;left:0;top:0;width:100%;opacity:.45;filter:grayscale(1)}
    .overlay .current{position:relative}
    .overlay svg{display:block;max-width:100%;height:auto}
    .overlay .current .tb-bg,.overlay .current [class*="legend"] rect{fill:transparent!important}
    .side{display:grid;grid-template-columns:1fr 1fr;gap:12px}.side figure{margin:0}.side svg{width:100%;height:auto;display:block}
    figcaption{font-size:13px;color:var(--muted)}
    .legend{font-size:14px;color:var(--muted)}
    .swatch{display:inline-block;width:26px;height:4px;vertical-align:middle;margin:0 6px 0 10px;border-radius:2px}
    .new-swatch{background:var(--accent)}.old-swatch{background:var(--muted);opacity:.45}
    table.values td{text-align:left;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;white-space:pre-wrap}
    table.values th{text-align:left}
    table.values td.old{color:var(--err);background:var(--err-bg)}table.values td.new{color:var(--s)}
    """
}
