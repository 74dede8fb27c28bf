import Testing
@testable import NotebookKit

/// `caption="…"`, `echo=fold` and `output=fold` as a notebook writes them.
@Suite struct BlockOptionTests {
    func options(_ info: String) throws -> CellOptions {
        try #require(try NotebookParser.parse("# T\n\n```swift-train \(info)\nprint(1)\n```\n", fileName: "o.md").cells.first).options
    }

    @Test func aQuotedCaptionKeepsItsSpacesQuotesAndBackslashes() throws {
        let options = try options(#"label=grid caption="Loss \"by\" rate, C:\\data" echo=false"#)
        #expect(options.caption == #"Loss "by" rate, C:\data"#)
        #expect(options.label == "grid")
        #expect(options.echo == false)
        // Any other backslash stands for itself, as a writer of TeX-like captions expects.
        #expect(try self.options(#"caption="a \n b""#).caption == #"a \n b"#)
    }

    @Test func foldShowsAndFolds() throws {
        let code = try options("echo=fold")
        #expect(code.echo && code.foldsCode && !code.foldsOutput)
        let output = try options("output=fold")
        #expect(output.output && output.foldsOutput && !output.foldsCode)
        let plain = try options("echo=true output=false")
        #expect(!plain.foldsCode && !plain.foldsOutput && !plain.output)
    }

    @Test func anUnclosedQuoteIsAnErrorAtItsColumn() {
        #expect {
            try NotebookParser.parse("# T\n\n```swift-train caption=\"never closed\nprint(1)\n```\n", fileName: "o.md")
        } throws: { "\($0)".hasPrefix("o.md:3:24: error: this quoted value is never closed") }
    }

    @Test func aBadFoldValueNamesTheChoices() {
        #expect {
            try NotebookParser.parse("# T\n\n```swift-train output=folded\nprint(1)\n```\n", fileName: "o.md")
        } throws: { "\($0)" == "o.md:3:16: error: output=folded must be true, false or fold" }
    }

    @Test func anEmptyCaptionIsRefused() {
        #expect {
            try NotebookParser.parse("# T\n\n```swift-train caption=\"  \"\nprint(1)\n```\n", fileName: "o.md")
        } throws: { "\($0)".hasPrefix("o.md:3:16: error: caption must be a line of text") }
    }
}
