/// The optional `---` block at the top of a notebook. It is blanked out (line numbers stay right)
/// before cmark sees the text. Keys read:
/// - `allow-html: true` lets the notebook's prose keep raw HTML (dropped by default, because
///   readers open pages from strangers);
/// - `depends:` names files or folders the code reads without the engine's loaders, either on its
///   line (`depends: data/a.csv, extra/`, or in brackets) or as a list of `- PATH` lines below it;
/// - `description:` and `source:`, plain text that the index shows under the notebook's title.
struct FrontMatter {
    /// The Markdown with the front matter replaced by empty lines.
    let body: String
    /// Whether `allow-html: true` was set.
    let allowsHTML: Bool
    /// What `depends:` names, in order.
    let dependencies: [DeclaredDependency]
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
            dependencies = []
            return
        }
        var allows = false
        var dependencies: [DeclaredDependency] = []
        var inDependsList = false
        for index in 1..<end {
            let line = lines[index]
            let lineNumber = index + 1
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if inDependsList, trimmed.hasPrefix("- ") || trimmed == "-" {
                dependencies += Self.paths(in: trimmed.dropFirst()).map { DeclaredDependency(path: $0, line: lineNumber) }
                continue
            }
            inDependsList = false
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t\r") }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "allow-html": allows = parts[1] == "true"
            case "description" where !parts[1].isEmpty: description = Self.unquoted(parts[1])
            case "source" where !parts[1].isEmpty: source = Self.unquoted(parts[1])
            case "depends":
                inDependsList = parts[1].isEmpty
                let inline = parts[1].hasPrefix("[") && parts[1].hasSuffix("]") ? String(parts[1].dropFirst().dropLast()) : parts[1]
                dependencies += inline.split(separator: ",").flatMap { Self.paths(in: $0) }
                    .map { DeclaredDependency(path: $0, line: lineNumber) }
            default: break
            }
        }
        for i in 0...end { lines[i] = "" }
        body = lines.joined(separator: "\n")
        allowsHTML = allows
        self.dependencies = dependencies
    }

    /// The path in one list item, without surrounding spaces or quotes; none when it is empty.
    private static func paths(in item: some StringProtocol) -> [String] {
        var path = Substring(item).trimmingCharacters(in: " \t\r")
        if path.count >= 2, let first = path.first, first == "\"" || first == "'", path.last == first {
            path = String(path.dropFirst().dropLast())
        }
        return path.isEmpty ? [] : [path]
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

private extension String {
    func trimmingCharacters(in set: String) -> String { Substring(self).trimmingCharacters(in: set) }
}
