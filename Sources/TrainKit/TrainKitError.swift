import TrainBookShared

/// A mistake in how the engine was called, with a message saying what was wrong, where, and
/// what to do. The messages all live here.
///
/// Calls spelled without `try` in notebooks (`fit`, `Optimizers.named`) stop the program with
/// this message instead of throwing.
public enum TrainKitError: Error, Equatable, CustomStringConvertible {
    /// `Optimizers.named` got a name it does not know.
    case unknownOptimizer(String, known: [String])
    /// `fit`, `evaluate` or `predict` was called before `compile`.
    case notCompiled(operation: String)
    /// The data's width does not match the model's.
    case shapeMismatch(String)
    /// A hyper-parameter or argument is out of range.
    case invalidArgument(String)
    /// `setWeights` got arrays of the wrong number or size.
    case weightsMismatch(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .unknownOptimizer(name, known):
            let guess = NearestName.matches(for: name.lowercased(), in: known).first.map { "did you mean \"\($0)\"? " } ?? ""
            return "unknown optimizer \"\(name)\": \(guess)use one of \(known.map { "\"\($0)\"" }.joined(separator: ", "))."
        case let .notCompiled(operation):
            return "\(operation) needs a compiled model: call model.compile(optimizer:loss:metrics:) first."
        case let .shapeMismatch(message), let .invalidArgument(message), let .weightsMismatch(message):
            return message
        }
    }

    /// Stops the program with this error's message (for calls that do not throw).
    func fail(file: StaticString = #fileID, line: UInt = #line) -> Never {
        fatalError("error: \(description)", file: file, line: line)
    }
}
