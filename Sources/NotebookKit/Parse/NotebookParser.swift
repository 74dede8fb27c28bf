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
        if let zero = bytes.firstIndex(of: 0) {
            throw NotebookError.notUTF8(file: fileName, byteOffset: zero)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), fileName: fileName, allowHTML: allowHTML)
    }

    /// Parses Markdown text. `fileName` (e.g. `02-finding-the-learning-rate.md`) appears in messages.
    /// CRLF and CR line endings and a leading byte order mark are read as CommonMark reads them.
    public static func parse(_ markdown: String, fileName: String, allowHTML: Bool = false) throws -> Document {
        let frontMatter = FrontMatter(NotebookText.normalized(markdown))
        let lines = frontMatter.body.split(separator: "\n", omittingEmptySubsequences: false)
        let allowsHTML = allowHTML || frontMatter.allowsHTML
        let scanner = try ProseSpanScanner(frontMatter.body, skipping: CommonMark.verbatimLines(of: frontMatter.body),
                                           file: fileName)
        var blocks: [Block] = []
        var title: String?
        var firstParagraph: String?
        var cellCount = 0
        // A runnable block in a list item or quote runs too, in reading order, its outputs under it.
        for block in CommonMark.blocks(of: scanner.text, allowHTML: allowsHTML, lifting: isRunnable) {
            switch block {
            case .prose(let html, let kind):
                var heading: Heading?
                switch kind {
                case .heading(let level, let text):
                    heading = Heading(level: level, text: Prose.plainText(text, spans: scanner.spans))
                    if title == nil, level == 1 { title = heading?.text }
                case .paragraph(let text):
                    if firstParagraph == nil { firstParagraph = Prose.plainText(text, spans: scanner.spans) }
                case .other:
                    break
                }
                blocks.append(.prose(Prose(html: html, spans: scanner.spans, heading: heading)))
            case .code(let code):
                let block = try self.block(for: code, cellIndex: cellCount, lines: lines, fileName: fileName)
                if case .cell = block { cellCount += 1 }
                blocks.append(block)
            }
        }
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        var document = Document(fileName: fileName, name: stem, title: title ?? stem, blocks: blocks, allowsHTML: allowsHTML,
                                description: frontMatter.description ?? firstParagraph.map(oneLine),
                                source: frontMatter.source)
        document.dependencies = frontMatter.dependencies
        document.placeInlineSpans()
        try CrossReferences.checkLabels(of: document)
        try document.checkInlineSpansSeeOnlyAbove()
        return document
    }
}

extension NotebookParser {
    /// Whether a code block's info string makes it a runnable `swift-train` block.
    static func isRunnable(info: String) -> Bool {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == Substring(runnableLanguage)
    }

    /// The cell, or the display-only code, that a code block of the notebook becomes.
    private static func block(for code: CommonMark.CodeBlock, cellIndex: Int, lines: [Substring], fileName: String) throws -> Block {
        let location = SourceLocation(file: fileName, line: code.startLine)
        let fence = Fence(of: code, in: lines)
        if let fence, !fence.isClosed(by: lines, from: code.startLine, to: code.endLine, quoteDepth: code.quoteDepth) {
            throw NotebookError.unterminatedFence(location)
        }
        let words = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let fence, isRunnable(info: code.info) else {
            return .code(language: words.first.map(String.init) ?? "", source: code.literal)
        }
        let info = try fence.rawInfo(of: code, in: lines, file: fileName).words
        let isParameters = info.dropFirst().first?.text == "parameters"
        let options = try CellOptions(words: Array(info.dropFirst(isParameters ? 2 : 1)), location: location)
        return .cell(Cell(index: cellIndex, source: code.literal, line: code.startLine + 1, options: options,
                          isParameters: isParameters,
                          columnOffsets: columnOffsets(of: code.literal, from: code.startLine + 1, in: lines)))
    }
}

/// A paragraph as one line of at most 240 characters, for the index.
private func oneLine(_ text: String) -> String {
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return words.count <= 240 ? words : String(words.prefix(239)) + "…"
}

/// For each line of a block's code, how many bytes its notebook line has before it (cmark removed
/// them: list indentation, `>` markers, fence indentation); empty when no line has any.
private func columnOffsets(of literal: String, from firstLine: Int, in lines: [Substring]) -> [Int] {
    let code = literal.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let offsets = code.enumerated().map { index, text -> Int in
        let number = firstLine + index
        guard number <= lines.count else { return 0 }
        let line = lines[number - 1].utf8
        return line.count >= text.utf8.count && line.suffix(text.utf8.count).elementsEqual(text.utf8) ? line.count - text.utf8.count : 0
    }
    return offsets.allSatisfy { $0 == 0 } ? [] : offsets
}

/// An opening code fence: its character and length, to find whether the block was ever closed.
private struct Fence {
    let character: Character
    let length: Int

    /// The fence that opens `code`, or nil for an indented code block.
    init?(of code: CommonMark.CodeBlock, in lines: [Substring]) {
        guard code.startLine >= 1, code.startLine <= lines.count else { return nil }
        let line = lines[code.startLine - 1]
        // A nested block starts after its list marker or `>`; cmark gives the fence's byte column.
        let utf8 = line.utf8
        let fenceStart = utf8.index(utf8.startIndex, offsetBy: max(0, code.startColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        self.init(line: code.isNested ? line[fenceStart...] : line)
    }

    /// The words after the fence on the block's first line, as written (cmark's info string has its
    /// backslashes already removed).
    func rawInfo(of code: CommonMark.CodeBlock, in lines: [Substring], file: String) throws -> InfoString {
        let line = lines[code.startLine - 1]
        let utf8 = line.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: max(0, code.startColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        while index < utf8.endIndex, utf8[index] == UInt8(ascii: " ") { index = utf8.index(after: index) }
        var run = 0
        while index < utf8.endIndex, utf8[index] == character.asciiValue!, run < length { index = utf8.index(after: index); run += 1 }
        while index < utf8.endIndex, utf8[index] == character.asciiValue! { index = utf8.index(after: index) }
        let column = utf8.distance(from: utf8.startIndex, to: index) + 1
        return try InfoString(line[index...], column: column, file: file, line: code.startLine)
    }

    init?(line: Substring) {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let run = trimmed.prefix(while: { $0 == first }).count
        guard run >= 3 else { return nil }
        character = first
        length = run
    }

    /// Whether the block's last line is a closing fence for this one, after the `>` markers of the
    /// `quoteDepth` quotes that hold it and the indentation of a list item.
    func isClosed(by lines: [Substring], from start: Int, to end: Int, quoteDepth: Int) -> Bool {
        guard end > start, end <= lines.count else { return false }
        var trimmed = lines[end - 1].drop(while: { $0 == " " })
        for _ in 0..<quoteDepth where trimmed.first == ">" {
            trimmed = trimmed.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        let run = trimmed.prefix(while: { $0 == character }).count
        return run >= length && trimmed.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
