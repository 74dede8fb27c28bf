import NotebookWire

// Generated notebook programs evaluate each `{swift} EXPR` span of the prose as
// `_inlineStart(INDEX)` then `_inline(EXPR)`; authors never call these.

/// Marks the start of inline value `index` for the runner. Not for use in notebooks.
public func _inlineStart(_ index: Int) {
    NotebookSession.shared.startInline(index)
}

/// Sends an inline value's text. Not for use in notebooks.
public func _inline<T>(_ value: T) {
    NotebookSession.shared.finishInline(text: String(describing: value), claim: nil)
}

/// Sends a number, in the standard style (4 significant digits). Not for use in notebooks.
public func _inline<T: BinaryFloatingPoint>(_ value: T) {
    NotebookSession.shared.finishInline(text: format(value, NumberFormat.standard), claim: nil)
}

/// Sends a number written in `style`. Not for use in notebooks.
public func _inline<T: BinaryFloatingPoint>(_ value: T, format style: NumberFormat) {
    NotebookSession.shared.finishInline(text: format(value, style), claim: nil)
}

/// Sends an integer written in `style`. Not for use in notebooks.
public func _inline<T: BinaryInteger>(_ value: T, format style: NumberFormat) {
    NotebookSession.shared.finishInline(text: format(value, style), claim: nil)
}

/// Sends a claim, shown in the sentence with its mark. Not for use in notebooks.
public func _inline(_ claim: Claim) {
    NotebookSession.shared.finishInline(text: claim.text, claim: claim.holds)
}
