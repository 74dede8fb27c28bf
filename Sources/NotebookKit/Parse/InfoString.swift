/// The words of a fence's info string, read from the notebook line itself: cmark would already have
/// removed backslashes, so `caption="say \"hi\""` is only right when read raw.
///
/// Words are separated by spaces or tabs. A double-quoted part of a word may hold spaces; inside it
/// `\"` is a quote and `\\` a backslash, and every other character stands for itself.
struct InfoString {
    /// One word with the 1-based byte column where it starts on its notebook line.
    struct Word: Equatable {
        var text: String
        var column: Int
    }

    /// The words, in order.
    let words: [Word]

    /// Splits `text`, which starts at byte column `column` of notebook line `line` of `file`.
    init(_ text: Substring, column: Int, file: String, line: Int) throws {
        var words: [Word] = []
        var current: String?
        var start = column
        var position = column
        var quoteStart: Int?
        var iterator = String(text).makeIterator()
        while let character = iterator.next() {
            defer { position += character.utf8.count }
            if quoteStart != nil {
                if character == "\"" { quoteStart = nil; continue }
                if character == "\\" {
                    guard let next = iterator.peekAfterBackslash(&position) else { continue }
                    current! += next == "\"" || next == "\\" ? String(next) : "\\" + String(next)
                    continue
                }
                current! += String(character)
            } else if character == " " || character == "\t" {
                if let word = current { words.append(Word(text: word, column: start)) }
                current = nil
            } else {
                if current == nil { current = ""; start = position }
                if character == "\"" { quoteStart = position; continue }
                current! += String(character)
            }
        }
        if let quoteStart {
            throw NotebookError.badOption(SourceLocation(file: file, line: line, column: quoteStart),
                                          "this quoted value is never closed; end it with \" (write \\\" for a quote inside it)")
        }
        if let word = current { words.append(Word(text: word, column: start)) }
        self.words = words
    }
}

private extension String.Iterator {
    /// The character after a backslash inside quotes, counting its bytes into `position`.
    mutating func peekAfterBackslash(_ position: inout Int) -> Character? {
        guard let next = self.next() else { return nil }
        position += next.utf8.count
        return next
    }
}
