"""What the peer scripts of bench/run.sh share: timing and the data files of trainbook-bench."""
import os
import time

import numpy as np


def timed(body):
    """Runs `body()` once; returns its result, the wall-clock seconds and the process's CPU seconds."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = body()
    return result, time.perf_counter() - start, time.process_time() - cpu_start


def best(repeats, body):
    """Runs `body()` `repeats` times; returns the last result, the smallest wall and CPU times and a log text."""
    runs = [timed(body) for _ in range(repeats)]
    walls = " ".join(f"{wall:.3f}" for _, wall, _ in runs)
    cpus = " ".join(f"{cpu:.3f}" for _, _, cpu in runs)
    return runs[-1][0], min(w for _, w, _ in runs), min(c for _, _, c in runs), f"{walls} s wall, {cpus} s cpu"


def load(directory, name, part):
    """Features and targets of `NAME-PART.csv` as written by `trainbook-bench data`, as float32 arrays."""
    path = os.path.join(directory, f"{name}-{part}.csv")
    with open(path) as handle:
        header = handle.readline().strip().split(",")
    values = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32, ndmin=2)
    width = sum(1 for column in header if column.startswith("x"))
    return values[:, :width], values[:, width:]


def format4(value):
    """Four significant digits, like the Swift side's summaries."""
    return "none" if value is None else f"{value:.4g}"
