import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook diff`: what changed in the rendered pages against an earlier output folder or git revision.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the rendered pages with an earlier output folder or git revision.",
        discussion: """
        For each page whose figures or printed values differ from OLD, writes a comparison page per \
        changed figure into the report folder: the new figure drawn over the old one (ghosted), the two \
        side by side, and the printed values that changed in two columns. Prints a summary; exits 0.

        Examples:
          trainbook diff --against HEAD               the rendered output against the last commit's
          trainbook diff --against old-output notebooks/02-finding-the-learning-rate.md
        """)

    @Option(help: ArgumentHelp("An earlier output folder, or a git revision whose --out folder to compare with.", valueName: "OLD"))
    var against: String

    @Argument(help: "Notebooks whose pages to compare (default: every page).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The output folder with the new pages.")
    var out: String = "output"

    @Option(help: ArgumentHelp("The folder for the comparison pages (default: OUT/diff).", valueName: "DIR"))
    var report: String?

    mutating func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--out \(out) is not a folder; render the notebooks first (trainbook render)")
        }
        let (old, temporary) = try oldFolder()
        defer { temporary.map { try? FileManager.default.removeItem(atPath: $0) } }
        let pages = paths.isEmpty ? nil : try NotebookFinder.notebooks(in: paths).map { path in
            try OutputName.pageStem(forNotebook: URL(fileURLWithPath: path).lastPathComponent)
        }
        let shownOld = temporary == nil ? against : "\(out) at git revision \(against)"
        let diff = OutputDiff(old: old, new: out, pages: pages, oldLabel: shownOld)
        let reportFolder = report ?? out + "/diff"
        let written = try diff.writeReport(to: reportFolder)
        print(TerminalText.safe("diff: \(out) against \(shownOld): \(diff.pages.count) page\(diff.pages.count == 1 ? "" : "s") changed"))
        for page in diff.pages {
            print(TerminalText.safe("  \(page.name): \(OutputDiff.summary(of: page))"))
            for file in written[page.name] ?? [] { print(TerminalText.safe("    \(reportFolder)/\(file)")) }
        }
        print(TerminalText.safe("report: \(reportFolder)/index.html"))
    }

    /// The old output folder: `--against` itself, or the revision's copy of `--out` in a temporary
    /// folder (returned second, for removal).
    private func oldFolder() throws -> (String, String?) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: against, isDirectory: &isFolder), isFolder.boolValue { return (against, nil) }
        guard GitRevision.isRevision(against) else {
            throw ValidationError("--against \(against) is neither a folder nor a git revision of the repository here")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-diff-\(UUID().uuidString)").path
        do {
            if try GitRevision.copy(out, at: against, to: folder) == 0 {
                printError("diff: \(against) has no files under \(out); every page counts as new")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw ValidationError("cannot read \(out) at \(against): \(error)")
        }
        return (folder, folder)
    }
}
