import Foundation

/// The files behind a notebook's `depends:` list: each declared path made absolute, and every
/// file and folder inside a declared folder, so the execution cache sees an edit, an added file or
/// a removed one.
struct DependencyFiles: Equatable {
    /// The declared paths, absolute, for the sandbox to let the program read.
    var roots: [String] = []
    /// The roots and everything inside them, for the cache and `watch`.
    var files: [String] = []

    /// Files inside declared folders taken into account at most.
    static let fileLimit = 100_000

    /// Resolves `document`'s dependencies relative to `directory`; fails naming the line of one that is missing.
    init(_ document: Document, directory: String) throws {
        let files = FileManager.default
        for dependency in document.dependencies {
            let path = dependency.path.hasPrefix("/") ? dependency.path : directory + "/" + dependency.path
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: absolute, isDirectory: &isFolder) else {
                throw DependencyError.missing(file: document.fileName, line: dependency.line, path: dependency.path, absolute: absolute)
            }
            roots.append(absolute)
            self.files.append(absolute)
            guard isFolder.boolValue, let inside = files.enumerator(atPath: absolute) else { continue }
            while let relative = inside.nextObject() as? String, self.files.count < Self.fileLimit {
                self.files.append(absolute + "/" + relative)
            }
        }
    }
}

/// A `depends:` entry names nothing.
struct DependencyError: Error, CustomStringConvertible {
    var file: String
    var line: Int
    var path: String
    var absolute: String

    static func missing(file: String, line: Int, path: String, absolute: String) -> DependencyError {
        DependencyError(file: file, line: line, path: path, absolute: absolute)
    }

    var description: String {
        "\(file):\(line): error: depends: names '\(path)', which does not exist (looked for \(absolute)); paths under depends: are relative to the notebook's folder"
    }
}
