/// Parses the small subset of XML that figures are written in: elements, attributes in double or single
/// quotes, character data, and the five predefined entities plus numeric character references.
///
/// Everything else that XML allows — comments, processing instructions, CDATA sections, a DOCTYPE and
/// its entities — is refused rather than skipped: those are where an HTML parser and an XML parser
/// read the same text differently, so a figure that needs them is not a figure the library made.
struct StrictXMLParser {
    /// Why the text is not in the subset, with the byte offset where reading stopped.
    struct Failure: Error {
        var reason: String
        var offset: Int
    }

    /// Deeper nesting than this is refused (the library's figures nest four levels).
    static let maxDepth = 32

    private let bytes: [UInt8]
    private var position = 0

    /// The root element of `text`; only white space may surround it.
    static func parse(_ text: String) throws(Failure) -> SVGElement {
        var parser = StrictXMLParser(bytes: Array(text.utf8))
        parser.skipWhiteSpace()
        let root = try parser.element(depth: 0)
        parser.skipWhiteSpace()
        guard parser.position == parser.bytes.count else { throw parser.failure("there is content after the root element") }
        return root
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ reason: String) -> Failure { Failure(reason: reason, offset: position) }

    private func peek(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        return bytes.count - position >= utf8.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    private mutating func expect(_ literal: String) throws(Failure) {
        guard peek(literal) else { throw failure("expected \"\(literal)\"") }
        position += literal.utf8.count
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): hex
        default: false
        }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    @discardableResult
    private mutating func skipWhiteSpace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhiteSpace(bytes[position]) { position += 1 }
        return position > start
    }

    /// An ASCII name: a letter or `_`, then letters, digits, `_`, `-`, `.` or `:`.
    private mutating func name() throws(Failure) -> String {
        let start = position
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"): !first
            default: false
            }
        }
        while position < bytes.count, isNameByte(bytes[position], first: position == start) { position += 1 }
        guard position > start else { throw failure("expected a name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func element(depth: Int) throws(Failure) -> SVGElement {
        guard depth < Self.maxDepth else { throw failure("elements nest deeper than \(Self.maxDepth) levels") }
        try markupStart()
        try expect("<")
        var element = SVGElement(name: try name(), attributes: [], children: [], selfClosing: false)
        while true {
            let spaced = skipWhiteSpace()
            if peek("/>") {
                position += 2
                element.selfClosing = true
                return element
            }
            if peek(">") { break }
            guard spaced else { throw failure("attributes must be separated by white space") }
            let attribute = try name()
            guard element.attribute(attribute) == nil else { throw failure("the attribute \(attribute) appears twice") }
            skipWhiteSpace()
            try expect("=")
            skipWhiteSpace()
            element.attributes.append((attribute, try attributeValue()))
        }
        position += 1
        element.children = try content(of: element.name, depth: depth)
        return element
    }

    /// Refuses the constructs outside the subset where they start, naming them.
    private func markupStart() throws(Failure) {
        if peek("<!--") { throw failure("the figure contains a comment") }
        if peek("<![CDATA[") { throw failure("the figure contains a CDATA section") }
        if peek("<!") { throw failure("the figure contains a declaration (<!…>)") }
        if peek("<?") { throw failure("the figure contains a processing instruction") }
    }

    private mutating func content(of name: String, depth: Int) throws(Failure) -> [SVGNode] {
        var children: [SVGNode] = []
        while true {
            guard position < bytes.count else { throw failure("<\(name)> is not closed") }
            if peek("</") {
                position += 2
                let closing = try self.name()
                guard closing == name else { throw failure("</\(closing)> closes <\(name)>") }
                skipWhiteSpace()
                try expect(">")
                return children
            }
            if bytes[position] == UInt8(ascii: "<") {
                children.append(.element(try element(depth: depth + 1)))
            } else {
                children.append(.text(try characterData(until: UInt8(ascii: "<"))))
            }
        }
    }

    private mutating func attributeValue() throws(Failure) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw failure("an attribute value must be quoted")
        }
        let quote = bytes[position]
        position += 1
        let value = try characterData(until: quote, inAttribute: true)
        guard position < bytes.count else { throw failure("an attribute value is not closed") }
        position += 1
        return value
    }

    /// Text up to `terminator`, with references decoded and line ends normalized as XML does.
    private mutating func characterData(until terminator: UInt8, inAttribute: Bool = false) throws(Failure) -> String {
        var decoded: [UInt8] = []
        while position < bytes.count, bytes[position] != terminator {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "&"):
                decoded += try reference()
                continue
            case UInt8(ascii: "<"):
                throw failure("an attribute value contains \"<\"")
            case UInt8(ascii: "]") where !inAttribute && peek("]]>"):
                throw failure("the text contains \"]]>\"")
            case 0x0D:
                // CR LF and a lone CR both become LF, as in XML (and in HTML).
                if position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
                decoded.append(inAttribute ? 0x20 : 0x0A)
            case 0x0A, 0x09:
                decoded.append(inAttribute ? 0x20 : byte)
            case 0..<0x20, 0x7F:
                throw failure("the figure contains the control character \(byte)")
            default:
                decoded.append(byte)
            }
            position += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#N;` or `&#xH;`, as UTF-8; any other is refused.
    private mutating func reference() throws(Failure) -> [UInt8] {
        let named = ["&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&apos;": "'"]
        for (entity, character) in named where peek(entity) {
            position += entity.utf8.count
            return Array(character.utf8)
        }
        guard peek("&#") else { throw failure("the figure uses an entity other than XML's five") }
        position += 2
        let hex = peek("x")
        if hex { position += 1 }
        let start = position
        while position < bytes.count, position - start < 8, Self.isDigit(bytes[position], hex: hex) { position += 1 }
        let digits = String(decoding: bytes[start..<position], as: UTF8.self)
        guard peek(";"), let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value),
              value == 0x09 || value == 0x0A || value >= 0x20 && value != 0x7F && value != 0xFFFE && value != 0xFFFF
        else { throw failure("the figure has an invalid character reference") }
        position += 1
        return Array(String(Character(scalar)).utf8)
    }
}
