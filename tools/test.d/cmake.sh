#!/usr/bin/env bash
# The oldest CMake that the plain configure allows: the version in CMakeLists.txt's
# cmake_minimum_required (3.23, for header file sets), installed from PyPI into a scratch venv.
# With it: the plain configure of a clean tree (no preset, default options), the core's and the C
# ABI's tests built and run, and the package tests of tests/cmake/ (install + find_package, the
# core alone with the optional dependencies hidden, the module options, the C-only consumer of
# mynumber::c_static, add_subdirectory, FetchContent). The presets need 3.25 and are covered by the
# other steps. Run by tools/test-all.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
minimum=$(sed -n 's/^cmake_minimum_required(VERSION \([0-9]*\.[0-9]*\).*/\1/p' CMakeLists.txt)
[[ -n "$minimum" ]] || { echo "cmake.sh: no cmake_minimum_required in CMakeLists.txt" >&2; exit 1; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/mynumber-cmake-min.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

echo "cmake.sh: CMake $minimum.* from PyPI"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --disable-pip-version-check "cmake==$minimum.*"
cmake_bin="$scratch/venv/bin/cmake"
ctest_bin="$scratch/venv/bin/ctest"
"$cmake_bin" --version | head -n1 | grep -q "^cmake version $minimum\." \
  || { echo "cmake.sh: expected CMake $minimum, got $("$cmake_bin" --version | head -n1)" >&2; exit 1; }

echo "cmake.sh: plain configure, build and test with $("$cmake_bin" --version | head -n1)"
"$cmake_bin" -S . -B "$scratch/build"
"$cmake_bin" --build "$scratch/build" --target core_tests c_api_tests c_static_api_tests -j "${MYNUMBER_JOBS:-2}"
"$ctest_bin" --test-dir "$scratch/build" --output-on-failure --no-tests=error \
  -R '^(core_tests|c_api_tests|c_static_api_tests|cmake_.*)$'
echo "cmake.sh: CMake $minimum configures, builds and tests the core and the C ABI, and consumes the package"
