import Foundation

/// The pages and figures of notebooks in two output folders, compared byte for byte: what
/// `trainbook verify` reports when committed pages no longer match what the notebooks render.
public enum OutputComparison {
    /// How a file of the committed folder differs from a fresh render's.
    public enum Change: String, Sendable {
        /// Both have it, with different bytes.
        case changed
        /// The render makes it; the committed folder lacks it.
        case missing
        /// The committed folder has it; the render no longer makes it.
        case extra
    }

    /// One file that differs, by its path inside the output folder (`NAME.html`, `NAME/LABEL-1.svg`).
    public struct Difference: Equatable, Sendable {
        /// The file's path inside the output folder.
        public var file: String
        /// How it differs.
        public var change: Change
    }

    /// The files of pages `names` that differ between `committed` and `fresh`, sorted by path; the
    /// index page too when `includingIndex` (when every notebook was rendered).
    public static func differences(pages names: [String], committed: String, fresh: String,
                                   includingIndex: Bool) -> [Difference] {
        var files = Set<String>()
        for name in names {
            files.formUnion(self.files(of: name, in: committed))
            files.formUnion(self.files(of: name, in: fresh))
        }
        if includingIndex { files.insert("index.html") }
        return files.sorted().compactMap { file in
            let old = FileManager.default.contents(atPath: committed + "/" + file)
            let new = FileManager.default.contents(atPath: fresh + "/" + file)
            switch (old, new) {
            case (nil, nil): return nil
            case (nil, _): return Difference(file: file, change: .missing)
            case (_, nil): return Difference(file: file, change: .extra)
            case let (old?, new?): return old == new ? nil : Difference(file: file, change: .changed)
            }
        }
    }

    /// The files a render of notebook `name` owns in `folder`: its page, its failed page, and the
    /// `.svg` figures in its figure folder.
    public static func files(of name: String, in folder: String) -> Set<String> {
        var files = Set<String>()
        for page in [name + ".html", name + OutputName.failedSuffix + ".html"]
        where FileManager.default.fileExists(atPath: folder + "/" + page) {
            files.insert(page)
        }
        files.formUnion(figures(of: name, in: folder).map { name + "/" + $0 })
        return files
    }

    /// The `.svg` files in notebook `name`'s figure folder.
    public static func figures(of name: String, in folder: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + name)) ?? []
        return entries.filter { $0.hasSuffix(".svg") }.sorted()
    }
}
