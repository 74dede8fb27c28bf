/// The per-tensor states of an optimizer, by tensor number, each created at first use and made
/// anew when the tensor's size changes.
public struct OptimizerStates<State: Sendable>: Sendable {
    /// The states (no tuple with the sizes: unspecialized code would look its type up at every access).
    var items: [State] = []
    /// The tensor size each state was made for.
    private var counts: [Int] = []

    /// No state yet.
    public init() {}

    /// How many tensors have a state.
    public var count: Int { items.count }

    /// Makes sure tensor `index` has a state for `count` values, from `make` when it has none.
    @inline(__always)
    mutating func prepare(_ index: Int, count: Int, _ make: () -> State) {
        if index < counts.count {
            if counts[index] != count {
                items[index] = make()
                counts[index] = count
            }
            return
        }
        // Tensors are met in order, so a missing state is the next one, except after a gap.
        while counts.count <= index {
            items.append(make())
            counts.append(counts.count == index ? count : 0)
        }
    }
}
