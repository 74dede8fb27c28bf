// swift-tools-version:6.0
import PackageDescription

// The engine does the numeric work of every notebook, so it is optimised even in debug builds:
// a tutorial's sweep must not take minutes because the tool was built for debugging. It is built for
// the CPU it is built on (the book renders where it was built), so its element-wise loops use the
// widest vectors there; Swift never fuses or reorders float operations, so the values stay the same.
let optimised: [SwiftSetting] = [.unsafeFlags(["-O", "-Xfrontend", "-target-cpu", "-Xfrontend", "native"])]

let package = Package(
    name: "TrainBook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trainbook", targets: ["TrainBookCLI"]),
        .library(name: "TrainBook", type: .dynamic, targets: ["TrainBook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation`: the notebook API's reference (make docs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Vector operations Swift's SIMD types do not compile to one instruction (square root).
        .target(name: "CLanes"),
        // What the engine and the runner both need and neither owns: "did you mean" names, the memo
        // settings, the memo store's files.
        .target(name: "TrainBookShared"),
        .target(name: "TrainKit", dependencies: ["CBLAS", "CLanes", "TrainBookShared"], swiftSettings: optimised),
        // Figures are drawn inside the notebook's program, and a loss recorded at every step is a long
        // series: unoptimised, a 700,000-point line took 7 s to draw instead of 0.3 s.
        .target(name: "Charts", swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "NotebookWire"),
        .target(name: "TrainBook", dependencies: ["TrainKit", "Charts", "NotebookWire"]),
        .target(name: "NotebookKit", dependencies: ["CCmark", "NotebookWire", "TrainBookShared"]),
        // Installing packages to obtain datasets is the command line's business, kept out of the
        // engine that every notebook program links.
        .target(name: "DatasetFetching", dependencies: ["TrainKit"]),
        .executableTarget(
            name: "TrainBookCLI",
            dependencies: ["NotebookKit", "TrainKit", "DatasetFetching", "TrainBookShared",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(
            name: "trainbook-bench", dependencies: ["TrainKit"], path: "bench/Sources/TrainBookBench",
            swiftSettings: optimised),
        .testTarget(name: "TrainKitTests", dependencies: ["TrainKit", "TrainBookShared"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetFetchingTests", dependencies: ["DatasetFetching", "TrainKit"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], resources: [.copy("Snapshots")]),
        .testTarget(name: "NotebookKitTests", dependencies: ["NotebookKit", "TrainBook", "TrainBookShared"]),
        .testTarget(name: "TrainBookCLITests", dependencies: ["NotebookKit"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
