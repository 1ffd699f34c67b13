#!/usr/bin/env bash
# Corporate-data benchmarks at national scale. Generates a synthetic NTA snapshot of
# CORP_BENCH_ROWS rows (default 5,800,000) in UTF-8 and CP932 plus 5 daily diffs, then measures:
# parse throughput (C++, one core), Python's csv module on the same file, full SQLite import time
# and peak memory, diff application, lookup by number and name search. Prints every figure; the
# numbers in docs/performance.md ("Corporate data") come from this script.
#
#   benchmarks/bench_corp.sh            # full scale (needs ~6 GB of disk, a few minutes)
#   CORP_BENCH_ROWS=200000 benchmarks/bench_corp.sh   # quick run
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${CORP_BENCH_ROWS:-5800000}"
BUILD="${CORP_BENCH_BUILD_DIR:-build/corp-release}"
DATA="${CORP_BENCH_DATA_DIR:-$BUILD/corp-bench-data}"

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMYNUMBER_BUILD_PYTHON=OFF \
  -DMYNUMBER_BUILD_TESTS=OFF -DMYNUMBER_BUILD_FUZZERS=OFF -DMYNUMBER_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$BUILD" --target gen_nta_bulk bench_corp -j2

rm -rf "$DATA"
mkdir -p "$DATA/utf8" "$DATA/cp932"
echo "== generating $ROWS rows (UTF-8, then CP932), 5 daily diffs"
start=$(date +%s.%N)
"$BUILD/gen_nta_bulk" --out "$DATA/utf8" --rows "$ROWS" --days 5 --encoding utf8 --diff-rate 0.001 --new-rate 0.002
mid=$(date +%s.%N)
"$BUILD/gen_nta_bulk" --out "$DATA/cp932" --rows "$ROWS" --days 0 --encoding cp932
end=$(date +%s.%N)
python3 - "$start" "$mid" "$end" <<'PY'
import sys
s, m, e = map(float, sys.argv[1:])
print(f"ROW\tCorporate data\tgenerate UTF-8 snapshot + diffs\t{m - s:.1f}\ts wall\t")
print(f"ROW\tCorporate data\tgenerate CP932 snapshot\t{e - m:.1f}\ts wall\t")
PY
SNAP=$(ls "$DATA"/utf8/00_zenkoku_all_*.csv)
SJIS=$(ls "$DATA"/cp932/00_zenkoku_all_*.csv)
ls -l "$SNAP" "$SJIS"

echo "== parse throughput (C++)"
"$BUILD/bench_corp" parse "$SNAP" "$SJIS" | tee "$DATA/parse.txt"

echo "== Python csv module on the same UTF-8 file"
python3 - "$SNAP" <<'PY' | tee "$DATA/python.txt"
# Best of 3, as for the C++ parse: both sides get their quietest run.
import csv, os, sys, time
path = sys.argv[1]
mb = os.path.getsize(path) / 1e6
runs = []
for _ in range(3):
    cpu0, wall0 = time.process_time(), time.perf_counter()
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        for _ in csv.reader(f):
            rows += 1
    runs.append((time.process_time() - cpu0, time.perf_counter() - wall0))
cpu, wall = min(runs)
print(f"python csv: {rows} rows, best of 3: {cpu:.1f} s CPU ({mb / cpu:.1f} MB/s), {wall:.1f} s wall "
      f"(all CPU: {', '.join(f'{c:.1f}' for c, _ in runs)} s)")
print(f"ROW\tCorporate data\tPython csv.reader, same UTF-8 file\t{mb / cpu:.4g}\tMB/s CPU\tbaseline")
PY
python3 - "$DATA/parse.txt" "$DATA/python.txt" <<'PY'
import sys
def first(path, what):
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "ROW" and f[2].startswith(what) and f[4] == "MB/s CPU":
            return float(f[3])
cpp = first(sys.argv[1], "parse utf-8")
py = first(sys.argv[2], "Python csv")
print(f"speed-up over Python csv (CPU time, same file, same run): {cpp / py:.1f}x (target >= 10x)")
print(f"ROW\tCorporate data\tparse speed-up over Python csv\t{cpp / py:.3g}\tx\ttarget >= 10x")
PY

echo "== SQLite import (separate process, so peak RSS is the import's)"
"$BUILD/bench_corp" import "$SNAP" "$DATA/corp.sqlite"
echo "== apply the diffs"
"$BUILD/bench_corp" diffs "$DATA/corp.sqlite" "$DATA"/utf8/diff_*.csv
echo "== queries"
"$BUILD/bench_corp" query "$DATA/corp.sqlite" "$SNAP"
echo "== machine"
nproc; grep -m1 "model name" /proc/cpuinfo || true; uptime
