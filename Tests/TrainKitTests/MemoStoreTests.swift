import Foundation
import TrainBookShared
import Testing
@testable import TrainKit

/// The store never trusts a damaged entry, keeps within its bound (oldest first) and reads its
/// configuration from the environment.
struct MemoStoreTests {
    static let data = makeBlobs(samples: 64, centers: 3, features: 4, spread: 1.5, seed: 21)

    /// One fit with memo in `folder`, through a fresh store object (a new process would make one).
    static func fit(in folder: String) -> (history: History, weights: [[Float]], hits: Int) {
        var model = Sequential(seed: 2) {
            Dense(8, activation: .tanh)
            Dense(3, activation: .softmax)
        }
        model.compile(optimizer: RMSprop(learningRate: 0.01), loss: .sparseCategoricalCrossentropy)
        let store = MemoStore(folder: folder)
        let history = TrainingMemo.$scopedStore.withValue(store) { model.fit(Self.data, epochs: 3, batchSize: 16) }
        return (history, model.getWeights(), store.hits)
    }

    enum Damage: CaseIterable { case flippedPayloadByte, flippedHeaderByte, truncated, empty, appended }

    @Test(arguments: Damage.allCases)
    func aDamagedEntryIsIgnoredAndRewritten(_ damage: Damage) throws {
        let folder = makeMemoFolder()
        let original = Self.fit(in: folder)
        let file = try #require(memoFiles(in: folder).first)
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: file)))
        let intact = bytes
        switch damage {
        case .flippedPayloadByte: bytes[bytes.count - 5] ^= 0x10
        case .flippedHeaderByte: bytes[20] ^= 0x01
        case .truncated: bytes.removeLast(bytes.count / 3)
        case .empty: bytes = []
        case .appended: bytes += [0]
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))

        let rerun = Self.fit(in: folder)
        #expect(rerun.hits == 0)
        #expect(rerun.history == original.history)
        #expect(rerun.weights == original.weights)
        // The run wrote the entry again, whole, and the next fit is served from it.
        #expect(FileManager.default.contents(atPath: file).map { [UInt8]($0) } == intact)
        let served = Self.fit(in: folder)
        #expect(served.hits == 1)
        #expect(served.history == original.history)
    }

    @Test func anEntryUnderAnotherKeysNameIsRejected() {
        let payload: [UInt8] = [1, 2, 3]
        let entry = MemoStore.entry(key: String(repeating: "ab", count: 32), payload: payload)
        #expect(MemoStore.payload(of: entry, key: String(repeating: "ab", count: 32)) == payload)
        #expect(MemoStore.payload(of: entry, key: String(repeating: "ab", count: 31) + "ac") == nil)
    }

    @Test func evictionKeepsTheStoreUnderItsBoundOldestFirst() throws {
        let folder = makeMemoFolder()
        let roomy = MemoStore(folder: folder, limit: 1 << 30)
        let keys = (0..<5).map { String(format: "%02x", $0 * 40) + String(repeating: "0", count: 62) }
        let payload = [UInt8](repeating: 7, count: 1000)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        for (index, key) in keys.prefix(4).enumerated() {
            roomy.write(key, payload: payload)
            // Entry 1 is the oldest, then 0 (a hit would have refreshed it), then 2, 3.
            let age = [2, 1, 3, 4][index]
            try FileManager.default.setAttributes([.modificationDate: base + Double(age)], ofItemAtPath: roomy.path(of: key))
        }
        let entrySize = MemoStore.headerSize + payload.count
        let bounded = MemoStore(folder: folder, limit: 3 * entrySize + 10)
        bounded.write(keys[4], payload: payload)
        let left = Set(memoFiles(in: folder))
        #expect(left == Set([keys[2], keys[3], keys[4]].map(bounded.path(of:))))
        #expect(bounded.size <= bounded.limit)
    }

    @Test func aHitRefreshesTheEntrysTime() throws {
        let folder = makeMemoFolder()
        let store = MemoStore(folder: folder)
        let key = String(repeating: "5", count: 64)
        store.write(key, payload: [9])
        let old = Date(timeIntervalSince1970: 1_600_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: store.path(of: key))
        #expect(store.read(key) == [9])
        let touched = try FileManager.default.attributesOfItem(atPath: store.path(of: key))[.modificationDate] as? Date
        #expect(touched.map { $0 > old } == true)
    }

    @Test func theEnvironmentNamesTheFolderAndTheBound() {
        #expect(MemoStore.fromEnvironment([:]) == nil)
        #expect(MemoStore.fromEnvironment(["TRAINBOOK_MEMO": ""]) == nil)
        let store = MemoStore.fromEnvironment(["TRAINBOOK_MEMO": "/x/memo", "TRAINBOOK_MEMO_LIMIT": "512M"])
        #expect(store?.folder == "/x/memo")
        #expect(store?.limit == 512 << 20)
        #expect(MemoStore.fromEnvironment(["TRAINBOOK_MEMO": "/x"])?.limit == 2 << 30)
        #expect(ByteSize.parse("2G") == 2 << 30)
        #expect(ByteSize.parse("1000") == 1000)
        #expect(ByteSize.parse("lots") == nil)
    }

    @Test func theHashSeesEveryByteWhereverTheChunksEnd() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        func digest(_ chunks: [Int], of input: [UInt8]) -> [UInt8] {
            var hasher = MemoHasher()
            var start = 0
            for size in chunks + [input.count] where start < input.count {
                let end = min(input.count, start + size)
                input[start..<end].withUnsafeBytes { hasher.add(bytes: $0) }
                start = end
            }
            return hasher.finish()
        }
        let whole = digest([], of: bytes)
        #expect(digest([1, 31, 33, 64, 5], of: bytes) == whole)
        for position in [0, 31, 32, 500, 999] {
            var changed = bytes
            changed[position] ^= 0x80
            #expect(digest([], of: changed) != whole)
        }
        #expect(digest([], of: Array(bytes.dropLast())) != whole)
        #expect(digest([], of: bytes + [0]) != whole)
    }
}
