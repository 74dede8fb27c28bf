import Foundation

/// Writing a diff as a report folder, and saying it in one line per page.
extension OutputDiff {
    /// One line for `page`: how many figures changed, came and went, and how many cells print other values.
    public static func summary(of page: Page) -> String {
        var parts: [String] = []
        func count(_ n: Int, _ what: String) { if n > 0 { parts.append("\(n) \(what)") } }
        count(page.changedFigures.count, page.changedFigures.count == 1 ? "figure changed" : "figures changed")
        count(page.addedFigures.count, page.addedFigures.count == 1 ? "figure added" : "figures added")
        count(page.removedFigures.count, page.removedFigures.count == 1 ? "figure removed" : "figures removed")
        let lines = page.changedValues.values.reduce(0) { $0 + $1.count }
        count(lines, "printed line\(lines == 1 ? "" : "s") changed in \(page.changedValues.count) block\(page.changedValues.count == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }

    /// Writes the report into `folder`: `index.html`, and per changed page `NAME/LABEL-K.html` for each
    /// changed figure (or `NAME/values.html` when only printed values changed). Returns the pages
    /// written, by their paths inside `folder`, per page name.
    @discardableResult
    public func writeReport(to folder: String) throws -> [String: [String]] {
        try AtomicFile.createFolder(folder)
        var written: [String: [String]] = [:]
        var links: [String: [(text: String, href: String)]] = [:]
        for page in pages where Self.isSafePageName(page.name) {
            var files: [(String, String, String)] = page.changedFigures.filter { OutputName.isValidFigureName(String($0.dropLast(4))) }.map { figure in
                let html = ComparisonPage.figure(figure, of: page, oldSVG: Self.text("\(old)/\(page.name)/\(figure)") ?? "",
                                                 newSVG: Self.text("\(new)/\(page.name)/\(figure)") ?? "", folders: (oldLabel, new))
                return (figure, String(figure.dropLast(4)) + ".html", html)
            }
            if files.isEmpty, !page.changedValues.isEmpty {
                files = [("printed values", "values.html", ComparisonPage.valuesOnly(of: page))]
            }
            guard !files.isEmpty else { continue }
            try AtomicFile.createFolder(folder + "/" + page.name)
            for (text, file, html) in files {
                try AtomicFile.write(html, to: "\(folder)/\(page.name)/\(file)")
                written[page.name, default: []].append(page.name + "/" + file)
                links[page.name, default: []].append((text, page.name + "/" + file))
            }
        }
        try AtomicFile.write(ComparisonPage.index(self, links: links), to: folder + "/index.html")
        return written
    }

    /// Whether page name `name` (from an output folder, perhaps an old revision's) can name a
    /// folder of the report: a name a notebook could give its page, one path component.
    static func isSafePageName(_ name: String) -> Bool {
        !name.contains("/") && !name.hasPrefix(".") && (try? OutputName.pageStem(forNotebook: name + ".md")) == name
    }
}
