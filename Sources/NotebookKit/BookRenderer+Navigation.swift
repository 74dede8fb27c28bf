import Foundation

/// What a page needs from the rest of the book: its neighbours' titles, and its figures' captions
/// in their standalone files.
extension BookRenderer {
    /// Stem → title of every page of the book: the indexed pages, this render's notebooks, and `document`.
    func bookTitles(_ entries: [IndexPage.Entry], adding document: Document) -> [String: String] {
        var titles: [String: String] = [:]
        for entry in entries where entry.pageIsGood { titles[entry.name] = entry.title }
        for path in book {
            let url = URL(fileURLWithPath: path)
            guard let stem = try? OutputName.pageStem(forNotebook: url.lastPathComponent), titles[stem] == nil else { continue }
            titles[stem] = (try? NotebookFile(path: path))?.document.title ?? stem
        }
        titles[document.name] = document.title
        return titles
    }

    /// `figures` with their block's caption as the SVG's accessible title, as on the page.
    static func captioning(_ figures: [FigureFile], of executed: ExecutedDocument) -> [FigureFile] {
        var captions: [String: String] = [:]
        for cell in executed.document.cells where cell.index < executed.cells.count {
            guard let caption = cell.options.caption else { continue }
            let text = PageRenderer.Caption(caption).text
            for case .figure(let name, _, _) in executed.cells[cell.index].outputs { captions[name] = text }
        }
        return figures.map { figure in
            captions[figure.name].map { (figure.name, SVGCaption.applying($0, to: figure.svg)) } ?? figure
        }
    }
}
