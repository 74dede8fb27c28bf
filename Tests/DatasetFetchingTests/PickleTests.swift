import Testing
@testable import DatasetFetching

/// The MNIST pickle that `trainbook datasets fetch` converts: read without running its code.
struct PickleTests {
    @Test func mnistPickleBecomesIDXFiles() throws {
        let files = try MNISTPickle.idxFiles(fromPickle: DataPickleSample.bytes)
        #expect(files.map(\.shape) == [[2, 28, 28], [2], [1, 28, 28], [1]])  // train + validation, then test
        #expect(files[1].bytes == [3, 7] && files[3].bytes == [9])
        var expected = [UInt8](repeating: 0, count: 784)
        for i in 0..<10 { expected[100 + i] = UInt8(5 + 25 * i) }
        expected[783] = 255
        #expect(Array(files[0].bytes[0..<784]) == expected && files[2].bytes == expected)
    }

    @Test func pickleReaderRefusesCode() {
        // pickle.dumps of a reduce to os.system, the classic malicious pickle.
        let bytes: [UInt8] = [0x80, 0x02] + Array("cos\nsystem\n".utf8) + [0x58, 2, 0, 0, 0] + Array("ls".utf8)
            + [0x85, 0x52, 0x2E]
        #expect(throws: PickleArrays.Unsupported.self) { try PickleArrays.read(bytes) }
    }
}
