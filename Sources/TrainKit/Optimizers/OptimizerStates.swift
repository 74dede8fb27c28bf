/// The per-tensor states of an optimizer, by tensor number, each created at first use and made
/// anew when the tensor's size changes.
public struct OptimizerStates<State: Sendable>: Sendable {
    var items: [(count: Int, state: State)] = []

    /// No state yet.
    public init() {}

    /// How many tensors have a state.
    public var count: Int { items.count }

    /// Makes sure tensor `index` has a state for `count` values, from `make` when it has none.
    @inline(__always)
    mutating func prepare(_ index: Int, count: Int, _ make: () -> State) {
        if index < items.count {
            if items[index].count != count { items[index] = (count, make()) }
            return
        }
        // Tensors are met in order, so a missing state is the next one, except after a gap.
        while items.count < index { items.append((0, make())) }
        items.append((count, make()))
    }
}
