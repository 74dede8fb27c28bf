import Foundation
import Testing
@testable import NotebookKit

/// Every committed page of the bundled book (`output/*.html`), opened in Debian's Chromium at desktop
/// (1280 px) and phone (390 px) width, light and dark, and printed (emulated print media): no page
/// overflows sideways, no figure text is under 9 px, text keeps 4.5:1 and series 3:1 contrast, no
/// table hides rows, nothing is fetched from the network, nothing is logged as an error, and print
/// neither clips nor cuts code, tables or figures.
///
/// The pages are checked with this build's style sheet in place of the one they were rendered with,
/// so a style change is checked before the book is rendered again.
@Suite(.serialized) struct BundledPagesInBrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let output = root.appendingPathComponent("output")

    /// The committed pages, each with the current style sheet, in a temporary folder.
    static func pages() throws -> (folder: URL, names: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trainbook-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }.sorted()
        for name in names {
            let page = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            guard let open = page.range(of: "<style>\n"), let close = page.range(of: "\n</style>", range: open.upperBound..<page.endIndex) else {
                throw Chromium.Failure(description: "output/\(name) has no page style sheet")
            }
            let current = upgradingFigures(String(page[..<open.upperBound] + PageStyle.css + page[close.lowerBound...]))
            try current.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (folder, names)
    }

    /// Figures as this build wraps them (with their minimum width), for pages rendered before it.
    static func upgradingFigures(_ page: String) -> String {
        var result = ""
        var rest = Substring(page)
        let opening = "<figure role=\"img\" aria-label=\""
        while let start = rest.range(of: opening), let end = rest[start.upperBound...].range(of: "\">") {
            result += rest[..<end.lowerBound] + "\""
            let figure = rest[end.upperBound...]
            if !rest[start.upperBound..<end.lowerBound].contains("style=") { result += String(PageRenderer.minimumWidth(of: String(figure.prefix(4_000))).dropFirst()) }
            result += ">"
            rest = figure
        }
        return result + rest
    }

    /// What is wrong with the page in the current mode, prefixed with `mode`.
    static func check(_ browser: WebDriver, mode: String, print: Bool = false) throws -> (problems: [String], series: [String]) {
        let answer = try browser.run(PageChecks.script, arguments: [print ? "print" : "screen"]) as? [String: Any] ?? [:]
        let problems = (answer["problems"] as? [String] ?? ["the check script returned nothing"]).map { "\(mode): \($0)" }
        return (problems, answer["series"] as? [String] ?? [])
    }

    /// Requests other than the page itself, and console errors, since the last call.
    static func traffic(_ browser: WebDriver, page: URL) throws -> [String] {
        var found: [String] = []
        for entry in try browser.log("performance") {
            guard let text = entry["message"] as? String, let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let message = json["message"] as? [String: Any], message["method"] as? String == "Network.requestWillBeSent",
                  let request = (message["params"] as? [String: Any])?["request"] as? [String: Any], let url = request["url"] as? String else { continue }
            if url != page.absoluteString && !url.hasPrefix("data:") { found.append("network request: \(url)") }
        }
        for entry in try browser.log("browser") where entry["level"] as? String == "SEVERE" {
            found.append("console error: \(entry["message"] ?? "")")
        }
        return found
    }

    @Test func everyBundledPageReadsOnDesktopAndPhoneInBothThemesAndPrints() throws {
        let (folder, names) = try Self.pages()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(names.count >= 3, "output/ holds no rendered book")
        let browser = try WebDriver()
        defer { browser.quit() }
        var problems: [String] = []
        var series: [String: Set<String>] = [:]
        for name in names {
            let page = folder.appendingPathComponent(name)
            try browser.viewport(width: 1280, height: 900, mobile: false)
            try browser.media("screen", dark: false)
            try browser.open(page)
            problems += try Self.traffic(browser, page: page).map { "\(name): \($0)" }
            for (width, mobile) in [(1280, false), (390, true)] {
                try browser.viewport(width: width, height: mobile ? 844 : 900, mobile: mobile)
                for dark in [false, true] {
                    try browser.media("screen", dark: dark)
                    let found = try Self.check(browser, mode: "\(name) \(width)px \(dark ? "dark" : "light")")
                    problems += found.problems
                    for colour in found.series { series[colour, default: []].insert(name) }
                }
            }
            try browser.viewport(width: 700, height: 1000, mobile: false)
            try browser.media("print", dark: true)
            problems += try Self.check(browser, mode: "\(name) print", print: true).problems
        }
        let faint = series.keys.sorted().map { "\($0) in \(series[$0]!.sorted().joined(separator: ", "))" }
        #expect(faint.isEmpty, "series under 3:1 against their figure:\n\(faint.joined(separator: "\n"))")
        // How many of each kind, then the first ones in full.
        let kinds = Dictionary(grouping: problems) { problem in
            (problem.components(separatedBy: ": ").dropFirst().first ?? "").split(separator: " ").prefix(2).joined(separator: " ")
        }.map { "\($0.value.count) ×\($0.key)" }.sorted().joined(separator: "\n")
        let listed = problems.prefix(40).joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(kinds)\n\(listed)")
    }
}
