import Foundation

/// The figure files of a render: names checked before use (they come from the running program, which
/// a notebook can forge), written into the notebook's own figure folder, and the files of an earlier
/// render removed only when that render recorded them as its own.
extension BookRenderer {
    /// A figure to write as `NAME.svg`.
    typealias FigureFile = (name: String, svg: String)

    /// `executed` with every figure whose name is not a valid figure name, or repeats an earlier one,
    /// replaced by a warning under its cell; and the figures to write.
    static func checkingFigures(of executed: ExecutedDocument) -> (ExecutedDocument, [FigureFile]) {
        var shown = executed
        var figures: [FigureFile] = []
        var names: Set<String> = []
        for cell in shown.cells.indices {
            shown.cells[cell].outputs = shown.cells[cell].outputs.map { output in
                guard case .figure(let name, let svg, _) = output else { return output }
                let quoted = String(reflecting: name.count > 60 ? String(name.prefix(60)) + "…" : name)
                guard OutputName.isValidFigureName(name) else {
                    return .warning("a figure was dropped: its name \(quoted) is not a figure file name (letters, digits, '-' and '_'), so the running program did not come from the engine's show()")
                }
                guard names.insert(name).inserted else {
                    return .warning("a figure was dropped: an earlier figure of this notebook has the same name \(quoted)")
                }
                if SVGSanitizer.problem(with: svg) == nil { figures.append((name, svg)) }
                return output
            }
        }
        return (shown, figures)
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
