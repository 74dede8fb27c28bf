/// A parsed notebook: its title and its blocks in order, ready to be assembled and rendered.
public struct Document: Equatable, Sendable {
    /// The file name shown in messages and used in `#sourceLocation`, e.g. `03-decay-on-iris.md`.
    public var fileName: String
    /// The stem that names the page and the figure folder, e.g. `03-decay-on-iris`.
    public var name: String
    /// The text of the first level-1 heading, or the stem when there is none.
    public var title: String
    /// Prose, runnable cells and display-only code, in notebook order.
    public var blocks: [Block]
    /// Whether the notebook opted in to raw HTML in its prose.
    public var allowsHTML: Bool
    /// Files and folders the front matter's `depends:` names as inputs of the code.
    public var dependencies: [DeclaredDependency] = []
    /// A one-line summary for the index: front matter `description:`, else the first paragraph.
    public var description: String?
    /// Where the notebook's material comes from: front matter `source:`, shown in the index.
    public var source: String?

    /// The names the `swift-train parameters` block defines, which `-p NAME=VALUE` may override.
    public var parameterNames: [String] {
        cells.filter(\.isParameters).flatMap { (try? ParametersBlock($0))?.parameters.map(\.name) ?? [] }
    }

    /// The runnable `swift-train` cells, in order; `cells[i].index == i`.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// The notebook column of byte column `column` of a cell's code at notebook line `line`: the
    /// compiler counts from the start of the code, the author from the start of the line.
    public func notebookColumn(line: Int, column: Int) -> Int {
        guard let cell = cells.last(where: { $0.line <= line }), line - cell.line < cell.columnOffsets.count else { return column }
        return column + cell.columnOffsets[line - cell.line]
    }
}

/// One block of a notebook.
public enum Block: Equatable, Sendable {
    /// Markdown prose, rendered to HTML by cmark, with its math and references kept apart.
    case prose(Prose)
    /// A `swift-train` block that runs.
    case cell(Cell)
    /// A code block shown but never run (```` ```swift ````, ```` ```python ````, …).
    case code(language: String, source: String)
}

/// A runnable `swift-train` block.
public struct Cell: Equatable, Sendable {
    /// Position among the notebook's runnable cells, from 0.
    public var index: Int
    /// The Swift source of the block.
    public var source: String
    /// The notebook line of the block's first code line (the line after the opening fence).
    public var line: Int
    /// Options from the info string.
    public var options: CellOptions
    /// Whether this is the `swift-train parameters` block whose `let` values `-p` overrides.
    public var isParameters: Bool
    /// For each line of `source`, the bytes of its notebook line before the code: the indentation
    /// of a list item or an indented fence, and `>` markers. Empty when there are none.
    public var columnOffsets: [Int] = []
}
