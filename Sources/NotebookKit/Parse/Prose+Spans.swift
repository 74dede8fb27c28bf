/// Putting lifted spans back: cmark's HTML holds a placeholder word where each span was.
extension Prose {
    /// The block whose cmark HTML is `html`, with its placeholders turned into span segments.
    /// A placeholder that landed inside a tag (an image's `alt`, a link's address) is written back as
    /// its escaped source text, since nothing can be typeset there.
    init(html: String, spans: [ProseSpanScanner.Span], heading: Heading?) {
        var segments: [ProseSegment] = []
        var rest = Substring(html)
        while let found = Self.nextPlaceholder(in: rest, spans: spans) {
            let before = rest[..<found.range.lowerBound]
            var context = Substring(before)
            if case .html(let last) = segments.last { context = Substring(last + before) }
            let insideTag = context.lastIndex(of: "<").map { open in context.lastIndex(of: ">").map { $0 < open } ?? true } ?? false
            if insideTag {
                Self.appendHTML(String(before) + HTML.escape(Self.source(of: found.span)), to: &segments)
            } else {
                Self.appendHTML(String(before), to: &segments)
                switch found.span {
                case .math(let math): segments.append(.math(math))
                case .reference(let reference): segments.append(.reference(reference))
                case .inline(let span): segments.append(.inline(span))
                }
            }
            rest = rest[found.range.upperBound...]
        }
        Self.appendHTML(String(rest), to: &segments)
        self.init(segments: segments, heading: heading)
    }

    /// `text` with each placeholder replaced by its span's source.
    static func plainText(_ text: String, spans: [ProseSpanScanner.Span]) -> String {
        var result = ""
        var rest = Substring(text)
        while let found = nextPlaceholder(in: rest, spans: spans) {
            result += rest[..<found.range.lowerBound] + source(of: found.span)
            rest = rest[found.range.upperBound...]
        }
        return result + rest
    }

    private static func nextPlaceholder(in text: Substring, spans: [ProseSpanScanner.Span])
        -> (range: Range<Substring.Index>, span: ProseSpanScanner.Span)? {
        var search = text
        while let start = search.range(of: ProseSpanScanner.placeholderPrefix) {
            let digits = search[start.upperBound...].prefix(while: \.isASCII).prefix(while: \.isNumber)
            if let index = Int(digits), index < spans.count, search[digits.endIndex...].first == "x" {
                return (start.lowerBound..<search.index(after: digits.endIndex), spans[index])
            }
            search = search[start.upperBound...]
        }
        return nil
    }

    private static func source(of span: ProseSpanScanner.Span) -> String {
        switch span {
        case .math(let math): math.source
        case .reference(let reference): reference.source
        case .inline(let span): span.source
        }
    }

    private static func appendHTML(_ html: String, to segments: inout [ProseSegment]) {
        guard !html.isEmpty else { return }
        if case .html(let last) = segments.last {
            segments[segments.count - 1] = .html(last + html)
        } else {
            segments.append(.html(html))
        }
    }
}
