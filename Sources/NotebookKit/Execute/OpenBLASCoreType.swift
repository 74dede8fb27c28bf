import Foundation

/// OpenBLAS 0.3.21 mistakes these machines' Xeons for "Prescott" and runs several times too slow;
/// naming the core type fixes it, but naming one the CPU cannot run crashes, so the choice comes
/// from the CPU's own flags.
public enum OpenBLASCoreType {
    /// `SkylakeX` with AVX-512, `Haswell` with AVX2, nil (let OpenBLAS decide) otherwise.
    public static func forThisCPU(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> String? {
        guard let flagsLine = cpuinfo?.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(flagsLine.split(separator: " "))
        if flags.contains("avx512f") { return "SkylakeX" }
        if flags.contains("avx2") { return "Haswell" }
        return nil
    }
}
