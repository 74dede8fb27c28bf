/// The files a render writes beside a page on request: the notebook for Jupyter and the printed PDF.
extension BookRenderer {
    /// Writes NAME.ipynb and NAME.pdf for the page just written at `page`, as asked.
    func writeExports(of executed: ExecutedDocument, page: String, named name: String, into out: OutputFolder) throws {
        if writesNotebook {
            try AtomicFile.write(NotebookExport.ipynb(executed), to: try out.file(name + ".ipynb"))
        }
        if let pdfPrinter {
            try pdfPrinter.print(page: page, to: try out.file(name + ".pdf"))
        }
    }
}
