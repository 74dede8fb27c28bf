import Foundation

extension NotebookExecutor {
    /// `folder`, created if missing, resolved to its real path so the sandbox binds the right one.
    static func preparedMemoFolder(_ folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }
}
