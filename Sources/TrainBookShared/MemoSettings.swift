import Foundation

/// How the runner tells a notebook program where memoized trainings live, and what the engine
/// reads: environment variables set by the one and read by the other.
public enum MemoSettings {
    /// The store's folder; empty or unset turns memo off.
    public static let folderVariable = "TRAINBOOK_MEMO"
    /// The store's bound in bytes (or with a K, M or G suffix); unset is 2 GiB.
    public static let limitVariable = "TRAINBOOK_MEMO_LIMIT"
    /// The engine build the program links (the runner's name for the library build), part of every memo key.
    public static let engineBuildVariable = "TRAINBOOK_ENGINE_BUILD"
    /// The store's bound when none is given: 2 GiB.
    public static let defaultLimit = 2 << 30
}
