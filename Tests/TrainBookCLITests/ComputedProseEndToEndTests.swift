import Foundation
import Testing

/// Inline values, checked claims and overridden parameters end to end: `trainbook render` and
/// `trainbook check` on the notebooks of `Tests/Fixtures/computed` and the bad ones that misuse them.
@Suite(.serialized) struct ComputedProseEndToEndTests {
    static let fixtures = PageFormsEndToEndTests.fixtures
    static let values = fixtures.appendingPathComponent("computed/values.md").path

    func bad(_ name: String) -> String { Self.fixtures.appendingPathComponent("bad/" + name).path }

    @Test func inlineValuesAndClaimsShowWhatTheRunComputed() throws {
        let run = try TrainBookRun(notebooks: [Self.values], arguments: ["--no-cache"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("values")
        // Prose above the first block sees the parameters block (which comes first).
        #expect(page.contains("We train for <span class=\"value\">20</span> epochs at a rate of <span class=\"value\">0.012</span>."))
        // 1/20 in each format; the standard style has 4 significant digits.
        #expect(page.contains("The final loss is <span class=\"value\">0.050</span> (<span class=\"value\">0.05</span> in the"))
        #expect(page.contains("the accuracy <span class=\"value\">93.3\u{A0}%</span>"))
        #expect(page.contains("A large number: <span class=\"value\">123457</span>, a small one: <span class=\"value\">1.234e-05</span>."))
        #expect(page.contains("<span class=\"claim\" id=\"inline-6\">it beat 90 %<span class=\"mark\""))
        #expect(page.contains("<p class=\"claim\"><span class=\"mark\" title=\"checked: true in this run\" aria-label=\"checked: \">✓</span>the loss fell over the run</p>"))
        // A value is escaped like any output; other code spans stay code.
        #expect(page.contains("A text value: <span class=\"value\">a &lt; b &amp; c</span>."))
        #expect(page.contains("<code>{swift}x</code> and <code>let y = 1</code> stay code."))
        #expect(!page.contains("{swift} "))
    }

    @Test func anOverriddenParameterIsShownWithTheValueUsed() throws {
        let run = try TrainBookRun(notebooks: [Self.values], arguments: ["--no-cache", "-p", "epochs=4"])
        #expect(run.status == 0, "\(run.terminal)")
        let page = try run.page("values")
        #expect(page.contains("<mark class=\"overridden\"><span class=\"k\">let</span> epochs = <span class=\"n\">4</span></mark><span class=\"overridden-note\">overridden by -p (notebook: 20)</span>"))
        #expect(page.contains("<span class=\"k\">let</span> rate = <span class=\"n\">0.012345</span>\n"), "an untouched parameter is shown as written")
        #expect(page.contains("We train for <span class=\"value\">4</span> epochs"))
        #expect(page.contains("The final loss is <span class=\"value\">0.250</span>"))
    }

    @Test func aFalseClaimFailsTheRenderIsMarkedAtItsLineAndLosesNothing() throws {
        let run = try TrainBookRun(notebooks: [bad("false-claim.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("false-claim.md:6: error: this claim is false: the last loss was the lowest"), "\(run.terminal)")
        #expect(run.terminal.contains("false-claim.md:10:18: error: this claim is false: more than five epochs ran"))
        #expect(run.terminal.contains("FAILED (false claims at line 6, line 10)"))
        let page = try run.page("false-claim")
        #expect(page.contains("<p class=\"claim false\" role=\"alert\"><span class=\"mark\" aria-label=\"false claim: \">✗</span>the last loss was the lowest<span class=\"where\">false claim, line 6</span></p>"))
        #expect(page.contains("✗</span>more than five epochs ran<span class=\"where\">false claim, line 10</span></span>"))
        #expect(page.contains("✓</span>the loss fell</p>"))
        // Everything else still ran and is on the page.
        #expect(page.contains("after the claims"))
        #expect(page.contains("the next block ran"))
        #expect(page.contains("<a href=\"#cell-1\">the false claim of cell 1</a>, <a href=\"#inline-1\">the false claim at line 10</a>"))
    }

    @Test func aBadInlineExpressionIsAnErrorAtItsLineAndColumn() throws {
        let run = try TrainBookRun(notebooks: [bad("inline-compile-error.md"), Self.values])
        #expect(run.status == 1)
        #expect(run.terminal.contains("inline-compile-error.md:7:32: error: cannot find 'undefinedName' in scope"), "\(run.terminal)")
        let page = try run.page("inline-compile-error")
        #expect(page.contains("<code class=\"value error\" id=\"inline-1\" role=\"alert\">inline-compile-error.md:7:32: error: cannot find &#39;undefinedName&#39; in scope"))
        #expect(try run.page("values").contains("<span class=\"value\">93.3\u{A0}%</span>"), "the other notebook still renders")
        let check = try TrainBookRun(notebooks: [bad("inline-compile-error.md")], command: "check")
        #expect(check.status == 1)
        #expect(check.terminal.contains("inline-compile-error.md:7:32: error: cannot find 'undefinedName' in scope"), "\(check.terminal)")
    }

    @Test func aCrashWhileEvaluatingAnInlineValueIsAttributedToIt() throws {
        let run = try TrainBookRun(notebooks: [bad("inline-crash.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        let message = "inline-crash.md:8:29: error: the inline value `{swift} values[0]` did not finish: evaluating it stopped with a runtime error: Index out of range"
        #expect(run.terminal.contains(message), "\(run.terminal)")
        let page = try run.page("inline-crash")
        #expect(page.contains("<code class=\"value error\" id=\"inline-1\" role=\"alert\">\(message.replacingOccurrences(of: "`", with: "`"))</code>"))
        #expect(page.contains("<code class=\"value not-run\" title=\"not computed: the notebook did not run this far\">values.count</code>"))
        #expect(page.contains("before"))
        #expect(page.contains("<a href=\"#inline-1\">the inline value at line 8</a>"))
        #expect(!page.contains("must not run</pre>"))
        #expect(page.contains("<p class=\"not-run\">Not run: an inline value failed.</p>"))
    }

    @Test func anInlineValueThatNeverEndsIsStoppedAndAttributedToIt() throws {
        let run = try TrainBookRun(notebooks: [bad("inline-runs-forever.md")], arguments: ["--no-cache", "--timeout", "8"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("inline-runs-forever.md:11:20: error: the inline value `{swift} spin()` did not finish: it ran longer than 8 s and was stopped; compute it in a block"), "\(run.terminal)")
    }

    @Test func anInlineValueCannotReadABlockBelowIt() throws {
        let run = try TrainBookRun(notebooks: [bad("inline-reads-below.md")], arguments: ["--no-cache"])
        #expect(run.status == 1)
        #expect(run.terminal.contains("inline-reads-below.md:3:27: error: `best` is declared by the block at line 5, below this inline value; an inline value sees only the blocks above it: move the value below that block"), "\(run.terminal)")
    }

    @Test func aReRenderWritesTheSameBytes() throws {
        let first = try TrainBookRun(notebooks: [Self.values], arguments: ["--no-cache"])
        let second = try TrainBookRun(notebooks: [Self.values], arguments: ["--no-cache"])
        #expect(first.status == 0 && second.status == 0)
        #expect(try first.page("values") == second.page("values"))
    }

    @Test func changingAnInlineExpressionRunsAgainAndAProseEditDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-inline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("values.md").path
        // A comment unique to this copy keeps other tests' cache entries out of its way.
        let text = try String(contentsOfFile: Self.values, encoding: .utf8)
            .replacingOccurrences(of: "print(\"trained\")", with: "print(\"trained\") // \(UUID().uuidString)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TrainBookRun(notebooks: [path]).terminal.contains("run    ok"))

        try text.replacingOccurrences(of: "# Computed prose", with: "# Computed prose\n\nA new paragraph, and the old\none reworded.")
            .replacingOccurrences(of: "as claimed,", with: "as the run claims,")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let proseEdit = try TrainBookRun(notebooks: [path])
        #expect(proseEdit.terminal.contains("hit    ok"), "\(proseEdit.terminal)")
        #expect(try proseEdit.page("values").contains("as the run claims,\n<span class=\"claim\" id=\"inline-6\">it beat 90 %"))
        // The page served from the cache is the page a run writes.
        let fresh = try TrainBookRun(notebooks: [path], arguments: ["--no-cache"])
        #expect(try proseEdit.page("values") == fresh.page("values"))

        try text.replacingOccurrences(of: "format: .percent(1)", with: "format: .percent(2)").write(toFile: path, atomically: true, encoding: .utf8)
        let expressionEdit = try TrainBookRun(notebooks: [path])
        #expect(expressionEdit.terminal.contains("run    ok"), "\(expressionEdit.terminal)")
        #expect(try expressionEdit.page("values").contains("<span class=\"value\">93.33\u{A0}%</span>"))
    }

    @Test func everyParameterMessageOfCheckNamesTheNotebook() throws {
        let unknown = try TrainBookRun(notebooks: [Self.values], arguments: ["-p", "epoch=3"], command: "check")
        #expect(unknown.status == 1)
        #expect(unknown.terminal.contains("values.md"), "\(unknown.terminal)")
        let wrongKind = try TrainBookRun(notebooks: [Self.values], arguments: ["-p", "epochs=fast"], command: "check")
        #expect(wrongKind.status == 1)
        #expect(wrongKind.terminal.contains("values.md:6 declares `let epochs = 20`"), "\(wrongKind.terminal)")
        let several = try TrainBookRun(notebooks: [Self.values, bad("false-claim.md")], arguments: ["-p", "epoch=3"], command: "check")
        #expect(several.status != 0)
        #expect(several.terminal.contains("values.md defines epochs, rate; false-claim.md has no parameters block"), "\(several.terminal)")
    }
}
