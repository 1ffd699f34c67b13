#!/usr/bin/env bash
# Quick start, step 1 of 2, for a fresh Debian 12 machine:
#   installs the missing system packages (apt) and Python build tools (pip, into .venv),
#   builds and installs the `mynumber` Python package (C++ core + extension) into .venv,
#   and runs the CLI on the bundled sample data.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(
  build-essential cmake ninja-build pkg-config git
  clang libclang-rt-14-dev            # clang presets and libFuzzer
  clang-format clang-tidy             # tools/format.sh --check, tools/lint.sh (core headers)
  libssl-dev libfmt-dev doctest-dev   # OpenSSL 3, {fmt}, doctest
  libpcsclite-dev pcscd vsmartcard-vpcd opensc   # PC/SC stack, virtual reader, OpenSC interop
  libsqlite3-dev zlib1g-dev           # corporate-data store and NTA .zip files
  libbenchmark-dev valgrind           # benchmarks, leak checks of the C ABI
  python3-venv
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python: a project-local virtual environment with the package and its test extras.
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test]"
# pybind11 in the venv too: tools/test.d/python-asan.sh builds the extension itself with CMake.
.venv/bin/python -m pip install -q "pybind11>=2.11"

# The project's main job on bundled sample data: validate a file of numbers (masked output).
echo "setup: mynumber validate -f examples/sample_numbers.txt"
status=0
.venv/bin/mynumber validate -f examples/sample_numbers.txt || status=$?
# Exit code 1 means "some numbers are invalid", which the sample data contains on purpose.
if [ "$status" -gt 1 ]; then
  echo "setup: the CLI failed with exit code $status" >&2
  exit "$status"
fi
echo "setup: done. Activate with '. .venv/bin/activate'; run the tests with 'bash tools/test-all.sh'."
