/// A 256-bit content hash for memo keys that reads large arrays at memory speed.
///
/// Eight 64-bit lanes in two independent families (four of each, the rounds of xxHash64 with two
/// sets of multipliers) take the input in 32-byte stripes; every lane's round is a bijection of its
/// state for a fixed input word, so a change in one word always changes two lanes, and the
/// finish mixes all lanes into each of the four output words. It guards against accidental
/// collisions between training inputs (about 2⁻¹²⁸ for any two different inputs), not against
/// an adversary: a memo store belongs to one user.
struct MemoHasher {
    private var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89,
        0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917)
    /// Bytes not yet part of a full stripe.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let q1: UInt64 = 0xD6E8_FEB8_6659_FD93, q2: UInt64 = 0xFF51_AFD7_ED55_8CCD

    init() { pending.reserveCapacity(32) }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* p2
        return ((mixed << 31) | (mixed >> 33)) &* p1
    }

    @inline(__always)
    private static func otherRound(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = lane &+ word &* q2
        return ((mixed << 27) | (mixed >> 37)) &* q1
    }

    /// Mixes `count` full stripes starting at `base` into the lanes.
    private mutating func stripes(_ base: UnsafeRawPointer, count: Int) {
        var l = lanes
        for index in 0..<count {
            let stripe = base + index * 32
            let w0 = UInt64(littleEndian: stripe.loadUnaligned(as: UInt64.self))
            let w1 = UInt64(littleEndian: (stripe + 8).loadUnaligned(as: UInt64.self))
            let w2 = UInt64(littleEndian: (stripe + 16).loadUnaligned(as: UInt64.self))
            let w3 = UInt64(littleEndian: (stripe + 24).loadUnaligned(as: UInt64.self))
            l.0 = Self.round(l.0, w0); l.1 = Self.round(l.1, w1); l.2 = Self.round(l.2, w2); l.3 = Self.round(l.3, w3)
            l.4 = Self.otherRound(l.4, w0); l.5 = Self.otherRound(l.5, w1)
            l.6 = Self.otherRound(l.6, w2); l.7 = Self.otherRound(l.7, w3)
        }
        lanes = l
    }

    /// Adds raw bytes.
    mutating func add(bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if !pending.isEmpty {
            let taken = min(32 - pending.count, remaining)
            pending += UnsafeRawBufferPointer(start: base, count: taken)
            base += taken
            remaining -= taken
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripes($0.baseAddress!, count: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let full = remaining / 32
        stripes(base, count: full)
        pending += UnsafeRawBufferPointer(start: base + full * 32, count: remaining - full * 32)
    }

    /// Adds an integer (8 bytes, little-endian).
    mutating func add(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { add(bytes: $0) }
    }

    /// Adds a double by its bit pattern (so -0 and 0, and NaN payloads, differ).
    mutating func add(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { add(bytes: $0) }
    }

    /// Adds a string, prefixed by its length so consecutive strings cannot run together.
    mutating func add(_ text: String) {
        let utf8 = Array(text.utf8)
        add(utf8.count)
        utf8.withUnsafeBytes { add(bytes: $0) }
    }

    /// Adds an array of floats by its bytes, prefixed by its count.
    mutating func add(_ values: [Float]) {
        add(values.count)
        values.withUnsafeBytes { add(bytes: $0) }
    }

    /// The 32-byte digest of everything added.
    func finish() -> [UInt8] {
        var copy = self
        var tail = copy.pending
        let total = copy.length
        // Pad the tail with a 0x80 marker and zeros to a full stripe, then a stripe with the length.
        tail.append(0x80)
        while tail.count % 32 != 0 { tail.append(0) }
        var last = [UInt8](repeating: 0, count: 32)
        withUnsafeBytes(of: total.littleEndian) { last.replaceSubrange(0..<8, with: $0) }
        tail += last
        tail.withUnsafeBytes { copy.stripes($0.baseAddress!, count: tail.count / 32) }
        let l = copy.lanes
        let all = [l.0, l.1, l.2, l.3, l.4, l.5, l.6, l.7].map(Self.avalanche)
        var digest: [UInt8] = []
        for output in 0..<4 {
            var accumulator = UInt64(output) &* Self.q1 ^ Self.p2
            for (index, lane) in all.enumerated() {
                let turn = UInt64((index * 7 + output * 13) % 63 + 1)
                accumulator = Self.avalanche(accumulator ^ ((lane << turn) | (lane >> (64 - turn))))
            }
            withUnsafeBytes(of: accumulator.littleEndian) { digest += $0 }
        }
        return digest
    }

    /// The digest as 64 lowercase hexadecimal digits.
    func hexDigest() -> String {
        finish().map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
    }

    /// The finalizer of SplitMix64/MurmurHash3: every input bit affects every output bit.
    @inline(__always)
    static func avalanche(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
