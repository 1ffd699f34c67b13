#!/usr/bin/env bash
# Secure module CI steps (run by tools/test-all.sh with MYNUMBER_BUILD_DIR = the configured build):
#   1. build the module's C++ tests, its C ABI test and its fuzz target;
#   2. run them under ctest: secure_tests (doctest), secure_c_api_tests (strict C99 against
#      libmynumber_c), secure_token_vectors_python (the docs' token vectors recomputed with
#      Python's hmac), fuzz_secure_sealed_replay (the committed corpus);
#   3. check that the token vectors in docs/security.md still match an independent computation
#      (also when ctest found no Python), and that the Python package (if installed) agrees.
# The Python tests (bindings/python/tests/test_secure.py) run in test-all's pytest step.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${MYNUMBER_BUILD_DIR:-$ROOT/build/dev}"
log() { printf 'secure.sh: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

[[ -f "$BUILD/CMakeCache.txt" ]] || fail "MYNUMBER_BUILD_DIR ($BUILD) is not a configured build tree"

targets=(secure_tests)
ninja_targets="$(cmake --build "$BUILD" --target help 2>/dev/null || true)"
for t in secure_c_api_tests fuzz_secure_sealed; do
  if grep -q "^$t:" <<<"$ninja_targets" || grep -q " $t\$" <<<"$ninja_targets"; then targets+=("$t"); fi
done
cmake --build "$BUILD" --target "${targets[@]}" -j "${MYNUMBER_JOBS:-2}" >&2 \
  || fail "could not build ${targets[*]} (is OpenSSL 3 installed?)"

(cd "$BUILD" && ctest --output-on-failure --no-tests=error -R '^(secure_|fuzz_secure_)') \
  || fail "secure tests failed"

python3 "$ROOT/tests/secure/token_vectors.py" "$ROOT/docs/security.md" || fail "token vectors do not match"

if python3 -c 'import mynumber, sys; sys.exit(0 if "secure" in mynumber.available_modules() else 1)' 2>/dev/null; then
  python3 - "$ROOT/docs/security.md" <<'PY' || fail "the installed Python package disagrees with the token vectors"
import re, sys
from mynumber import secure
text = open(sys.argv[1], encoding="utf-8").read()
rows = [re.findall(r"`([^`]*)`", l) for l in text.split("<!-- token-vectors:begin -->")[1].split("<!-- token-vectors:end -->")[0].splitlines()]
rows = [r for r in rows if len(r) == 5]
for key_hex, key_id, domain, digits, token in rows:
    ring = secure.KeyRing.parse(f"mnk1:{key_id}:{key_hex}")
    assert str(secure.derive_token(digits, domain, ring)) == token, (key_id, domain)
print(f"python package: {len(rows)} token vectors match")
PY
else
  log "the mynumber Python package with the secure module is not installed; its check runs in the pytest step"
fi
log "ok"
