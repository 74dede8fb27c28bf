import Foundation

/// Notebooks a test writes byte for byte (line endings, byte order marks, control characters),
/// each in a fresh folder of its own.
enum NotebookOnDisk {
    /// Writes `text` as `name` in a new temporary folder and returns its path.
    static func write(_ text: String, named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-written-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
