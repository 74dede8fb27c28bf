/// A node of a parsed figure: an element or a run of character data (entities already decoded).
enum SVGNode {
    case element(SVGElement)
    case text(String)
}

/// One element of a parsed figure, with its attributes in document order.
struct SVGElement {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [SVGNode]
    /// Written `<name/>` in the source; re-emitted the same way, so the library's figures keep their bytes.
    var selfClosing: Bool

    /// The value of the attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
