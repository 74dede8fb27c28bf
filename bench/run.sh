#!/usr/bin/env bash
# The speed report: the tutorials' own experiments on TrainBook's engine and on their peers, side by
# side in one run, each framework on one thread of the same core. Prints a log, then a Markdown table
# of wall-clock and CPU seconds with the ratios peer / TrainBook and whether the targets are met.
#
#   bench/run.sh                                  # everything (a few minutes)
#   EXPERIMENTS="iris sgd" bench/run.sh           # some of: iris bmi sgd mnist mnist-real
#   ROWS=6000 MNIST_REPEATS=1 bench/run.sh        # a smaller MNIST epoch
#   REPEATS=3 bench/run.sh                        # best of 3 timed runs of each sweep (default 1)
#
# The peers (Keras on JAX, PyTorch, scikit-learn) are installed from PyPI into bench/.venv
# (gitignored) on first use, at the versions of bench/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
EXPERIMENTS=${EXPERIMENTS:-iris bmi sgd mnist mnist-real}
ROWS=${ROWS:-60000}
REPEATS=${REPEATS:-1}
MNIST_REPEATS=${MNIST_REPEATS:-3}
VENV=bench/.venv

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c "import keras, jax, torch, sklearn" 2>/dev/null; then
    # --no-deps: the file lists every dependency, and pip must not pull torch's CUDA packages.
    "$VENV/bin/pip" install -q --no-deps -r bench/requirements.txt || echo "note: the peers could not be installed"
fi

# One thread everywhere. OpenBLAS must be told the CPU's kernels before it loads (its own
# detection is unreliable on these machines): pick them from the CPU flags unless already set.
flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
cores=$(getconf _NPROCESSORS_ONLN)
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
PYTHON=$VENV/bin/python
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
"$BENCH" data --out "$DATA"  # the sweeps' data, made once, read by every framework
if [[ " $EXPERIMENTS " == *" mnist-real "* ]]; then
    # The real digits as .npy (188 MB for 60,000 rows), read by every framework's real-MNIST epoch.
    "$BENCH" mnist-data --rows "$ROWS" --out "$DATA" || echo "note: the real MNIST digits are not fetched (trainbook datasets fetch)"
fi

# Results by key "experiment/framework": RESULT lines go to wall/cpu, RESULT_WITH_COMPILE lines
# to the key with "+compile" appended.
declare -A wall cpu
rows=()  # "experiment|key|label" in table order
run() {  # experiment, framework key, label, label of a RESULT_WITH_COMPILE line, pin (yes/no), command...
    local experiment=$1 key=$2 label=$3 compile_label=$4 pin=$5; shift 5
    local output prefix=()
    if [ "$pin" = yes ]; then prefix=("${PIN[@]}"); fi
    if output=$("${prefix[@]}" "$@" 2>&1); then
        grep -v '^RESULT' <<<"$output" | tail -n 3
        while read -r tag w c; do
            local name="$experiment/$key"
            if [ "$tag" = RESULT_WITH_COMPILE ]; then name+="+compile"; fi
            wall[$name]=$w
            cpu[$name]=$c
        done < <(grep '^RESULT' <<<"$output")
    else
        echo "$experiment/$key failed:"; tail -n 5 <<<"$output"
    fi
    rows+=("$experiment|$key|$label")
    if grep -q '^RESULT_WITH_COMPILE' <<<"$output"; then rows+=("$experiment|$key+compile|$compile_label"); fi
}

echo "one thread per framework on core 0; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}; $cores cores"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for experiment in $EXPERIMENTS; do
    case $experiment in
    iris|bmi)
        run "$experiment" trainbook "TrainBook, 1 worker" "" yes "$BENCH" "$experiment" --repeats "$REPEATS"
        run "$experiment" keras "Keras, steps compiled beforehand" "Keras, a fresh model per rate (compiling inside the time)" yes \
            "$PYTHON" bench/peers/sweeps.py "keras-$experiment" --data "$DATA" --repeats "$REPEATS"
        run "$experiment" parallel "TrainBook, sweep on all $cores cores (not pinned)" "" no \
            "$BENCH" "$experiment" --repeats "$REPEATS" --workers 0 ;;
    sgd)
        run sgd trainbook "TrainBook SGDRegressor, 1 worker" "" yes "$BENCH" sgd --repeats "$REPEATS"
        run sgd sklearn "scikit-learn SGDRegressor" "" yes \
            "$PYTHON" bench/peers/sweeps.py sklearn-sgd --data "$DATA" --repeats "$REPEATS"
        run sgd parallel "TrainBook, sweep on all $cores cores (not pinned)" "" no \
            "$BENCH" sgd --repeats "$REPEATS" --workers 0 ;;
    mnist)
        run mnist trainbook "TrainBook" "" yes "$BENCH" mnist --rows "$ROWS" --repeats "$MNIST_REPEATS"
        run mnist torch "PyTorch" "" yes "$PYTHON" bench/peers/mnist_epoch.py torch --rows "$ROWS" --repeats "$MNIST_REPEATS"
        run mnist keras "Keras, step compiled beforehand" "Keras, first epoch (compiling inside the time)" yes \
            "$PYTHON" bench/peers/mnist_epoch.py keras --rows "$ROWS" --repeats "$MNIST_REPEATS" ;;
    mnist-real)
        run mnist-real trainbook "TrainBook" "TrainBook, first epoch (making the sparse view inside the time)" yes \
            "$BENCH" mnist-real --rows "$ROWS" --repeats "$MNIST_REPEATS"
        run mnist-real torch "PyTorch, manual training loop" "" yes "$PYTHON" bench/peers/mnist_epoch.py torch \
            --rows "$ROWS" --repeats "$MNIST_REPEATS" --data "$DATA"
        run mnist-real keras "Keras, step compiled beforehand" "Keras, first epoch (compiling inside the time)" yes \
            "$PYTHON" bench/peers/mnist_epoch.py keras --rows "$ROWS" --repeats "$MNIST_REPEATS" --data "$DATA" ;;
    *) echo "unknown experiment $experiment (iris, bmi, sgd, mnist, mnist-real)"; exit 2 ;;
    esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A titles=(
    [iris]="iris, 4 rates × 20 epochs"
    [bmi]="body-mass index 128-64-6, 8 rates × 200 epochs"
    [sgd]="SGDRegressor, 8 rates × 200 partial_fit"
    [mnist]="MNIST-shaped 784-50-10, one epoch of $ROWS rows"
    [mnist-real]="real MNIST 784-50-10, one epoch of $ROWS digits")
# Ratios are the row's time over TrainBook's (1 worker) in the same experiment: 20 means TrainBook
# is twenty times faster.
echo
echo "| experiment | framework | wall (s) | cpu (s) | wall ratio | cpu ratio |"
echo "|---|---|--:|--:|--:|--:|"
shown=""
for row in "${rows[@]}"; do
    IFS='|' read -r experiment key label <<<"$row"
    name="$experiment/$key" base="$experiment/trainbook" title=""
    if [ "$experiment" != "$shown" ]; then title=${titles[$experiment]}; shown=$experiment; fi
    if [ -z "${wall[$name]:-}" ]; then echo "| $title | $label | n/a | n/a | | |"; continue; fi
    awk -v t="$title" -v l="$label" -v w="${wall[$name]}" -v c="${cpu[$name]}" \
        -v bw="${wall[$base]:-0}" -v bc="${cpu[$base]:-0}" 'BEGIN {
        if (bw > 0) r = sprintf("%.1f | %.1f", w / bw, c / bc); else r = "n/a | n/a"
        printf "| %s | %s | %.3f | %.3f | %s |\n", t, l, w, c, r }'
done

# The issue's targets, on CPU time: every tutorial experiment at least 20× faster than Keras with
# its steps compiled (the stricter comparison), the SGDRegressor sweep at least as fast as scikit-learn.
echo
target() {  # experiment, peer key, factor, peer name
    local base="$1/trainbook" peer="$1/$2"
    if [ -z "${cpu[$base]:-}" ] || [ -z "${cpu[$peer]:-}" ]; then return; fi
    awk -v t="${titles[$1]}" -v p="$4" -v f="$3" -v c="${cpu[$peer]}" -v bc="${cpu[$base]}" 'BEGIN {
        ratio = c / bc
        printf "- %s: %.1f× the CPU time of %s (target ≥ %s×): %s\n", t, ratio, p, f, (ratio >= f ? "met" : "NOT met") }'
}
target iris keras 20 Keras
target bmi keras 20 Keras
target mnist keras 20 Keras
target mnist-real torch 10 "PyTorch's manual training loop"
target sgd sklearn 1 "scikit-learn"
