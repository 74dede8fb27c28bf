import NotebookWire

/// A sentence about the run that the page states only when it is true.
///
/// In a block, `claim(bestLoss < constantLoss, "no decay beat the constant rate")` shows the text
/// under the block with a check mark; inline, `{swift} claim(…, "…")` (written between backticks)
/// shows it in the sentence.
/// When the condition does not hold, the page marks the claim as false with its notebook line, and
/// the render fails (every other output is still written).
public struct Claim: Sendable, Equatable, CustomStringConvertible {
    /// The sentence.
    public var text: String
    /// Whether the condition held.
    public var holds: Bool
    /// The notebook line that made the claim.
    public var line: Int

    /// The sentence, as an inline value or `print` shows it.
    public var description: String { text }
}

/// States `text` about the run, checked: the page shows it with a check mark when `condition` is
/// true, and marks it false (failing the render) when it is not.
///
/// ```swift
/// claim(decayed.min()! >= constant.min()!, "no decay beat the constant rate")
/// ```
@discardableResult
public func claim(_ condition: Bool, _ text: String, line: Int = #line) -> Claim {
    let made = Claim(text: text, holds: condition, line: line)
    // Inside an inline value the claim shows where the value stands, not under a block.
    if !NotebookSession.shared.isEvaluatingInline {
        NotebookSession.shared.send(.claim(text: text, holds: condition, line: line))
    }
    return made
}
