import Foundation

/// The cores a sweep's groups have given back: a group whose members are all done frees its core,
/// and trainings in step in another group (`TrainingRun.train`) take it at an epoch's start to go
/// on in two halves, each on a core. Three trainings on two cores thus start as a pair in step and
/// one alone; when the one alone ends, the pair splits. Which trainings share a thread changes
/// only the time: each one's results are those it would have alone.
final class IdleCores: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// A core is free.
    func release() { lock.withLock { count += 1 } }

    /// Takes a free core, if there is one.
    func take() -> Bool {
        lock.withLock {
            guard count > 0 else { return false }
            count -= 1
            return true
        }
    }
}
