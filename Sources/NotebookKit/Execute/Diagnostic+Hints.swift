import Foundation
import TrainBookShared

extension Diagnostic {
    /// The type and member of a "has no member" message, and whether the member was looked up on
    /// the type (`LegendPosition.upperRigth`, `.upperRigth`) rather than on a value.
    static func missingMember(in message: String) -> (type: String, member: String, onType: Bool)? {
        let pattern = #"^(value of )?type '([A-Za-z_][A-Za-z0-9_.]*)' has no member '([A-Za-z_][A-Za-z0-9_]*)'"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
              let type = Range(match.range(at: 2), in: message), let member = Range(match.range(at: 3), in: message)
        else { return nil }
        let name = message[type].split(separator: ".").last.map(String.init) ?? String(message[type])
        return (name, String(message[member]), match.range(at: 1).location == NSNotFound)
    }

    /// Adds notes naming the valid members when the message is about a member that a type of the
    /// notebook API lacks: the nearest names, and for a type's cases and static members the whole list.
    mutating func addMemberHints(from interface: () -> APIInterface) {
        guard severity == .error, let missing = Self.missingMember(in: message) else { return }
        let members = interface().members(of: missing.type, staticOnly: missing.onType)
        guard !members.isEmpty else { return }
        let nearest = NearestName.matches(for: missing.member, in: members)
        if let best = nearest.first, !message.contains("did you mean") {
            notes.append("note: did you mean '\(best)'?")
        }
        // An enum's cases are what a `.name` usually means; its other static members are noise.
        let cases = interface().cases(of: missing.type)
        if missing.onType, !cases.isEmpty {
            notes.append("note: the cases of '\(missing.type)' are " + cases.map { "'\($0)'" }.joined(separator: ", "))
        } else if missing.onType, nearest.isEmpty {
            notes.append("note: '\(missing.type)' has " + members.map { "'\($0)'" }.joined(separator: ", "))
        }
    }
}
