/// A problem with the author's input: what was wrong, where, and what to do. All user-facing
/// messages of the pipeline live here so they read alike.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
    /// A block's info string has an option that is unknown or malformed.
    case badOption(SourceLocation, String)
    /// A fence was opened and never closed.
    case unterminatedFence(SourceLocation)
    /// The notebook file is not valid UTF-8.
    case notUTF8(file: String, byteOffset: Int)
    /// The notebook file could not be read.
    case unreadable(file: String, reason: String)
    /// A `-p NAME=VALUE` override does not fit the parameters block.
    case badParameter(name: String, String)
    /// A `$$` (or a `$\command`) that is never closed.
    case unterminatedMath(SourceLocation, display: Bool)
    /// TeX that KaTeX cannot typeset.
    case badMath(SourceLocation, String)
    /// Math cannot be typeset at all on this machine.
    case mathUnavailable(file: String, reason: String)
    /// `@fig-LABEL` or `@tbl-LABEL` that names no block, or a block without such an output.
    case badReference(SourceLocation, String)
    /// An inline value `` `{swift} EXPR` `` that cannot be evaluated where it stands.
    case badInline(SourceLocation, String)

    /// The message shown in the terminal and on the page.
    public var description: String {
        switch self {
        case .badOption(let location, let message):
            return "\(location): error: \(message)"
        case .unterminatedFence(let location):
            return "\(location): error: this code block is never closed; add a closing ``` line after its code"
        case .notUTF8(let file, let offset):
            return "\(file): error: the file is not valid UTF-8 (first bad byte at offset \(offset)); save it as UTF-8"
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the notebook: \(reason)"
        case .badParameter(let name, let message):
            return "parameter '\(name)': error: \(message)"
        case .unterminatedMath(let location, let display):
            return display
                ? "\(location): error: display math opened with $$ is never closed; close it with $$ in the same paragraph (write \\$ for a dollar sign)"
                : "\(location): error: inline math opened with $ is never closed; close it with $ in the same paragraph (write \\$ for a dollar sign)"
        case .badMath(let location, let message):
            return "\(location): error: this math is not valid TeX: \(message)"
        case .mathUnavailable(let file, let reason):
            return "\(file): error: the notebook has math ($…$), which needs Debian's katex and node: \(reason); run scripts/install-system-deps"
        case .badReference(let location, let message):
            return "\(location): error: \(message)"
        case .badInline(let location, let message):
            return "\(location): error: \(message)"
        }
    }
}
