import Foundation
import Testing

/// Escape codes a notebook prints, puts in a crash message or writes in its code never reach the
/// terminal through `trainbook`: they are shown as visible symbols (`␛[2J`).
@Suite(.serialized) struct TerminalSafetyTests {
    let notebook = """
    # Escapes

    ```swift-train
    print("\\u{1B}[2J\\u{1B}]0;pwned\\u{07}")
    ```

    ```swift-train
    fatalError("boom \\u{1B}[31mred\\u{1B}[0m\\u{1B}]0;pwned\\u{07}")
    ```

    """

    @Test func renderPrintsNoEscapeFromTheNotebook() throws {
        let run = try TrainBookRun(notebooks: [try NotebookOnDisk.write(notebook, named: "escapes.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(!run.terminal.unicodeScalars.contains("\u{1B}"), "\(run.terminal.debugDescription)")
        #expect(!run.terminal.unicodeScalars.contains("\u{07}"))
        #expect(run.terminal.contains("escapes.md:8: error: the cell stopped with a runtime error: boom ␛[31mred␛[0m␛]0;pwned␇"), "\(run.terminal)")
        // The page shows the text, escaped for HTML, where no terminal reads it.
        #expect(try run.page("escapes").contains("]0;pwned"))
    }

    @Test func checkAndRenderPrintNoEscapeFromTheNotebooksCodeOrName() throws {
        // A raw ESC and BEL in the code (the compiler's excerpt of that line is printed) and in the name.
        let path = try NotebookOnDisk.write("# Raw\n\n```swift-train\nlet text: Int = \"\u{1B}[2J\u{07}\"\n```\n", named: "raw\u{1B}[31m.md")
        for command in ["check", "render"] {
            let run = try TrainBookRun(notebooks: [path], arguments: command == "render" ? ["--no-cache"] : [], command: command)
            #expect(run.status == 1)
            #expect(run.terminal.contains("raw␛[31m.md"), "\(run.terminal)")
            // `check` compiles and prints the compiler's excerpt; `render` refuses a name with a
            // control character before anything compiles (it could not name a page).
            if command == "check" {
                #expect(run.terminal.contains("let text: Int = \"␛[2J␇\""), "\(run.terminal)")
            } else {
                #expect(run.terminal.contains("not rendered: its name contains a '/' or a control character"), "\(run.terminal)")
            }
            #expect(!run.terminal.unicodeScalars.contains("\u{1B}"), "\(command): \(run.terminal.debugDescription)")
            #expect(!run.terminal.unicodeScalars.contains("\u{07}"), "\(command): \(run.terminal.debugDescription)")
        }
    }
}
