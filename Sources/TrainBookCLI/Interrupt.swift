import Foundation

/// Ctrl-C: the running notebook's process group is stopped and the render ends, keeping the last good pages.
enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var requested: Bool { flag != 0 }

    /// Installs the handlers and unblocks the signals, which a parent may have left blocked.
    /// Call it before any thread starts: threads inherit the mask of the thread that makes them.
    static func install() {
        signal(SIGINT) { _ in Interrupt.flag = 1 }
        signal(SIGTERM) { _ in Interrupt.flag = 1 }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
