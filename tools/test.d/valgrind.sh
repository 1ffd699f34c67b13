#!/usr/bin/env bash
# Valgrind memcheck over every C ABI test of the dev tree (a leak and memory-error check of the C
# ABI beside the asan-ubsan build). Run by tools/test-all.sh with MYNUMBER_BUILD_DIR set to a
# configured and built dev tree. Each test named *c_api* (shared and static library variants, every
# module) runs under memcheck with the command and working directory ctest would use; any invalid
# read/write, use of uninitialised memory, or definite/indirect leak fails the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${MYNUMBER_BUILD_DIR:?set MYNUMBER_BUILD_DIR to a configured and built dev tree}"
BUILD=$(cd "$MYNUMBER_BUILD_DIR" && pwd)

# A plain run first: it also runs the fixtures some tests need (the generated test PKI).
ctest --test-dir "$BUILD" -R 'c_api' -E '^fuzz_' --output-on-failure >/dev/null

ctest --test-dir "$BUILD" -R 'c_api' -E '^fuzz_' --show-only=json-v1 | python3 -c '
import json, sys
for test in json.load(sys.stdin)["tests"]:
    if "c_api" not in test["name"]:
        continue  # a fixture ctest pulled in (the test PKI generator): not C ABI code
    cwd = next((p["value"] for p in test.get("properties", []) if p["name"] == "WORKING_DIRECTORY"), ".")
    print("\t".join([test["name"], cwd] + test["command"]))
' | while IFS=$'\t' read -r name cwd command; do
  read -r -a argv <<<"$command"
  start=$(date +%s)
  (cd "$cwd" && valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --track-origins=yes "${argv[@]}" >/dev/null)
  echo "valgrind: $name clean ($(($(date +%s) - start)) s)"
done
