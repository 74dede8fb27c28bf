import Dispatch
import Foundation

/// Runs `body` on every value in parallel and returns the results in the order of `values`.
///
/// Each call must be independent (build its own model from its own seed): then the results are
/// bit-identical to a serial run on any core count, because each training runs on one thread
/// with single-threaded BLAS. The worker count is `workers`, else the `TRAINBOOK_WORKERS`
/// environment variable, else the number of active processors. Without `workers`, a sweep whose
/// values do not divide evenly among the workers, and number at most twice as many, runs them all
/// at once: the cores share the last round instead of one of them idling through it (three
/// trainings on two cores take the time of one and a half, not two).
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
    sweep(values, threads: sweepThreads(values: values.count, workers: workers, defaultWorkers: defaultSweepWorkers()), body)
}

/// How many threads a sweep of `values` values runs: `workers` when given (at most one per
/// value); else `defaultWorkers`, or one per value when they do not divide evenly among the
/// workers and are at most twice as many.
func sweepThreads(values: Int, workers: Int?, defaultWorkers: Int) -> Int {
    if let workers { return min(max(1, workers), max(1, values)) }
    let base = max(1, defaultWorkers)
    if values > base, values <= 2 * base, values % base != 0 { return values }
    return min(base, max(1, values))
}

/// Runs `body` on every value on `threads` threads, each taking the next value until none are
/// left; the results in the order of `values`.
func sweep<Value, Result>(_ values: [Value], threads: Int, _ body: @escaping (Value) -> Result) -> [Result] {
    let count = min(max(1, threads), values.count)
    guard count > 1 else { return values.map(body) }
    let run = SweepRun(values: values, body: body)
    // Threads of their own rather than Dispatch's pool, which runs no more at once than there
    // are cores.
    let finished = DispatchGroup()
    for _ in 0..<count {
        finished.enter()
        let thread = Thread {
            run.work()
            finished.leave()
        }
        thread.stackSize = 8 << 20  // as the main thread's: notebook code runs here
        thread.start()
    }
    finished.wait()
    return run.results
}

/// One sweep's values, body and result slots, shared by its threads: each takes the next index
/// until none are left and writes its own slot.
private final class SweepRun<Value, Result>: @unchecked Sendable {
    private let values: [Value]
    private let body: (Value) -> Result
    private let slots: UnsafeMutablePointer<Result?>
    private let queue: WorkQueue

    init(values: [Value], body: @escaping (Value) -> Result) {
        self.values = values
        self.body = body
        slots = .allocate(capacity: values.count)
        slots.initialize(repeating: nil, count: values.count)
        queue = WorkQueue(count: values.count)
    }

    deinit {
        slots.deinitialize(count: values.count)
        slots.deallocate()
    }

    func work() {
        while let index = queue.next() { slots[index] = body(values[index]) }
    }

    /// The results in the order of the values, once every thread is done.
    var results: [Result] { (0..<values.count).map { slots[$0]! } }
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
