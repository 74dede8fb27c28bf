import ArgumentParser
import Foundation

/// Expands the command line's paths into notebook files, folders into their `*.md` files by name.
enum NotebookFinder {
    static func notebooks(in paths: [String]) throws -> [String] {
        var result: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("\(path): no such file or folder; give a notebook (.md) or a folder of notebooks")
            }
            if isFolder.boolValue {
                let files = try FileManager.default.contentsOfDirectory(atPath: path)
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                result += files.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Notebooks whose stem an earlier one already has: they would overwrite its page, so they are
    /// reported and skipped while the others render. Returns the ones to render and the messages.
    static func separatingDuplicateStems(_ notebooks: [String]) -> (unique: [String], errors: [String]) {
        var seen: [String: String] = [:]
        var unique: [String] = []
        var errors: [String] = []
        for path in notebooks {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            if let other = seen[stem] {
                errors.append("\(path): error: not rendered: \(other) already renders to \(stem).html; rename one of them, or render them with different --out folders")
            } else {
                seen[stem] = path
                unique.append(path)
            }
        }
        return (unique, errors)
    }
}
