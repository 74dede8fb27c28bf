/// The `key=value` options that follow `swift-train` in a block's info string.
///
/// A value may be double-quoted to hold spaces: `caption="Loss by learning rate"`. Inside the quotes
/// `\"` stands for a quote and `\\` for a backslash.
public struct CellOptions: Equatable, Sendable {
    /// A stable name for the block's figure files (`LABEL-1.svg`) and its cross-references
    /// (`@fig-LABEL`, `@tbl-LABEL`); defaults to `cell-N`.
    public var label: String?
    /// Show the code (`echo=false` hides it and keeps the outputs).
    public var echo = true
    /// Show the outputs (`output=false` runs the block and shows nothing).
    public var output = true
    /// Show the code folded under a summary line (`echo=fold`).
    public var foldsCode = false
    /// Show the outputs folded under a summary line (`output=fold`).
    public var foldsOutput = false
    /// The caption of the block's figures or tables (`caption="…"`), as Markdown.
    public var caption: String?
    /// The block must fail to compile or fail at run time (`expect=error`).
    public var expectsError = false
    /// Seconds the block may run before it is stopped (`timeout=600`).
    public var timeout: Double?

    /// The option names a block accepts, for messages.
    public static let known = ["label", "echo", "output", "expect", "timeout", "caption"]

    /// Options with their defaults.
    public init() {}

    /// Parses the words after `swift-train`; `location` names the block in error messages.
    init(words: [InfoString.Word], location: SourceLocation) throws {
        for word in words {
            let here = SourceLocation(file: location.file, line: location.line, column: word.column)
            guard let equals = word.text.firstIndex(of: "=") else {
                throw NotebookError.badOption(here, "option '\(word.text)' has no value; write it as key=value (known options: \(Self.known.joined(separator: ", ")))")
            }
            let key = String(word.text[..<equals]), value = String(word.text[word.text.index(after: equals)...])
            try set(key, to: value, location: here)
        }
    }

    private mutating func set(_ key: String, to value: String, location: SourceLocation) throws {
        switch key {
        case "label":
            label = try Self.label(value, location: location)
        case "caption":
            guard !value.allSatisfy(\.isWhitespace), !value.contains("\n") else {
                throw NotebookError.badOption(location, "caption must be a line of text, e.g. caption=\"Loss by learning rate\"")
            }
            caption = value
        case "echo":
            (echo, foldsCode) = try Self.shown(value, key: key, location: location)
        case "output":
            (output, foldsOutput) = try Self.shown(value, key: key, location: location)
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

    /// `echo=` and `output=`: whether to show, and whether folded.
    private static func shown(_ value: String, key: String, location: SourceLocation) throws -> (Bool, Bool) {
        switch value {
        case "true": return (true, false)
        case "false": return (false, false)
        case "fold": return (true, true)
        default: throw NotebookError.badOption(location, "\(key)=\(value) must be true, false or fold")
        }
    }
}
