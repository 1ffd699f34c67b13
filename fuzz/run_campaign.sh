#!/usr/bin/env bash
# fuzz/run_campaign.sh — long fuzzing campaigns (docs/fuzzing.md).
#
#   fuzz/run_campaign.sh [SECONDS] [TARGET...]
#
# Builds the `fuzz` preset (clang, libFuzzer, ASan + UBSan) unless FUZZ_NO_BUILD=1, then runs each
# built target (all of them by default; TARGET is the name without the fuzz_ prefix) for SECONDS
# (default 3600) with its committed seeds (fuzz/corpus/<target>/) and dictionary
# (fuzz/<target>.dict). The working corpus of each target persists between campaigns in
# build/fuzz/campaign/<target>/corpus, so a campaign continues where the last one stopped.
# Prints a table of executions, coverage (libFuzzer's `cov:`, covered edges) and crashes, and
# exits non-zero if any target crashed; the inputs are in build/fuzz/campaign/<target>/artifacts/.
#
# Environment:
#   FUZZ_FORK=N     run N fuzzing processes per target (libFuzzer -fork=N); default 1 process
#   FUZZ_MERGE=1    afterwards, merge what the campaign found into fuzz/corpus/<target>/ (minimised
#                   with -merge=1), ready to review and commit
#   FUZZ_NO_BUILD=1 use the binaries already in build/fuzz
#   FUZZ_RSS_MB     memory limit per process (default 2048)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
shift || true
build=build/fuzz
campaign="$build/campaign"
rss=${FUZZ_RSS_MB:-2048}

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  cmake --preset fuzz > /dev/null || { echo "run_campaign: configure failed" >&2; exit 2; }
  cmake --build --preset fuzz -j2 || { echo "run_campaign: build failed" >&2; exit 2; }
fi

targets=("$@")
if [ ${#targets[@]} = 0 ]; then
  for bin in "$build"/fuzz/fuzz_*; do
    [ -x "$bin" ] && targets+=("$(basename "$bin" | sed 's/^fuzz_//')")
  done
fi
if [ ${#targets[@]} = 0 ]; then
  echo "run_campaign: no fuzz targets in $build/fuzz" >&2
  exit 2
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
summary=()
failed=0
for name in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$name"
  if [ ! -x "$bin" ]; then
    summary+=("| $name | not built | | | |")
    continue
  fi
  dir="$campaign/$name"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  args=(-max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb="$rss" -artifact_prefix="$dir/artifacts/")
  [ -f "fuzz/$name.dict" ] && args+=(-dict="fuzz/$name.dict")
  [ -n "${FUZZ_FORK:-}" ] && args+=(-fork="$FUZZ_FORK" -ignore_crashes=1)
  seeds=()
  [ -d "fuzz/corpus/$name" ] && seeds+=("fuzz/corpus/$name")
  echo "== $name: ${seconds}s, log $dir/fuzz.log"
  "$bin" "${args[@]}" "$dir/corpus" "${seeds[@]}" > "$dir/fuzz.log" 2>&1
  status=$?
  # Executions: the final stats, else the last status line ("#<runs> ... cov: ...").
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/fuzz.log" | tail -1 | grep -o '[0-9]*$')
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$dir/fuzz.log" | tail -1 | tr -d '#')
  cov=$(grep -oE 'cov: [0-9]+' "$dir/fuzz.log" | tail -1 | grep -oE '[0-9]+')
  ft=$(grep -oE 'ft: [0-9]+' "$dir/fuzz.log" | tail -1 | grep -oE '[0-9]+')
  crashes=$(find "$dir/artifacts" -type f | wc -l)
  if [ "$status" != 0 ] || [ "$crashes" != 0 ]; then
    failed=1
    echo "   $name: FAILED (exit $status, $crashes artifact(s) in $dir/artifacts)"
    grep -m3 -E "ERROR: |SUMMARY: |runtime error" "$dir/fuzz.log" | sed 's/^/   /'
  fi
  summary+=("| $name | ${execs:-?} | ${cov:-?} | ${ft:-?} | $crashes |")
  if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$status" = 0 ]; then
    mkdir -p "fuzz/corpus/$name"
    "$bin" -merge=1 -rss_limit_mb="$rss" "fuzz/corpus/$name" "$dir/corpus" >> "$dir/merge.log" 2>&1 ||
      echo "   $name: merge failed (see $dir/merge.log)"
  fi
done

echo
echo "Campaign: ${seconds}s per target, $(date -u '+%Y-%m-%d %H:%M UTC'), $(clang --version | head -1)"
echo
echo "| Target | Executions | Coverage (cov: edges) | Features (ft:) | Crashes |"
echo "|---|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit $failed
