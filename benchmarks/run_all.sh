#!/usr/bin/env bash
# benchmarks/run_all.sh — builds the `release` preset's benchmarks, runs every benchmark of the
# suite and prints ONE table of figures and ratios, each ratio measured side by side in the same run:
#   C++ per-number / scalar loop vs vectorised bulk        (benchmarks/bench_numbers)
#   Python scalar and bulk vs python-stdnum                (benchmarks/bench_python.py)
#   CLI `mynumber validate` on 10 million lines vs `wc -l` (here)
#   certificate parse + extract vs bare d2i_X509           (benchmarks/bench_jpki)
#   NTA CSV parse vs Python csv                            (benchmarks/bench_corp.sh)
#   law decisions per second                               (benchmarks/law_bench)
# A piece that is missing or fails is shown as a "not available" row with the reason; nothing is
# estimated or carried over from an earlier run.
#
# Each benchmark program reports its rows on stdout as tab-separated lines:
#   ROW <tab> section <tab> what <tab> value <tab> unit <tab> comparison
# Everything else it prints goes to the log only.
#
# Environment:
#   MYNUMBER_BENCH_BUILD_DIR  build tree (default: build/release-bench: the release preset's settings
#                             with tests, examples, fuzzers and the C library off, in a tree of its
#                             own so the lead's build/release cache is left alone)
#   MYNUMBER_BENCH_LINES      lines in the CLI input file (default 10000000)
#   MYNUMBER_BENCH_RUNS       timed runs of the CLI and wc -l, median reported (default 5)
#   MYNUMBER_CLI_VALIDATE     the CLI command, input file appended (default: both
#                             `mynumber validate -f` (default flags: --kind auto, lenient) and
#                             `mynumber validate --kind individual -f`, from .venv/bin if present)
#   PYTHON                    the Python interpreter with the mynumber package installed
#                             (default: .venv/bin/python, made by tools/setup.sh, else python3)
#   MYNUMBER_BENCH_QUICK=1    shorter C++ runs (fewer repetitions) for a smoke test
set -uo pipefail
# The whole script is one compound command, read completely before it starts: editing this file
# while a run is in progress cannot change what that run executes.
{
cd "$(dirname "$0")/.."
root=$(pwd)
build=${MYNUMBER_BENCH_BUILD_DIR:-build/release-bench}
lines=${MYNUMBER_BENCH_LINES:-10000000}
runs=${MYNUMBER_BENCH_RUNS:-5}
default_python=python3
default_cli=mynumber
if [ -x .venv/bin/python ]; then default_python=$root/.venv/bin/python; fi
if [ -x .venv/bin/mynumber ]; then default_cli=$root/.venv/bin/mynumber; fi
python=${PYTHON:-$default_python}
read -r -a cli_validate <<< "${MYNUMBER_CLI_VALIDATE:-$default_cli validate -f}"
cli_variants=("${cli_validate[@]}")
if [ -z "${MYNUMBER_CLI_VALIDATE:-}" ]; then cli_variants+=(:: "$default_cli" validate --kind individual -f); fi
out="$build/bench-results"
mkdir -p "$out"
rows="$out/rows.tsv"
: > "$rows"
log="$out/run_all.log"
: > "$log"

row() {  # section what value unit comparison
  printf 'ROW\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$rows"
}
missing() {  # section what reason
  row "$1" "$2" "not available" "" "$3"
}
# Rows from a program that prints no ROW lines but "<what>: <N> decisions/s (<note>)" and
# "<what>: <N> us" lines (benchmarks/law_bench): its own figures, relabelled, nothing else.
adhoc_rows() {  # section file
  awk -F': *' -v section="$1" '
    /decisions\/s/ {
      what = $1; sub(/^ +/, "", what); sub(/ +$/, "", what)
      rest = substr($0, index($0, ":") + 1)
      if (match(rest, /[0-9.]+ +decisions\/s/)) {
        value = substr(rest, RSTART, RLENGTH); sub(/ +decisions\/s/, "", value)
        note = rest; sub(/^[^(]*\(?/, "", note); sub(/\)$/, "", note)
        printf "ROW\t%s\t%s\t%s\tdecisions/s\t%s\n", section, what, value, note
      }
      next
    }
    /: *[0-9.]+ us *$/ {
      what = $1; sub(/^ +/, "", what); sub(/ +$/, "", what)
      value = $NF; sub(/ us *$/, "", value)
      printf "ROW\t%s\t%s\t%s\tus\t\n", section, what, value
    }' "$2"
}

# Rows from benchmarks/bench_python.py's text report, when it prints no ROW lines: the kind
# headers ("individual: ..."), the python-stdnum loop, validate_many per input type, and the scalar
# is_valid calls. Its own figures, relabelled, nothing else.
python_rows() {  # file
  awk '
    /^(individual|corporate): / { kind = $1; sub(/:$/, "", kind); next }
    /python-stdnum .*loop: *[0-9.]+ ns\/number/ {
      match($0, /[0-9.]+ ns\/number/); v = substr($0, RSTART, RLENGTH); sub(/ ns\/number/, "", v)
      w = $0; sub(/^ +/, "", w); sub(/: *[0-9.]+ ns\/number.*/, "", w)
      printf "ROW\tPython\t%s: %s\t%s\tns/number\tbaseline\n", kind, w, v; next
    }
    /mynumber\.validate_many, .*ns\/number/ {
      w = $0; sub(/^ +/, "", w); sub(/ *: *[0-9.]+ ns\/number.*/, "", w)
      match($0, /[0-9.]+ ns\/number/); v = substr($0, RSTART, RLENGTH); sub(/ ns\/number/, "", v)
      c = ""; if (match($0, /[0-9.]+x faster/)) c = substr($0, RSTART, RLENGTH) " than python-stdnum"
      printf "ROW\tPython\t%s: %s\t%s\tns/number\t%s\n", kind, w, v, c; next
    }
    /scalar is_valid .*mynumber *[0-9.]+ ns\/call, python-stdnum *[0-9.]+ ns\/call/ {
      w = $0; sub(/^ +/, "", w); sub(/: .*/, "", w)
      match($0, /mynumber *[0-9.]+/); a = substr($0, RSTART, RLENGTH); sub(/mynumber */, "", a)
      match($0, /python-stdnum *[0-9.]+/); b = substr($0, RSTART, RLENGTH); sub(/python-stdnum */, "", b)
      printf "ROW\tPython\t%s: mynumber %s\t%s\tns/call\tpython-stdnum %s ns/call (%.1fx)\n", kind, w, a, b, b / a
    }' "$1"
}

# Runs a benchmark program, keeps its ROW lines; on failure or no rows records why.
collect() {  # section label command...
  local section=$1 label=$2
  shift 2
  local tmp="$out/$(echo "$label" | tr -c 'A-Za-z0-9_\n' '_').out"
  echo "== $label: $*" | tee -a "$log"
  if "$@" > "$tmp" 2>> "$log"; then
    cat "$tmp" >> "$log"
    if grep -q $'^ROW\t' "$tmp"; then
      grep $'^ROW\t' "$tmp" >> "$rows"
    elif [ "$section" = Python ] && [ -n "$(python_rows "$tmp")" ]; then
      python_rows "$tmp" >> "$rows"
    elif [ -n "$(adhoc_rows "$section" "$tmp")" ]; then
      adhoc_rows "$section" "$tmp" >> "$rows"
    else
      missing "$section" "$label" "ran, but printed no ROW lines (see $log)"
    fi
  else
    local status=$?
    cat "$tmp" >> "$log"
    grep $'^ROW\t' "$tmp" >> "$rows"
    missing "$section" "$label" "failed with exit status $status (see $log)"
  fi
}

# --- build --------------------------------------------------------------------------------------
echo "== configure and build ($build)" | tee -a "$log"
built=0
if cmake --preset release -B "$build" -DMYNUMBER_BUILD_TESTS=OFF -DMYNUMBER_BUILD_EXAMPLES=OFF \
     -DMYNUMBER_BUILD_FUZZERS=OFF -DMYNUMBER_BUILD_C=OFF >> "$log" 2>&1; then
  targets=(bench_numbers)
  for t in bench_jpki law_bench; do
    if cmake --build "$build" --target help 2>/dev/null | grep -q "^$t:"; then targets+=("$t"); fi
  done
  if cmake --build "$build" -j2 --target "${targets[@]}" >> "$log" 2>&1; then
    built=1
  else
    echo "build failed; see $log" >&2
  fi
else
  echo "configure failed; see $log" >&2
fi
bench_bin="$build/benchmarks"
gb_flags=(--benchmark_color=false)
if [ "${MYNUMBER_BENCH_QUICK:-0}" = 1 ]; then gb_flags+=(--benchmark_repetitions=3 --benchmark_min_time=0.05); fi

# --- C++ numbers --------------------------------------------------------------------------------
if [ "$built" = 1 ] && [ -x "$bench_bin/bench_numbers" ]; then
  collect "C++ numbers" "bench_numbers" "$bench_bin/bench_numbers" "${gb_flags[@]}"
else
  missing "C++ numbers" "bench_numbers" "not built (release preset build failed or libbenchmark-dev missing)"
fi

# --- Python ---------------------------------------------------------------------------------------
if [ ! -f benchmarks/bench_python.py ]; then
  missing "Python" "benchmarks/bench_python.py" "script not present"
elif ! "$python" -c "import mynumber" 2>> "$log"; then
  missing "Python" "benchmarks/bench_python.py" "the mynumber package is not importable by $python"
else
  collect "Python" "bench_python.py" "$python" benchmarks/bench_python.py
fi

# --- CLI vs wc -l ---------------------------------------------------------------------------------
data="$out/individual_${lines}.txt"
if [ "$built" = 1 ] && [ -x "$bench_bin/bench_numbers" ]; then
  if [ ! -f "$data" ] || [ "$(wc -l < "$data")" != "$lines" ]; then
    echo "== writing $lines generated numbers to $data" | tee -a "$log"
    "$bench_bin/bench_numbers" --write-lines "$data" "$lines" >> "$log" 2>&1 || rm -f "$data"
  fi
fi
if [ ! -f "$data" ]; then
  missing "CLI" "mynumber validate vs wc -l" "no input file (bench_numbers not built)"
elif ! command -v "${cli_validate[0]}" > /dev/null 2>&1; then
  missing "CLI" "mynumber validate vs wc -l" "'${cli_validate[0]}' not on PATH"
else
  echo "== CLI: ${cli_variants[*]} $data vs wc -l" | tee -a "$log"
  # Median wall time of $runs runs after one warm-up run each (the file is then in the page cache).
  # The CLI commands are separated by "::"; each gets its own row.
  "$python" - "$data" "$runs" "$rows" "$bench_bin/bench_numbers" "${cli_variants[@]}" >> "$log" 2>&1 <<'PY'
import os, statistics, subprocess, sys, time

data, runs, rows, floor_bin = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
commands, current = [], []
for word in sys.argv[5:] + ["::"]:
    if word == "::":
        commands.append(current)
        current = []
    else:
        current.append(word)

def timed(cmd):
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times, status = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        status = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
        times.append(time.perf_counter() - t0)
    return statistics.median(times), status

wc, wc_status = timed(["wc", "-l", data])
results = [(cli, *timed(cli + [data])) for cli in commands]
floor, floor_status = timed([floor_bin, "--validate-file", data])
lines = sum(1 for _ in open(data, "rb"))
with open(rows, "a") as f:
    f.write(f"ROW\tCLI\twc -l on {lines:,} lines\t{wc:.3f}\ts\tbaseline\n")
    for cli, cli_time, cli_status in results:
        label = " ".join([os.path.basename(cli[0])] + cli[1:])
        print(f"wc -l: {wc:.3f} s; {label}: {cli_time:.3f} s (exit {cli_status}); {lines} lines")
        if cli_status != 0:
            f.write(f"ROW\tCLI\t{label} on {lines:,} lines\tnot available\t\t"
                    f"exited with status {cli_status} on an all-valid file\n")
        else:
            verdict = "within 3x: yes" if cli_time <= 3 * wc else "within 3x: NO"
            f.write(f"ROW\tCLI\t{label} on {lines:,} lines\t{cli_time:.3f}\ts\t"
                    f"{cli_time / wc:.2f}x the time of wc -l ({verdict}); {cli_time / lines * 1e9:.1f} ns/line\n")
    if floor_status == 0:
        f.write(f"ROW\tCLI\tC++ floor: bench_numbers --validate-file (read(2), reused 4 MiB buffer, "
                f"validate_lines)\t{floor:.3f}\ts\t{floor / wc:.2f}x the time of wc -l\n")
    else:
        f.write(f"ROW\tCLI\tC++ floor: bench_numbers --validate-file\tnot available\t\texit status {floor_status}\n")
PY
  [ $? = 0 ] || missing "CLI" "mynumber validate vs wc -l" "timing script failed (see $log)"
fi

# --- JPKI ---------------------------------------------------------------------------------------
if [ "$built" = 1 ] && [ -x "$bench_bin/bench_jpki" ]; then
  collect "JPKI certificates" "bench_jpki" "$bench_bin/bench_jpki" "${gb_flags[@]}"
else
  missing "JPKI certificates" "bench_jpki" "not built (needs include/mynumber/jpki.hpp and the mynumber::jpki target)"
fi

# --- Corporate data -------------------------------------------------------------------------------
if [ -f benchmarks/bench_corp.sh ]; then
  collect "Corporate data" "bench_corp.sh" bash benchmarks/bench_corp.sh
else
  missing "Corporate data" "benchmarks/bench_corp.sh" "script not present"
fi

# --- Law ----------------------------------------------------------------------------------------
if [ "$built" = 1 ] && [ -x "$bench_bin/law_bench" ]; then
  collect "Law" "law_bench" "$bench_bin/law_bench" "${gb_flags[@]}"
elif [ -f benchmarks/law_bench.cpp ]; then
  missing "Law" "law_bench" "benchmarks/law_bench.cpp present but not built (mynumber::law target missing or build failed)"
else
  missing "Law" "benchmarks/law_bench.cpp" "source not present"
fi

# --- the table ----------------------------------------------------------------------------------
{
  echo
  echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"
  echo "$(c++ --version | head -1); $(uname -sr); $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "| Section | What | Figure | Unit | Comparison (same run) |"
  echo "|---|---|---|---|---|"
  cut -f2- "$rows" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
} | tee "$out/table.md"
echo
echo "Full log: $log; table: $out/table.md"
exit 0
}
