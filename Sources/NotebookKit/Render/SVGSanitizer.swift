/// Makes a figure safe to embed in a page. Figures come from the charts library, but the stream they
/// travel in is the notebook's own output, which a notebook can forge.
///
/// The figure is parsed as (a strict subset of) XML, every element and attribute is checked against
/// ``SVGAllowList`` and ``FigureCSS``, and the page gets the tree written out again — never the input
/// text — with all text and attribute values escaped. So the markup a browser parses holds only what
/// was checked, whatever tricks the input played on the difference between HTML and XML parsing
/// (`<!-->`, `<p/>` ending the `<svg>`, CDATA, entities). The library's own figures come out byte for byte.
enum SVGSanitizer {
    /// Why a figure was not embedded.
    struct Rejection: Error, Equatable {
        /// One line for the page and the terminal.
        var reason: String
    }

    /// Root ids the engine gives figures start with this, so a figure cannot take the id of a page element.
    static let rootIDPrefix = "nb-"

    /// The figure re-serialized from its checked tree, or why it cannot be embedded.
    static func sanitize(_ svg: String) -> Result<String, Rejection> {
        let root: SVGElement
        do {
            root = try StrictXMLParser.parse(svg)
        } catch {
            return .failure(Rejection(reason: "the figure is not well-formed SVG of the kind figures are (\(error.reason) at byte \(error.offset))"))
        }
        guard root.name == "svg" else { return .failure(Rejection(reason: "the figure's root element is <\(root.name)>, not <svg>")) }
        guard let id = root.attribute("id"), id.hasPrefix(rootIDPrefix), SVGAllowList.isIdentifier(id) else {
            return .failure(Rejection(reason: "the figure's root has no id of the form \(rootIDPrefix)NAME"))
        }
        if let problem = problem(with: root, rootID: id, isRoot: true) { return .failure(Rejection(reason: problem)) }
        var markup = String(svg.prefix { $0 == " " || $0 == "\n" })
        markup.reserveCapacity(svg.utf8.count)
        write(root, to: &markup)
        markup += String(svg.reversed().prefix { $0 == " " || $0 == "\n" }.reversed())
        return .success(markup)
    }

    /// Why `svg` cannot be embedded, or nil when it can.
    static func problem(with svg: String) -> String? {
        if case .failure(let rejection) = sanitize(svg) { return rejection.reason }
        return nil
    }

    private static func problem(with element: SVGElement, rootID: String, isRoot: Bool) -> String? {
        guard let rule = SVGAllowList.elements[element.name] else { return "the figure contains a <\(element.name)> element" }
        if element.name == "svg" && !isRoot { return "the figure contains a nested <svg>" }
        for (name, value) in element.attributes {
            guard rule.attributes.contains(name) else { return "the figure's <\(element.name)> has a \(name) attribute" }
            if let problem = SVGAllowList.problem(with: name, value: value, rootID: rootID) { return problem }
        }
        if element.name == "svg" && element.attribute("xmlns") == nil { return "the figure's root does not declare the SVG namespace" }
        for child in element.children {
            switch child {
            case .text(let text):
                if element.name == "style", let problem = FigureCSS.problem(withStyleSheet: text, rootID: rootID) { return problem }
                if !rule.text && !text.allSatisfy(\.isWhitespace) { return "the figure has text directly inside <\(element.name)>" }
            case .element(let inner):
                guard rule.children.contains(inner.name) else {
                    return SVGAllowList.elements[inner.name] == nil
                        ? "the figure contains a <\(inner.name)> element" : "the figure has a <\(inner.name)> inside <\(element.name)>"
                }
                if let problem = problem(with: inner, rootID: rootID, isRoot: false) { return problem }
            }
        }
        return nil
    }

    private static func write(_ element: SVGElement, to markup: inout String) {
        markup += "<" + element.name
        for (name, value) in element.attributes { markup += " " + name + "=\"" + escape(value) + "\"" }
        if element.selfClosing {
            markup += "/>"
            return
        }
        markup += ">"
        for child in element.children {
            switch child {
            // The style sheet was checked to hold no `<`, `&` or `>`; it is written as the library writes it.
            case .text(let text) where element.name == "style": markup += text
            case .text(let text): markup += escape(text)
            case .element(let inner): write(inner, to: &markup)
            }
        }
        markup += "</" + element.name + ">"
    }

    /// Escapes text and attribute values as the charts library does, so its figures keep their bytes.
    /// `HTML.escape` writes the same five entities; the NUL it also replaces cannot reach here, since
    /// the strict parser refuses control characters.
    static func escape(_ text: String) -> String {
        // Most figure text needs no escaping: keep it as it is without building a copy.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return HTML.escape(text)
    }
}
