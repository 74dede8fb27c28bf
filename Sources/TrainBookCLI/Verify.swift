import ArgumentParser
import Foundation
import NotebookKit

/// `trainbook verify`: render into a temporary folder and compare with the committed output.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that the committed pages and figures are what the notebooks render now.",
        discussion: """
        Renders the notebooks (using the caches) into a temporary folder and compares every page and \
        figure, byte for byte, with the output folder (--out). Exits with a non-zero status listing each \
        file that is changed, missing or extra; exits 0 when they are identical. The index page is \
        compared too when every notebook of the output folder was rendered. Nothing in --out is written.

        Example, as a CI step: trainbook verify notebooks --out output
        """)

    @OptionGroup var options: RenderOptions

    @Option(name: .shortAndLong, help: "Notebooks rendered at once; their sweeps share the cores.")
    var jobs: Int = 1

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, but got \(jobs)") }
    }

    mutating func run() throws {
        Interrupt.install()
        let (found, notebooks, duplicates) = try options.notebooks()
        duplicates.forEach(printError)
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-verify-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        var rendering = options
        rendering.out = fresh
        let parallel = min(jobs, max(1, notebooks.count))
        let results = BookRun(renderer: try rendering.renderer(for: notebooks, parallel: parallel))
            .renderAll(notebooks, parallel: parallel)
        if Interrupt.requested { throw ExitCode(130) }

        let names = results.map(\.executed.document.name)
        let committedNames = Set(IndexPage.load(from: options.out).map(\.name))
        let differences = OutputComparison.differences(pages: names, committed: options.out, fresh: fresh,
                                                       includingIndex: committedNames == Set(names))
        let failed = results.filter { !$0.succeeded }.map(\.path) + duplicates
        print("")
        for difference in differences {
            print(TerminalText.safe("\(difference.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(options.out)/\(difference.file)  (\(Self.explanation(difference.change)))"))
        }
        if differences.isEmpty, failed.isEmpty {
            print("verify: \(options.out) is up to date: \(names.count) page\(names.count == 1 ? "" : "s") of \(found.count) notebook\(found.count == 1 ? "" : "s") render byte for byte as committed")
            return
        }
        fflush(stdout)
        if !failed.isEmpty { printError("verify: \(failed.count) notebook\(failed.count == 1 ? "" : "s") did not render cleanly; their errors are above") }
        if !differences.isEmpty {
            printError("verify: \(differences.count) file\(differences.count == 1 ? "" : "s") in \(options.out) differ from what the notebooks render now; run `trainbook render` with the same paths and options, and commit \(options.out)")
        }
        throw ExitCode.failure
    }

    private static func explanation(_ change: OutputComparison.Change) -> String {
        switch change {
        case .changed: "committed bytes differ from the render's"
        case .missing: "the render makes it; it is not committed"
        case .extra: "committed, but the render no longer makes it"
        }
    }
}
