import Testing
@testable import NotebookKit

/// `check` classifies by severity, not by what a message happens to say.
@Suite struct CheckResultTests {
    func diagnostic(_ severity: Diagnostic.Severity, _ message: String) -> Diagnostic {
        Diagnostic(severity: severity, location: SourceLocation(file: "n.md", line: 3, column: 5), message: message,
                   cellIndex: 0, excerpt: "")
    }

    @Test func aWarningThatQuotesAnErrorIsAWarning() {
        let result = CheckResult(diagnostics: [diagnostic(.warning, "string literal \"x: error: y\" is never used")])
        #expect(!result.failed)
        #expect(result.messages == ["n.md:3:5: warning: string literal \"x: error: y\" is never used"])
    }

    @Test func errorsComeBeforeWarningsAndNotebookErrorsFirst() {
        let result = CheckResult(notebookErrors: ["n.md: error: whole"],
                                 diagnostics: [diagnostic(.warning, "w"), diagnostic(.error, "e")])
        #expect(result.failed)
        #expect(result.messages == ["n.md: error: whole", "n.md:3:5: error: e", "n.md:3:5: warning: w"])
    }
}
