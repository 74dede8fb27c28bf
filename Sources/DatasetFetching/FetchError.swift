/// Fetching a dataset failed: a command that obtains it failed, or its file is not what it should be.
public struct FetchError: Error, Equatable, CustomStringConvertible {
    /// The dataset being fetched (`MNIST`, `Fashion-MNIST`).
    public var dataset: String
    /// What went wrong, with the failing command's last lines when there is one.
    public var reason: String

    /// A failure to fetch `dataset`.
    public init(dataset: String, reason: String) {
        self.dataset = dataset
        self.reason = reason
    }

    /// The message shown to the user.
    public var description: String { "fetching \(dataset) failed: \(reason)" }
}
