/// What a running notebook reports while it runs, for progress displays.
public enum RunEvent: Equatable, Sendable {
    /// The cell at this index began.
    case cellStarted(Int)
    /// A fit in `cell` finished epoch `epoch` of `epochs` (1-based) with this training loss.
    case epochEnded(cell: Int, epoch: Int, epochs: Int, loss: Double?)
    /// The cell at this index ended normally after `seconds`.
    case cellFinished(Int, seconds: Double)
    /// The cell's training was served from the memo store instead of running.
    case memoHit(cell: Int)

    /// The cell the event is about.
    public var cell: Int {
        switch self {
        case .cellStarted(let cell), .cellFinished(let cell, _), .epochEnded(let cell, _, _, _), .memoHit(let cell): cell
        }
    }
}
