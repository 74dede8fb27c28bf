import Foundation

/// Lifts math (`$…$`, `$$…$$`), references (`@fig-LABEL`, `@tbl-LABEL`) and inline values
/// (`` `{swift} EXPR` ``) out of a notebook's Markdown before cmark sees it, leaving a placeholder
/// word in their place: `_` and `*` in TeX must not become emphasis. Other code spans, code blocks
/// and backslash-escaped characters are left alone.
///
/// What opens and closes inline math follows Pandoc: the opening `$` has a non-space character right
/// after it; the next `$` closes it, and only when it has a non-space character right before it and
/// no digit after it (else there is no math there), so "costs $5 and $6" stays text. `\$` is a
/// dollar sign.
struct ProseSpanScanner {
    /// A lifted span.
    enum Span: Equatable {
        case math(MathSpan)
        case reference(CrossReference)
        case inline(InlineSpan)
    }

    /// The Markdown with placeholders.
    private(set) var text = ""
    /// The spans, in the order of their placeholders.
    private(set) var spans: [Span] = []

    /// Scans `markdown`, whose lines in `skipped` (1-based: code and HTML blocks) are kept as they are.
    init(_ markdown: String, skipping skipped: Set<Int>, file: String) throws {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        var paragraph: [Substring] = []
        var paragraphStart = 1
        func flush() throws {
            if !paragraph.isEmpty { output.append(try scan(paragraph, firstLine: paragraphStart, file: file)) }
            paragraph = []
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if skipped.contains(number) || line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                try flush()
                output.append(String(line))
            } else {
                if paragraph.isEmpty { paragraphStart = number }
                paragraph.append(line)
            }
        }
        try flush()
        text = output.joined(separator: "\n")
    }

    /// The word that stands for span `index` in the text given to cmark: letters and digits only, so
    /// no Markdown rule changes it.
    static func placeholder(_ index: Int) -> String { "tbspan\(nonce)x\(index)x" }

    /// The prefix every placeholder starts with.
    static var placeholderPrefix: String { "tbspan\(nonce)x" }

    private static let nonce = UUID().uuidString.lowercased().filter { $0.isLetter || $0.isNumber }

    /// One run of non-blank lines, with its spans replaced.
    private mutating func scan(_ lines: [Substring], firstLine: Int, file: String) throws -> String {
        let bytes = Array(lines.joined(separator: "\n").utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func location(_ offset: Int) -> SourceLocation {
            let line = lineStarts.lastIndex(where: { $0 <= offset })!
            return SourceLocation(file: file, line: firstLine + line, column: offset - lineStarts[line] + 1)
        }
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count, Self.isASCIIPunctuation(bytes[i + 1]) {
                result += bytes[i...i + 1]
                i += 2
            } else if byte == UInt8(ascii: "`") {
                let end = Self.codeSpanEnd(bytes, from: i)
                if let span = try Self.inlineSpan(bytes, from: i, to: end, location: location) {
                    result += Array(placeholder(for: .inline(span)).utf8)
                } else {
                    result += bytes[i..<end]
                }
                i = end
            } else if byte == UInt8(ascii: "$"), let (span, end) = try math(bytes, at: i, location: location) {
                result += Array(placeholder(for: .math(span)).utf8)
                i = end
            } else if byte == UInt8(ascii: "@"), let (reference, end) = Self.reference(bytes, at: i, location: location(i)) {
                result += Array(placeholder(for: .reference(reference)).utf8)
                i = end
            } else {
                result.append(byte)
                i += 1
            }
        }
        // A span over several lines became one word: the lines it took come back after the paragraph,
        // so every later block keeps its notebook line.
        let lost = bytes.filter { $0 == UInt8(ascii: "\n") }.count - result.filter { $0 == UInt8(ascii: "\n") }.count
        return String(decoding: result, as: UTF8.self) + String(repeating: "\n", count: lost)
    }

    private mutating func placeholder(for span: Span) -> String {
        spans.append(span)
        return Self.placeholder(spans.count - 1)
    }

    /// The math span starting at the `$` at `start` and the offset after it, or nil for a plain dollar.
    private func math(_ bytes: [UInt8], at start: Int, location: (Int) -> SourceLocation) throws -> (MathSpan, Int)? {
        let dollar = UInt8(ascii: "$")
        let display = start + 1 < bytes.count && bytes[start + 1] == dollar
        var j = start + (display ? 2 : 1)
        guard display || (j < bytes.count && !Self.isSpace(bytes[j])) else { return nil }
        while j < bytes.count {
            if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
            if bytes[j] == dollar {
                if display, j + 1 < bytes.count, bytes[j + 1] == dollar {
                    let tex = String(decoding: bytes[(start + 2)..<j], as: UTF8.self)
                    return (MathSpan(tex: tex, display: true, location: location(start)), j + 2)
                }
                if !display {
                    // As in Pandoc, the first dollar decides: "$5 and $6" is not math.
                    guard !Self.isSpace(bytes[j - 1]), !(j + 1 < bytes.count && Self.isDigit(bytes[j + 1])) else { return nil }
                    let tex = String(decoding: bytes[(start + 1)..<j], as: UTF8.self)
                    return (MathSpan(tex: tex, display: false, location: location(start)), j + 1)
                }
            }
            j += 1
        }
        if display {
            throw NotebookError.unterminatedMath(location(start), display: true)
        }
        // "$\alpha" with no closing dollar is math gone wrong, never a price.
        if bytes[start + 1] == UInt8(ascii: "\\") { throw NotebookError.unterminatedMath(location(start), display: false) }
        return nil
    }

    /// The reference starting at the `@` at `start` and the offset after it, or nil.
    private static func reference(_ bytes: [UInt8], at start: Int, location: SourceLocation) -> (CrossReference, Int)? {
        // An `@` after a letter or digit is part of an address (name@fig-host.org).
        if start > 0, isWordByte(bytes[start - 1]) { return nil }
        for kind in [CrossReference.Kind.figure, .table] {
            let prefix = Array("@\(kind.rawValue)-".utf8)
            guard bytes.count >= start + prefix.count, Array(bytes[start..<(start + prefix.count)]) == prefix else { continue }
            var end = start + prefix.count
            while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == UInt8(ascii: "-") { end += 1 }
            // A sentence may go on with a dash: "@fig-grid--the".
            while end > start + prefix.count, bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            guard end > start + prefix.count else { return nil }
            let label = String(decoding: bytes[(start + prefix.count)..<end], as: UTF8.self)
            return (CrossReference(kind: kind, label: label, location: location), end)
        }
        return nil
    }

    /// The inline value in the code span `bytes[start..<end]`, if its text starts with `{swift}` and
    /// a space; nil for any other code span (and for a backtick run that never closes).
    private static func inlineSpan(_ bytes: [UInt8], from start: Int, to end: Int,
                                   location: (Int) -> SourceLocation) throws -> InlineSpan? {
        let tick = UInt8(ascii: "`")
        var open = start
        while open < end, bytes[open] == tick { open += 1 }
        let length = open - start
        guard end - length > open else { return nil }
        var first = open, last = end - length
        // CommonMark drops one space on each side when both are there.
        if bytes[first] == 32, bytes[last - 1] == 32, bytes[first..<last].contains(where: { $0 != 32 }) { first += 1; last -= 1 }
        let marker = Array("{swift}".utf8)
        guard last - first > marker.count, Array(bytes[first..<(first + marker.count)]) == marker,
              isSpace(bytes[first + marker.count]) else {
            if last - first == marker.count, Array(bytes[first..<last]) == marker {
                throw NotebookError.badInline(location(start), "`{swift}` has no expression; write one after it, e.g. `{swift} epochs`")
            }
            return nil
        }
        var exprStart = first + marker.count
        while exprStart < last, isSpace(bytes[exprStart]) { exprStart += 1 }
        var exprEnd = last
        while exprEnd > exprStart, isSpace(bytes[exprEnd - 1]) { exprEnd -= 1 }
        guard exprEnd > exprStart else {
            throw NotebookError.badInline(location(start), "`{swift}` has no expression; write one after it, e.g. `{swift} epochs`")
        }
        if bytes[exprStart..<exprEnd].contains(10) {
            throw NotebookError.badInline(location(exprStart), "an inline value must be on one line; join its lines, or compute it in a block and show the name")
        }
        return InlineSpan(expression: String(decoding: bytes[exprStart..<exprEnd], as: UTF8.self), location: location(exprStart))
    }

    /// The offset after the code span opening at `start`, or after the backtick run when it never closes.
    private static func codeSpanEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let tick = UInt8(ascii: "`")
        var runEnd = start
        while runEnd < bytes.count, bytes[runEnd] == tick { runEnd += 1 }
        let length = runEnd - start
        var j = runEnd
        while j < bytes.count {
            guard bytes[j] == tick else { j += 1; continue }
            var close = j
            while close < bytes.count, bytes[close] == tick { close += 1 }
            if close - j == length { return close }
            j = close
        }
        return runEnd
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte >= 128
    }
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }
}
