#!/usr/bin/env bash
# Corporate-data module checks beyond ctest:
#  1. the committed CP932 table is exactly what tools/gen_cp932_table.py generates;
#  2. the synthetic NTA generator's output is read by independent tools — Python's zipfile (CRC
#     and structure of the .zip) and csv (30 columns per row, UTF-8 and CP932) — so the generator
#     and the C++ reader cannot share a misreading of the format.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${MYNUMBER_BUILD_DIR:-build/dev}"

echo "corp: CP932 table is up to date"
python3 tools/gen_cp932_table.py | diff -q - include/mynumber/corp/detail/cp932_table.hpp

echo "corp: generator output read by Python zipfile/csv"
cmake --build "$BUILD" --target gen_nta_bulk >/dev/null
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
mkdir -p "$OUT/u8" "$OUT/sj"
"$BUILD/gen_nta_bulk" --out "$OUT/u8" --rows 3000 --days 3 --encoding utf8 --zip --diff-rate 0.05 >/dev/null
"$BUILD/gen_nta_bulk" --out "$OUT/sj" --rows 3000 --days 0 --encoding cp932 >/dev/null
python3 - "$OUT" <<'PY'
import csv, glob, io, sys, zipfile
out = sys.argv[1]
zips = sorted(glob.glob(out + "/u8/*.zip"))
assert len(zips) == 4, zips
total = 0
for path in zips:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, path
        names = z.namelist()
        assert any(n.endswith(".asc") for n in names), names
        (csv_name,) = [n for n in names if n.endswith(".csv")]
        text = z.read(csv_name).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert all(len(r) == 30 for r in rows), path
        total += len(rows)
with open(glob.glob(out + "/sj/*.csv")[0], encoding="cp932", newline="") as f:
    rows = list(csv.reader(f))
assert len(rows) >= 3000 and all(len(r) == 30 for r in rows)
assert any(r[2] == "99" and r[3] == "" for p in zips[1:] for r in csv.reader(io.StringIO(zipfile.ZipFile(p).read([n for n in zipfile.ZipFile(p).namelist() if n.endswith(".csv")][0]).decode(), newline=""))), "no deletion rows"
print(f"corp: {total} UTF-8 rows in {len(zips)} zips and {len(rows)} CP932 rows read by Python")
PY
