import Foundation

/// A page's heading anchors and its table of contents. Every top-level heading below the title gets an id made
/// from its text (lower case, words joined by `-`, a repeat numbered `-2`, `-3`, …), so links to a
/// section survive re-renders; the contents list the `##` and `###` headings.
struct TableOfContents {
    /// One listed heading.
    struct Entry: Equatable {
        var level: Int
        var anchor: String
    }

    /// The id of each heading, by its index in the document's blocks.
    private(set) var anchors: [Int: String] = [:]
    /// The listed headings in page order.
    private(set) var entries: [(entry: Entry, block: Int)] = []

    /// Anchors and contents for `document`.
    init(_ document: Document) {
        var used: Set<String> = []
        for (index, block) in document.blocks.enumerated() {
            // The page title is the top of the page and needs no anchor.
            guard case .prose(let prose) = block, let heading = prose.heading, heading.level > 1 else { continue }
            let base = Self.slug(heading.text)
            var anchor = base
            var repeatNumber = 1
            while used.contains(anchor) {
                repeatNumber += 1
                anchor = "\(base)-\(repeatNumber)"
            }
            used.insert(anchor)
            anchors[index] = anchor
            if heading.level == 2 || heading.level == 3 { entries.append((Entry(level: heading.level, anchor: anchor), index)) }
        }
    }

    /// The id for a heading reading `text`. Ids the page uses for cells, figures and tables
    /// (`cell-`, `fig-`, `tbl-`) and the page's own (`contents`) get a `sec-` prefix.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.append(character)
            } else {
                pendingDash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let reserved = ["cell-", "fig-", "tbl-", "sec-", "page-"]
        if reserved.contains(where: slug.hasPrefix) || slug == "contents" { slug = "sec-" + slug }
        return slug
    }

    /// The heading's HTML from cmark with its id and a link to itself.
    static func anchored(_ html: String, anchor: String) -> String {
        guard html.hasPrefix("<h"), let close = html.firstIndex(of: ">"),
              let end = html.range(of: "</h", options: .backwards) else { return html }
        let link = "<a class=\"anchor\" href=\"#\(anchor)\" aria-label=\"Link to this section\">#</a>"
        return String(html[..<close]) + " id=\"\(anchor)\">" + html[html.index(after: close)..<end.lowerBound] + link + html[end.lowerBound...]
    }

    /// The contents as a nested list, given each heading's rendered HTML; empty below two entries.
    func html(headings: [Int: String]) -> String {
        guard entries.count >= 2 else { return "" }
        var html = "<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p>\n<ol>"
        var inSublist = false
        for (position, (entry, block)) in entries.enumerated() {
            let item = "\n<li><a href=\"#\(entry.anchor)\">\(Self.inlineText(headings[block] ?? ""))</a>"
            if entry.level == 2 || position == 0 {
                if inSublist { html += "</li></ol>"; inSublist = false }
                if position > 0 { html += "</li>" }
            } else {
                html += inSublist ? "</li>" : "<ol>"
                inSublist = true
            }
            html += item
        }
        html += (inSublist ? "</li></ol>" : "") + "</li>\n</ol></nav>\n"
        return html
    }

    /// A heading's content without its `<hN>` tags and without links, to sit inside a link.
    private static func inlineText(_ heading: String) -> String {
        guard let close = heading.firstIndex(of: ">"), let end = heading.range(of: "</h", options: .backwards),
              close < end.lowerBound else { return heading }
        let inner = String(heading[heading.index(after: close)..<end.lowerBound])
        return inner.replacingOccurrences(of: "<a\\b[^>]*>|</a>", with: "", options: .regularExpression)
    }
}
