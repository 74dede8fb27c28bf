import Foundation
import Testing
@testable import NotebookKit
import TrainBook

/// The sanitizer against the library's real figures (they must pass byte for byte) and against forged
/// ones (each refused with a reason).
@Suite struct SVGSanitizerTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ChartsTests/Snapshots")

    /// The charts library's snapshot of every figure kind, with the engine's `nb-` id prefix.
    static func librarySnapshots() throws -> [(name: String, svg: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: snapshots.path).filter { $0.hasSuffix(".svg") }.sorted()
        return try files.map { file in
            let svg = try String(contentsOf: snapshots.appendingPathComponent(file), encoding: .utf8)
            return (file, svg.replacingOccurrences(of: "snap-", with: "nb-snap-"))
        }
    }

    @Test func everyLibraryFigureComesOutByteForByte() throws {
        let figures = try Self.librarySnapshots()
        #expect(figures.count >= 10)
        for (name, svg) in figures {
            #expect(SVGSanitizer.sanitize(svg) == .success(svg), "\(name) changed")
        }
    }

    /// Explicit colours (a `style` and a `stroke` attribute), dashes, reference lines, rotated labels,
    /// log ticks with superscripts and text that needs escaping, drawn live.
    @Test func liveFiguresWithEveryAttributeComeOutByteForByte() {
        var fig = Figure(rows: 1, cols: 2, title: "A & B <\"quoted\"> 'single'")
        fig[0].plot(x: (1...60).map { pow(10, Double($0) / 10 - 4) }, y: (1...60).map { 1 / Double($0) },
                    label: "loss < 1 & rising", color: "#c03", dash: .dashDot)
        fig[0].xScale = .log
        fig[0].verticalLine(at: 1e-2, label: "suggested", color: "#2a7")
        fig[1].bar(labels: (1...12).map { "optimizer number \($0)" }, values: (1...12).map { Double($0) }, color: "#123456")
        fig[1].scatter(x: [0, 1, 2], y: [3, 1, 2], color: "#abc")
        fig[1].plot([1, 2, 1e9, .nan, 4, 5])
        let svg = fig.svg(id: "nb-live-1")
        #expect(svg.contains("style=\"fill:#"))
        #expect(svg.contains(" stroke=\"#"))
        #expect(svg.contains("<tspan"))
        #expect(svg.contains("transform=\"rotate("))
        #expect(SVGSanitizer.sanitize(svg) == .success(svg))
    }

    @Test func textIsReEscapedSoItStaysText() throws {
        let forged = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><title>&lt;/title&gt;&lt;a href=&quot;https://example.com&quot;&gt;x&#60;/a></title><text x=\"1\" y=\"2\">&#x3C;script&#x3e;</text></svg>"
        let clean = try SVGSanitizer.sanitize(forged).get()
        #expect(clean == "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><title>&lt;/title&gt;&lt;a href=&quot;https://example.com&quot;&gt;x&lt;/a&gt;</title><text x=\"1\" y=\"2\">&lt;script&gt;</text></svg>")
    }

    @Test(arguments: [
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><!--><p></p><a href=\"https://example.com\">x</a>--></svg>", "comment"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><p/><meta http-equiv=\"refresh\" content=\"0;url=https://example.com\"/></svg>", "<p>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><style>.banner{display:none}</style></svg>", "own id"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><style>#nb-x{display:none}</style></svg>", "sets display"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><style>#nb-x .tb-a{fill:url(https://x/y)}</style></svg>", "characters"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><style>@import \"x.css\";</style></svg>", "list of rules"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><style>#nb-x text{fill:image(x)}</style></svg>", "image("),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><script>alert(1)</script></svg>", "<script>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><foreignObject><div/></foreignObject></svg>", "<foreignObject>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" id=\"nb-x\"></svg>", "xmlns:xlink"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><a xlink:href=\"javascript:alert(1)\">x</a></svg>", "<a>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><text><![CDATA[</text><a href=\"https://example.com\">]]></text></svg>", "CDATA"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\" onload=\"alert(1)\"></svg>", "onload"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><rect style=\"background:url(http://example.com/a.png)\"/></svg>", "style"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><g clip-path=\"url(http://example.com/#c)\"/></svg>", "clip-path"),
        ("<!DOCTYPE svg [<!ENTITY a \"<a href='https://example.com'>x</a>\">]><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\">&a;</svg>", "declaration"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><text>&nbsp;</text></svg>", "entity"),
        ("<?xml-stylesheet href=\"https://example.com/x.css\"?><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"/>", "processing instruction"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"cell-1\"/>", "nb-NAME"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><rect id=\"cell-2\"/></svg>", "id attribute"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><rect class=\"banner\"/></svg>", "class attribute"),
        ("</figure></main><svg>", "expected"),
        ("<div>not svg</div>", "<div>"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"nb-x\"><text x=\"1\"y=\"2\"/></svg>", "white space"),
    ])
    func forgedFiguresAreRefusedWithAReason(svg: String, reason: String) {
        guard case .failure(let rejection) = SVGSanitizer.sanitize(svg) else {
            Issue.record("accepted: \(svg)")
            return
        }
        #expect(rejection.reason.contains(reason), "\(rejection.reason)")
    }
}
