#!/usr/bin/env bash
# Formats the tracked C and C++ sources with clang-format (.clang-format at the root).
#   tools/format.sh           rewrite files in place
#   tools/format.sh --check   change nothing; list unformatted files and exit 1 if there are any
# Skipped: fuzz corpora and generated files (the word GENERATED in their first three lines).
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
[ "${1:-}" = "--check" ] && check=1
command -v clang-format >/dev/null || { echo "format: clang-format is not installed (apt install clang-format)" >&2; exit 2; }

files=()
while IFS= read -r -d '' f; do
  case "$f" in fuzz/corpus/*) continue ;; esac
  head -n 3 "$f" | grep -q GENERATED && continue
  files+=("$f")
done < <(git ls-files -z -- '*.hpp' '*.cpp' '*.h' '*.c')

if [ "$check" -eq 0 ]; then
  clang-format -i --style=file "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! clang-format --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "format: $f is not formatted (run tools/format.sh)"
    bad=1
  fi
done
[ "$bad" -eq 0 ] && echo "format: ${#files[@]} files formatted"
exit "$bad"
