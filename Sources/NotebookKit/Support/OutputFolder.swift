import Foundation

/// The folder a render writes into (`--out`), resolved when it is opened. Every path it hands out
/// names a file directly in it or in one of its subfolders, checked after resolving symbolic
/// links, so neither a name nor a link planted in the folder can lead a write or a removal out of it.
struct OutputFolder {
    /// The folder as given, for messages.
    let path: String
    /// The folder with every symbolic link resolved.
    let root: String

    /// Opens `path`, creating it and its parents when missing.
    init(_ path: String) throws {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw OutputError.badOutputFolder(path: path, reason: "is a file, not a folder")
        }
        try AtomicFile.createFolder(path)
        guard let resolved = Self.resolve(path) else {
            throw OutputError.badOutputFolder(path: path, reason: "cannot be resolved: \(String(cString: strerror(errno)))")
        }
        root = resolved
    }

    /// The path of `name` in the folder, or in its subfolder `subfolder` (made when missing).
    /// `name` and `subfolder` are single path components; the subfolder must not be a link.
    func file(_ name: String, in subfolder: String? = nil) throws -> String {
        guard Self.isPlain(name), subfolder.map(Self.isPlain) ?? true else {
            throw OutputError.outsideOutputFolder(path: [subfolder, name].compactMap { $0 }.joined(separator: "/"), folder: path)
        }
        guard let subfolder else { return root + "/" + name }
        let folder = root + "/" + subfolder
        try AtomicFile.createFolder(folder)
        guard Self.resolve(folder) == folder else {
            throw OutputError.outsideOutputFolder(path: folder + "/" + name, folder: path)
        }
        return folder + "/" + name
    }

    /// The path of `name` in the folder if the file is there; nil when it is missing or the
    /// subfolder is not a plain folder inside this one. For removing what a render owns.
    func existingFile(_ name: String, in subfolder: String) -> String? {
        guard Self.isPlain(name), Self.isPlain(subfolder) else { return nil }
        let folder = root + "/" + subfolder
        guard Self.resolve(folder) == folder else { return nil }
        var status = stat()
        return lstat(folder + "/" + name, &status) == 0 ? folder + "/" + name : nil
    }

    /// Whether `name` is one path component that stays in its folder.
    private static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
