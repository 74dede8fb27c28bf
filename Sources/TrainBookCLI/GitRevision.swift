import Foundation

/// An output folder as a git revision holds it, copied out of the repository for `trainbook diff`.
enum GitRevision {
    /// Whether `revision` names a commit of the repository around the current folder.
    static func isRevision(_ revision: String) -> Bool {
        (try? git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])) != nil
    }

    /// Copies the files under `folder` (a path relative to the current folder) at `revision` into
    /// `destination`, keeping their paths below `folder`; returns how many were copied.
    static func copy(_ folder: String, at revision: String, to destination: String) throws -> Int {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let listing = try git(["ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision, "--", base])
        let files = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        for file in files where file.hasPrefix(base + "/") {
            let inside = String(file.dropFirst(base.count + 1))
            // An old revision's paths are data: only plain relative paths are written.
            guard !inside.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { continue }
            let target = destination + "/" + inside
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let bytes = try git(["cat-file", "blob", revision + ":./" + file])
            try bytes.write(to: URL(fileURLWithPath: target))
        }
        return files.count
    }

    /// Runs git in the current folder and returns what it printed; throws with its message when it fails.
    private static func git(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: "git \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }

    /// A git command that failed, with what it said.
    struct GitFailure: Error, CustomStringConvertible {
        var description: String
    }
}
