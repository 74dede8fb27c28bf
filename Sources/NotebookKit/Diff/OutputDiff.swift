import Foundation

/// What changed in the pages of two output folders: per page, the figures whose bytes differ, the
/// figures added and removed, and the printed values (text, tables, warnings, errors) that differ,
/// cell by cell. `trainbook diff` prints it and writes a comparison page per changed figure.
public struct OutputDiff: Equatable, Sendable {
    /// The changes of one page.
    public struct Page: Equatable, Sendable {
        /// The page stem (`NAME` of `NAME.html`).
        public var name: String
        /// The page's title in the new folder (or the old one when it is gone).
        public var title: String
        /// Figure files (`LABEL-K.svg`) in both folders with different bytes.
        public var changedFigures: [String] = []
        /// Figure files only the new folder has.
        public var addedFigures: [String] = []
        /// Figure files only the old folder has.
        public var removedFigures: [String] = []
        /// Per cell number (1 for the first block) whose printed values differ, the changed lines.
        public var changedValues: [Int: [LineDiff.Row]] = [:]

        /// Whether anything on the page changed.
        public var isEmpty: Bool {
            changedFigures.isEmpty && addedFigures.isEmpty && removedFigures.isEmpty && changedValues.isEmpty
        }
    }

    /// The old output folder.
    public var old: String
    /// What to call the old folder on the report's pages (a git revision's copy lives in a temporary folder).
    public var oldLabel: String
    /// The new output folder.
    public var new: String
    /// The pages that changed, by name.
    public var pages: [Page]

    /// Compares pages `names` of output folders `old` and `new` (every page either has when `names` is nil).
    public init(old: String, new: String, pages names: [String]? = nil, oldLabel: String? = nil) {
        self.old = old
        self.oldLabel = oldLabel ?? old
        self.new = new
        let all = names ?? Self.pageNames(in: old).union(Self.pageNames(in: new)).sorted()
        pages = all.map { Self.compare(page: $0, old: old, new: new) }.filter { !$0.isEmpty }
    }

    /// The stems of the pages in `folder`: from its index manifest, else its `.html` files.
    static func pageNames(in folder: String) -> Set<String> {
        let listed = IndexPage.load(from: folder).map(\.name)
        if !listed.isEmpty { return Set(listed) }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(files.filter { $0.hasSuffix(".html") && $0 != "index.html" && !$0.hasSuffix(OutputName.failedSuffix + ".html") }
            .map { String($0.dropLast(5)) })
    }

    private static func compare(page name: String, old: String, new: String) -> Page {
        let oldHTML = text(old + "/" + name + ".html"), newHTML = text(new + "/" + name + ".html")
        var page = Page(name: name, title: title(of: newHTML ?? oldHTML ?? "") ?? name)
        let oldFigures = Set(OutputComparison.figures(of: name, in: old)), newFigures = Set(OutputComparison.figures(of: name, in: new))
        page.addedFigures = newFigures.subtracting(oldFigures).sorted()
        page.removedFigures = oldFigures.subtracting(newFigures).sorted()
        page.changedFigures = oldFigures.intersection(newFigures).sorted().filter { figure in
            FileManager.default.contents(atPath: "\(old)/\(name)/\(figure)") != FileManager.default.contents(atPath: "\(new)/\(name)/\(figure)")
        }
        let oldValues = PrintedValues.cells(inPage: oldHTML ?? ""), newValues = PrintedValues.cells(inPage: newHTML ?? "")
        for cell in Set(oldValues.keys).union(newValues.keys) {
            let rows = LineDiff.rows(old: oldValues[cell] ?? [], new: newValues[cell] ?? [])
            if !rows.isEmpty { page.changedValues[cell] = rows }
        }
        return page
    }

    static func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of a page's `<title>`.
    private static func title(of html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html[start.upperBound...].range(of: "</title>") else { return nil }
        return PrintedValues.unescape(String(html[start.upperBound..<end.lowerBound]))
    }
}
