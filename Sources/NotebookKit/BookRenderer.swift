import Foundation

/// Renders notebooks into an output folder: one page per notebook, its figures as files, and the
/// index. A notebook that fails never takes the last good page, or any other notebook, with it.
public struct BookRenderer: Sendable {
    /// Runs notebooks.
    public var executor: NotebookExecutor
    /// Where pages go.
    public var outputFolder: String
    /// Keep raw HTML in prose (`--allow-html`).
    public var allowHTML = false
    /// Parameter overrides for every notebook rendered.
    public var parameters: [String: String] = [:]
    /// Apply each override only to the notebooks whose parameters block defines it, as when a whole
    /// book is rendered with `-p epochs=2` and only some notebooks have other parameters.
    public var parametersApplyWhereDefined = false

    /// A renderer writing to `outputFolder`.
    public init(executor: NotebookExecutor, outputFolder: String) {
        self.executor = executor
        self.outputFolder = outputFolder
    }

    /// Parses, runs and writes one notebook; returns what ran.
    @discardableResult
    public func render(notebookAt path: String, interrupted: @escaping @Sendable () -> Bool = { false },
                       progress: NotebookExecutor.ProgressHandler? = nil) throws -> ExecutedDocument {
        let executed = execute(notebookAt: path, interrupted: interrupted, progress: progress)
        try write(executed)
        return executed
    }

    /// Parses and runs one notebook without writing anything; safe to call from several threads.
    public func execute(notebookAt path: String, interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: NotebookExecutor.ProgressHandler? = nil) -> ExecutedDocument {
        do {
            let notebook = try NotebookFile(path: path, allowHTML: allowHTML)
            var overrides = parameters
            if parametersApplyWhereDefined {
                let defined = Set(notebook.document.parameterNames)
                overrides = overrides.filter { defined.contains($0.key) }
            }
            return executor.execute(notebook.document, text: notebook.text, directory: notebook.directory,
                                    parameters: overrides, interrupted: interrupted, progress: progress)
        } catch {
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let empty = Document(fileName: url.lastPathComponent, name: stem, title: stem, blocks: [], allowsHTML: false)
            return ExecutedDocument(document: empty, cells: [], notebookError: "\(error)")
        }
    }

    /// Writes the page, figures and index entry of `executed`. Not for concurrent use: the index
    /// is read, updated and written back.
    public func write(_ executed: ExecutedDocument) throws {
        let name = executed.document.name
        let page = outputFolder + "/" + name + ".html"
        let failedPage = name + ".failed.html"
        let files = FileManager.default
        var entries = IndexPage.load(from: outputFolder)
        let previousWasGood = entries.first { $0.name == name }?.pageIsGood ?? false
        let keepPrevious = !executed.succeeded && previousWasGood && files.fileExists(atPath: page)
        // A failed render keeps the last good page and writes its errors beside it.
        try AtomicFile.write(PageRenderer.render(executed), to: keepPrevious ? outputFolder + "/" + failedPage : page)
        if executed.succeeded { try? files.removeItem(atPath: outputFolder + "/" + failedPage) }
        if !keepPrevious { try writeFigures(of: executed) }

        entries.removeAll { $0.name == name }
        entries.append(IndexPage.Entry(name: name, title: executed.document.title,
                                       pageIsGood: executed.succeeded || keepPrevious,
                                       failedPage: keepPrevious ? failedPage : nil))
        try IndexPage.write(entries, to: outputFolder)
    }

    private func writeFigures(of executed: ExecutedDocument) throws {
        let folder = outputFolder + "/" + executed.document.name
        var written: Set<String> = []
        for cell in executed.cells {
            for case .figure(let name, let svg, _) in cell.outputs where SVGSanitizer.problem(with: svg) == nil {
                try AtomicFile.write(svg + "\n", to: folder + "/" + name + ".svg")
                written.insert(name + ".svg")
            }
        }
        // Figures of an earlier render that this one no longer makes would mislead a reader.
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for file in existing where file.hasSuffix(".svg") && !written.contains(file) {
            try? FileManager.default.removeItem(atPath: folder + "/" + file)
        }
    }
}
