/// How a notebook's text is read before anything looks at it: a leading UTF-8 byte order mark is
/// dropped and every line ending — CRLF, CR or LF, mixed freely — becomes LF.
///
/// CommonMark counts all three as line endings, but Swift treats "\r\n" as one `Character`, so
/// splitting on "\n" would see a CRLF file as a single line: fences, front matter and compiler
/// excerpts would all be lost. Normalizing once keeps every line number as cmark counts it, and
/// every column too (the removed characters only ever end a line or precede the first one).
enum NotebookText {
    /// `text` without a leading byte order mark and with LF line endings only.
    static func normalized(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        guard scalars.contains("\r") else { return String(scalars) }
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count)
        var afterCarriageReturn = false
        for scalar in scalars {
            if scalar == "\n", afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = scalar == "\r"
            result.append(afterCarriageReturn ? "\n" : scalar)
        }
        return String(result)
    }
}
