/// The identity of a notebook's run, independent of where its cells stand in the notebook.
///
/// The program swiftc compiles names notebook lines (`#sourceLocation`), so hashing it would make
/// every prose line added above a block a new run. The key is the same program assembled with every
/// cell moved to line 0, plus the indentation of each cell's lines (a block moved into a list or quote
/// reports other columns); `CellLayout` moves line references when an entry is served.
extension ExecutionCache {
    /// The key of `document` run with `parameters` on `toolchain`: its cells' code, labels,
    /// `expect=error` marks and parameters, its inline values' expressions and the cells they follow,
    /// the engine build and the compiler; not its prose, the
    /// lines its cells start at, or options that only change how outputs are shown.
    ///
    /// A cell that reads its own line (`#line`, or sets one with `#sourceLocation`) prints a number no
    /// reference can move, so a notebook with one keeps its cells' lines in the key.
    /// `dependencies` are the front matter's `depends:` paths, resolved: declaring or dropping one is
    /// another run even before any of its files changes.
    public static func key(for document: Document, parameters: [String: String], toolchain: Toolchain,
                           dependencies: [String] = []) throws -> String {
        var placed = document
        let readsLines = document.cells.contains { $0.source.contains("#line") || $0.source.contains("#sourceLocation") }
        if !readsLines {
            placed.blocks = document.blocks.compactMap { block in
                switch block {
                case .cell(var cell):
                    cell.line = 0
                    return .cell(cell)
                case .prose(let prose):
                    // An inline value's expression is part of the run; the prose around it and its place are not.
                    let spans = prose.segments.compactMap { segment -> ProseSegment? in
                        guard case .inline(var span) = segment else { return nil }
                        span.location = SourceLocation(file: span.location.file, line: 0, column: 1)
                        return .inline(span)
                    }
                    return spans.isEmpty ? nil : .prose(Prose(segments: spans))
                case .code:
                    return nil
                }
            }
        }
        let program = try ProgramAssembler.assemble(placed, parameters: parameters)
        let indentation = document.cells.map { $0.columnOffsets.map(String.init).joined(separator: ",") }.joined(separator: ";")
        return key(program: "layout-free 1\u{0}" + indentation + "\u{0}" + program.source, toolchain: toolchain,
                   dependencies: dependencies)
    }

    /// Whether every cell of a cached run finished within the time `document` now allows it, so a
    /// run would have succeeded under the current limits too.
    public static func fitsTimeLimits(_ cells: [CellResult], of document: Document, defaultTimeout: Double) -> Bool {
        zip(cells, document.cells).allSatisfy { result, cell in result.seconds <= (cell.options.timeout ?? defaultTimeout) }
    }
}
