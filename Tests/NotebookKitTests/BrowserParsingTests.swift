import Foundation
import Testing
@testable import NotebookKit
import TrainBook

/// Forged figures that once fooled the check (it read XML; the browser reads HTML) go through the real
/// page renderer, and Chromium's DOM of the page must hold nothing the figures smuggled in.
@Suite(.serialized) struct BrowserParsingTests {
    static let head = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-forged\">"

    /// Each trick as a notebook could print it into the figure channel.
    static let forged = [
        head + "<!--><p></p><a href=\"https://example.com\">comment trick</a>--></svg>",
        head + "<p/><meta http-equiv=\"refresh\" content=\"0;url=https://example.com\"></svg>",
        head + "<style>.banner{display:none}</style></svg>",
        head + "<style>#nb-forged{display:none}</style></svg>",
        head + "<script>document.title='owned'</script></svg>",
        head + "<foreignObject><iframe src=\"https://example.com\"></iframe></foreignObject></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" id=\"nb-forged\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        head + "<text><![CDATA[</text></svg><a href=\"https://example.com\">cdata trick</a>]]></text></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-forged\" onload=\"document.title='owned'\"></svg>",
        head + "<rect style=\"background:url(http://example.com/a.png)\" width=\"1\" height=\"1\"/></svg>",
        "<!DOCTYPE svg [<!ENTITY e \"&#60;a href='https://example.com'&#62;entity trick&#60;/a&#62;\">]>" + head + "<text>&e;</text></svg>",
        head + "<title><a href=\"https://example.com\">title trick</a></title></svg>",
    ]

    /// A figure that is allowed, whose text spells the same tricks: it must stay text.
    static let trickyText = head + "<title>&lt;/title&gt;&lt;a href=&quot;https://example.com&quot;&gt;x&lt;/a&gt;</title>"
        + "<text x=\"1\" y=\"9\">&lt;!--&gt;&lt;p/&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;</text></svg>"

    static func page() throws -> String {
        let markdown = (0..<forged.count + 3).map { "```swift-train\nprint(\($0))\n```\n" }.joined(separator: "\n")
        let document = try NotebookParser.parse("# Forged figures\n\n" + markdown, fileName: "forged.md")
        var library = Figure(title: "loss")
        library.plot([3, 2, 1.5, 1.2], label: "loss")
        let figures: [(String, String)] = forged.map { ("forged", $0) }
            + [("text", trickyText), ("library", library.svg(id: "nb-forged-library-1"))]
        var cells = figures.enumerated().map { index, figure in
            var result = CellResult(index: index)
            result.outputs = [.figure(name: figure.0, svg: figure.1, alt: "a figure")]
            result.status = .succeeded
            return result
        }
        var failed = CellResult(index: cells.count)
        failed.outputs = [.error("forged.md:9: error: the cell stopped")]
        failed.status = .failed
        cells.append(failed)
        return PageRenderer.render(ExecutedDocument(document: document, cells: cells))
    }

    /// What in a serialized DOM did not come from the page itself: links other than the page's own,
    /// extra `meta`, active or embedding elements, style sheets that are not a library figure's, event
    /// attributes, external URLs in attributes.
    static func smuggled(inDOM dom: String, libraryFigures: Int) -> [String] {
        var found: [String] = []
        func matches(_ pattern: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            return regex.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).map { String(dom[Range($0.range, in: dom)!]) }
        }
        found += matches(#"<a\b[^>]*>"#).filter { !$0.contains("href=\"index.html\"") && !$0.contains("href=\"#cell-") }
        let metas = matches(#"<meta\b[^>]*>"#)
        if metas.count != 4 { found.append("\(metas.count) meta elements: \(metas)") }
        found += matches(#"<(script|iframe|foreignobject|object|embed|image|use|animate|set)\b"#)
        let styles = matches(#"<style\b[^>]*>[^<]*"#)
        if styles.count != 1 + libraryFigures { found.append("\(styles.count) style elements") }
        found += styles.dropFirst().filter { !$0.hasPrefix("<style>\n#nb-") || $0.contains("banner") || $0.contains("display") }
        found += matches(#"<[^>]*\son[a-z]+\s*="#)
        found += matches(#"<[a-z][^>]*\s[a-z:-]+="[^"]*(example\.com|javascript:|url\((?!#))"#)
        if !dom.contains("<div class=\"banner\" role=\"alert\">This notebook did not run cleanly") { found.append("no banner") }
        return found
    }

    @Test func forgedFiguresSmuggleNothingIntoThePage() throws {
        let page = try Self.page()
        let dom = try Chromium.dom(of: page)
        #expect(Self.smuggled(inDOM: dom, libraryFigures: 1) == [])
        #expect(dom.contains("<title>Forged figures</title>"), "the page navigated away")
        #expect(page.components(separatedBy: "was not embedded").count - 1 == Self.forged.count)
        // The allowed figure's text is text in the DOM, not markup.
        #expect(dom.contains("&lt;/title&gt;&lt;a href=\"https://example.com\"&gt;x&lt;/a&gt;"))
        #expect(dom.contains("&lt;!--&gt;&lt;p/&gt;&lt;meta http-equiv=\"refresh\"&gt;"))
        #expect(dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-forged-library-1\""))
    }

    /// The oracle can fail: the same tricks embedded as they were sent do reach Chromium's DOM.
    @Test func theTricksWorkOnARawPage() throws {
        let raw = [
            Self.head + "<!--><p></p><a href=\"https://example.com\">comment trick</a>--></svg>",
            Self.head + "<p/><meta http-equiv=\"refresh\" content=\"3600;url=https://example.com\"></svg>",
            Self.head + "<style>.banner{display:none}</style></svg>",
        ]
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="a" content="b"><meta name="c" content="d">\
            <meta name="e" content="f"><title>Forged figures</title><style>p{}</style></head><body>\
            <div class="banner" role="alert">This notebook did not run cleanly</div>
            """ + raw.map { "<figure>\($0)</figure>" }.joined() + "</body></html>"
        let smuggled = Self.smuggled(inDOM: try Chromium.dom(of: page), libraryFigures: 0)
        #expect(smuggled.contains { $0.contains("href=\"https://example.com\"") }, "\(smuggled)")
        #expect(smuggled.contains { $0.contains("5 meta elements") }, "\(smuggled)")
        #expect(smuggled.contains { $0.contains("banner") }, "\(smuggled)")
    }
}
