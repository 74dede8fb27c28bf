/// The name of a Keras schedule for legends: `"ExponentialDecay(0.1, decaySteps: 100, decayRate: 0.96)"`.
/// `arguments` keep the order they are written in (`KeyValuePairs`), then come the `flags`.
func kerasName(_ type: String, _ initial: Double, _ arguments: KeyValuePairs<String, Any>,
               _ flags: [String]) -> String {
    let parts = ["\(initial)"] + arguments.map { "\($0.key): \($0.value)" } + flags
    return "\(type)(\(parts.joined(separator: ", ")))"
}

/// Stops with Keras's kind of message ("`decaySteps` must be > 0") when a schedule's argument is out
/// of range; the message names the class, so the notebook cell shows which schedule was wrong.
func requireKeras(_ condition: Bool, _ type: String, _ message: @autoclosure () -> String) {
    if !condition { TrainKitError.invalidArgument("\(type): \(message())").fail() }
}
