import Foundation
import Testing
@testable import NotebookKit

/// Feeds the parser and the page renderer generated Markdown — random fences, info strings,
/// nesting, Unicode and NUL bytes — and checks that nothing crashes and every page is balanced HTML
/// with no markup from the input (unless the document opted in to raw HTML). `FUZZ_ITERATIONS` runs more documents (the suite runs 3,000);
/// `FUZZ_SEED` starts elsewhere.
@Suite struct ParserFuzzTests {
    @Test func generatedDocumentsParseAndRenderToWellFormedPages() throws {
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
        var random = FuzzRandom(seed: environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_121)
        var parsed = 0
        for iteration in 0..<iterations {
            let bytes = MarkdownGenerator.document(&random)
            let document: Document
            do {
                document = try NotebookParser.parse(bytes: bytes, fileName: "fuzz.md")
            } catch is NotebookError {
                continue
            }
            parsed += 1
            let results = document.cells.map { cell -> CellResult in
                var result = CellResult(index: cell.index)
                result.outputs = [.text(String(decoding: bytes.prefix(64), as: UTF8.self)), .warning("<b>w</b>"),
                                  .table(columns: ["<x>"], rows: [["&"]]), .error("</pre><script>"),
                                  .figure(name: "f\(cell.index)-1", svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>", alt: "<a>")]
                result.status = cell.index % 2 == 0 ? .succeeded : .failed
                return result
            }
            let page = PageRenderer.render(ExecutedDocument(document: document, cells: results))
            // A notebook that opts in to raw HTML vouches for its own markup.
            if document.allowsHTML { continue }
            if let problem = HTMLBalance.problem(in: page) {
                Issue.record("document \(iteration): \(problem)\n\(String(decoding: bytes, as: UTF8.self))")
                return
            }
            #expect(!page.contains("<script"), "document \(iteration) let a script through")
            #expect(!page.contains("tbspan"), "document \(iteration) shows a placeholder of a lifted span")
        }
        #expect(parsed > iterations / 4, "too few generated documents parsed (\(parsed)); the generator is off")
    }

    @Test func theCheckerCatchesBrokenPages() {
        #expect(HTMLBalance.problem(in: "<p><b>x</p></b>") != nil)
        #expect(HTMLBalance.problem(in: "<div>") != nil)
        #expect(HTMLBalance.problem(in: "a < b") != nil)
        #expect(HTMLBalance.problem(in: "<!DOCTYPE html><p>a<br />b<br>c</p><!-- n -->") == nil)
    }
}

/// A small, self-contained generator (SplitMix64), so the suite does not depend on the engine's.
struct FuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// Markdown built from the pieces that stress a notebook parser.
enum MarkdownGenerator {
    static let fences = ["```", "````", "~~~", "``", "   ```", "    ```", "> ```", "- ```"]
    static let infos = ["swift-train", "swift-train label=a", "swift-train echo=false output=false", "swift-train parameters",
                        "swift-train expect=error", "swift-train timeout=5", "swift-train colour=red", "swift-train label=",
                        "swift", "python", "", "swift-train label=x/y", "swift-train\tlabel=tab", "swift-train echo",
                        "swift-train label=a caption=\"A <b> \\\"c\\\"\" echo=fold", "swift-train output=fold caption=\"open"]
    static let lines = ["# Title", "## Section", "Some *prose* with `code`.", "<script>alert(1)</script>", "<b>bold</b>",
                        "let x = 1", "print(\"<tag>\")", "> quote", "- item", "1. item", "    indented", "| a | b |",
                        "[link](javascript:alert(1))", "![img](http://example.com/x.png)", "ünïcödé 💥 \u{202E}rtl",
                        "\u{0}", "&amp; &#0; &#x110000;", "***", "---", "", "\\", "<!-- comment", "-->", "<div>", "</div>",
                        "Math $x_1 * y$ and $$a_{b}$$ but $5 and $6.", "See @fig-a and @tbl-a.", "![alt $x$](y.png)",
                        "`$code$` \\$ $", "$$", "## Heading with $x$ and @fig-a"]

    static func document(_ random: inout FuzzRandom) -> [UInt8] {
        var text = ""
        if random.below(8) == 0 { text += "---\nallow-html: \(random.pick(["true", "false"]))\n---\n" }
        for _ in 0..<random.below(14) {
            switch random.below(3) {
            case 0:
                let fence = random.pick(fences)
                text += fence + random.pick(infos) + "\n"
                for _ in 0..<random.below(4) { text += random.pick(lines) + "\n" }
                if random.below(5) != 0 { text += fence.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "> ", with: "").replacingOccurrences(of: "- ", with: "") + "\n" }
            default:
                text += random.pick(lines) + (random.below(3) == 0 ? "" : "\n")
            }
        }
        var bytes = Array(text.utf8)
        if random.below(10) == 0, !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
        return bytes
    }
}

/// A strict tag-balance check for the pages TrainBook writes.
enum HTMLBalance {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]

    static func problem(in html: String) -> String? {
        var stack: [String] = []
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            let rest = html[open...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return "unclosed comment" }
                index = end.upperBound
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { return "a '<' that opens no tag" }
            let tag = html[html.index(after: open)..<close]
            index = html.index(after: close)
            if tag.hasPrefix("!") { continue }
            let name = tag.drop(while: { $0 == "/" }).prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard !name.isEmpty else { return "a '<' that opens no tag: \(rest.prefix(20))" }
            if tag.hasPrefix("/") {
                guard stack.last == name else { return "</\(name)> closes <\(stack.last ?? "nothing")>" }
                stack.removeLast()
            } else if !tag.hasSuffix("/") && !voidElements.contains(name) {
                stack.append(name)
            }
        }
        return stack.isEmpty ? nil : "unclosed <\(stack.joined(separator: "> <"))>"
    }
}
