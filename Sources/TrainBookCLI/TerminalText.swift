/// Text that came from a notebook — its name, what it printed, a crash message, a compiler excerpt
/// of its code — made safe to print on a terminal. Escape sequences could clear the screen, retitle
/// the window, rewrite earlier lines or hide text, so every control character except newline and tab
/// is shown as a visible symbol instead: ESC becomes `␛` (so `\e[2J` prints as `␛[2J`), BEL `␇`,
/// carriage return `␍`, DEL `␡`, and the C1 controls (U+0080–U+009F, which some terminals obey as
/// escapes too) `\u{9B}`-style text.
enum TerminalText {
    /// `text` with its control characters made visible.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: result.append(scalar)
            case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            case 0x80...0x9F: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
