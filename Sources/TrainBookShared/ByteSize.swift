import Foundation

/// Sizes as people write them in settings (`TRAINBOOK_MEMO_LIMIT`), read the same way by the runner,
/// which checks the setting, and by the engine, which applies it.
public enum ByteSize {
    /// A size such as `2147483648`, `512M` or `2G` (powers of 1024), or nil when it is not one.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = trimmed
        var scale = 1
        if let last = trimmed.last, let unit = units[last] {
            scale = unit
            digits.removeLast()
        }
        guard let value = Int(digits), value >= 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }
}
