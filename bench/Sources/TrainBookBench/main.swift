// TrainBook's side of bench/run.sh: the tutorials' experiments on TrainBook's engine, timed.
//
//   trainbook-bench iris|bmi|sgd [--repeats R] [--workers N]   a learning-rate sweep
//   trainbook-bench mnist [--rows N] [--repeats R]             one epoch of an MNIST-shaped MLP
//   trainbook-bench mnist-real [--rows N] [--repeats R] [--epochs E] [--optimizer NAME]
//                                                              the same on the real MNIST digits (SGD at 0.01,
//                                                              or a Keras optimizer with its defaults)
//   trainbook-bench data --out DIRECTORY                       the sweeps' data as CSV, for the peers
//   trainbook-bench mnist-data [--rows N] --out DIRECTORY      the real MNIST digits as .npy, for the peers
//
// Sweeps run on one worker unless `--workers` says otherwise (0: every core). Each experiment
// runs once untimed as a warm-up (with one rate and one epoch for the sweeps), then R timed runs;
// the last line is the best wall-clock and CPU seconds as `RESULT <wall> <cpu>`. On a shared
// machine the CPU time is the fairer number. The peers in bench/peers run the same experiments.
import Foundation
import TrainKit

let usage = """
    usage: trainbook-bench iris|bmi|sgd [--repeats R] [--workers N]
           trainbook-bench mnist|mnist-real [--rows N] [--repeats R] [--epochs E] [--optimizer NAME]
           trainbook-bench data --out DIRECTORY
           trainbook-bench mnist-data [--rows N] --out DIRECTORY

    """

/// Prints the usage to standard error and exits with status 2.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("trainbook-bench: \(message)\n\(usage)".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let experiment = arguments.first else { fail("name an experiment") }
var rows = 60_000, repeats = 1, workers = 1, epochs = 1, output: String?, optimizer = "sgd"
var options = arguments.dropFirst().makeIterator()
while let option = options.next() {
    let value = options.next()
    switch option {
    case "--rows": rows = value.flatMap(Int.init) ?? -1
    case "--repeats": repeats = value.flatMap(Int.init) ?? -1
    case "--workers": workers = value.flatMap(Int.init) ?? -1
    case "--epochs": epochs = value.flatMap(Int.init) ?? -1
    case "--out": output = value
    case "--optimizer": optimizer = value ?? ""
    default: fail("unknown option \(option)")
    }
}
guard rows > 0, repeats > 0, epochs > 0, workers >= 0 else {
    fail("--rows, --repeats and --epochs need a positive number, --workers 0 or more")
}
if workers == 0 { workers = defaultSweepWorkers() }

/// Runs `body` once untimed with `warmUp`, then `repeats` times timed, and prints the log line
/// and the `RESULT` line.
func report(_ title: String, warmUp: () -> String, _ body: () -> String) {
    _ = warmUp()
    let (summary, seconds, all) = best(of: repeats, body)
    print("trainbook \(title): \(blasDescription()), \(workers) worker\(workers == 1 ? "" : "s"); \(describe(all)); \(summary)")
    print(seconds.resultLine)
}

switch experiment {
case "data":
    guard let output else { fail("data needs --out DIRECTORY") }
    try BenchData.write(to: URL(fileURLWithPath: output))
case "iris":
    let data = BenchData.iris()
    report("iris sweep", warmUp: { Experiments.irisSweep(data, rates: [0.1], epochs: 1, workers: 1) }) {
        Experiments.irisSweep(data, workers: workers)
    }
case "bmi":
    let data = BenchData.bodyMassIndex()
    report("bmi sweep", warmUp: { Experiments.bodyMassIndexSweep(data, rates: [0.1], epochs: 1, workers: 1) }) {
        Experiments.bodyMassIndexSweep(data, workers: workers)
    }
case "sgd":
    let data = BenchData.regression()
    report("SGDRegressor sweep", warmUp: { Experiments.regressionSweep(data, rates: [0.01], passes: 1, workers: 1) }) {
        Experiments.regressionSweep(data, workers: workers)
    }
case "mnist":
    let data = BenchData.mnistShaped(rows: rows)
    var model = Experiments.mnistModel()
    // The warm-up pages in the data and the library; each timed epoch continues training.
    report("MNIST epoch", warmUp: { Experiments.mnistEpoch(&model, data) }) { Experiments.mnistEpoch(&model, data) }
case "mnist-real":
    let data = RealMNIST.train(rows: rows)
    var model = Experiments.mnistModel(optimizer: optimizer)
    print(String(format: "real MNIST: %d rows, %.1f %% of the pixels are zero", data.count, 100 * RealMNIST.zeroShare(data)))
    // The warm-up is the process's first epoch, which makes the sparse view of the digits (kept for
    // every later fit on them, as a notebook's sweep members share it): timed, and printed as the
    // RESULT_WITH_COMPILE line, as the peers print their first epoch. `--epochs E` times one fit
    // of E epochs.
    let first = measure { Experiments.mnistEpoch(&model, data) }.seconds
    report("real-MNIST \(epochs == 1 ? "epoch" : "fit of \(epochs) epochs")\(optimizer == "sgd" ? "" : " with \(optimizer)")", warmUp: { "" }) {
        Experiments.mnistEpoch(&model, data, epochs: epochs)
    }
    print(String(format: "trainbook first real-MNIST epoch of the process (making the sparse view): %.3f s wall, %.3f s cpu", first.wall, first.cpu))
    print("RESULT_WITH_COMPILE \(first.wall) \(first.cpu)")
case "mnist-data":
    guard let output else { fail("mnist-data needs --out DIRECTORY") }
    try RealMNIST.write(RealMNIST.train(rows: rows), to: URL(fileURLWithPath: output))
default:
    fail("unknown experiment \(experiment)")
}
