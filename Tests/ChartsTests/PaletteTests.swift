import Foundation
import Testing
@testable import Charts

/// The default palette against WCAG 2's contrast formula, computed here from the sRGB values, and
/// against simulated colour-vision deficiencies (Machado, Oliveira and Fernandes 2009, severity 1).
@Suite struct PaletteTests {
    /// The figure backgrounds: the charts' own light and dark values, and the page's dark background.
    static let lightBackgrounds = ["#ffffff"]
    static let darkBackgrounds = ["#1b1b1f", "#14171c"]

    static func channels(_ hex: String) -> [Double] {
        let digits = Array(hex.dropFirst())
        return stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) / 255 }
    }

    static func linear(_ value: Double) -> Double { value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4) }

    static func luminance(_ hex: String) -> Double {
        let c = channels(hex).map(linear)
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theContrastFormulaMatchesWCAGsExamples() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#ffffff") - 4.54) < 0.01)  // the lightest grey that passes AA on white
        #expect(abs(Self.contrast("#ff7f0e", "#ffffff") - 2.53) < 0.01)  // tab10 orange, which the old cycle used
    }

    @Test func everySeriesColourKeepsThreeToOneAndItsTextFourAndAHalfInBothThemes() {
        #expect(Palette.entries.count == SeriesColor.cycle.count)
        for entry in Palette.entries {
            for background in Self.lightBackgrounds {
                #expect(Self.contrast(entry.light, background) >= 3, "\(entry.name) \(entry.light) on \(background)")
                #expect(Self.contrast(entry.lightText, background) >= 4.5, "\(entry.name) text \(entry.lightText) on \(background)")
            }
            for background in Self.darkBackgrounds {
                #expect(Self.contrast(entry.dark, background) >= 3, "\(entry.name) \(entry.dark) on \(background)")
                #expect(Self.contrast(entry.darkText, background) >= 4.5, "\(entry.name) text \(entry.darkText) on \(background)")
            }
        }
    }

    @Test func figureTextKeepsFourAndAHalfToOne() {
        let light = Dictionary(uniqueKeysWithValues: Theme.light), dark = Dictionary(uniqueKeysWithValues: Theme.dark)
        #expect(Self.contrast(light["fg"]!, light["bg"]!) >= 4.5)
        #expect(Self.contrast(dark["fg"]!, dark["bg"]!) >= 4.5)
        #expect(light["bg"] == Self.lightBackgrounds[0] && dark["bg"] == Self.darkBackgrounds[0])
    }

    /// Colour-vision deficiency simulation matrices on linear RGB.
    static let deficiencies: [String: [[Double]]] = [
        "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    ]

    /// OKLab coordinates of linear RGB.
    static func oklab(_ rgb: [Double]) -> [Double] {
        let l = cbrt(0.4122214708 * rgb[0] + 0.5363325363 * rgb[1] + 0.0514459929 * rgb[2])
        let m = cbrt(0.2119034982 * rgb[0] + 0.6806995451 * rgb[1] + 0.1073969566 * rgb[2])
        let s = cbrt(0.0883024619 * rgb[0] + 0.2817188376 * rgb[1] + 0.6299787005 * rgb[2])
        return [0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s]
    }

    static func seen(_ hex: String, through matrix: [[Double]]) -> [Double] {
        let rgb = channels(hex).map(linear)
        return oklab(matrix.map { row in min(max(zip(row, rgb).map(*).reduce(0, +), 0), 1) })
    }

    /// The first four series (most figures have no more) stay apart for red-green colour blindness,
    /// by a distance tab10 does not keep (its orange and green are 0.007 apart under protanopia).
    @Test func theFirstFourSeriesStayApartForRedGreenColourBlindness() {
        for (name, matrix) in Self.deficiencies {
            for theme in [Palette.entries.prefix(4).map(\.light), Palette.entries.prefix(4).map(\.dark)] {
                for i in theme.indices {
                    for j in theme.indices where j > i {
                        let a = Self.seen(theme[i], through: matrix), b = Self.seen(theme[j], through: matrix)
                        let distance = sqrt(zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
                        #expect(distance >= 0.075, "\(theme[i]) and \(theme[j]) under \(name): \(distance)")
                    }
                }
            }
        }
        let tab10 = ["#ff7f0e", "#2ca02c"].map { Self.seen($0, through: Self.deficiencies["protanopia"]!) }
        #expect(sqrt(zip(tab10[0], tab10[1]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)) < 0.075)
    }

    @Test func theFigureCSSCarriesBothVariantsAndTheTextVariants() {
        let css = Theme.css(id: "p")
        #expect(css.contains("--_c0:var(--tb-c0,#0072b2)") && css.contains("--_c1:var(--tb-c1,#c08402)"))
        let dark = try? #require(css.components(separatedBy: "@media (prefers-color-scheme:dark)").last)
        #expect(dark?.contains("--_c0:var(--tb-c0,#3d8fd6)") == true && dark?.contains("--_t1:var(--tb-t1,#e69f00)") == true)
        #expect(css.contains("#p .tb-f1{fill:var(--_c1);--_tx:var(--_t1)}"))
        let note = try? #require(css.range(of: "#p .tb-note{fill:var(--_tx,var(--_fg))"))
        let lastSlot = try? #require(css.range(of: "#p .tb-f7{"))
        #expect(note != nil && lastSlot != nil && lastSlot!.lowerBound < note!.lowerBound, "the note rule must win over the slots'")
        #expect(css.contains(".tb-sup{font-size:9.9px}"))
    }
}
