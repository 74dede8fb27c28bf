import Foundation

/// Announces every data file the engine reads, so a notebook runner can tell when a cached result
/// is stale because its data changed. Nobody listens outside a notebook program.
public enum DataFileLog {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: (@Sendable (String) -> Void)?

    /// Receives the absolute path of each file read.
    public static var observer: (@Sendable (String) -> Void)? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Reports that `path` is being read.
    static func reading(_ path: String) {
        observer?(URL(fileURLWithPath: path).standardizedFileURL.path)
    }
}
