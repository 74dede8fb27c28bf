import Foundation

/// The figure files of a render: names checked before use (they come from the running program, which
/// a notebook can forge), written into the notebook's own figure folder, and the files of an earlier
/// render removed only when that render recorded them as its own.
extension BookRenderer {
    /// A figure to write as `NAME.svg`.
    typealias FigureFile = (name: String, svg: String)

    /// `executed` with every figure that cannot be shown — its name is not a valid figure name,
    /// repeats an earlier one, or its SVG fails the sanitizer — replaced by a warning under its cell,
    /// and every other figure's SVG replaced by the sanitizer's re-serialized text; the figures to
    /// write (that same checked text, so the page and the file hold the same bytes); and why each
    /// dropped figure was dropped.
    static func checkingFigures(of executed: ExecutedDocument) -> (ExecutedDocument, [FigureFile], dropped: [String]) {
        var shown = executed
        var figures: [FigureFile] = []
        var dropped: [String] = []
        var names: Set<String> = []
        for cell in shown.cells.indices {
            shown.cells[cell].outputs = shown.cells[cell].outputs.map { output in
                guard case .figure(let name, let svg, let alt) = output else { return output }
                let quoted = String(reflecting: name.count > 60 ? String(name.prefix(60)) + "…" : name)
                let problem: String
                if !OutputName.isValidFigureName(name) {
                    problem = "its name \(quoted) is not a figure file name (letters, digits, '-' and '_'), so the running program did not come from the engine's show()"
                } else if !names.insert(name).inserted {
                    problem = "an earlier figure of this notebook has the same name \(quoted)"
                } else {
                    switch SVGSanitizer.sanitize(svg) {
                    case .success(let checked):
                        figures.append((name, checked))
                        return .figure(name: name, svg: checked, alt: alt)
                    case .failure(let rejection):
                        problem = "figure \(quoted) is not the SVG the charts library writes: \(rejection.reason)"
                    }
                }
                dropped.append(problem)
                return .warning("a figure was dropped: " + problem)
            }
        }
        return (shown, figures, dropped)
    }

    /// The figure files an earlier render recorded in `previous`. A manifest from before figures
    /// were recorded counts the figure-named `.svg` files of the notebook's own figure folder.
    static func ownedFigures(_ previous: IndexPage.Entry?, in out: OutputFolder, folder: String) -> Set<String> {
        guard let previous else { return [] }
        let files = previous.figures
            ?? (try? FileManager.default.contentsOfDirectory(atPath: out.root + "/" + folder)) ?? []
        return Set(files.filter { $0.hasSuffix(".svg") && OutputName.isValidFigureName(String($0.dropLast(4))) })
    }

    /// Writes `figures` into the figure folder and removes the `owned` files this render no longer
    /// makes (a stale figure would mislead a reader); `owned` ends as the files the folder holds.
    static func replaceFigures(_ owned: inout Set<String>, with figures: [FigureFile], in out: OutputFolder,
                               folder: String) throws {
        for figure in figures {
            try AtomicFile.write(figure.svg + "\n", to: try out.file(figure.name + ".svg", in: folder))
            owned.insert(figure.name + ".svg")
        }
        let current = Set(figures.map { $0.name + ".svg" })
        for stale in owned.subtracting(current) {
            if let path = out.existingFile(stale, in: folder), unlink(path) != 0, errno != ENOENT { continue }
            owned.remove(stale)
        }
    }
}
