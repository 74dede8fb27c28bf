import Testing
@testable import Charts
@testable import NotebookKit

/// A printed page is light whatever the reader's scheme, so its style sheet gives figures the light
/// palette (the figures' own dark block would otherwise print yellow at 1.3:1 on paper).
@Suite struct PrintPaletteTests {
    @Test func printingGivesFiguresTheChartsLightPalette() throws {
        let css = PageStyle.css
        let print = try #require(css.range(of: "@media print{:root{")).upperBound
        let block = css[print...].prefix { $0 != "}" }
        for (name, value) in Theme.palette(dark: false) {
            #expect(block.contains("--tb-\(name):\(value);") || block.hasSuffix("--tb-\(name):\(value)"),
                    "the print style sheet lacks --tb-\(name):\(value)")
        }
    }
}
