import Foundation
import Testing
@testable import NotebookKit

/// The code colours of the page's style sheet, read from the CSS itself: every highlighted kind
/// (keywords, strings, numbers, comments, types, functions) reaches WCAG AA, 4.5:1, against the code
/// background in the light, dark and print themes.
@Suite struct CodeColourContrastTests {
    /// The `--NAME:#rrggbb` variables of the first `:root{…}` rule after `marker` in the style sheet.
    static func variables(after marker: String) -> [String: String] {
        let css = PageStyle.css
        guard let start = css.range(of: marker), let root = css.range(of: ":root{", range: start.lowerBound..<css.endIndex),
              let end = css.range(of: "}", range: root.upperBound..<css.endIndex) else { return [:] }
        var found: [String: String] = [:]
        for declaration in css[root.upperBound..<end.lowerBound].split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#") { found[String(parts[0].dropFirst(2))] = parts[1] }
        }
        return found
    }

    /// WCAG 2 relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 255) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let (red, green, blue) = (linear(16), linear(8), linear(0))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: ["", "prefers-color-scheme: dark", "@media print"])
    func codeColoursReachAA(theme: String) {
        let light = Self.variables(after: ":root")
        let colours = light.merging(Self.variables(after: theme.isEmpty ? ":root" : theme)) { $1 }
        let background = colours["code-bg"] ?? ""
        #expect(!background.isEmpty)
        for kind in ["k", "s", "n", "c", "t", "f", "fg", "muted"] {
            let ratio = Self.contrast(colours[kind] ?? "#ffffff", background)
            #expect(ratio >= 4.5, "\(theme.isEmpty ? "light" : theme): --\(kind) \(colours[kind] ?? "missing") on \(background) is \(String(format: "%.2f", ratio)):1")
        }
    }

    /// The oracle can fail: the string colour the pages had before is under AA.
    @Test func theOldStringColourFails() {
        #expect(Self.contrast("#50a14f", "#f6f8fa") < 4.5)
    }
}
