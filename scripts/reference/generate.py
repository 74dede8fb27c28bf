"""Writes the reference traces the TrainKit tests compare against (Keras, scikit-learn, PyTorch, fastai).

Usage: python scripts/reference/generate.py --out Tests/TrainKitTests/Fixtures [--only NAME ...]
The output is deterministic: the same package versions write byte-identical files.
"""

import argparse
import os
import sys
from pathlib import Path

# Keras reads its backend, and XLA its threading, when first imported: set both before any import.
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent))

FIXTURES = [
    "keras_optimizers",
    "keras_losses",
    "keras_fit",
    "keras_layers",
    "sklearn_sgdregressor",
    "keras_schedules",
    "callbacks",
    "fastai_suggestions",
]


def write(name, out_dir):
    """Generates one fixture file; each module is imported only when its file is asked for."""
    if name.startswith("keras") or name == "callbacks":
        import keras

        keras.utils.set_random_seed(0)
    module = __import__(name)
    module.write(out_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="the fixtures folder, e.g. Tests/TrainKitTests/Fixtures")
    parser.add_argument("--only", nargs="*", choices=FIXTURES, help="write only these files (names without .json)")
    arguments = parser.parse_args()
    out_dir = Path(arguments.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in arguments.only or FIXTURES:
        write(name, out_dir)


if __name__ == "__main__":
    main()
