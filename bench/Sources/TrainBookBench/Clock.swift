import Foundation

/// The wall-clock and CPU seconds of one measured piece of work.
struct Seconds {
    /// Elapsed real time.
    var wall: Double
    /// CPU time of the whole process (all threads) over the same span.
    var cpu: Double

    /// `RESULT <wall> <cpu>`, the line bench/run.sh reads.
    var resultLine: String { "RESULT \(wall) \(cpu)" }
}

/// The CPU time this process has used, in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` once and returns its result with the time it took.
func measure<Result>(_ body: () -> Result) -> (result: Result, seconds: Seconds) {
    let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
    let result = body()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (result, Seconds(wall: wall, cpu: cpuSeconds() - cpuStart))
}

/// Runs `body` `repeats` times and returns the last result with the smallest wall and CPU times
/// (each minimum taken on its own), plus every time for the log.
func best<Result>(of repeats: Int, _ body: () -> Result) -> (result: Result, best: Seconds, all: [Seconds]) {
    precondition(repeats > 0, "repeats must be positive, but got \(repeats).")
    var times: [Seconds] = []
    var last: Result?
    for _ in 0..<repeats {
        let (result, seconds) = measure(body)
        times.append(seconds)
        last = result
    }
    let best = Seconds(wall: times.map(\.wall).min()!, cpu: times.map(\.cpu).min()!)
    return (last!, best, times)
}

/// `"0.123 0.125 s wall, 0.120 0.121 s cpu"` for the log line of a measurement.
func describe(_ times: [Seconds]) -> String {
    let walls = times.map { String(format: "%.3f", $0.wall) }.joined(separator: " ")
    let cpus = times.map { String(format: "%.3f", $0.cpu) }.joined(separator: " ")
    return "\(walls) s wall, \(cpus) s cpu"
}
