/// The optional `---` block at the top of a notebook. It is blanked out (line numbers stay right)
/// before cmark sees the text. Keys read: `allow-html: true`, which lets the notebook's prose keep
/// raw HTML (dropped by default, because readers open pages from strangers); `description:` and
/// `source:`, plain text that the index shows under the notebook's title.
struct FrontMatter {
    /// The Markdown with the front matter replaced by empty lines.
    let body: String
    /// Whether `allow-html: true` was set.
    let allowsHTML: Bool
    /// `description:` text, if given.
    var description: String?
    /// `source:` text, if given.
    var source: String?

    init(_ markdown: String) {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingTrailingSpace == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" }) else {
            body = markdown
            allowsHTML = false
            return
        }
        var allows = false
        for line in lines[1..<end] {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: " \t\r") }
            if parts.count == 2, parts[0] == "allow-html" { allows = parts[1] == "true" }
            if parts.count == 2, parts[0] == "description", !parts[1].isEmpty { description = Self.unquoted(parts[1]) }
            if parts.count == 2, parts[0] == "source", !parts[1].isEmpty { source = Self.unquoted(parts[1]) }
        }
        for i in 0...end { lines[i] = "" }
        body = lines.joined(separator: "\n")
        allowsHTML = allows
    }

    /// A value without the quotes YAML allows around it.
    private static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }
}

private extension Substring {
    var trimmingTrailingSpace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }

    func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
