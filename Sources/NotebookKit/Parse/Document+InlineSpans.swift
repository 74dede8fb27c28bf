/// Where a notebook's inline values are evaluated, and the check that each sees only what is above it.
extension Document {
    /// The inline values of the prose, in reading order (`inlineSpans[i].index == i`).
    public var inlineSpans: [InlineSpan] {
        blocks.flatMap { block -> [InlineSpan] in
            guard case .prose(let prose) = block else { return [] }
            return prose.segments.compactMap { if case .inline(let span) = $0 { span } else { nil } }
        }
    }

    /// Numbers the inline spans in reading order and places each after the nearest cell above it.
    /// Prose above the first cell is evaluated after the parameters block when that block comes
    /// first, so it sees the parameters and nothing else; otherwise before any cell.
    mutating func placeInlineSpans() {
        let parametersFirst = cells.first?.isParameters == true
        var count = 0
        var lastCell: Int?
        blocks = blocks.map { block in
            switch block {
            case .cell(let cell):
                lastCell = cell.index
                return block
            case .prose(var prose):
                prose.segments = prose.segments.map { segment in
                    guard case .inline(var span) = segment else { return segment }
                    span.index = count
                    span.afterCell = lastCell ?? (parametersFirst ? 0 : nil)
                    count += 1
                    return .inline(span)
                }
                return .prose(prose)
            case .code:
                return block
            }
        }
    }

    /// Throws for the first inline value that names a constant or variable a later cell declares.
    ///
    /// Swift lets code at the top of `main.swift` read a global declared further down before it
    /// is set (it reads zero), so such a value would print a number no run computed.
    func checkInlineSpansSeeOnlyAbove() throws {
        var declaredAt: [String: Cell] = [:]
        for cell in cells.reversed() {
            for name in TopLevelNames.declared(in: cell.source) { declaredAt[name] = cell }
        }
        for span in inlineSpans {
            for name in TopLevelNames.used(in: span.expression) {
                guard let cell = declaredAt[name], span.afterCell.map({ cell.index > $0 }) ?? true else { continue }
                let above = cell.isParameters
                    ? "prose above the first block sees the parameters only when the parameters block comes first"
                    : "an inline value sees only the blocks above it"
                throw NotebookError.badInline(span.location, "`\(name)` is declared by the block at line \(cell.line - 1), below this inline value; \(above): move the value below that block")
            }
        }
    }
}

/// The names Swift code declares at its top level and the names an expression uses, read from the
/// text alone: enough to catch an inline value that reads a global before its cell has run.
enum TopLevelNames {
    /// Names declared by `let` / `var` / `func` lines at the start of a line (a cell's top level),
    /// tuple patterns included: `let (train, test) = …` declares `train` and `test`.
    static func declared(in source: String) -> [String] {
        source.split(separator: "\n").flatMap { line -> [String] in
            var text = Substring(line)
            for modifier in ["nonisolated(unsafe) ", "private ", "fileprivate ", "public ", "internal "] where text.hasPrefix(modifier) {
                text = text.dropFirst(modifier.count)
            }
            // A function declared below may read globals its block has not set yet.
            if text.hasPrefix("func ") { return [String(text.dropFirst(5).prefix { $0.isLetter || $0.isNumber || $0 == "_" })] }
            guard text.hasPrefix("let ") || text.hasPrefix("var ") else { return [] }
            let pattern = text.dropFirst(4).prefix { $0 != "=" && $0 != "{" }.trimmingWhitespace
            // `let (a, b): (Int, Int)` and `let a: Int`: each name comes before its `:`, if any.
            let parts = pattern.hasPrefix("(") ? pattern.dropFirst().prefix { $0 != ")" }.split(separator: ",") : [Substring(pattern)]
            let names = parts.map { $0.prefix { $0 != ":" }.trimmingWhitespace }
            return names.filter { name in
                name != "_" && !name.isEmpty && !name.first!.isNumber && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            }
        }
    }

    /// Identifiers an expression reads: not member names after `.`, not argument labels before `:`,
    /// nothing inside string literals.
    static func used(in expression: String) -> [String] {
        var names: [String] = []
        let characters = Array(expression)
        var i = 0
        var inString = false
        while i < characters.count {
            let character = characters[i]
            if inString {
                if character == "\\" { i += 2; continue }
                if character == "\"" { inString = false }
                i += 1
                continue
            }
            if character == "\"" { inString = true; i += 1; continue }
            guard character.isLetter || character == "_" else { i += 1; continue }
            let start = i
            while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" { i += 1 }
            let previous = characters[..<start].last { $0 != " " }
            let isLabel = i < characters.count && characters[i] == ":"
            if previous != ".", !isLabel {
                names.append(String(characters[start..<i]))
            }
        }
        return names
    }
}
