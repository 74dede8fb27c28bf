/// The name and size of a weight tensor, as `setWeights` checks them: `"Dense(3) kernel 4×3"`, 12.
public struct WeightShape: Equatable, Sendable {
    /// The tensor's name, with its layer.
    public let name: String
    /// The number of values.
    public let count: Int

    /// A shape from its name and size.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}
