/// Stops the program with `message` when `condition` is false, in optimised builds too.
///
/// `precondition` drops its message when compiled with `-O`, as the engine always is, so a caller's
/// mistake became a bare trap ("signal 4") under the notebook cell. Checks on paths a notebook can
/// reach use this instead; the message says what was wrong and what is allowed.
@inline(__always)
package func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                     file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
