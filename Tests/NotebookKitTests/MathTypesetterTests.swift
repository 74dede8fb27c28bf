import Foundation
import Testing
@testable import NotebookKit

/// Math typeset by Debian's KaTeX (scripts/install-system-deps installs it) into MathML.
@Suite struct MathTypesetterTests {
    func typeset(_ markdown: String, cache: String? = nil) throws -> [MathSpan] {
        let document = try MathTypesetter(cacheFolder: cache).typeset(try NotebookParser.parse(markdown, fileName: "m.md"))
        return document.blocks.flatMap { block -> [MathSpan] in
            guard case .prose(let prose) = block else { return [] }
            return prose.segments.compactMap { if case .math(let math) = $0 { math } else { nil } }
        }
    }

    @Test func inlineAndDisplayMathBecomeMathML() throws {
        let spans = try typeset("# T\n\nThe rate $\\eta_t$ decays:\n\n$$\\eta_t = \\frac{\\eta_0}{1 + k t}$$\n")
        #expect(spans.count == 2)
        let inline = try #require(spans.first?.mathML)
        #expect(inline.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
        #expect(inline.contains("<msub><mi>η</mi><mi>t</mi></msub>"))
        #expect(inline.hasSuffix("</math>"))
        let display = try #require(spans.last?.mathML)
        #expect(display.contains("display=\"block\""))
        #expect(display.contains("<mfrac>"))
        let page = PageRenderer.render(ExecutedDocument(document: try MathTypesetter(cacheFolder: nil).typeset(
            try NotebookParser.parse("Rate $x_1$.\n", fileName: "m.md")), cells: []))
        #expect(page.contains("<p>Rate <span class=\"math inline\"><math xmlns="))
        #expect(!page.contains("<script"))
    }

    @Test func invalidTeXIsAnErrorAtItsPlace() {
        #expect {
            try typeset("# T\n\nSee $\\frac{a}{$ and more.\n")
        } throws: { "\($0)".hasPrefix("m.md:3:15: error: this math is not valid TeX: ") }
        #expect {
            try typeset("# T\n\n$$\n\\notACommand{x}\n$$\n")
        } throws: { "\($0)".hasPrefix("m.md:3:1: error: this math is not valid TeX: ") && "\($0)".contains("notACommand") }
    }

    @Test func typesetMathIsTakenFromTheCache() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-math-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try typeset("Rate $x_1$.\n", cache: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        // A cached entry is used as it is: change it and the page shows the change.
        let path = folder + "/" + files[0]
        let entry = try String(contentsOfFile: path, encoding: .utf8)
        let marked = entry.replacingOccurrences(of: "<mi>x</mi>", with: "<mi>cached</mi>")
        #expect(marked != entry)
        try marked.write(toFile: path, atomically: true, encoding: .utf8)
        let second = try typeset("Rate $x_1$.\n", cache: folder)
        #expect(first.first?.mathML?.contains("<mi>x</mi>") == true)
        #expect(second.first?.mathML?.contains("<mi>cached</mi>") == true)
    }
}
