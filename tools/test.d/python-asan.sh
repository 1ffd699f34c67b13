#!/usr/bin/env bash
# The Python extension under AddressSanitizer and UBSan (the Python extension is
# sanitized where practical). Run by tools/test-all.sh in the venv that has the package's test dependencies.
#
# The extension modules are built with -fsanitize=address,undefined into build/python-asan, put
# beside a copy of the package's Python files, and the package's pytest suite runs against that copy
# with the ASan runtime preloaded into the (uninstrumented) interpreter. PYTHONMALLOC=malloc sends
# Python's own allocations through ASan too, so a binding that over-reads a bytes or str buffer is
# caught. Leak detection is off: CPython does not free everything at exit, which is not a finding
# about this library (the C ABI's leaks are checked by valgrind.sh and the asan-ubsan build).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
PYTHON=${PYTHON:-python}
BUILD=build/python-asan
# -O0: the sanitizer build of the extensions is the slow part of this step (the tests take
# seconds), so it is compiled without optimisation.
SANITIZE="-O0 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$SANITIZE" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DMYNUMBER_BUILD_PYTHON=ON -DMYNUMBER_BUILD_C=OFF -DMYNUMBER_BUILD_TESTS=OFF -DMYNUMBER_BUILD_FUZZERS=OFF \
  -DMYNUMBER_BUILD_EXAMPLES=OFF -DMYNUMBER_BUILD_BENCHMARKS=OFF \
  -DPython_EXECUTABLE="$(command -v "$PYTHON")" -Dpybind11_DIR="$("$PYTHON" -m pybind11 --cmakedir)" >/dev/null
cmake --build "$BUILD" -j 2

PACKAGE_ROOT="$BUILD/package"
rm -rf "$PACKAGE_ROOT"
mkdir -p "$PACKAGE_ROOT"
cp -r bindings/python/mynumber "$PACKAGE_ROOT/"
find "$PACKAGE_ROOT" -name __pycache__ -prune -exec rm -rf {} +
extensions=$(find "$BUILD/bindings/python" -maxdepth 1 -name '_*.so')
[[ -n "$extensions" ]] || { echo "python-asan: no extension module was built" >&2; exit 1; }
cp $extensions "$PACKAGE_ROOT/mynumber/"

# libstdc++ is preloaded with the ASan runtime: the interpreter is C, and the runtime must find the
# real __cxa_throw when it starts, or the first C++ exception aborts.
ASAN_RUNTIME="$(${CXX:-c++} -print-file-name=libasan.so) $(${CXX:-c++} -print-file-name=libstdc++.so)"
export PYTHONPATH="$REPO/$PACKAGE_ROOT"
export PYTHONMALLOC=malloc
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# The copy, not an installed package, must be what the tests import.
LD_PRELOAD="$ASAN_RUNTIME" "$PYTHON" -c '
import mynumber, mynumber._core as c, sys
assert mynumber.__file__.startswith(sys.argv[1]), mynumber.__file__
assert c.__file__.startswith(sys.argv[1]), c.__file__
' "$REPO/$PACKAGE_ROOT"
LD_PRELOAD="$ASAN_RUNTIME" "$PYTHON" -m pytest -q -p no:cacheprovider -m "not virtual_card" bindings/python/tests
echo "python-asan: the package's tests passed with the extension under ASan and UBSan"
