#!/usr/bin/env bash
# CI fuzzing: builds every target with libFuzzer + ASan + UBSan (the `fuzz` preset), replays the
# committed corpora through ctest, then fuzzes each target briefly. Any crash fails the step; the
# crashing input is left in build/fuzz/crashes/ for minimisation (see docs/fuzzing.md).
#   FUZZ_SECONDS  seconds per target (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-10}
cmake --workflow --preset fuzz
out=build/fuzz
mkdir -p "$out/crashes" "$out/work"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
for bin in "$out"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin"); name=${name#fuzz_}
  work="$out/work/$name"
  rm -rf "$work"; mkdir -p "$work"
  dict=()
  [ -f "fuzz/$name.dict" ] && dict=(-dict="fuzz/$name.dict")
  echo "fuzz: $name for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/crashes/$name-" \
       "${dict[@]}" "$work" "fuzz/corpus/$name" > "$out/$name.log" 2>&1; then
    echo "fuzz: $name FAILED"; tail -40 "$out/$name.log"; status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$out/$name.log" | tail -2 | sed "s/^/fuzz: $name: /"
  fi
done
exit $status
