import Foundation

/// Renders notebooks into an output folder: one page per notebook, its figures as files, and the
/// index. A notebook that fails never takes the last good page, or any other notebook, with it.
///
/// Every file it writes is inside the output folder (see `OutputName` and `OutputFolder`), and the
/// only files it removes are ones an earlier render of the same notebook wrote.
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
    /// Where typeset math is cached (nil: typeset every time).
    public var mathCacheFolder: String?
    /// The notebooks of this render, so each page links its neighbours in book order even before
    /// they are written.
    public var book: [String] = []
    /// Also write NAME.ipynb beside each page (`--ipynb`).
    public var writesNotebook = false
    /// Also print each page to NAME.pdf with this printer (`--pdf`).
    public var pdfPrinter: PDFPrinter?

    /// The file in the output folder that renders lock while they update it.
    static let lockName = ".trainbook.lock"

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
    /// A notebook whose file name cannot name a page is not run.
    public func execute(notebookAt path: String, interrupted: @escaping @Sendable () -> Bool = { false },
                        progress: NotebookExecutor.ProgressHandler? = nil) -> ExecutedDocument {
        do {
            _ = try OutputName.pageStem(forNotebook: URL(fileURLWithPath: path).lastPathComponent)
            let notebook = try NotebookFile(path: path, allowHTML: allowHTML)
            var overrides = parameters
            if parametersApplyWhereDefined {
                let defined = Set(notebook.document.parameterNames)
                overrides = overrides.filter { defined.contains($0.key) }
            }
            // Bad TeX fails before anything runs; a reference to a block that showed nothing, after.
            let document = try MathTypesetter(cacheFolder: mathCacheFolder).typeset(notebook.document)
            var executed = executor.execute(document, text: notebook.text, directory: notebook.directory,
                                            parameters: overrides, interrupted: interrupted, progress: progress)
            let problems = CrossReferences.problems(in: executed)
            if !problems.isEmpty {
                executed.notebookError = ((executed.notebookError.map { [$0] } ?? []) + problems).joined(separator: "\n")
            }
            return executed
        } catch {
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let empty = Document(fileName: url.lastPathComponent, name: stem, title: stem, blocks: [], allowsHTML: false)
            return ExecutedDocument(document: empty, cells: [], notebookError: "\(error)")
        }
    }

    /// Writes the page, figures and index entry of `executed`. Renders in other threads or processes
    /// that share the output folder wait for each other, so none loses another's index entry.
    /// Throws when the notebook's name cannot name a page or anything could not be written.
    public func write(_ executed: ExecutedDocument) throws {
        let name = executed.document.name
        try OutputName.check(stem: name, fileName: executed.document.fileName)
        let out = try OutputFolder(outputFolder)
        try FileLock.withLock(at: try out.file(Self.lockName)) {
            try write(executed, named: name, into: out)
        }
    }

    /// `write(_:)` once the output folder is locked.
    private func write(_ executed: ExecutedDocument, named name: String, into out: OutputFolder) throws {
        var entries = IndexPage.load(from: out.root)
        let previous = entries.first { $0.name == name }
        let page = try out.file(name + ".html")
        let failedName = name + OutputName.failedSuffix + ".html"
        let failedPage = try out.file(failedName)
        let keepPrevious = !executed.succeeded && (previous?.pageIsGood ?? false) && FileManager.default.fileExists(atPath: page)
        let (shown, checked, dropped) = Self.checkingFigures(of: executed)
        let figures = Self.captioning(checked, of: shown)
        let navigation = PageNavigation(of: name, among: bookTitles(entries, adding: executed.document))
        // A failed render keeps the last good page and writes its errors beside it.
        try AtomicFile.write(PageRenderer.render(shown, navigation: navigation), to: keepPrevious ? failedPage : page)
        // NAME.failed.html belongs to this notebook alone: no notebook may be named NAME.failed.
        if executed.succeeded { unlink(failedPage) }

        var owned = Self.ownedFigures(previous, in: out, folder: name)
        var figureFailure: Error?
        if !keepPrevious {
            do { try Self.replaceFigures(&owned, with: figures, in: out, folder: name) } catch { figureFailure = error }
        }
        entries.removeAll { $0.name == name }
        entries.append(IndexPage.Entry(name: name, title: executed.document.title,
                                       pageIsGood: executed.succeeded || keepPrevious,
                                       failedPage: keepPrevious ? failedName : nil, figures: owned.sorted(),
                                       description: executed.document.description, source: executed.document.source))
        try IndexPage.write(entries, to: out.root)
        // The exports follow the page: a failed render that kept the last good page keeps its exports too.
        if !keepPrevious { try writeExports(of: shown, page: page, named: name, into: out) }
        if let figureFailure { throw figureFailure }
        // The page says which figures were dropped; the render must not call itself clean.
        if !dropped.isEmpty { throw OutputError.figuresDropped(notebook: executed.document.fileName, reasons: dropped) }
    }
}
