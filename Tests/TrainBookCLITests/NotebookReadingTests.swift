import Foundation
import Testing

/// Finding 5 and the nested blocks of finding 10, through the built `trainbook`: notebooks with
/// CRLF, CR or mixed line endings, a byte order mark, or blocks in lists and quotes run every block
/// and place every error at its NAME.md:LINE:COL.
@Suite(.serialized) struct NotebookReadingTests {
    /// Two cells; the second fails to compile at line 11, column 18.
    let twoCells = """
    # Line endings

    Written on another system.

    ```swift-train
    let greeting = "hello from cell one"
    print(greeting)
    ```

    ```swift-train
    let count: Int = "three"
    ```

    """

    /// The page's text of cell `number` (from 1), or "" when the page has no such cell.
    func cell(_ run: TrainBookRun, _ name: String, _ number: Int) throws -> String {
        let parts = try run.page(name).components(separatedBy: "<section class=\"cell\"")
        return number < parts.count ? parts[number] : ""
    }

    @Test(arguments: [("crlf", "\r\n"), ("cr", "\r")])
    func aNotebookWithOtherLineEndingsRunsAndNamesItsErrors(name: String, ending: String) throws {
        let good = try NotebookOnDisk.write(twoCells.replacingOccurrences(of: "\"three\"", with: "3 // fine")
            .replacingOccurrences(of: "\n", with: ending), named: "\(name)-good.md")
        let run = try TrainBookRun(notebooks: [good], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        #expect(run.terminal.contains("\(name)-good.md (2 cells"), "\(run.terminal)")
        #expect(try cell(run, "\(name)-good", 1).contains("hello from cell one\n</pre>"))

        let bad = try NotebookOnDisk.write(twoCells.replacingOccurrences(of: "\n", with: ending), named: "\(name)-bad.md")
        let location = "\(name)-bad.md:11:18: error: cannot convert value of type 'String' to specified type 'Int'"
        let failed = try TrainBookRun(notebooks: [bad], arguments: ["--no-cache"])
        #expect(failed.status == 1)
        #expect(failed.terminal.contains(location + "\nlet count: Int = \"three\"\n                 ^"), "\(failed.terminal)")
        #expect(try cell(failed, "\(name)-bad", 2).contains("\(name)-bad.md:11:18: error:"))
        let checked = try TrainBookRun(notebooks: [bad], command: "check")
        #expect(checked.status == 1)
        #expect(checked.terminal.contains("ERRORS  \(bad)"))
        #expect(checked.terminal.contains(location))
    }

    @Test func aCrashInAMixedLineEndingNotebookNamesItsLine() throws {
        let lines = ["# Mixed", "", "```swift-train", "print(\"first\")", "```", "", "```swift-train",
                     "let values = [1, 2, 3]", "print(\"about to fail\")", "print(values[7])", "```", ""]
        let text = lines.enumerated().map { $1 + ["\r\n", "\n", "\r"][$0 % 3] }.joined()
        let run = try TrainBookRun(notebooks: [try NotebookOnDisk.write(text, named: "mixed.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("mixed.md:10: error: the cell stopped with a runtime error: Index out of range"), "\(run.terminal)")
        #expect(try cell(run, "mixed", 1).contains("first\n</pre>"))
        #expect(try cell(run, "mixed", 2).contains("about to fail"))
    }

    @Test func frontMatterAfterAByteOrderMarkIsHonoured() throws {
        let text = "\u{FEFF}---\r\nallow-html: true\r\n---\r\n# Marked\r\n\r\nSome <b>bold</b> prose.\r\n\r\n```swift-train\r\nprint(\"ran\")\r\n```\r\n"
        let run = try TrainBookRun(notebooks: [try NotebookOnDisk.write(text, named: "bom.md")], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("bom")
        #expect(page.contains("<b>bold</b>"))
        #expect(!page.contains("allow-html"))
        #expect(page.contains("<title>Marked</title>"))
        #expect(page.contains("ran\n</pre>"))
    }

    @Test func blocksInAListAndAQuoteRunUnderTheirItem() throws {
        let text = """
        # Steps

        1. Make the data:

           ```swift-train
           let rows = 21
           print("rows", rows)
           ```

        2. Use it.

        > ```swift-train
        > print("twice", rows * 2)
        > ```

        """
        let run = try TrainBookRun(notebooks: [try NotebookOnDisk.write(text, named: "nested.md")], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        #expect(run.terminal.contains("nested.md (2 cells"))
        let page = try run.page("nested")
        #expect(page.contains("<li>\n<p>Make the data:</p>\n<section class=\"cell\" id=\"cell-1\">"))
        #expect(page.contains("rows 21\n</pre>\n</div>\n</section>\n</li>"))
        #expect(page.contains("<blockquote>\n<section class=\"cell\" id=\"cell-2\">"))
        #expect(page.contains("twice 42\n</pre>\n</div>\n</section>\n</blockquote>"))
    }

    @Test func aCompileErrorInAQuotedBlockNamesItsNotebookColumn() throws {
        let text = "# Quoted\n\n> ```swift-train\n> let count: Int = \"three\"\n> ```\n"
        let path = try NotebookOnDisk.write(text, named: "quoted-error.md")
        for command in ["render", "check"] {
            let run = try TrainBookRun(notebooks: [path], arguments: command == "render" ? ["--no-cache"] : [], command: command)
            #expect(run.status == 1)
            #expect(run.terminal.contains("""
                quoted-error.md:4:20: error: cannot convert value of type 'String' to specified type 'Int'
                > let count: Int = "three"
                                   ^
                """), "\(command): \(run.terminal)")
        }
    }
}
