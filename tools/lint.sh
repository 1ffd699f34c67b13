#!/usr/bin/env bash
# clang-tidy over the core headers, with the checks of .clang-tidy (every finding is an error).
# The core headers are the list _mn_core_headers in CMakeLists.txt (include/mynumber/*.hpp and
# include/mynumber/detail/*.hpp of mynumber::core; module headers are not part of it). They are
# included into one translation unit, which clang-tidy checks as C++17 with the project's
# warnings; .clang-tidy's HeaderFilterRegex limits the findings to those headers.
#   tools/lint.sh     (CI: tools/test.d/lint.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
command -v clang-tidy >/dev/null || { echo "lint: clang-tidy is not installed (apt install clang-tidy)" >&2; exit 2; }

mapfile -t headers < <(python3 - <<'PY'
import re, sys
text = open("CMakeLists.txt", encoding="utf-8").read()
match = re.search(r"set\(_mn_core_headers\s(.*?)\)", text, re.S)
if not match:
    sys.exit("lint: no _mn_core_headers list in CMakeLists.txt")
for header in match.group(1).split():
    print(header)
PY
)
[ "${#headers[@]}" -ge 10 ] || { echo "lint: only ${#headers[@]} core headers found" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/mynumber-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT
for h in "${headers[@]}"; do
  [ -f "$h" ] || { echo "lint: $h is listed in CMakeLists.txt but does not exist" >&2; exit 1; }
  printf '#include <%s>\n' "${h#include/}"
done > "$work/core_headers.cpp"

echo "lint: clang-tidy $(clang-tidy --version | sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -n1) on ${#headers[@]} core headers"
status=0
clang-tidy --quiet --config-file="$root/.clang-tidy" "$work/core_headers.cpp" -- \
  -std=c++17 -I"$root/include" -Wall -Wextra -Wpedantic -Wconversion -Wno-sign-conversion \
  >"$work/out" 2>&1 || status=$?
# Drop clang-tidy's count of the warnings it suppressed outside the core headers.
grep -v -e ' warnings\? generated\.$' -e '^Suppressed [0-9]* warnings' -e '^Use -header-filter' "$work/out" || true
if [ "$status" -ne 0 ]; then
  echo "lint: clang-tidy found problems in the core headers (exit $status)" >&2
  exit 1
fi
echo "lint: clean"
