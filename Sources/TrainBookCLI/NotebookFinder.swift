import ArgumentParser
import Foundation
import NotebookKit

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

    /// Notebooks that cannot be rendered into one output folder: a file name that cannot name a page
    /// (`.md`, `..md`, `index.md`, `a.failed.md`, …) or a stem an earlier notebook already has (it
    /// would overwrite that page). They are reported and skipped while the others render.
    /// Returns the ones to render and the messages.
    static func separatingUnrenderable(_ notebooks: [String]) -> (renderable: [String], errors: [String]) {
        var seen: [String: String] = [:]
        var renderable: [String] = []
        var errors: [String] = []
        for path in notebooks {
            let stem: String
            do {
                stem = try OutputName.pageStem(forNotebook: URL(fileURLWithPath: path).lastPathComponent)
            } catch OutputError.badNotebookName(_, let reason, let suggestion) {
                errors.append(OutputError.badNotebookName(file: path, reason: reason, suggestion: suggestion).description)
                continue
            } catch {
                errors.append("\(path): error: not rendered: \(error)")
                continue
            }
            if let other = seen[stem] {
                errors.append("\(path): error: not rendered: \(other) already renders to \(stem).html; rename one of them, or render them with different --out folders")
            } else {
                seen[stem] = path
                renderable.append(path)
            }
        }
        return (renderable, errors)
    }
}
