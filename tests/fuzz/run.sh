#!/bin/sh
# Builds the libFuzzer targets (the fuzz preset: clang, ASan+UBSan) and fuzzes one of them.
#   sh tests/fuzz/run.sh TARGET [SECONDS]      build, then fuzz TARGET (default 600 s)
#   sh tests/fuzz/run.sh --no-build TARGET [SECONDS]
#   sh tests/fuzz/run.sh --build-only
# TARGET: deck_json deck_csv export_import wav backup_archive. Inputs that reach new code are
# kept in build/fuzz/work/TARGET for the next run; a crash is written to
# build/fuzz/artifacts/TARGET-crash-* and the run fails: copy it into tests/fuzz/regressions/TARGET/
# and fix the bug (the replay test then keeps it fixed).
set -eu
cd "$(dirname "$0")/../.."

build=yes
case "${1:-}" in
    --no-build) build=no; shift ;;
    --build-only) build=only ;;
esac
if [ "$build" != no ]; then
    if ! command -v clang++ >/dev/null 2>&1; then
        echo "clang++ is missing: the fuzz targets need clang and its libFuzzer." >&2
        echo "Install them with: sh .ci/deps test" >&2
        exit 1
    fi
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz
fi
[ "$build" = only ] && exit 0

target=${1:?usage: sh tests/fuzz/run.sh [--no-build] TARGET [SECONDS]}
seconds=${2:-600}
program=build/fuzz/tests/fuzz/fuzz_$target
if [ ! -x "$program" ]; then
    echo "$program is missing: build it with sh tests/fuzz/run.sh --build-only" >&2
    exit 1
fi
work=build/fuzz/work/$target
mkdir -p "$work" build/fuzz/artifacts
set -- "$work" "tests/fuzz/corpus/$target"
[ -d "tests/fuzz/regressions/$target" ] && set -- "$@" "tests/fuzz/regressions/$target"
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GB is a runaway allocation.
# Ours last: a later flag wins over one inherited (the dev-asan test preset names its own file).
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(pwd)/tests/fuzz/lsan.supp"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"
exec "$program" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$target-" "$@"
