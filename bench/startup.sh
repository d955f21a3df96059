#!/bin/sh
# Whole-process start-up and run times of rapport-cli, from outside the process (start-up, shared
# libraries and exit included), with the Praat reference script of bench/accuracy on the same
# file when praat is installed. Each figure is the median of RUNS runs (default 21), in ms.
#
#   sh bench/startup.sh [BUILD_DIR] [RUNS]      BUILD_DIR defaults to build/dev
#
# Needs sox and pocketsphinx-testdata (sh .ci/deps test) for the 15 s take.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build/dev"}
runs=${2:-21}
cli="$build/app/cli/rapport-cli"
[ -x "$cli" ] || { echo "startup: no $cli; build first (cmake --build --preset dev)" >&2; exit 3; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median_ms COMMAND...: runs it $runs times (after one warm-up), prints the median wall time.
median_ms() {
    "$@" >/dev/null 2>&1 || { echo "startup: '$*' failed" >&2; exit 1; }
    i=0
    while [ "$i" -lt "$runs" ]; do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(((end - start) / 1000))
        i=$((i + 1))
    done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
}

clips=/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb
take="$work/take15.wav"
sox "$clips-0870.wav" "$clips-0920.wav" "$clips-0890.wav" "$take" trim 0 15
"$cli" --data-dir "$work/data" draw >/dev/null

printf '| command | median ms |\n|---|---|\n'
printf '| rapport-cli --version | %s |\n' "$(median_ms "$cli" --version)"
printf '| rapport-cli draw | %s |\n' "$(median_ms "$cli" --data-dir "$work/data" draw)"
# Like for like with the Praat script, which finds no words: --no-words. With the words (speech
# recognition beside the analysis) on a line of its own.
ours=$(median_ms "$cli" analyze --no-words "$take")
printf '| rapport-cli analyze --no-words (15 s WAV) | %s |\n' "$ours"
printf '| rapport-cli analyze, with the words (15 s WAV) | %s |\n' "$(median_ms "$cli" analyze "$take")"
if command -v praat >/dev/null 2>&1; then
    theirs=$(median_ms praat --run "$root/bench/accuracy/praat_reference.praat" "$take")
    printf '| praat --run praat_reference.praat (same WAV) | %s |\n' "$theirs"
    awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "\nanalyze is %.1fx faster than the Praat script\n", b / a }'
fi
