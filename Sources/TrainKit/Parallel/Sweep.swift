import Dispatch
import Foundation

/// Runs `body` on every value in parallel and returns the results in the order of `values`.
///
/// Each call must be independent (build its own model from its own seed): then the results are
/// bit-identical to a serial run on any core count, because each training runs on one thread
/// with single-threaded BLAS. The worker count is `workers`, else the `TRAINBOOK_WORKERS`
/// environment variable, else the number of active processors.
///
/// ```swift
/// let runs = sweep([0.2, 0.1, 0.03]) { lr in
///     var m = makeModel()
///     m.compile(optimizer: SGD(learningRate: lr), loss: .categoricalCrossentropy)
///     return m.fit(train, epochs: 20)
/// }
/// ```
public func sweep<Value, Result>(
    _ values: [Value], workers: Int? = nil, _ body: @escaping (Value) -> Result
) -> [Result] {
    let count = min(max(1, workers ?? defaultSweepWorkers()), values.count)
    guard count > 1 else { return values.map(body) }
    let results = UnsafeMutablePointer<Result?>.allocate(capacity: values.count)
    results.initialize(repeating: nil, count: values.count)
    defer {
        results.deinitialize(count: values.count)
        results.deallocate()
    }
    let queue = WorkQueue(count: values.count)
    // Each worker takes the next index until none are left; each result has its own slot.
    DispatchQueue.concurrentPerform(iterations: count) { _ in
        while let index = queue.next() {
            results[index] = body(values[index])
        }
    }
    return (0..<values.count).map { results[$0]! }
}

/// The workers a sweep uses when not told: `TRAINBOOK_WORKERS`, else the active processors.
public func defaultSweepWorkers() -> Int {
    if let text = ProcessInfo.processInfo.environment["TRAINBOOK_WORKERS"], let value = Int(text), value > 0 {
        return value
    }
    return ProcessInfo.processInfo.activeProcessorCount
}

/// Hands out the indices `0..<count` once each, to any thread.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}
