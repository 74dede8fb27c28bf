import Dispatch
import Foundation

/// Runs `body` on every value in parallel and returns the results in the order of `values`.
///
/// Each call must be independent (build its own model from its own seed): then the results are
/// bit-identical to a serial run on any core count, because each training runs on one thread
/// with single-threaded BLAS. The worker count is `workers`, else the `TRAINBOOK_WORKERS`
/// environment variable, else the number of active processors.
///
/// With more values than workers, the values share the workers in groups (value `i` in group
/// `i % workers`), and the `fit` calls of a group train in step where they can: fits on the same
/// training rows (the same `Dataset`, made outside the closure) with the same batch size, seed
/// and epochs see the same shuffled batches, so each batch is prepared once for all of them. Eight
/// MNIST learning rates on two cores train as two groups of four, with about a fifth less work
/// than one after another. When a group is done before another, trainings in step in the other
/// split in two and go on on both cores (three values on two cores: a pair and one alone, then
/// each of the pair alone). Each training's results are those it would have alone.
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
    sweep(values, groups: sweepGroups(values: values.count, workers: workers ?? defaultSweepWorkers()), body)
}

/// How many groups a sweep of `values` values on `workers` workers runs: one per worker, at most
/// one per value. Groups of unequal size even out as they go: when a group is done, trainings in
/// step in another split in two (`IdleCores`).
func sweepGroups(values: Int, workers: Int) -> Int {
    min(max(1, workers), max(1, values))
}

/// Runs `body` on every value, one thread per value, in `groups` groups whose members take turns
/// (`SweepGroup`); the results in the order of `values`.
func sweep<Value, Result>(_ values: [Value], groups: Int, _ body: @escaping (Value) -> Result) -> [Result] {
    guard values.count > 1 else { return values.map(body) }
    let count = min(max(1, groups), values.count)
    let run = SweepRun(values: values, body: body)
    let idleCores = IdleCores()
    let memberGroups = (0..<count).map { group in
        SweepGroup(members: (values.count - group + count - 1) / count, idleCores: idleCores)
    }
    let finished = DispatchGroup()
    // Threads of their own rather than Dispatch's pool, which runs no more at once than there
    // are cores and would leave a group's waiting members no thread.
    for index in values.indices {
        finished.enter()
        let thread = SweepMembership.thread(group: memberGroups[index % count], member: index / count,
                                            body: { run.work(index) }, done: { finished.leave() })
        thread.start()
    }
    finished.wait()
    return run.results
}

/// One sweep's values, body and result slots, shared by its threads: each writes its own slot.
private final class SweepRun<Value, Result>: @unchecked Sendable {
    private let values: [Value]
    private let body: (Value) -> Result
    private let slots: UnsafeMutablePointer<Result?>

    init(values: [Value], body: @escaping (Value) -> Result) {
        self.values = values
        self.body = body
        slots = .allocate(capacity: values.count)
        slots.initialize(repeating: nil, count: values.count)
    }

    deinit {
        slots.deinitialize(count: values.count)
        slots.deallocate()
    }

    func work(_ index: Int) { slots[index] = body(values[index]) }

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
