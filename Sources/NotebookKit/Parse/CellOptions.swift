/// The `key=value` options that follow `swift-train` in a block's info string.
public struct CellOptions: Equatable, Sendable {
    /// A stable name for the block's figure files (`LABEL-1.svg`); defaults to `cell-N`.
    public var label: String?
    /// Show the code (`echo=false` hides it and keeps the outputs).
    public var echo = true
    /// Show the outputs (`output=false` runs the block and shows nothing).
    public var output = true
    /// The block must fail to compile or fail at run time (`expect=error`).
    public var expectsError = false
    /// Seconds the block may run before it is stopped (`timeout=600`).
    public var timeout: Double?

    /// The option names a block accepts, for messages.
    public static let known = ["label", "echo", "output", "expect", "timeout"]

    /// Options with their defaults.
    public init() {}

    /// Parses the words after `swift-train`; `location` names the block in error messages.
    init(words: [Substring], location: SourceLocation) throws {
        for word in words {
            guard let equals = word.firstIndex(of: "=") else {
                throw NotebookError.badOption(location, "option '\(word)' has no value; write it as key=value (known options: \(Self.known.joined(separator: ", ")))")
            }
            let key = String(word[..<equals]), value = String(word[word.index(after: equals)...])
            switch key {
            case "label":
                label = try Self.label(value, location: location)
            case "echo": echo = try Self.bool(value, key: key, location: location)
            case "output": output = try Self.bool(value, key: key, location: location)
            case "expect":
                guard value == "error" else {
                    throw NotebookError.badOption(location, "expect=\(value) is not supported; the only value is expect=error")
                }
                expectsError = true
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                    throw NotebookError.badOption(location, "timeout=\(value) must be a positive number of seconds, e.g. timeout=600")
                }
                timeout = seconds
            default:
                throw NotebookError.badOption(location, "unknown block option '\(key)'; known options: \(Self.known.joined(separator: ", "))")
            }
        }
    }

    /// A checked `label=` value: it names the figure files `LABEL-K.svg`.
    private static func label(_ value: String, location: SourceLocation) throws -> String {
        guard !value.isEmpty, !value.hasPrefix("-"), value.allSatisfy(OutputName.isLabelCharacter) else {
            throw NotebookError.badOption(location, "label '\(value)' must be letters, digits, '-' or '_', not starting with '-' (it names the figure files)")
        }
        guard value.count <= OutputName.maxLabelLength else {
            throw NotebookError.badOption(location, "label '\(value.prefix(20))…' is \(value.count) characters long; a label may have at most \(OutputName.maxLabelLength) (it names the figure files LABEL-1.svg, …)")
        }
        return value
    }

    private static func bool(_ value: String, key: String, location: SourceLocation) throws -> Bool {
        switch value {
        case "true": return true
        case "false": return false
        default: throw NotebookError.badOption(location, "\(key)=\(value) must be true or false")
        }
    }
}
