import Foundation
import TrainBookShared

/// Memoized trainings: where their results are stored, who hears of a hit, and what identifies
/// the engine build that computed them.
///
/// A notebook runner names a store folder in the environment (`TRAINBOOK_MEMO`, bounded by
/// `TRAINBOOK_MEMO_LIMIT`); without it nothing is memoized. `fit`, each `sweep` member's `fit`,
/// `findLearningRate` and `SGDRegressor.fit` then look their inputs' hash up before they train
/// and restore the stored result on a hit.
public enum TrainingMemo {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var configured: MemoStore?? = nil
    nonisolated(unsafe) private static var hitObserver: (@Sendable (String) -> Void)?

    /// A store for the trainings of one task (tests use it so that they do not share a store).
    @TaskLocal public static var scopedStore: MemoStore?

    /// The store in use: the task's, else the one set here, else the environment's, else nil (memo off).
    public static var store: MemoStore? {
        get {
            if let scopedStore { return scopedStore }
            return lock.withLock {
                if let configured { return configured }
                let store = MemoStore.fromEnvironment()
                configured = .some(store)
                return store
            }
        }
        set { lock.withLock { configured = .some(newValue) } }
    }

    /// Called with the kind of training (`"fit"`, `"findLearningRate"`, `"SGDRegressor.fit"`) at
    /// every hit, from the thread that trains.
    public static var observer: (@Sendable (String) -> Void)? {
        get { lock.withLock { hitObserver } }
        set { lock.withLock { hitObserver = newValue } }
    }

    /// Bumped whenever a change to the engine changes any number a training computes, so older
    /// entries stop matching even where the build identity below would not change.
    static let numericsVersion = 1

    /// The engine build: the numerics version, and the runner's name for the library build or,
    /// without a runner, a hash of the bytes of the binary that holds this code (a test
    /// executable), so every rebuild of the engine starts a new set of entries.
    static let engineIdentity: String = {
        var hasher = MemoHasher()
        hasher.add("TrainKit numerics \(numericsVersion)")
        if let build = ProcessInfo.processInfo.environment[MemoSettings.engineBuildVariable], !build.isEmpty {
            hasher.add("library " + build)
        } else if let binary = mappedFile(containing: UInt(bitPattern: codeAddress())),
                  let bytes = FileManager.default.contents(atPath: binary) {
            hasher.add("binary")
            bytes.withUnsafeBytes { hasher.add(bytes: $0) }
        } else {
            // No binary to read: a per-process identity, so nothing is shared with another build.
            hasher.add("process \(getpid()) \(Date().timeIntervalSince1970)")
        }
        return hasher.hexDigest()
    }()

    /// An address in this module's code. Never inlined: optimized builds may copy small functions
    /// into their callers' binaries, and the address must lie in the engine's own.
    @inline(never)
    private static func codeAddress() -> UnsafeRawPointer {
        let probe: @convention(c) () -> Void = {}
        return unsafeBitCast(probe, to: UnsafeRawPointer.self)
    }

    /// The file mapped at `address` in this process, from `/proc/self/maps`.
    private static func mappedFile(containing address: UInt) -> String? {
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
        for line in maps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            let bounds = fields.first?.split(separator: "-").compactMap { UInt($0, radix: 16) } ?? []
            guard fields.count == 6, bounds.count == 2, bounds[0] <= address, address < bounds[1] else { continue }
            return fields[5].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    static func reportHit(_ kind: String) {
        observer?(kind)
    }

    /// Looks `key` up in the store; decodes with `decode`; reports the hit. A payload that does
    /// not decode is a miss (and is overwritten by the run that follows).
    static func lookup<T>(_ key: String?, kind: String, decode: (inout MemoReader) throws -> T) -> T? {
        guard let key, let store, let payload = store.read(key) else { return nil }
        var reader = MemoReader(payload)
        guard let value = try? decode(&reader), reader.isAtEnd else { return nil }
        store.countHit()
        reportHit(kind)
        return value
    }

    /// Stores the payload `encode` writes under `key`, unless `encode` says the result cannot be
    /// stored (returns false).
    static func save(_ key: String?, encode: (inout MemoWriter) -> Bool) {
        guard let key, let store else { return }
        var writer = MemoWriter()
        guard encode(&writer) else { return }
        store.write(key, payload: writer.bytes)
    }
}
