import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where one notebook is built: a folder per notebook file under the work root, holding a private
/// folder per render and the executables of earlier compiles.
///
/// Several `trainbook` processes may render the same notebook at once. Each compiles and runs in its
/// own private folder, so none relinks an executable another is starting (which fails with "text
/// file busy") or deletes files another is using. Finished executables are shared by hard links:
/// published under a key of everything that went into them, and linked into a private folder before
/// they run, so pruning old ones never pulls a file from under a running render.
public struct BuildFolder: Sendable {
    /// The notebook's folder: `ROOT/STEM-HASH`.
    public var path: String

    /// Executables kept per notebook; older ones are removed when a new one is published.
    static let keptExecutables = 4

    /// The folder for the notebook `fileName` in `directory`. Its name is the stem reduced to safe
    /// characters plus a hash of the full path, so quotes, `=`, spaces or a 250-character name
    /// neither break a command line nor exceed the file system's name limit.
    public init(workRoot: String, fileName: String, directory: String) {
        let stem = (fileName as NSString).deletingPathExtension
        let safe = String(stem.unicodeScalars.prefix(40).map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        path = workRoot + "/" + safe + "-" + StableHash.hex(directory + "/" + fileName).prefix(12)
    }

    /// Creates a folder only this process uses, after removing those left by processes that died.
    public func makePrivateFolder() throws -> String {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        removeAbandonedFolders()
        var template = Array((path + "/render-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                           NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        return String(cString: made)
    }

    /// Removes a private folder once its render is over.
    public static func discard(_ privateFolder: String) {
        try? FileManager.default.removeItem(atPath: privateFolder)
    }

    /// Links the executable published under `key` to `destination`; false when there is none (or it
    /// was pruned a moment ago), and the program must be compiled.
    func adopt(_ key: String, as destination: String) -> Bool {
        let published = executables + "/" + key
        guard link(published, destination) == 0 else { return false }
        // Recently used executables survive pruning.
        utimes(published, nil)
        return true
    }

    /// Publishes the compiled `executable` under `key`, keeping the newest few per notebook.
    func publish(_ executable: String, as key: String) {
        try? FileManager.default.createDirectory(atPath: executables, withIntermediateDirectories: true)
        // `link` creates the name atomically; when another process got there first its copy is as good.
        guard link(executable, executables + "/" + key) == 0 else { return }
        let files = FileManager.default
        let entries = (try? files.contentsOfDirectory(atPath: executables)) ?? []
        let dated = entries.map { name -> (String, Date) in
            let date = (try? files.attributesOfItem(atPath: executables + "/" + name))?[.modificationDate] as? Date
            return (name, date ?? .distantPast)
        }
        for (name, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.keptExecutables) {
            try? files.removeItem(atPath: executables + "/" + name)
        }
    }

    private var executables: String { path + "/executables" }

    /// Private folders whose process no longer exists (killed before it could clean up).
    private func removeAbandonedFolders() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries where entry.hasPrefix("render-") {
            let fields = entry.split(separator: "-")
            guard fields.count == 3, let pid = pid_t(fields[1]), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: path + "/" + entry)
        }
    }
}
