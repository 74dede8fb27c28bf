/// A prose block of a notebook: cmark's HTML with the spans the page computes (math, figure and
/// table references) kept apart, so that no Markdown rule touched them and the renderer fills them in.
public struct Prose: Equatable, Sendable {
    /// The pieces of the block in reading order.
    public var segments: [ProseSegment]
    /// Set when the block is a heading.
    public var heading: Heading?

    /// A block of ready HTML with no spans.
    public init(html: String, heading: Heading? = nil) {
        self.init(segments: [.html(html)], heading: heading)
    }

    /// A block made of `segments`.
    public init(segments: [ProseSegment], heading: Heading? = nil) {
        self.segments = segments
        self.heading = heading
    }

    /// The HTML with every span written as its source text (for tests and plain views).
    public var html: String {
        segments.map {
            switch $0 {
            case .html(let html): html
            case .math(let math): HTML.escape(math.source)
            case .reference(let reference): HTML.escape(reference.source)
            case .inline(let span): HTML.escape(span.source)
            }
        }.joined()
    }
}

/// A heading's level and plain text (spans written as their source).
public struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, …
    public var level: Int
    /// The text, without markup.
    public var text: String
}

/// One piece of a prose block.
public enum ProseSegment: Equatable, Sendable {
    /// HTML from cmark.
    case html(String)
    /// `$…$` or `$$…$$`.
    case math(MathSpan)
    /// `@fig-LABEL` or `@tbl-LABEL`.
    case reference(CrossReference)
    /// `` `{swift} EXPR` ``: a value computed by the program.
    case inline(InlineSpan)
}

/// TeX to be typeset as MathML when the page is built.
public struct MathSpan: Equatable, Sendable {
    /// The TeX between the dollar signs.
    public var tex: String
    /// `$$…$$`: shown as a block.
    public var display: Bool
    /// Where the opening `$` is.
    public var location: SourceLocation
    /// The MathML, once typeset (see `MathTypesetter`).
    public var mathML: String?

    /// The span as the author wrote it.
    public var source: String { display ? "$$\(tex)$$" : "$\(tex)$" }
}

/// A prose reference to the figure or table of a labelled block.
public struct CrossReference: Equatable, Sendable {
    /// What is referred to.
    public enum Kind: String, Equatable, Sendable {
        /// `@fig-LABEL`
        case figure = "fig"
        /// `@tbl-LABEL`
        case table = "tbl"
    }

    /// Figure or table.
    public var kind: Kind
    /// The block's `label=`.
    public var label: String
    /// Where the `@` is.
    public var location: SourceLocation

    /// The reference as the author wrote it.
    public var source: String { "@\(kind.rawValue)-\(label)" }
}
