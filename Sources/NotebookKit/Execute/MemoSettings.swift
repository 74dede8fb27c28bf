import Foundation

/// How the runner tells a notebook program where memoized trainings live: two environment
/// variables that the engine reads (the names are the engine's, repeated here because the
/// runner does not link the engine).
public enum MemoSettings {
    /// The store's folder; empty or unset turns memo off.
    public static let folderVariable = "TRAINBOOK_MEMO"
    /// The store's bound in bytes (or with a K, M or G suffix); unset is 2 GiB.
    public static let limitVariable = "TRAINBOOK_MEMO_LIMIT"
    /// The engine build the program links (`Toolchain.libraryFingerprint`), part of every memo key.
    public static let engineBuildVariable = "TRAINBOOK_ENGINE_BUILD"
    /// The store's bound when none is given: 2 GiB, as the engine's.
    public static let defaultLimit = 2 << 30
}

extension NotebookExecutor {
    /// `folder`, created if missing, resolved to its real path so the sandbox binds the right one.
    static func preparedMemoFolder(_ folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }
}
