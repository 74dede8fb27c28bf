/// Stops the program with `message` when `condition` is false, in optimised builds too.
///
/// `precondition` drops its message when compiled with `-O`, so `Figure(rows: 100, cols: 100)` in a
/// release build was a bare trap. Charts stands alone (it does not import the engine), so it keeps
/// its own copy of the engine's helper.
@inline(__always)
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
