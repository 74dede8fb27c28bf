/// Optimizers by their Keras string names, as tutorials sweep them.
public enum Optimizers {
    /// The names `named(_:)` knows, in order of increasing complexity.
    public static let names = ["sgd", "rmsprop", "adagrad", "adam", "adamax", "nadam"]

    /// The optimizer Keras builds for `name` (case-insensitive), with Keras's defaults.
    ///
    /// An unknown name stops the program with a message listing the known ones; use
    /// `optimizer(named:)` to handle it instead.
    public static func named(_ name: String) -> any Optimizer {
        do {
            return try optimizer(named: name)
        } catch {
            (error as? TrainKitError ?? .invalidArgument("\(error)")).fail()
        }
    }

    /// The optimizer Keras builds for `name`, or a `TrainKitError.unknownOptimizer`.
    public static func optimizer(named name: String) throws -> any Optimizer {
        switch name.lowercased() {
        case "sgd": return SGD()
        case "rmsprop": return RMSprop()
        case "adagrad": return Adagrad()
        case "adam": return Adam()
        case "adamax": return Adamax()
        case "nadam": return Nadam()
        default: throw TrainKitError.unknownOptimizer(name, known: names)
        }
    }
}
