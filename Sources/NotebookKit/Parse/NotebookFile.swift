import Foundation

/// A notebook read from disk: its parsed document, its text and the folder it runs in.
public struct NotebookFile: Sendable {
    /// The parsed notebook.
    public var document: Document
    /// The Markdown text with LF line endings and no byte order mark, for diagnostics' excerpts.
    public var text: String
    /// The notebook's folder: its cells run there, so relative data paths work.
    public var directory: String

    /// Reads and parses the notebook at `path`.
    public init(path: String, allowHTML: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError.unreadable(file: path, reason: "no such file, or it cannot be read")
        }
        let bytes = [UInt8](data)
        document = try NotebookParser.parse(bytes: bytes, fileName: url.lastPathComponent, allowHTML: allowHTML)
        text = NotebookText.normalized(String(decoding: bytes, as: UTF8.self))
        directory = url.deletingLastPathComponent().path
    }
}
