/// Why a page, figure or index could not be written: what was wrong, where, and what to do.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    /// A notebook's file name cannot name its page.
    case badNotebookName(file: String, reason: String, suggestion: String)
    /// The output folder (`--out`) is missing and cannot be made, or is not a folder.
    case badOutputFolder(path: String, reason: String)
    /// A path would leave the output folder (through `..`, `/` or a symbolic link).
    case outsideOutputFolder(path: String, folder: String)
    /// The file system refused a write.
    case cannotWrite(path: String, reason: String)
    /// Figures the running program sent could not be shown (a forged name or SVG); the page says which.
    case figuresDropped(notebook: String, reasons: [String])

    /// The message shown in the terminal.
    public var description: String {
        switch self {
        case .badNotebookName(let file, let reason, let suggestion):
            return "\(file): error: not rendered: \(reason); rename it, e.g. to '\(suggestion)'"
        case .badOutputFolder(let path, let reason):
            return "the output folder \(path) \(reason); give --out a folder that can be written"
        case .outsideOutputFolder(let path, let folder):
            return "refused to write \(path): it is not inside the output folder \(folder) (a '..' or a symbolic link leads out of it)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .figuresDropped(let notebook, let reasons):
            return "\(notebook): error: \(reasons.count == 1 ? "a figure was" : "\(reasons.count) figures were") dropped: "
                + reasons.joined(separator: "; ")
        }
    }
}
