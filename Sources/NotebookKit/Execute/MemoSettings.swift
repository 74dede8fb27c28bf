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

    /// A size such as `2147483648`, `512M` or `2G` (powers of 1024), or nil when it is not one.
    public static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = trimmed
        var scale = 1
        if let last = trimmed.last, let unit = units[last] {
            scale = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value >= 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }
}

extension NotebookExecutor {
    /// `folder`, created if missing, resolved to its real path so the sandbox binds the right one.
    static func preparedMemoFolder(_ folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }
}
