import Testing
@testable import NotebookKit

/// Finding 5: a notebook saved with CRLF (Windows), CR or mixed line endings, or with a byte order
/// mark, reads exactly as its LF twin: the same cells, lines, options and front matter.
@Suite struct LineEndingTests {
    let notebook = """
    ---
    allow-html: true
    ---
    # Line endings

    Some <b>prose</b>.

    ```swift-train label=first
    let x = 1
    print(x)
    ```

    ```python
    print("shown")
    ```

    ```swift-train timeout=60
    print(2)
    ```

    """

    func summary(_ document: Document) -> [String] {
        document.cells.map { "\($0.index) \($0.line) \($0.source.debugDescription) \($0.options.label ?? "-") \($0.options.timeout ?? 0)" }
            + ["title \(document.title)", "html \(document.allowsHTML)", "blocks \(document.blocks.count)"]
    }

    @Test(arguments: [("CRLF", "\r\n"), ("CR", "\r")])
    func otherLineEndingsReadAsLF(name: String, ending: String) throws {
        let lf = try NotebookParser.parse(notebook, fileName: "n.md")
        #expect(lf.cells.count == 2)
        let other = try NotebookParser.parse(notebook.replacingOccurrences(of: "\n", with: ending), fileName: "n.md")
        #expect(summary(other) == summary(lf), "\(name)")
        #expect(other.blocks == lf.blocks, "\(name)")
    }

    @Test func mixedLineEndingsKeepEveryLineNumber() throws {
        var mixed = ""
        for (index, line) in notebook.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            mixed += line + ["\r\n", "\n", "\r"][index % 3]
        }
        let lf = try NotebookParser.parse(notebook + "\n", fileName: "n.md")
        #expect(summary(try NotebookParser.parse(mixed, fileName: "n.md")) == summary(lf))
    }

    @Test func aCRLFFileFromDiskGivesLFTextForExcerpts() throws {
        let bytes = Array(notebook.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let document = try NotebookParser.parse(bytes: bytes, fileName: "n.md")
        #expect(document.cells.map(\.line) == [9, 18])
        #expect(document.cells[0].source == "let x = 1\nprint(x)\n")
        #expect(NotebookText.normalized("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd")
    }

    @Test func frontMatterAfterAByteOrderMarkIsHonoured() throws {
        let document = try NotebookParser.parse("\u{FEFF}" + notebook, fileName: "n.md")
        #expect(document.allowsHTML)
        #expect(document.title == "Line endings")
        #expect(summary(document) == summary(try NotebookParser.parse(notebook, fileName: "n.md")))
        let html = document.blocks.compactMap { if case .prose(let prose) = $0 { prose.html } else { nil } }.joined()
        #expect(!html.contains("<hr"), "the front matter's --- must not become a rule")
        #expect(!html.contains("allow-html"))
        let crlfAndBOM = try NotebookParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(notebook.replacingOccurrences(of: "\n", with: "\r\n").utf8),
                                                  fileName: "n.md")
        #expect(crlfAndBOM.allowsHTML)
        #expect(crlfAndBOM.cells.map(\.line) == [9, 18])
    }

    @Test func anUnclosedFenceInACRLFFileIsStillNamed() {
        #expect(throws: NotebookError.unterminatedFence(SourceLocation(file: "u.md", line: 3))) {
            try NotebookParser.parse("# T\r\n\r\n```swift-train\r\nprint(1)\r\n", fileName: "u.md")
        }
    }
}
