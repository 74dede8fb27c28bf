import Foundation

/// An exclusive lock held on a file with `flock`, so renders in several processes (or threads) that
/// share an output folder take turns updating it. The lock file stays; removing it would let two
/// renders lock two different files.
enum FileLock {
    /// Runs `body` while holding the lock on `path` (created when missing).
    static func withLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.cannotWrite(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw OutputError.cannotWrite(path: path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
