import Foundation

/// Writes files whole or not at all: to a temporary name in the same folder, then renamed over the
/// target, so a reader or a crash never sees half a page.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, creating its folder.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, creating its folder. Renaming replaces a symbolic link at `path`
    /// itself, never the file it points to.
    public static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolder(folder) }
        // A short temporary name, so a target near the file-name length limit can still be written;
        // O_EXCL never follows or reuses a file that is already there.
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".tb-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        let written = data.withUnsafeBytes { buffer in writeAll(buffer, to: descriptor) }
        let reason = written ? nil : failure(path)
        close(descriptor)
        if let reason {
            unlink(temporary)
            throw reason
        }
        guard rename(temporary, path) == 0 else {
            let reason = failure(path)
            unlink(temporary)
            throw reason
        }
    }

    /// Creates `path` and its missing parents; a file where a folder should be is an error.
    public static func createFolder(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw OutputError.cannotWrite(path: path, reason: "a file is there where a folder should be")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createFolder(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure(path) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// The error for the `errno` of the call that just failed.
    private static func failure(_ path: String) -> OutputError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
