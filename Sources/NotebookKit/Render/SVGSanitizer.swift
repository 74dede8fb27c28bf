import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks a figure's SVG before it goes into a page. Figures come from the charts library, but the
/// stream they travel in is the notebook's own output, which a notebook can forge: only well-formed
/// SVG without scripts, event handlers, foreign objects or external references is embedded.
enum SVGSanitizer {
    /// Why `svg` cannot be embedded, or nil when it can.
    static func problem(with svg: String) -> String? {
        let delegate = Inspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return "the figure is not well-formed SVG" }
        if delegate.root != "svg" { return "the figure's root element is <\(delegate.root ?? "none")>, not <svg>" }
        return delegate.problem
    }

    private final class Inspector: NSObject, XMLParserDelegate {
        var root: String?
        var problem: String?
        static let forbidden: Set<String> = ["script", "foreignobject", "iframe", "object", "embed", "image", "use", "animate", "set"]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            let element = name.lowercased()
            if Self.forbidden.contains(element) { problem = problem ?? "the figure contains a <\(name)> element" }
            for (key, value) in attributes {
                let attribute = key.lowercased()
                if attribute.hasPrefix("on") { problem = problem ?? "the figure has an event handler (\(key))" }
                if attribute.hasSuffix("href"), !value.hasPrefix("#") { problem = problem ?? "the figure links outside itself" }
                if value.lowercased().contains("url(") && !value.contains("url(#") {
                    problem = problem ?? "the figure references an external resource"
                }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if string.contains("@import") || (string.contains("url(") && !string.contains("url(#")) {
                problem = problem ?? "the figure's style loads an external resource"
            }
        }
    }
}
