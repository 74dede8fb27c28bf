import Foundation

/// Puts a block's caption into a figure's accessible name: the text of the SVG's `<title>`, so a
/// screen reader hears the caption, and the chart's own title stays first in its `<desc>`. Applied
/// to sanitized SVG, with the caption escaped, so it cannot add markup.
enum SVGCaption {
    /// `svg` with its title text replaced by `caption` (plain text); a title is added when it has none.
    static func applying(_ caption: String, to svg: String) -> String {
        let text = escape(caption)
        if let open = svg.range(of: "<title"), let openEnd = svg[open.upperBound...].firstIndex(of: ">"),
           svg[svg.index(before: openEnd)] != "/", let close = svg[openEnd...].range(of: "</title>") {
            return String(svg[...openEnd]) + text + svg[close.lowerBound...]
        }
        guard let root = svg.range(of: "<svg"), let rootEnd = svg[root.upperBound...].firstIndex(of: ">") else { return svg }
        return String(svg[...rootEnd]) + "<title>\(text)</title>" + svg[svg.index(after: rootEnd)...]
    }

    /// Text escaped for XML content.
    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
