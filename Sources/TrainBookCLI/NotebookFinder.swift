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

/// Parses `-p NAME=VALUE` options.
enum ParameterOption {
    static func parse(_ options: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("-p \(option): write parameters as NAME=VALUE, e.g. -p epochs=2")
            }
            result[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        return result
    }
}

/// The per-user folder for generated programs and caches: `$TRAINBOOK_CACHE`, else `~/.cache/trainbook`.
enum CacheFolder {
    static var path: String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TRAINBOOK_CACHE"], !explicit.isEmpty { return explicit }
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/trainbook"
    }
}

/// Ctrl-C: the running notebook's process group is stopped and the render ends, keeping the last good pages.
enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var requested: Bool { flag != 0 }

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag = 1 }
        signal(SIGTERM) { _ in Interrupt.flag = 1 }
    }
}
