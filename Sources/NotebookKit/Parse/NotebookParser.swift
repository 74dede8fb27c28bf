/// Parses a notebook's Markdown into a `Document`: prose, runnable `swift-train` cells with their
/// notebook lines and options, and display-only code blocks.
public enum NotebookParser {
    /// The info-string language of runnable blocks.
    public static let runnableLanguage = "swift-train"

    /// Parses raw file bytes, rejecting text that is not UTF-8 with the offset of the first bad byte.
    public static func parse(bytes: [UInt8], fileName: String, allowHTML: Bool = false) throws -> Document {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += String(scalar).utf8.count
            case .emptyInput: break loop
            case .error: throw NotebookError.notUTF8(file: fileName, byteOffset: before)
            }
        }
        if bytes.contains(0) {
            throw NotebookError.notUTF8(file: fileName, byteOffset: bytes.firstIndex(of: 0)!)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), fileName: fileName, allowHTML: allowHTML)
    }

    /// Parses Markdown text. `fileName` (e.g. `02-finding-the-learning-rate.md`) appears in messages.
    public static func parse(_ markdown: String, fileName: String, allowHTML: Bool = false) throws -> Document {
        let frontMatter = FrontMatter(markdown)
        let lines = frontMatter.body.split(separator: "\n", omittingEmptySubsequences: false)
        let allowsHTML = allowHTML || frontMatter.allowsHTML
        var blocks: [Block] = []
        var title: String?
        var cellCount = 0

        for block in CommonMark.blocks(of: frontMatter.body, allowHTML: allowsHTML) {
            switch block {
            case .prose(let html, let headingText):
                if title == nil, let headingText { title = headingText }
                blocks.append(.prose(html: html))
            case .code(let code):
                let location = SourceLocation(file: fileName, line: code.startLine)
                let fence = Fence(line: code.startLine <= lines.count ? lines[code.startLine - 1] : "")
                if let fence, !fence.isClosed(by: lines, from: code.startLine, to: code.endLine) {
                    throw NotebookError.unterminatedFence(location)
                }
                let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fence != nil, words.first == Substring(runnableLanguage) else {
                    blocks.append(.code(language: words.first.map(String.init) ?? "", source: code.literal))
                    continue
                }
                let isParameters = words.dropFirst().first == "parameters"
                let options = try CellOptions(words: Array(words.dropFirst(isParameters ? 2 : 1)), location: location)
                blocks.append(.cell(Cell(index: cellCount, source: code.literal, line: code.startLine + 1,
                                         options: options, isParameters: isParameters)))
                cellCount += 1
            }
        }
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        var document = Document(fileName: fileName, name: stem, title: title ?? stem, blocks: blocks, allowsHTML: allowsHTML)
        document.dependencies = frontMatter.dependencies
        return document
    }
}

/// An opening code fence: its character and length, to find whether the block was ever closed.
private struct Fence {
    let character: Character
    let length: Int

    init?(line: Substring) {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let run = trimmed.prefix(while: { $0 == first }).count
        guard run >= 3 else { return nil }
        character = first
        length = run
    }

    /// Whether the block's last line is a closing fence for this one.
    func isClosed(by lines: [Substring], from start: Int, to end: Int) -> Bool {
        guard end > start, end <= lines.count else { return false }
        let trimmed = lines[end - 1].drop(while: { $0 == " " })
        let run = trimmed.prefix(while: { $0 == character }).count
        return run >= length && trimmed.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
