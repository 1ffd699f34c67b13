#!/usr/bin/env bash
# CI steps of the bindings, run by tools/test-all.sh with:
#   MYNUMBER_BUILD_DIR  a configured and built dev tree (contains bindings/c/libmynumber_c.so)
#   the mynumber Python package installed in the active venv (pip install .[test])
# Steps:
#   1. C ABI installed to a scratch prefix; tests/c compiled against it through pkg-config,
#      linked shared and static (checks mynumber.pc and the install rules).
#   2. Go via cgo (bindings/go) against the installed library through pkg-config.
#   3. Rust via extern "C" (bindings/rust), offline, no crates.
#   4. One seed gives the same numbers in Rust, Go (checked inside its test) and Python.
#   5. Python: type stubs (mypy.stubtest), mypy --strict on the package, the CLI must-show
#      commands, and the sdist content (no build trees). The wheel is tested by wheel.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
: "${MYNUMBER_BUILD_DIR:?set MYNUMBER_BUILD_DIR to a configured and built dev tree}"
BUILD=$(cd "$MYNUMBER_BUILD_DIR" && pwd)
PYTHON=${PYTHON:-python}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/mynumber-bindings.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
step() { printf '\n== bindings: %s\n' "$*"; }

step "build the C ABI libraries"
cmake --build "$BUILD" --target mynumber_c mynumber_c_static -j 2

step "install to a scratch prefix; C99 tests through pkg-config (shared and static)"
# A fixed prefix inside the build tree: Go's build cache keeps the -L path that pkg-config gave,
# so a fresh random directory per run would leave it pointing at a deleted one.
PREFIX="$BUILD/bindings/install-test"
rm -rf "$PREFIX"
cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
PC_DIR=$(dirname "$(find "$PREFIX" -name mynumber.pc -print -quit)")
LIB_DIR=$(dirname "$(find "$PREFIX" -name 'libmynumber_c.so' -print -quit)")
export PKG_CONFIG_PATH="$PC_DIR${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
C_TESTS=(tests/c/c_test_main.c tests/c/c_api.test.c tests/c/bad_input.test.c)
CFLAGS_STRICT=(-std=c99 -Wall -Wextra -Wpedantic -Werror)
# shellcheck disable=SC2046
cc "${CFLAGS_STRICT[@]}" -Itests/c "${C_TESTS[@]}" $(pkg-config --cflags --libs mynumber) \
  -Wl,-rpath,"$LIB_DIR" -o "$SCRATCH/c_shared"
"$SCRATCH/c_shared"
# shellcheck disable=SC2046
cc "${CFLAGS_STRICT[@]}" -DMN_STATIC -Itests/c "${C_TESTS[@]}" \
  $(pkg-config --cflags mynumber) "$LIB_DIR/libmynumber_c.a" $(pkg-config --static --libs mynumber | sed 's/-lmynumber_c//') \
  -o "$SCRATCH/c_static"
"$SCRATCH/c_static"
if ldd "$SCRATCH/c_static" | grep -q libmynumber_c; then
  echo "static test binary still depends on libmynumber_c.so" >&2
  exit 1
fi

step "Go (cgo) against the installed library"
# CGO_LDFLAGS carries the library directory so that it is part of Go's build-cache key (the
# pkg-config output is not), and gives the test binary an rpath.
(cd bindings/go && export CGO_LDFLAGS="-L$LIB_DIR -Wl,-rpath,$LIB_DIR" && go vet ./... && go test -count=1 ./...)

step "Rust (extern \"C\") against the build tree"
export CARGO_TARGET_DIR="$BUILD/bindings/rust-target"
(cd bindings/rust && MYNUMBER_C_LIB_DIR="$BUILD/bindings/c" cargo test --offline --quiet)

step "one seed, same numbers: Rust vs Python"
for kind in individual corporate; do
  (cd bindings/rust && MYNUMBER_C_LIB_DIR="$BUILD/bindings/c" cargo run --offline --quiet --example generate -- "$kind" 20261127 200) > "$SCRATCH/rust-$kind.txt"
  mynumber generate --kind "$kind" --seed 20261127 -n 200 --reveal > "$SCRATCH/python-$kind.txt"
  test "$(wc -l < "$SCRATCH/rust-$kind.txt")" -eq 200
  diff -u "$SCRATCH/rust-$kind.txt" "$SCRATCH/python-$kind.txt"
done

step "Python type stubs and mypy --strict"
(cd "$SCRATCH" && "$PYTHON" -m mypy.stubtest mynumber._core mynumber._law mynumber._secure mynumber._jpki mynumber._card \
  mynumber._corp --allowlist "$REPO/bindings/python/stubtest-allowlist.txt")
# Files of the bindings' own package parts; modules run mypy on theirs in their own test.d scripts.
"$PYTHON" -m mypy --config-file pyproject.toml bindings/python/mynumber/__init__.py bindings/python/mynumber/_bulk.py \
  bindings/python/mynumber/_optional.py \
  bindings/python/mynumber/individual.py bindings/python/mynumber/corporate.py bindings/python/mynumber/invoice.py \
  bindings/python/mynumber/cli/__init__.py bindings/python/mynumber/cli/numbers.py

step "CLI must-show commands"
mynumber validate 123456789018
set +e
out=$(mynumber --json validate 123456789012)
rc=$?
set -e
echo "$out"
test "$rc" -eq 1
"$PYTHON" -c 'import json,sys; r=json.loads(sys.argv[1]); assert r["expected"] == 8 and "expected check digit 8" in r["message"], r' "$out"
set +e
mynumber validate --kind auto -f examples/sample_numbers.txt
rc=$?
set -e
test "$rc" -eq 1  # the sample holds deliberately invalid numbers

step "sdist contains include/ and the bindings, and no build tree"
if "$PYTHON" -c 'import build' 2>/dev/null; then
  "$PYTHON" -m build --sdist --outdir "$SCRATCH/sdist" . >/dev/null
  tar -tzf "$SCRATCH"/sdist/*.tar.gz > "$SCRATCH/sdist.txt"
  grep -q '/include/mynumber/mynumber.hpp$' "$SCRATCH/sdist.txt"
  grep -q '/include/mynumber/version.hpp$' "$SCRATCH/sdist.txt"
  grep -q '/bindings/python/src/core_extension.cpp$' "$SCRATCH/sdist.txt"
  grep -q '/bindings/python/mynumber/_core.pyi$' "$SCRATCH/sdist.txt"
  for m in law secure jpki card corp; do
    grep -q "/bindings/python/src/${m}_extension.cpp$" "$SCRATCH/sdist.txt"
    grep -q "/bindings/python/mynumber/_$m.pyi$" "$SCRATCH/sdist.txt"
  done
  # Nothing built or cached: build trees, venvs, CMake caches, objects, libraries, bytecode.
  if grep -E '^[^/]+/(build|dist|\.venv|\.git)/|/(target|__pycache__|CMakeFiles|_skbuild)/|CMakeCache\.txt$|\.(o|a|so|pyc|whl)$' \
      "$SCRATCH/sdist.txt"; then
    echo "the sdist holds the build output listed above" >&2
    exit 1
  fi
else
  echo "python -m build is not installed: install the test extras (pip install .[test])" >&2
  exit 1
fi

step "done"
