import Foundation

/// The members of the notebook API's types, read from the modules' interfaces as swiftc
/// synthesizes them from the built modules, so a message about a misspelt member can list the
/// valid ones and stays right as the API changes.
struct APIInterface: Sendable {
    /// The modules a notebook imports, whose types the messages name.
    static let modules = ["TrainBook", "TrainKit", "Charts"]

    /// The synthesized interface text of each module.
    var interfaces: [String]

    /// The interfaces of `modules` of `toolchain`'s build; an empty interface when the synthesizer
    /// is missing or fails, so a message loses only its hint.
    static func load(_ toolchain: Toolchain) -> APIInterface {
        let tool = (toolchain.swiftc as NSString).deletingLastPathComponent + "/swift-synthesize-interface"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return APIInterface(interfaces: []) }
        let texts = modules.map { module -> String in
            var arguments = ["-module-name", module, "-I", toolchain.libraryDirectory + "/Modules",
                             "-module-cache-path", toolchain.moduleCache]
            for map in toolchain.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=" + map] }
            return run(tool, arguments) ?? ""
        }
        return APIInterface(interfaces: texts)
    }

    /// The cases of `type` (its last name component) across the modules, when it is an enum.
    func cases(of type: String) -> [String] {
        members(of: type, staticOnly: true, casesOnly: true)
    }

    /// The members of `type` (its last name component) across the modules: enum cases and static
    /// members when `staticOnly`, instance properties and methods otherwise.
    func members(of type: String, staticOnly: Bool, casesOnly: Bool = false) -> [String] {
        var names: [String] = []
        for text in interfaces {
            var depth = 0
            var inside: Int?  // the depth of the type's body, while reading it
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if inside == nil, Self.declares(type, trimmed) { inside = depth + 1 }
                if let body = inside, depth == body, !casesOnly || trimmed.hasPrefix("case "),
                   let name = Self.memberName(trimmed, staticOnly: staticOnly), !names.contains(name) {
                    names.append(name)
                }
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                if let body = inside, depth < body { inside = nil }
            }
        }
        return names
    }

    private static func declares(_ type: String, _ line: String) -> Bool {
        let pattern = #"^(public |@\w+ )*(final )?(enum|struct|class|extension|protocol) ([A-Za-z_]+\.)*"#
            + NSRegularExpression.escapedPattern(for: type) + #"\b"#
        return line.range(of: pattern, options: .regularExpression) != nil && line.hasSuffix("{")
    }

    private static func memberName(_ line: String, staticOnly: Bool) -> String? {
        if line.hasPrefix("///") || line.hasPrefix("@available") { return nil }
        let isStatic = line.contains("static ") || line.hasPrefix("case ")
        guard isStatic == staticOnly else { return nil }
        let pattern = #"^(public |@\w+ |final |mutating |nonmutating )*(static )?(case|let|var|func) `?([A-Za-z_][A-Za-z0-9_]*)"#
        guard let match = line.range(of: pattern, options: .regularExpression) else { return nil }
        let head = line[match]
        return head.split(whereSeparator: { $0 == " " || $0 == "`" }).last.map(String.init)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
