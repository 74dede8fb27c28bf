/// FNV-1a: a hash that is the same in every run (Swift's `Hasher` is seeded per process).
public enum StableHash {
    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`, as 16 hex digits.
    public static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
