import Foundation
import NotebookWire

/// Runs an `expect=error` cell in a forked child, so that a trap or a thrown error ends only that
/// child and the notebook goes on. Generated programs call it; authors never need to.
///
/// The child is a fork without exec of a process that may have idle Dispatch threads: only the
/// forking thread exists in it. Between cells no other thread holds the record lock or a stdio
/// lock (sweeps return only when their workers are done), and the child runs its sweeps serially,
/// because Dispatch must not be used again in a forked child. The child shares the record
/// descriptors with the parent, which waits for it, so its records arrive in order.
public func _notebookExpectFailure(_ index: Int, _ body: () throws -> Void) {
    fflush(stdout)
    fflush(stderr)
    let pid = fork()
    if pid == 0 {
        setenv("TRAINBOOK_WORKERS", "1", 1)
        do {
            try body()
        } catch {
            print("Error: \(error)")
            fflush(stdout)
            _exit(1)
        }
        fflush(stdout)
        _exit(0)
    }
    var status: Int32 = 0
    while pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitedCleanly = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
    NotebookSession.shared.send(.expectedFailure(index: index, failed: pid < 0 ? false : !exitedCleanly))
}
