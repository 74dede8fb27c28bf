import Foundation

/// `output/index.html` and the small manifest it is built from, so rendering one notebook keeps
/// the others listed.
public struct IndexPage {
    /// One listed notebook.
    public struct Entry: Codable, Equatable, Sendable {
        /// Page stem.
        public var name: String
        /// Page title.
        public var title: String
        /// Whether `NAME.html` comes from a render that succeeded.
        public var pageIsGood: Bool
        /// When the last render failed while a good page was kept: the page with its errors.
        public var failedPage: String?
        /// The figure files (`LABEL-K.svg`) this notebook's renders wrote into `NAME/`: the only
        /// files a later render of it may remove. Nil in manifests written before it was recorded.
        public var figures: [String]?
        /// A one-line summary of the notebook (front matter `description:` or its first paragraph).
        public var description: String?
        /// Where its material comes from (front matter `source:`).
        public var source: String?

        /// Whether the last render failed.
        public var lastRenderFailed: Bool { !pageIsGood || failedPage != nil }
    }

    /// The manifest's file name inside the output folder.
    public static let manifestName = "index.json"

    /// Reads the manifest in `folder`; a missing or unreadable one starts empty. Call it while holding
    /// the output folder's lock, so no other render's entry is lost when it is written back.
    public static func load(from folder: String) -> [Entry] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + manifestName),
              let entries = try? JSONDecoder().decode([Entry].self, from: data) else { return [] }
        return entries
    }

    /// Writes the manifest and the page for `entries` into `folder`, atomically.
    public static func write(_ entries: [Entry], to folder: String) throws {
        let sorted = entries.sorted { $0.name < $1.name }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(sorted), to: folder + "/" + manifestName)
        try AtomicFile.write(html(sorted), to: folder + "/index.html")
    }

    /// An `href` to the file `name` beside the index: percent-encoded, so that `#`, `?`, `%`, `\`
    /// and spaces in a notebook's name are part of the file name, then escaped for the attribute.
    static func link(_ name: String) -> String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
        // A leading "name:" would read as a URL scheme.
        return HTML.escape(encoded.contains(":") ? "./" + encoded : encoded)
    }

    /// Where `make docs` writes the reference of the notebook API, beside the pages.
    public static let apiReferencePath = "api/documentation/trainbook/"

    /// The line that links the API reference. DocC's pages load their content with scripts, which
    /// browsers refuse over `file://`, so it says how to serve them.
    static let apiReference = """
        <p class="source-note">The notebook API: <a href="\(apiReferencePath)">reference</a> \
        (built by <code>make docs</code>; open it through a local web server, \
        e.g. <code>python3 -m http.server -d output</code>).</p>
        """

    /// The index page.
    static func html(_ entries: [Entry]) -> String {
        let items = entries.map { entry in
            var item = "<li><a href=\"\(link(entry.name + ".html"))\">\(HTML.escape(entry.title))</a><span class=\"file\">\(HTML.escape(entry.name)).md</span>"
            if let description = entry.description { item += "<p class=\"description\">\(HTML.escape(description))</p>" }
            if let source = entry.source { item += "<p class=\"source-note\">Source: \(HTML.escape(source))</p>" }
            if entry.lastRenderFailed {
                let errors = entry.failedPage.map { " — <a href=\"\(link($0))\">see the errors</a>" } ?? ""
                item += "<span class=\"failed\">last render failed\(errors)</span>"
            }
            return item + "</li>"
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>TrainBook notebooks</title>
        <style>
        \(PageStyle.css)
        </style>
        </head>
        <body>
        <main>
        <h1>Notebooks</h1>
        <ul class="notebooks">
        \(items)
        </ul>
        \(apiReference)
        </main>
        </body>
        </html>

        """
    }
}
