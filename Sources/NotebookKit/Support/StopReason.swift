/// Why the runner stopped a child before it ended by itself.
enum StopReason: Equatable, Sendable {
    /// It ran longer than it may (a cell's timeout, or the compile limit).
    case timeout
    /// The author pressed Ctrl-C.
    case interrupted
    /// The program broke the record channel's rules (a frame too long, say); the text says how.
    case brokenRecordChannel(String)

    /// The past participle a message completes: "the run was interrupted".
    var participle: String {
        switch self {
        case .timeout: "stopped by its timeout"
        case .interrupted: "interrupted"
        case .brokenRecordChannel(let problem): problem
        }
    }
}
