import Foundation

/// Sweep members that share one core: each has a thread of its own, but only one of them runs at
/// a time, so that their trainings can run in step.
///
/// A member runs its code until it returns or starts a `fit`; then the next one does. When every
/// member is waiting in a fit or done, the group trains the waiting fits, those on the same
/// batches in step (`TrainingRun.train`: each batch prepared once for all of them), sets on other
/// batches at the same time on threads of their own; then the members go on in turn. Notebook 04's eight learning rates on two cores
/// are two groups of four fits on the same 60,000 digits: each batch's rows are copied and sorted
/// by column once instead of four times.
final class SweepGroup: @unchecked Sendable {
    private let condition = NSCondition()
    /// The member whose code runs now; nil while the group trains.
    private var turn: Int?
    /// Members waiting for their turn, in order.
    private var ready: [Int]
    /// Members waiting in a fit, with the training it has begun.
    private var waiting: [(member: Int, run: TrainingRun)] = []
    /// Members whose training is done, until they see it.
    private var trained: Set<Int> = []
    private let members: Int
    private var ended = 0
    /// The sweep's idle cores: this group's, once its members are done; others' for its trainings.
    private let idleCores: IdleCores

    /// A group of `members` members (numbered from 0); member 0 runs first.
    init(members: Int, idleCores: IdleCores) {
        self.members = members
        self.idleCores = idleCores
        turn = 0
        ready = Array(1 ..< max(1, members))
    }

    /// The group and member number of the sweep member this thread runs, if it runs one.
    static var current: (group: SweepGroup, member: Int)? {
        guard let membership = Thread.current.threadDictionary[SweepMembership.key] as? SweepMembership else { return nil }
        return (membership.group, membership.member)
    }

    /// Waits for `member`'s first turn.
    func begin(_ member: Int) {
        condition.lock()
        defer { condition.unlock() }
        while turn != member { condition.wait() }
    }

    /// Trains `run`, begun by `member`'s fit, with the group's other waiting trainings; returns
    /// when it is trained and `member`'s turn has come again.
    func train(_ run: TrainingRun, member: Int) {
        condition.lock()
        defer { condition.unlock() }
        waiting.append((member, run))
        passTurn()
        while !(trained.contains(member) && turn == member) { condition.wait() }
        trained.remove(member)
    }

    /// `member`'s code has returned.
    func end(_ member: Int) {
        condition.lock()
        defer { condition.unlock() }
        ended += 1
        if ended == members { idleCores.release() }
        passTurn()
    }

    /// Gives the turn to the next ready member. With none ready, every member is waiting in a fit
    /// or done: the waiting trainings run here, then their members go on in turn. (Lock held.)
    private func passTurn() {
        if !ready.isEmpty {
            turn = ready.removeFirst()
            condition.broadcast()
            return
        }
        turn = nil
        guard !waiting.isEmpty else { return }
        let runs = waiting
        waiting = []
        condition.unlock()
        Self.train(runs.map(\.run), idleCores: idleCores)
        condition.lock()
        for (member, _) in runs {
            trained.insert(member)
            ready.append(member)
        }
        turn = ready.removeFirst()
        condition.broadcast()
    }

    /// Trains `runs`, those with the same batches in step (a plateau run that replayed more epochs
    /// joins the others at its first epoch). Sets on different batches (other data, another batch
    /// size) train at the same time, each on a thread: one after another, the group would keep a
    /// core busy for longer than the others.
    static func train(_ runs: [TrainingRun], idleCores: IdleCores) {
        let sets = TrainingRun.sets(of: runs)
        let others = DispatchGroup()
        for set in sets.dropFirst() {
            others.enter()
            let thread = Thread {
                TrainingRun.train(set, idleCores: idleCores)
                others.leave()
            }
            thread.stackSize = 8 << 20  // callbacks (notebook code) run here
            thread.start()
        }
        TrainingRun.train(sets[0], idleCores: idleCores)
        others.wait()
    }
}

/// One sweep member's place: its group and number there, kept in its thread's dictionary.
final class SweepMembership {
    let group: SweepGroup
    let member: Int

    init(group: SweepGroup, member: Int) {
        self.group = group
        self.member = member
    }

    static let key = "TrainKit.SweepMembership"

    /// A thread that runs `body` as member `member` of `group`, in its turns, then `done`.
    static func thread(group: SweepGroup, member: Int, body: @escaping () -> Void, done: @escaping () -> Void) -> Thread {
        let thread = Thread {
            Thread.current.threadDictionary[key] = SweepMembership(group: group, member: member)
            group.begin(member)
            body()
            group.end(member)
            done()
        }
        thread.stackSize = 8 << 20  // as the main thread's: notebook code runs here
        return thread
    }
}
