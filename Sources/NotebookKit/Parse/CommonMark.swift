import CCmark
import Foundation

/// The only place that talks to cmark: it turns Markdown into a flat list of blocks in reading
/// order, with prose already rendered to HTML and code blocks kept as source with their line numbers.
enum CommonMark {
    /// A block of the document in reading order.
    enum TopLevelBlock {
        /// A top-level code block, or one lifted out of a list item or block quote.
        case code(CodeBlock)
        /// Any other block, rendered to HTML, with what kind of block it is. A list or quote that
        /// held lifted code blocks comes as several pieces of HTML, split where they were.
        case prose(html: String, kind: ProseKind)
    }

    /// What a top-level prose block is, with its plain text where it matters.
    enum ProseKind: Equatable {
        /// A heading of `level`.
        case heading(level: Int, text: String)
        /// A paragraph.
        case paragraph(text: String)
        /// Anything else (lists, quotes, rules, HTML, pieces of a split container).
        case other
    }

    /// A code block as cmark saw it.
    struct CodeBlock {
        var info: String
        var literal: String
        /// 1-based line of the opening fence (or first line of an indented block).
        var startLine: Int
        /// 1-based last line (the closing fence, when there is one).
        var endLine: Int
        /// 1-based byte column where the block starts on its first line.
        var startColumn: Int
        /// Whether it sat inside a list item or block quote.
        var isNested = false
        /// How many block quotes hold it: each of its lines starts with that many `>` markers.
        var quoteDepth = 0
    }

    /// Parses `markdown`; raw HTML in prose is kept only when `allowHTML` is true. Fenced code blocks
    /// nested in lists or quotes whose info string `lifting` accepts come out in reading order, with
    /// their container's HTML split around them, so the caller can put its own HTML in their place.
    static func blocks(of markdown: String, allowHTML: Bool,
                       lifting: (String) -> Bool = { _ in false }) -> [TopLevelBlock] {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if allowHTML { options |= CMARK_OPT_UNSAFE }
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return [] }
        defer { cmark_node_free(root) }

        var result: [TopLevelBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK {
                result.append(.code(codeBlock(current)))
            } else {
                let nested = nestedCodeBlocks(in: current, lifting: lifting)
                if nested.isEmpty {
                    result.append(.prose(html: render(current, options: options), kind: kind(of: current)))
                } else {
                    result += split(current, around: nested, options: options)
                }
            }
            node = cmark_node_next(current)
        }
        return result
    }

    private static func kind(of node: OpaquePointer) -> ProseKind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
        case CMARK_NODE_PARAGRAPH: .paragraph(text: plainText(of: node))
        default: .other
        }
    }

    /// The 1-based lines of every code block and HTML block, at any depth: text there is verbatim.
    static func verbatimLines(of markdown: String) -> Set<Int> {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return [] }
        defer { cmark_node_free(root) }
        var lines: Set<Int> = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            if end >= start { lines.formUnion(start...end) }
        }
        return lines
    }

    private static func codeBlock(_ node: OpaquePointer, quoteDepth: Int = 0, isNested: Bool = false) -> CodeBlock {
        CodeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)),
                  startLine: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)),
                  startColumn: Int(cmark_node_get_start_column(node)), isNested: isNested, quoteDepth: quoteDepth)
    }

    /// The code blocks below `container` whose info string `lifting` accepts, in reading order.
    private static func nestedCodeBlocks(in container: OpaquePointer, lifting: (String) -> Bool) -> [CodeBlock] {
        var found: [CodeBlock] = []
        var quoteDepth = 0
        let iterator = cmark_iter_new(container)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            case CMARK_NODE_CODE_BLOCK where lifting(string(cmark_node_get_fence_info(current))):
                found.append(codeBlock(current, quoteDepth: quoteDepth, isNested: true))
                // Its literal becomes a placeholder that marks where to split the container's HTML.
                cmark_node_set_literal(current, placeholderText(found.count - 1))
                cmark_node_set_fence_info(current, "")
            default:
                break
            }
        }
        return found
    }

    /// The container's HTML in pieces, with the lifted blocks between them.
    private static func split(_ container: OpaquePointer, around nested: [CodeBlock], options: Int32) -> [TopLevelBlock] {
        var html = Substring(render(container, options: options))
        var result: [TopLevelBlock] = []
        for (index, block) in nested.enumerated() {
            // cmark writes a code block with no info string as exactly this.
            if let range = html.range(of: "<pre><code>\(placeholderText(index))</code></pre>\n") {
                if range.lowerBound > html.startIndex { result.append(.prose(html: String(html[..<range.lowerBound]), kind: .other)) }
                html = html[range.upperBound...]
            }
            result.append(.code(block))
        }
        if !html.isEmpty { result.append(.prose(html: String(html), kind: .other)) }
        return result
    }

    /// A word no notebook contains: the HTML is split where it appears.
    private static func placeholderText(_ index: Int) -> String {
        "trainbook-lifted-code-block-\(placeholderNonce)-\(index)"
    }

    private static let placeholderNonce = UUID().uuidString

    /// Renders a whole Markdown string to HTML (used for short texts such as captions).
    static func html(of markdown: String, allowHTML: Bool) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if allowHTML { options |= CMARK_OPT_UNSAFE }
        guard let pointer = markdown.withCString({ cmark_markdown_to_html($0, strlen($0), options) }) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func render(_ node: OpaquePointer, options: Int32) -> String {
        guard let pointer = cmark_render_html(node, options) else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The concatenated text and code literals below `node`.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
