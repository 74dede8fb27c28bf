import Foundation
import Testing

/// `-p` values are literals only, checked before anything compiles, and `check -p` accepts and
/// refuses exactly what `render -p` does.
@Suite(.serialized) struct ParameterLiteralCLITests {
    @Test func codeInAValueIsRefusedBeforeItRuns() throws {
        let injected = #""a"+String(cString: getenv("HOME"))+"""#
        let run = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["--no-cache", "-p", "label=" + injected])
        #expect(run.status == 1)
        #expect(run.terminal.contains("parameter 'label': error: -p label=\(injected) is not a literal (unexpected '+' after the literal \"a\"); parameters.md:7 declares `let label = \"four\"`, so give a double-quoted string (e.g. \"adam\")"), "\(run.terminal)")
        #expect(run.terminal.contains("A -p value must be a literal"))
        #expect(!run.terminal.contains("cell 1/2 running"), "nothing may compile or run")
        #expect(!(try run.page("parameters")).contains("class=\"text\""), "no cell printed anything")
    }

    @Test func checkAcceptsAndRefusesWhatRenderDoes() throws {
        let values = ["count=3", "count=2.5", "count=foo()", "count=1; exit(0)", #"label="x"; exit(0); let y = "z""#,
                      #"label="it's \"fine\"""#, #"label="\(count)""#]
        for value in values {
            let render = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["--no-cache", "-p", value])
            let check = try TrainBookRun(notebooks: ["parameters.md"], arguments: ["-p", value], command: "check")
            let accepted = ["count=3", #"label="it's \"fine\"""#].contains(value)
            #expect(render.status == (accepted ? 0 : 1), "render -p \(value): \(render.terminal)")
            #expect(check.status == render.status, "check -p \(value): \(check.terminal)")
            let message = render.terminal.split(separator: "\n").first { $0.hasPrefix("parameter '") }
            #expect(accepted == (message == nil), "\(value): \(render.terminal)")
            if let message { #expect(check.terminal.contains(message), "check -p \(value): \(check.terminal)") }
        }
    }

    @Test func severalNotebooksApplyAnOverrideWhereItIsDefined() throws {
        let check = try TrainBookRun(notebooks: ["parameters.md", "shared-state.md"], arguments: ["-p", "count=2"], command: "check")
        #expect(check.status == 0, "\(check.terminal)")
        let unknown = try TrainBookRun(notebooks: ["parameters.md", "shared-state.md"], arguments: ["-p", "epochs=2"], command: "check")
        #expect(unknown.status != 0)
        #expect(unknown.terminal.contains("parameter 'epochs': error: no notebook's parameters block defines it (parameters.md defines count, label; shared-state.md has no parameters block)"), "\(unknown.terminal)")
    }
}
