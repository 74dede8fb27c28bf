import Foundation

/// Typesets a notebook's `$…$` and `$$…$$` as MathML when the page is built, with Debian's KaTeX
/// (`katex` package, run by `node`): one node process per notebook, and only for TeX not already in
/// the cache. The page then needs nothing to show math: browsers draw MathML themselves.
public struct MathTypesetter: Sendable {
    /// Where typeset results are kept, one file per TeX (nil: typeset every time).
    public var cacheFolder: String?

    /// A typesetter caching in `cacheFolder`.
    public init(cacheFolder: String?) { self.cacheFolder = cacheFolder }

    /// `document` with the MathML of every math span filled in. Throws for invalid TeX at its
    /// notebook line, or when KaTeX is missing.
    public func typeset(_ document: Document) throws -> Document {
        var spans: [MathSpan] = []
        for case .prose(let prose) in document.blocks {
            for case .math(let math) in prose.segments { spans.append(math) }
        }
        guard !spans.isEmpty else { return document }
        var results: [Key: String] = [:]
        var missing: [(key: Key, first: MathSpan)] = []
        for span in spans {
            let key = Key(tex: span.tex, display: span.display)
            guard results[key] == nil, !missing.contains(where: { $0.key == key }) else { continue }
            if let cached = lookup(key) { results[key] = cached } else { missing.append((key, span)) }
        }
        if !missing.isEmpty {
            let rendered = try KaTeX.render(missing.map(\.key), file: document.fileName)
            for ((key, span), outcome) in zip(missing, rendered) {
                switch outcome {
                case .success(let mathML):
                    results[key] = mathML
                    store(mathML, for: key)
                case .failure(let error):
                    throw NotebookError.badMath(error.location(of: span), error.message)
                }
            }
        }
        var typeset = document
        typeset.blocks = document.blocks.map { block in
            guard case .prose(var prose) = block else { return block }
            prose.segments = prose.segments.map { segment in
                guard case .math(var math) = segment else { return segment }
                math.mathML = results[Key(tex: math.tex, display: math.display)]
                return .math(math)
            }
            return .prose(prose)
        }
        return typeset
    }

    /// One TeX string and how it is shown.
    struct Key: Hashable, Codable {
        var tex: String
        var display: Bool

        var hash: String { StableHash.hex("katex-mathml 1\u{0}\(display ? "display" : "inline")\u{0}\(tex)") }
    }

    private struct Entry: Codable {
        var key: Key
        var mathML: String
    }

    private func lookup(_ key: Key) -> String? {
        guard let cacheFolder, let data = FileManager.default.contents(atPath: cacheFolder + "/" + key.hash + ".json"),
              let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key else { return nil }
        return entry.mathML
    }

    private func store(_ mathML: String, for key: Key) {
        guard let cacheFolder else { return }
        try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(Entry(key: key, mathML: mathML)) {
            try? AtomicFile.write(data, to: cacheFolder + "/" + key.hash + ".json")
        }
    }
}
