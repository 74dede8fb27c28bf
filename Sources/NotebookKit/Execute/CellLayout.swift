/// Where a notebook's cells stand: the notebook line of each cell's first code line.
///
/// Prose edits move cells up and down the notebook without changing what they do, so the execution
/// cache keeps results with the layout they were produced in, and moves every `NAME.md:LINE`
/// reference in them (compile errors of `expect=error` blocks, runtime messages, warnings) to the
/// same place in the cell's new position when it serves them.
public struct CellLayout: Codable, Equatable, Sendable {
    /// The notebook line of each cell's first code line, by cell index.
    public var cellLines: [Int]

    /// The layout of `document`.
    public init(_ document: Document) { cellLines = document.cells.map(\.line) }

    /// A layout with cells starting at `cellLines`.
    public init(cellLines: [Int]) { self.cellLines = cellLines }

    /// Where line `line` of this layout is in `other`: the same distance from the start of the same
    /// cell. A line counts with the cell whose opening fence (the line before its code) is the last
    /// at or above it; lines above the first fence do not move.
    public func line(_ line: Int, in other: CellLayout) -> Int {
        guard let cell = cellLines.lastIndex(where: { $0 - 1 <= line }), other.cellLines.indices.contains(cell) else {
            return line
        }
        return other.cellLines[cell] + (line - cellLines[cell])
    }

    /// `results` produced in this layout, with the notebook line references in their text, warnings
    /// and errors moved to `other`. `fileNames` are the spellings the references use (the file name,
    /// and its escaped form as swiftc writes it).
    public func moving(_ results: [CellResult], to other: CellLayout, fileNames: [String]) -> [CellResult] {
        guard other != self else { return results }
        return results.map { result in
            var moved = result
            moved.outputs = result.outputs.map { output in
                switch output {
                case .text(let text): .text(moving(text, to: other, fileNames: fileNames))
                case .warning(let text): .warning(moving(text, to: other, fileNames: fileNames))
                case .error(let text): .error(moving(text, to: other, fileNames: fileNames))
                case .claim(let text, let holds, let line): .claim(text: text, holds: holds, line: self.line(line, in: other))
                case .figure, .slider, .table: output
                }
            }
            return moved
        }
    }

    /// `text` with each `FILE:LINE` reference (FILE one of `fileNames`, not part of a longer name)
    /// moved to `other`.
    func moving(_ text: String, to other: CellLayout, fileNames: [String]) -> String {
        var result = text
        for name in Set(fileNames) where !name.isEmpty {
            result = replacingReferences(to: name, in: result) { self.line($0, in: other) }
        }
        return result
    }

    private func replacingReferences(to name: String, in text: String, _ move: (Int) -> Int) -> String {
        let needle = name + ":"
        var output = ""
        var rest = text[...]
        while let found = rest.range(of: needle) {
            let before = found.lowerBound == rest.startIndex ? output.last : rest[rest.index(before: found.lowerBound)]
            let digits = rest[found.upperBound...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            output += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard !digits.isEmpty, before.map(Self.endsAName) != true, let line = Int(digits) else { continue }
            output += String(move(line))
            rest = rest[digits.endIndex...]
        }
        return output + rest
    }

    /// Whether `character` before a file name would make it part of a longer name (`data.md` is not `a.md`).
    private static func endsAName(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "._-".contains(character)
    }
}
