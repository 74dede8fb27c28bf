import Foundation
import NotebookWire

/// Runs an `expect=error` cell in a forked child, so that a trap or a thrown error ends only that
/// child and the notebook goes on. Generated programs call it; authors never need to.
public func _notebookExpectFailure(_ index: Int, _ body: () throws -> Void) {
    fflush(stdout)
    let pid = fork()
    if pid == 0 {
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
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitedCleanly = (status & 0x7f) == 0 && ((status >> 8) & 0xff) == 0
    NotebookSession.shared.send(.expectedFailure(index: index, failed: pid < 0 ? false : !exitedCleanly))
}
