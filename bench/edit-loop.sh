#!/usr/bin/env bash
# The writer's edit loop, timed: notebook 04 (the MNIST notebook, the heaviest) rendered cold, again
# after a one-line prose edit, again after a plot-only code edit in its last figure cell, then the
# whole book cold. Prints a log, then a Markdown table of wall-clock and CPU seconds against the
# targets of the issue.
#
#   bench/edit-loop.sh                 # everything (a few minutes)
#   JOBS=1 bench/edit-loop.sh          # the cold book with one notebook at a time (default 2)
#   SKIP_BOOK=1 bench/edit-loop.sh     # notebook 04 only
#   SKIP_BOOK=1 EPOCHS=2 bench/edit-loop.sh   # a quick check of the script: 04 with 2 epochs per training
#
# It works on copies of the notebooks in a scratch folder with a fresh cache folder
# (TRAINBOOK_CACHE), so nothing it does touches the repository or your caches; the datasets are
# read from where `trainbook datasets fetch` put them. It measures whatever the current tree does.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
NOTEBOOK=04-mnist-momentum-decay-plateau-optimizers.md
PARAMETERS=()
if [ -n "${EPOCHS:-}" ]; then PARAMETERS=(-p "epochs=$EPOCHS"); fi

# The whole package: notebook programs link the TrainBook library, which the CLI product alone would leave stale.
swift build -c release >/dev/null
TRAINBOOK=$(swift build -c release --show-bin-path)/trainbook
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
cp -R notebooks "$SCRATCH/notebooks"
# A fresh cache: the first render compiles and trains everything; later ones find what it stored.
export TRAINBOOK_CACHE="$SCRATCH/cache"
page="$SCRATCH/notebooks/$NOTEBOOK"

declare -A wall cpu status
steps=()
step() {  # key, label, trainbook arguments...
    local key=$1 label=$2 code=0; shift 2
    echo "== $label"
    # A render that fails (a false claim, say) still did the work: its time counts, and the table says so.
    /usr/bin/time -f "%e %U %S" -o "$SCRATCH/time" "$TRAINBOOK" render "$@" --out "$SCRATCH/out" \
        >"$SCRATCH/log" 2>&1 || code=$?
    grep -v '^ *[0-9A-Za-z._-]*\.md: cell ' "$SCRATCH/log" | tail -n 14
    read -r w u s < <(tail -n 1 "$SCRATCH/time")
    wall[$key]=$w
    cpu[$key]=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    status[$key]=$([ "$code" = 0 ] && echo ok || echo "failed (exit $code)")
    steps+=("$key|$label")
}

echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(getconf _NPROCESSORS_ONLN) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
step cold "notebook 04, cold (empty caches)" "$page" ${PARAMETERS[@]+"${PARAMETERS[@]}"}

# One line of prose before the first section heading.
sed -i '0,/^## /s//This sentence was added by the edit-loop benchmark.\n\n&/' "$page"
step prose "notebook 04 after a one-line prose edit" "$page" ${PARAMETERS[@]+"${PARAMETERS[@]}"}

# A plot title in the last cell that draws a figure (the optimizers' accuracy grid): the code
# changes, the trainings do not.
grep -q 'title: "Accuracy by optimizer, Keras defaults"' "$page" || { echo "the plot title to edit is gone from $NOTEBOOK"; exit 1; }
sed -i 's/title: "Accuracy by optimizer, Keras defaults"/title: "Accuracy by optimizer (Keras defaults)"/' "$page"
step plot "notebook 04 after a plot-only code edit" "$page" ${PARAMETERS[@]+"${PARAMETERS[@]}"}

if [ -z "${SKIP_BOOK:-}" ]; then
    step book "the whole book, cold (--no-cache, --jobs $JOBS)" "$SCRATCH/notebooks" --no-cache --jobs "$JOBS"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A targets=([prose]=0.5 [plot]=2 [book]=60)
echo
echo "| step | wall (s) | cpu (s) | target (wall) | met | render |"
echo "|---|--:|--:|--:|---|---|"
for entry in "${steps[@]}"; do
    IFS='|' read -r key label <<<"$entry"
    target=${targets[$key]:-} met=""
    if [ -n "$target" ]; then met=$(awk -v w="${wall[$key]}" -v t="$target" 'BEGIN { print (w < t ? "yes" : "no") }'); fi
    echo "| $label | ${wall[$key]} | ${cpu[$key]} | ${target:+< $target s} | $met | ${status[$key]} |"
done
