/// The names of the files a render writes, checked before any is used: a notebook's page stem and
/// figure folder come from its file name, figure files from the running program (untrusted), and
/// none may leave the output folder or take the place of another file of the book.
///
/// Notebook names that would collide are refused with a suggested new name rather than mapped to
/// something else, so a page is always `NAME.html` for `NAME.md`:
/// - empty or dot names (`.md`, `..md`, `...md`, `.hidden.md`) would name the output folder, its
///   parent or a hidden file;
/// - `index` is the page that lists the notebooks (compared without case, for case-insensitive disks);
/// - `NAME.failed` is where a failed render of `NAME.md` keeps its errors beside the last good page;
/// - `NAME.html` and `index.json` would make a figure folder where a page or the manifest is.
public enum OutputName {
    /// The longest page stem, in UTF-8 bytes: with `.failed.html` it stays within the usual
    /// 255-byte file-name limit, and so does the notebook's build folder (`STEM-HASH`).
    public static let maxStemBytes = 200
    /// The longest block label: figure files are `LABEL-K.svg`, and short names read better.
    public static let maxLabelLength = 100
    /// The suffix of the page a failed render writes beside the last good one.
    public static let failedSuffix = ".failed"
    /// The page that lists the notebooks, and its manifest.
    public static let reservedStem = "index"
    /// The folder of the API reference (`make docs`) beside the pages.
    public static let apiFolder = "api"

    /// The page stem for the notebook file `fileName` (e.g. `03-decay.md` → `03-decay`); throws
    /// when no page can have that name, saying what to rename the file to.
    public static func pageStem(forNotebook fileName: String) throws -> String {
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        try check(stem: stem, fileName: fileName)
        return stem
    }

    /// Throws when `stem`, the stem of the notebook file `fileName`, cannot name a page.
    public static func check(stem: String, fileName: String) throws {
        guard let reason = problem(withStem: stem) else { return }
        throw OutputError.badNotebookName(file: fileName, reason: reason, suggestion: suggestion(for: stem) + ".md")
    }

    /// Why `stem` cannot name a page and figure folder, or nil when it can.
    public static func problem(withStem stem: String) -> String? {
        if stem.isEmpty { return "its name has nothing before '.md', so its page would have no name" }
        if stem.hasPrefix(".") {
            return "its name starts with '.', so its page and figure folder would be hidden files or name the output folder itself"
        }
        if stem.contains("/") || stem.unicodeScalars.contains(where: isControl) {
            return "its name contains a '/' or a control character"
        }
        if stem.lowercased() == reservedStem {
            return "'index' is reserved: index.html is the page that lists the notebooks"
        }
        if stem.lowercased() == apiFolder {
            return "'api' is reserved: the folder api/ holds the API reference (make docs), where this notebook's figures would go"
        }
        if stem.lowercased().hasSuffix(failedSuffix) {
            return "names ending in '.failed' are reserved: NAME.failed.html holds the errors of a failed render of NAME.md"
        }
        if stem.lowercased().hasSuffix(".html") || stem.lowercased() == IndexPage.manifestName {
            return "names ending in '.html' and 'index.json' are reserved: the figure folder \(stem)/ would take the place of a page or of the index's manifest"
        }
        if stem.utf8.count > maxStemBytes {
            return "its name is \(stem.utf8.count) bytes long; page and figure names allow at most \(maxStemBytes) bytes before '.md'"
        }
        return nil
    }

    /// Whether `name`, which came from the running program, may name a figure file (`NAME.svg`) in
    /// the notebook's figure folder: `LABEL-K` spelled with the characters labels allow.
    public static func isValidFigureName(_ name: String) -> Bool {
        guard let first = name.first, first != "-", name.count <= maxLabelLength + 12 else { return false }
        return name.allSatisfy(isLabelCharacter)
    }

    /// The characters a block label and a figure name may contain.
    public static func isLabelCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// A stem close to `stem` that `problem(withStem:)` accepts, for the message that asks for a rename.
    static func suggestion(for stem: String) -> String {
        var result = String(stem.unicodeScalars.map { isControl($0) || $0 == "/" ? "-" : Character($0) })
        result = String(result.drop { $0 == "." })
        for suffix in [failedSuffix, ".html"] where result.lowercased().hasSuffix(suffix) {
            result = String(result.dropLast(suffix.count)) + "-" + suffix.dropFirst()
        }
        if result.lowercased() == IndexPage.manifestName { result = String(result.dropLast(5)) + "-json" }
        if result.lowercased() == reservedStem || result.lowercased() == apiFolder { result += "-notebook" }
        while result.utf8.count > maxStemBytes { result.removeLast() }
        return result.isEmpty ? "notebook" : result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
