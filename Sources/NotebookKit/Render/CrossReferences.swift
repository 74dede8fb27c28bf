/// The numbers of a page's figures and tables ("Figure 3", "Table 1", counted in page order over the
/// outputs shown), their anchors, and what each `@fig-LABEL` / `@tbl-LABEL` in the prose points to:
/// the first figure or table of the block with that `label=` (or, as Quarto writers label blocks,
/// `label=fig-LABEL` / `label=tbl-LABEL`).
struct CrossReferences {
    /// A numbered figure or table.
    struct Numbered: Equatable {
        var kind: CrossReference.Kind
        var number: Int
        /// The element id: `fig-NAME` for the figure file `NAME.svg`, `tbl-LABEL-K` for the K-th table.
        var anchor: String

        /// "Figure 3" or "Table 1".
        var name: String { (kind == .figure ? "Figure " : "Table ") + String(number) }
    }

    /// Numbered outputs by cell index, then by output index.
    private(set) var outputs: [Int: [Int: Numbered]] = [:]
    private var firstByLabel: [String: [CrossReference.Kind: Numbered]] = [:]

    /// The numbering of `executed`'s shown figures and tables.
    init(_ executed: ExecutedDocument) {
        var counts: [CrossReference.Kind: Int] = [.figure: 0, .table: 0]
        for cell in executed.document.cells where cell.index < executed.cells.count {
            let result = executed.cells[cell.index]
            guard cell.options.output || result.status == .failed else { continue }
            let label = cell.options.label ?? "cell-\(cell.index + 1)"
            var tables = 0
            // A slider's panels are one figure: the first is numbered for all of them.
            var panelsLeft = 0, firstPanel = false
            for (position, output) in result.outputs.enumerated() {
                let numbered: Numbered
                if case .figure = output {} else { panelsLeft = 0 }
                switch output {
                case .slider(_, let choices):
                    (panelsLeft, firstPanel) = (choices.count, true)
                    continue
                case .figure where panelsLeft > 0 && !firstPanel:
                    panelsLeft -= 1
                    continue
                case .figure(let name, _, _):
                    if panelsLeft > 0 { (panelsLeft, firstPanel) = (panelsLeft - 1, false) }
                    counts[.figure, default: 0] += 1
                    numbered = Numbered(kind: .figure, number: counts[.figure]!, anchor: "fig-" + name)
                case .table:
                    counts[.table, default: 0] += 1
                    tables += 1
                    numbered = Numbered(kind: .table, number: counts[.table]!, anchor: "tbl-\(label)-\(tables)")
                default:
                    continue
                }
                outputs[cell.index, default: [:]][position] = numbered
                if let explicit = cell.options.label, firstByLabel[explicit]?[numbered.kind] == nil {
                    firstByLabel[explicit, default: [:]][numbered.kind] = numbered
                }
            }
        }
    }

    /// The figure or table `reference` points to, if the page shows it.
    func target(of reference: CrossReference) -> Numbered? {
        reference.labels.lazy.compactMap { firstByLabel[$0]?[reference.kind] }.first
    }

    /// Throws for the first reference whose label no block of `document` has.
    static func checkLabels(of document: Document) throws {
        let labels = Set(document.cells.compactMap(\.options.label))
        for reference in references(in: document) where !reference.labels.contains(where: labels.contains) {
            let known = labels.isEmpty ? "no block has a label= yet" : "labels in this notebook: \(labels.sorted().joined(separator: ", "))"
            throw NotebookError.badReference(reference.location, "\(reference.source) names no block; give the block label=\(reference.label) (\(known))")
        }
    }

    /// Messages for what a run left without its target: a reference to a block that ran and showed
    /// no figure (or table), and a caption on a block that ran and showed neither.
    static func problems(in executed: ExecutedDocument) -> [String] {
        let numbering = CrossReferences(executed)
        return referenceProblems(in: executed, numbering: numbering) + captionProblems(in: executed, numbering: numbering)
    }

    private static func captionProblems(in executed: ExecutedDocument, numbering: CrossReferences) -> [String] {
        executed.document.cells.compactMap { cell in
            guard cell.options.caption != nil, cell.index < executed.cells.count, executed.cells[cell.index].status == .succeeded,
                  numbering.outputs[cell.index]?.isEmpty ?? true else { return nil }
            let why = cell.options.output ? "it shows no figure or table" : "it shows no outputs (output=false)"
            let location = SourceLocation(file: executed.document.fileName, line: cell.line - 1)
            return NotebookError.badOption(location, "caption= has nothing to caption: \(why); remove the caption or show a figure or table").description
        }
    }

    private static func referenceProblems(in executed: ExecutedDocument, numbering: CrossReferences) -> [String] {
        references(in: executed.document).compactMap { reference in
            guard numbering.target(of: reference) == nil,
                  let cell = executed.document.cells.first(where: { reference.labels.contains($0.options.label ?? "") }),
                  cell.index < executed.cells.count, executed.cells[cell.index].status == .succeeded else { return nil }
            let what = reference.kind == .figure ? "figure" : "table"
            let why = cell.options.output ? "shows no \(what)" : "shows no outputs (output=false)"
            return NotebookError.badReference(reference.location, "\(reference.source) points to the block at line \(cell.line - 1), which \(why)").description
        }
    }

    /// Every reference in the prose, in order.
    static func references(in document: Document) -> [CrossReference] {
        document.blocks.flatMap { block -> [CrossReference] in
            guard case .prose(let prose) = block else { return [] }
            return prose.segments.compactMap { if case .reference(let reference) = $0 { reference } else { nil } }
        }
    }
}

private extension CrossReference {
    /// The block labels this reference may mean: `grid` for `@fig-grid`, or Quarto's `fig-grid`.
    var labels: [String] { [label, "\(kind.rawValue)-\(label)"] }
}
