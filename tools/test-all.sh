#!/usr/bin/env bash
# Quick start, step 2 of 2: runs the whole test suite (CI runs exactly this after tools/setup.sh).
# Each step runs even if an earlier one failed; the last line is the summary
# "suite: N passed, M failed", and the exit code is non-zero if any step failed.
#   MYNUMBER_QUICK=1  runs only the dev build, Python and module steps (for local iteration).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ -x .venv/bin/python ]; then
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi

passed=0
failed=0
failed_steps=()
step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "::: step $name"
  if "$@"; then
    passed=$((passed + 1))
    echo "::: step $name passed in $((SECONDS - start)) s"
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
    echo "::: step $name FAILED after $((SECONDS - start)) s"
  fi
}

workflow() { cmake --workflow --preset "$1"; }

step "c++ dev (g++, C++17)" workflow dev
step "python (pytest)" python -m pytest -q -p no:cacheprovider -m "not virtual_card" bindings/python/tests
export MYNUMBER_BUILD_DIR="$root/build/dev"
for script in tools/test.d/*.sh; do
  [ -e "$script" ] || continue
  step "module $(basename "$script" .sh)" bash "$script"
done

if [ "${MYNUMBER_QUICK:-0}" != "1" ]; then
  step "c++ clang 14" workflow clang
  step "c++ g++ C++20" workflow gcc-cxx20
  step "c++ asan-ubsan" workflow asan-ubsan
  step "fuzz (libFuzzer, brief runs)" bash fuzz/run_ci.sh
fi

if [ ${#failed_steps[@]} -gt 0 ]; then
  printf 'failed step: %s\n' "${failed_steps[@]}"
fi
echo "suite: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
