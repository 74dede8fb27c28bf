// One epoch of an MNIST-shaped MLP on TrainBook's engine: 784 → 50 (relu, he_uniform) → 10
// (softmax), SGD 0.01, batch 32, 60,000 rows of random pixels in 0...1 with random one-hot
// labels (timing does not depend on the values). The peers in bench/peers run the same model.
//
//   trainbook-bench [--rows N] [--repeats R]
//
// Prints the best wall-clock and CPU epoch times of R runs (after one untimed warm-up epoch) as
// `RESULT <wall seconds> <cpu seconds>`: on a shared machine the CPU time is the fairer number.
import Foundation
import TrainKit

var rows = 60_000, repeats = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--rows": rows = Int(arguments.next() ?? "") ?? rows
    case "--repeats": repeats = Int(arguments.next() ?? "") ?? repeats
    default:
        FileHandle.standardError.write(Data("usage: trainbook-bench [--rows N] [--repeats R]\n".utf8))
        exit(2)
    }
}

/// Random pixels in 0...1 and random one-hot labels, `rows` of each.
func mnistShaped(rows: Int) -> Dataset {
    var generator = SeededGenerator(seed: 1)
    var pixels = [Float](repeating: 0, count: rows * 784)
    for index in pixels.indices { pixels[index] = Float(generator.nextUniform()) }
    var labels = [Float](repeating: 0, count: rows * 10)
    for row in 0..<rows { labels[row * 10 + generator.nextInt(below: 10)] = 1 }
    return Dataset(x: Matrix(rows: rows, cols: 784, data: pixels), y: Matrix(rows: rows, cols: 10, data: labels))
}

let data = mnistShaped(rows: rows)

/// The CPU time this process has used, in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Wall-clock and CPU seconds of one epoch.
func epochSeconds(_ model: inout Sequential) -> (wall: Double, cpu: Double) {
    let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpuSeconds()
    model.fit(data, epochs: 1, batchSize: 32)
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuSeconds() - cpuStart)
}

var model = Sequential(seed: 42) {
    Dense(50, activation: .relu, kernelInitializer: .heUniform)
    Dense(10, activation: .softmax)
}
model.compile(optimizer: SGD(learningRate: 0.01), loss: .categoricalCrossentropy, metrics: [.accuracy])
_ = epochSeconds(&model)  // warm-up: page in the data and the library
let times = (0..<repeats).map { _ in epochSeconds(&model) }
let walls = times.map { String(format: "%.3f", $0.wall) }.joined(separator: " ")
let cpus = times.map { String(format: "%.3f", $0.cpu) }.joined(separator: " ")
print("trainbook: \(blasDescription()); epochs \(walls) s wall, \(cpus) s cpu")
print("RESULT \(times.map(\.wall).min()!) \(times.map(\.cpu).min()!)")
