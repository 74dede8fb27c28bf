import Foundation

/// One `fit`'s training as the epoch loop drives it: its context, data, callbacks and shuffle stream,
/// begun (frozen features made, callbacks started, recorded epochs replayed) when made.
///
/// The loop, `train(_:)`, takes one run or several on the same batches: sweep members with the
/// same training rows, batch size, shuffle stream and first epoch see the same shuffled batches,
/// so one thread can prepare each batch once (copy its rows' entries, sort them by column) and
/// take every member's step on it. Each member's step, validation, callbacks and history are its
/// own, in the order a lone run makes them, so its results are bit for bit those of a lone run.
final class TrainingRun {
    let context: TrainingContext
    let train: Dataset
    let validation: Dataset?
    let batchSize: Int
    let shuffle: Bool
    var callbacks: [any Callback]
    /// The shuffle stream, as the run leaves it.
    private(set) var shuffler: SeededGenerator
    /// The frozen base's features, when the model has a frozen base.
    let frozen: FrozenFeatures?
    let recorder: RecordedRun.Recorder?
    /// The first epoch to train (after the replayed ones, or where a set in step split).
    private(set) var firstEpoch = 0
    /// Whether a non-finite loss has been reported.
    private var reportedNonFinite = false

    /// Begins the fit: features of a frozen base (with `computesFrozenFeaturesOnce`), the
    /// callbacks' `onTrainBegin`, then `twin`'s epochs replayed until a callback acts.
    init(context: TrainingContext, train: Dataset, validation: Dataset?, batchSize: Int, shuffle: Bool,
         callbacks: [any Callback], shuffler: SeededGenerator, computesFrozenFeaturesOnce: Bool,
         twin: RecordedRun?, recorder: RecordedRun.Recorder?) {
        self.context = context
        self.train = train
        self.validation = validation
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.callbacks = callbacks
        self.shuffler = shuffler
        self.recorder = recorder
        // A frozen base's outputs are the same every epoch: the layers above train on them.
        frozen = computesFrozenFeaturesOnce
            ? FrozenFeatures(network: context.network, train: train.x, validation: validation) : nil
        context.frozenFeatures = frozen
        context.network.start = frozen?.layerCount ?? 0
        for index in self.callbacks.indices { self.callbacks[index].onTrainBegin(context) }
        if let twin { firstEpoch = context.replay(twin, callbacks: &self.callbacks, shuffler: &self.shuffler) }
        // Replayed epochs reported their non-finite loss already.
        reportedNonFinite = context.history.contains("loss") && context.history["loss"].contains { !$0.isFinite }
    }

    /// Ends the fit: the callbacks' `onTrainEnd`, the recorded epochs offered to later fits.
    func end() {
        for index in callbacks.indices { callbacks[index].onTrainEnd(context) }
        recorder?.finish(context, epochs: context.epochs)
        context.network.start = 0
        context.frozenFeatures = nil
    }

    /// What runs must share to train on the same batches: nil when this one trains alone (a
    /// frozen base, whose features are its own).
    var batchPlan: BatchPlan? {
        guard frozen == nil else { return nil }
        return BatchPlan(x: train.x.data.withUnsafeBufferPointer { $0.baseAddress }, y: train.y.data.withUnsafeBufferPointer { $0.baseAddress },
                         rows: train.count, xWidth: train.x.cols, yWidth: train.y.cols, batchSize: batchSize,
                         shuffle: shuffle, shuffler: shuffler, firstEpoch: firstEpoch, epochs: context.epochs,
                         sparseInput: context.network.sparseInputLayer != nil)
    }

    /// The batches a run trains on: the same rows (the same arrays), batch size, shuffle stream and epochs.
    struct BatchPlan: Equatable {
        let x: UnsafePointer<Float>?
        let y: UnsafePointer<Float>?
        let rows, xWidth, yWidth, batchSize: Int
        let shuffle: Bool
        let shuffler: SeededGenerator
        let firstEpoch, epochs: Int
        let sparseInput: Bool

        /// Whether a run with plan `later` (starting at the same epoch or after) sees, from its first
        /// epoch on, the batches a run with this plan sees then: the same rows and settings, and its
        /// shuffle stream where this one's will be by then. (The rate does not touch the stream, so a
        /// plateau run that replayed more epochs of the same twin joins one that replayed fewer.)
        func isJoined(by later: BatchPlan) -> Bool {
            guard later.firstEpoch >= firstEpoch, x == later.x, y == later.y, rows == later.rows, xWidth == later.xWidth,
                  yWidth == later.yWidth, batchSize == later.batchSize, shuffle == later.shuffle, epochs == later.epochs,
                  sparseInput == later.sparseInput
            else { return false }
            var stream = shuffler
            if shuffle {
                for _ in firstEpoch ..< later.firstEpoch { _ = stream.permutation(rows) }
            }
            return stream == later.shuffler
        }
    }

    /// `runs` as sets that can train in step (each in order of first epoch, the first one earliest), and
    /// the others alone.
    static func sets(of runs: [TrainingRun]) -> [[TrainingRun]] {
        var sets: [[TrainingRun]] = []
        for run in runs.sorted(by: { $0.firstEpoch < $1.firstEpoch }) {
            if let plan = run.batchPlan,
               let index = sets.firstIndex(where: { $0[0].batchPlan.map { $0.isJoined(by: plan) } ?? false }) {
                sets[index].append(run)
            } else {
                sets.append([run])
            }
        }
        return sets
    }

    /// Trains `runs` from their first epoch to their last, batch by batch in step: each batch is
    /// prepared once and every run started and not stopped takes its step on it. Several runs must
    /// form one of `sets(of:)`'s sets: a run that starts at a later epoch joins at that epoch.
    ///
    /// With `idleCores`, a set of several takes a core the sweep has left idle at an epoch's
    /// start, when there is one, and trains its second half there from that epoch on.
    static func train(_ runs: [TrainingRun], idleCores: IdleCores? = nil) {
        guard let lead = runs.first else { return }
        if runs.count > 1 { TrainingRunCounts.addInStep(runs.count) }
        precondition(runs.count == 1 || runs.allSatisfy { run in
            lead.batchPlan.flatMap { plan in run.batchPlan.map(plan.isJoined(by:)) } ?? false
        }, "runs trained in step need the same batches")
        let count = lead.train.count, batchSize = lead.batchSize
        let xWidth = lead.frozen?.width ?? lead.train.x.cols, yWidth = lead.train.y.cols
        let gatherer = BatchGatherer(capacity: batchSize, xWidth: xWidth, yWidth: yWidth)
        var stream = lead.shuffler
        // Halves split off to other cores, waited for at the end.
        let splits = DispatchGroup()
        defer { splits.wait() }
        var members = runs
        // Mostly-zero features (images) are kept once as their nonzero entries, which each batch
        // copies instead of gathering dense rows out of a set too large for the cache.
        lead.context.network.withSparseView(of: lead.train.x) { sparseX in
            let scans = lead.context.network.sparseInputLayer?.scansForZeros ?? false
            for run in runs.dropFirst() { run.context.network.sparseInputLayer?.scansForZeros = scans }
            withRows(of: lead.train.x, or: lead.frozen) { xAll in
                lead.train.y.data.withUnsafeBufferPointer { yAll in
                    for epoch in lead.firstEpoch ..< max(lead.firstEpoch, lead.context.epochs) {
                        var active = members.filter { $0.firstEpoch <= epoch && !$0.context.stopTraining }
                        guard !active.isEmpty || members.contains(where: { $0.firstEpoch > epoch }) else { break }
                        if active.count > 1, let idleCores, idleCores.take() {
                            let half = Array(active.suffix(active.count / 2))
                            active.removeLast(half.count)
                            members.removeAll { run in half.contains { $0 === run } }
                            splits.enter()
                            TrainingRunCounts.addSplit()
                            for run in half { run.firstEpoch = epoch }
                            let thread = Thread {
                                train(half, idleCores: idleCores)
                                idleCores.release()
                                splits.leave()
                            }
                            thread.stackSize = 8 << 20  // callbacks (notebook code) run here
                            thread.start()
                        }
                        for run in active {
                            run.context.epoch = epoch
                            for index in run.callbacks.indices { run.callbacks[index].onEpochBegin(epoch, run.context) }
                        }
                        let order = lead.shuffle ? stream.permutation(count) : nil
                        for run in active { run.shuffler = stream }
                        var totals = active.map { EpochTotals(metrics: $0.context.metrics.count) }
                        var seen = 0, batch = 0
                        while seen < count {
                            // A run stops only in its own step, so it is asked as its turn comes (no list per batch).
                            guard let first = active.firstIndex(where: { !$0.context.stopTraining }) else { break }
                            let network = active[first].context.network
                            let rows = min(batchSize, count - seen)
                            let rowsOfBatch = order.map { order in
                                let indices = order[seen ..< seen + rows]
                                return sparseX.flatMap {
                                    gatherer.preload(indices, of: $0, into: network, y: yAll.baseAddress!, yWidth: yWidth)
                                } ?? gatherer.gather(indices, x: xAll.baseAddress!, xWidth: xWidth, y: yAll.baseAddress!, yWidth: yWidth)
                            } ?? gatherer.inPlace(seen ..< seen + rows, of: sparseX, into: network,
                                                  x: xAll.baseAddress!, xWidth: xWidth, y: yAll.baseAddress!, yWidth: yWidth)
                            if let sparseX, let order {
                                // The next batch's rows load while this one trains.
                                sparseX.prefetch(order[min(seen + rows, count) ..< min(seen + rows + batchSize, count)])
                            }
                            // The others read the entries the first one loaded.
                            let preloaded = network.sparseInputLayer?.preloaded
                            for index in first ..< active.count where !active[index].context.stopTraining {
                                let run = active[index]
                                if index != first { run.context.network.sparseInputLayer?.preloaded = preloaded }
                                run.context.trainBatch(rowsOfBatch, index: batch, callbacks: &run.callbacks, totals: &totals[index])
                            }
                            seen += rows
                            batch += 1
                        }
                        for (index, run) in active.enumerated() {
                            run.context.finishEpoch(epoch, totals: totals[index], validation: run.frozen?.validation ?? run.validation,
                                                    callbacks: &run.callbacks, reportedNonFinite: &run.reportedNonFinite)
                            run.recorder?.record(run.context, shuffler: run.shuffler)
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` with the training rows: the frozen base's features when there are some, else `x`.
    private static func withRows(of x: Matrix, or frozen: FrozenFeatures?, _ body: (UnsafeBufferPointer<Float>) -> Void) {
        if let frozen { return body(UnsafeBufferPointer(frozen.trainX)) }
        x.data.withUnsafeBufferPointer(body)
    }
}

/// How many runs have trained in step with others in this process (tests).
enum TrainingRunCounts {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var inStep = 0
    nonisolated(unsafe) private static var splitCount = 0

    static func addInStep(_ count: Int) { lock.withLock { inStep += count } }
    static var runsInStep: Int { lock.withLock { inStep } }
    static func addSplit() { lock.withLock { splitCount += 1 } }
    /// How many sets in step have split to take a freed core.
    static var splits: Int { lock.withLock { splitCount } }
}
