/// What `check` found in one notebook: problems with the notebook as a whole, and the compiler's
/// errors and warnings at their notebook lines.
public struct CheckResult: Equatable, Sendable {
    /// Problems that kept the notebook from compiling at all (a bad parameter, too many blocks,
    /// swiftc stopped or failing without a located error), as messages naming the notebook.
    public var notebookErrors: [String]
    /// The compiler's errors and warnings, in the order of their cells (notes left out).
    public var diagnostics: [Diagnostic]

    /// A result from its parts; empty when the notebook compiles cleanly.
    public init(notebookErrors: [String] = [], diagnostics: [Diagnostic] = []) {
        self.notebookErrors = notebookErrors
        self.diagnostics = diagnostics
    }

    /// Whether the notebook would fail: a notebook error, or a compiler error.
    public var failed: Bool {
        !notebookErrors.isEmpty || diagnostics.contains { $0.severity == .error }
    }

    /// Every message for the terminal: notebook errors, then compiler errors, then warnings.
    public var messages: [String] {
        notebookErrors + [Diagnostic.Severity.error, .warning].flatMap { severity in
            diagnostics.filter { $0.severity == severity }.map(\.description)
        }
    }
}
