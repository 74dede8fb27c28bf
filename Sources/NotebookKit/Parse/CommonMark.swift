import CCmark
import Foundation

/// The only place that talks to cmark: it turns Markdown into a flat list of top-level blocks, with
/// prose already rendered to HTML and code blocks kept as source with their line numbers.
enum CommonMark {
    /// A top-level block of a Markdown document.
    enum TopLevelBlock {
        /// A fenced or indented code block.
        case code(CodeBlock)
        /// Any other block, rendered to HTML; `headingText` is set for a level-1 heading.
        case prose(html: String, headingText: String?)
    }

    /// A code block as cmark saw it.
    struct CodeBlock {
        var info: String
        var literal: String
        /// 1-based line of the opening fence (or first line of an indented block).
        var startLine: Int
        /// 1-based last line (the closing fence, when there is one).
        var endLine: Int
    }

    /// Parses `markdown`; raw HTML in prose is kept only when `allowHTML` is true.
    static func blocks(of markdown: String, allowHTML: Bool) -> [TopLevelBlock] {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if allowHTML { options |= CMARK_OPT_UNSAFE }
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return [] }
        defer { cmark_node_free(root) }

        var result: [TopLevelBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK {
                result.append(.code(CodeBlock(
                    info: string(cmark_node_get_fence_info(current)),
                    literal: string(cmark_node_get_literal(current)),
                    startLine: Int(cmark_node_get_start_line(current)),
                    endLine: Int(cmark_node_get_end_line(current)))))
            } else {
                let html = render(current, options: options)
                let isTitle = cmark_node_get_type(current) == CMARK_NODE_HEADING && cmark_node_get_heading_level(current) == 1
                result.append(.prose(html: html, headingText: isTitle ? plainText(of: current) : nil))
            }
            node = cmark_node_next(current)
        }
        return result
    }

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
