#!/usr/bin/env bash
# Law module CI steps (run by tools/test-all.sh): the committed generated headers and
# docs/legal-sources.md must match a fresh run of the generator, and regeneration must be
# byte-identical.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "law: checking generated tables against the statute copies"
python3 tools/gen_law_tables.py --check

echo "law: regenerating twice into a scratch tree (determinism)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 tools/gen_law_tables.py --out-dir "$scratch/a" >/dev/null
python3 tools/gen_law_tables.py --out-dir "$scratch/b" >/dev/null
diff -r "$scratch/a" "$scratch/b"
diff -r "$scratch/a/include/mynumber/law/detail" include/mynumber/law/detail --exclude=json.hpp
cmp "$scratch/a/docs/legal-sources.md" docs/legal-sources.md

if [[ -n "${MYNUMBER_BUILD_DIR:-}" && -x "${MYNUMBER_BUILD_DIR}/tests/law/law_tests" ]]; then
  echo "law: running law_tests"
  "${MYNUMBER_BUILD_DIR}/tests/law/law_tests"
fi
echo "law: OK"
