/// The optional `---` block at the top of a notebook. It is blanked out (line numbers stay right)
/// before cmark sees the text. The one key read today is `allow-html: true`, which lets the
/// notebook's prose keep raw HTML (dropped by default, because readers open pages from strangers).
struct FrontMatter {
    /// The Markdown with the front matter replaced by empty lines.
    let body: String
    /// Whether `allow-html: true` was set.
    let allowsHTML: Bool

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
        }
        for i in 0...end { lines[i] = "" }
        body = lines.joined(separator: "\n")
        allowsHTML = allows
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
