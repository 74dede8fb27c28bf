import Foundation
import NotebookWire

/// How a table's cells appear on a page: text on the left; numbers on the right, one rule of
/// significant figures per column and lined up on the decimal point.
///
/// Tables reach the page as cells already formatted by the notebook (`0.12`, `0.1467`, `0.002977`:
/// each rounded to the table's significant digits, trailing zeros dropped). A column whose cells are
/// all numbers gets back the trailing zeros its roundest cells lost, so every decimal cell shows as
/// many significant digits as the most precise one (`0.1200`, `0.1467`, `0.002977`): the zeros are
/// true digits of the rounded value, never invented precision. Columns of integers stay as they are,
/// and so do rate columns (`RateHeading`: "learning rate", "momentum", …), whose cells the notebook
/// wrote with the rate formatter ("1e-4", "0.0178", "0.5"): they are lined up, never padded.
enum TableLayout {
    /// The HTML `<table>` for `columns` and `rows`, numeric columns classed `num`.
    static func html(columns: [String], rows: [[String]]) -> String {
        let numeric = columns.indices.map { column in isNumeric(rows.map { $0.indices.contains(column) ? $0[column] : "" }) }
        let shown = columns.indices.map { column in
            numeric[column] ? aligned(rows.map { $0.indices.contains(column) ? $0[column] : "" },
                                      padding: !RateHeading.names(columns[column])) : nil
        }
        let head = columns.indices.map { "<th\(numeric[$0] ? " class=\"num\"" : "")>\(HTML.escape(columns[$0]))</th>" }.joined()
        let body = rows.indices.map { row in
            "<tr>" + rows[row].indices.map { column -> String in
                guard column < columns.count, let cells = shown[column] else { return "<td>\(HTML.escape(rows[row][column]))</td>" }
                return "<td class=\"num\">\(cells[row])</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// A number as a notebook prints one: sign, digits, an optional fraction and exponent.
    struct Number {
        var whole: Substring
        var fraction: Substring?
        var exponent: Substring?

        init?(_ text: String) {
            var rest = Substring(text)
            if let e = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                exponent = rest[e...]
                guard Self.isExponent(rest[rest.index(after: e)...]) else { return nil }
                rest = rest[..<e]
            }
            if let dot = rest.firstIndex(of: ".") {
                fraction = rest[rest.index(after: dot)...]
                rest = rest[..<dot]
                guard let fraction, !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            }
            whole = rest
            let digits = rest.first == "-" || rest.first == "+" ? rest.dropFirst() : rest
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        }

        private static func isExponent(_ text: Substring) -> Bool {
            let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : text
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        }

        /// An integer: no fraction and no exponent.
        var isInteger: Bool { fraction == nil && exponent == nil }

        /// Digits from the first non-zero one on (0 for zero).
        var significantDigits: Int {
            let digits = (whole + (fraction ?? "")).filter(\.isASCIIDigit).drop { $0 == "0" }
            return digits.count
        }

        /// The number with trailing zeros added up to `digits` significant digits (zero stays `0`).
        func padded(to digits: Int) -> (body: String, fraction: Int) {
            let missing = significantDigits == 0 ? 0 : max(0, digits - significantDigits)
            let newFraction = (fraction ?? "") + String(repeating: "0", count: missing)
            let body = whole + (newFraction.isEmpty ? "" : "." + newFraction) + (exponent ?? "")
            return (String(body), newFraction.count)
        }
    }

    /// The spaces that line up decimal points after a number.
    static let alignmentSpaces = CharacterSet(charactersIn: "\u{2007}\u{2008}")

    /// Spellings of values that are not finite; they count as numbers in a numeric column.
    static let nonFinite: Set<String> = ["nan", "inf", "-inf", "NaN", "Infinity", "-Infinity"]

    /// True when every non-empty cell is a number, and one at least is.
    static func isNumeric(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { Number($0) != nil || nonFinite.contains($0) }
    }

    /// The cells of a numeric column as HTML: padded to one count of significant digits, with figure
    /// spaces after shorter fractions so that decimal points line up when right-aligned. Without
    /// `padding`, each number keeps the digits it was written with.
    static func aligned(_ cells: [String], padding: Bool = true) -> [String] {
        let numbers = cells.map(Number.init)
        let decimals = numbers.compactMap { $0 }.filter { !$0.isInteger }
        let digits = decimals.isEmpty ? 0 : decimals.map(\.significantDigits).max()!
        let padded: [(body: String, fraction: Int)?] = numbers.map { number in
            number.map { decimals.isEmpty ? (body: String($0.whole), fraction: 0) : $0.padded(to: padding ? digits : 0) }
        }
        let widest = zip(numbers, padded).compactMap { number, padded in number?.exponent == nil ? padded?.fraction : nil }.max() ?? 0
        return zip(cells, zip(numbers, padded)).map { cell, pair in
            guard let number = pair.0, let (body, fraction) = pair.1 else { return HTML.escape(cell) }
            let width = fraction == 0 ? 0 : fraction + 1
            let missing = number.exponent == nil && widest > 0 ? (widest + 1) - width : 0
            guard missing > 0 else { return HTML.escape(body) }
            // U+2008 PUNCTUATION SPACE stands for a missing decimal point, U+2007 FIGURE SPACE (as wide
            // as a digit in tabular figures) for each missing decimal.
            let spaces = (width == 0 ? "\u{2008}" : "") + String(repeating: "\u{2007}", count: width == 0 ? missing - 1 : missing)
            return HTML.escape(body) + "<span class=\"pad\" aria-hidden=\"true\">" + spaces + "</span>"
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
