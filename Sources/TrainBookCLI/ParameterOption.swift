import ArgumentParser

/// Parses `-p NAME=VALUE` options.
enum ParameterOption {
    static func parse(_ options: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("-p \(option): write parameters as NAME=VALUE, e.g. -p epochs=2")
            }
            result[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        return result
    }
}
