/// Why a notebook program could not be compiled, apart from errors in its code (those are
/// `Diagnostic`s under their cells).
public enum CompileError: Error, Equatable, CustomStringConvertible {
    /// The notebook has more blocks than one program can hold; `line` is the first block past the limit.
    case tooManyCells(file: String, count: Int, limit: Int, line: Int)
    /// swiftc ran longer than the limit and was stopped.
    case timedOut(file: String, seconds: Double)
    /// The author pressed Ctrl-C while swiftc ran.
    case interrupted(file: String)

    /// The message shown in the terminal and on the page.
    public var description: String {
        switch self {
        case .tooManyCells(let file, let count, let limit, let line):
            return "\(file):\(line): error: this notebook has \(count) swift-train blocks, more than the \(limit) "
                + "that compile as one program (this block is number \(limit + 1)); split it into several notebooks "
                + "of at most \(limit) blocks each"
        case .timedOut(let file, let seconds):
            return "\(file): error: compiling the notebook took longer than \(Self.format(seconds)) s and was stopped; "
                + "allow more time with --compile-timeout SECONDS, or split the notebook into smaller ones"
        case .interrupted(let file):
            return "\(file): error: interrupted while compiling the notebook; nothing ran"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
