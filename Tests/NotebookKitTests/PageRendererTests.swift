import Testing
@testable import NotebookKit

@Suite struct PageRendererTests {
    @Test func printedMarkupIsEscaped() throws {
        let document = try NotebookParser.parse("```swift-train\nprint(1)\n```\n", fileName: "x.md")
        var result = CellResult(index: 0)
        result.outputs = [.text("<script>alert('x')</script>"), .table(columns: ["<b>"], rows: [["&"]])]
        result.status = .succeeded
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: [result]))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("<th>&lt;b&gt;</th>"))
        #expect(page.contains("<td>&amp;</td>"))
    }

    @Test func pagesLoadNothingFromTheNetwork() throws {
        let document = try NotebookParser.parse("# T\n\n![x](https://example.com/a.png)\n", fileName: "x.md")
        let page = PageRenderer.render(ExecutedDocument(document: document, cells: []))
        #expect(page.contains("default-src 'none'"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
    }

    @Test func highlighterMarksKeywordsStringsNumbersAndComments() {
        let html = SwiftHighlighter.highlight("let x = \"a<b\" // note\nfor i in 0..<3 { Model(1.5e-3) }")
        #expect(html == "<span class=\"k\">let</span> x = <span class=\"s\">&quot;a&lt;b&quot;</span> <span class=\"c\">// note</span>\n<span class=\"k\">for</span> i <span class=\"k\">in</span> <span class=\"n\">0</span>..&lt;<span class=\"n\">3</span> { <span class=\"t\">Model</span>(<span class=\"n\">1.5e-3</span>) }")
    }

    @Test func interpolationsDoNotEndAString() {
        let html = SwiftHighlighter.highlight("print(\"loss \\(h[\"loss\"]!) done\")")
        #expect(html == "<span class=\"f\">print</span>(<span class=\"s\">&quot;loss \\(h[&quot;loss&quot;]!) done&quot;</span>)")
    }

    @Test func forgedFiguresAreNotEmbedded() {
        let safe = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-t\"><title>t</title><g clip-path=\"url(#nb-t-c)\"><path d=\"M0 0\"/></g></svg>"
        #expect(SVGSanitizer.problem(with: safe) == nil)
        let forged = [
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=\"alert(1)\"></svg>",
            "<svg><a href=\"https://example.com\">x</a></svg>",
            "<svg><style>@import url(https://x/y.css);</style></svg>",
            "<svg><foreignObject><div/></foreignObject></svg>",
            "</figure></main><svg>",
            "<div>not svg</div>",
        ]
        for svg in forged { #expect(SVGSanitizer.problem(with: svg) != nil, "\(svg)") }
    }
}
