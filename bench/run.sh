#!/usr/bin/env bash
# The MNIST-shaped one-epoch benchmark: TrainBook's engine against Keras and PyTorch, each on
# one thread of the same core, in the same run. Prints a table of epoch times and ratios.
#
#   bench/run.sh                 # 60,000 rows, best of 3 epochs each
#   ROWS=6000 REPEATS=1 bench/run.sh
#
# Peers are installed from PyPI into bench/.venv (gitignored) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-60000}
REPEATS=${REPEATS:-3}
VENV=bench/.venv

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c "import keras, jax" 2>/dev/null; then
    "$VENV/bin/pip" install -q numpy keras jax jaxlib || echo "note: Keras/JAX could not be installed"
fi
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    "$VENV/bin/pip" install -q torch || echo "note: PyTorch could not be installed"
fi

# One thread everywhere. OpenBLAS must be told the CPU's kernels before it loads (its own
# detection is unreliable on these machines): pick them from the CPU flags unless already set.
flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
    if grep -qw avx512f <<<"$flags"; then export OPENBLAS_CORETYPE=SkylakeX
    elif grep -qw avx2 <<<"$flags"; then export OPENBLAS_CORETYPE=Haswell
    fi
fi
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
export XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
export TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 KERAS_BACKEND=${KERAS_BACKEND:-jax}
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

swift build -c release --product trainbook-bench >/dev/null
BENCH=$(swift build -c release --show-bin-path)/trainbook-bench

declare -A wall cpu
run() {  # name, command...
    local name=$1; shift
    local output result
    if output=$("${PIN[@]}" "$@" 2>&1); then
        grep -v '^RESULT' <<<"$output" | tail -n 3
        result=$(grep '^RESULT' <<<"$output")
        wall[$name]=$(awk '{print $2}' <<<"$result")
        cpu[$name]=$(awk '{print $3}' <<<"$result")
    else
        echo "$name failed:"; tail -n 5 <<<"$output"
    fi
}
echo "MNIST-shaped MLP 784-50-10, SGD 0.01, batch 32, $ROWS rows, best of $REPEATS epochs, one thread"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run trainbook "$BENCH" --rows "$ROWS" --repeats "$REPEATS"
run pytorch "$VENV/bin/python" bench/peers/mnist_epoch.py torch --rows "$ROWS" --repeats "$REPEATS"
run keras "$VENV/bin/python" bench/peers/mnist_epoch.py keras --rows "$ROWS" --repeats "$REPEATS"

# Ratios are the peer's time over TrainBook's: 5.0 means TrainBook is five times faster.
echo
printf '%-10s %10s %10s %12s %12s\n' framework "wall (s)" "cpu (s)" "wall ratio" "cpu ratio"
for name in trainbook pytorch keras; do
    if [ -z "${wall[$name]:-}" ]; then printf '%-10s %10s\n' "$name" "n/a"; continue; fi
    ratios=$(awk -v w="${wall[$name]}" -v c="${cpu[$name]}" -v bw="${wall[trainbook]:-0}" -v bc="${cpu[trainbook]:-0}" \
        'BEGIN { if (bw > 0) printf "%12.1f %12.1f", w / bw, c / bc; else printf "%12s %12s", "n/a", "n/a" }')
    printf '%-10s %10.3f %10.3f %s\n' "$name" "${wall[$name]}" "${cpu[$name]}" "$ratios"
done
