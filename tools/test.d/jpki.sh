#!/usr/bin/env bash
# JPKI module CI steps (run by tools/test-all.sh with MYNUMBER_BUILD_DIR = the configured build).
# The C++ suite (jpki_tests, fuzz replay) already runs inside the dev workflow; this adds:
#   1. the test-PKI generator's output contract (tools/jpki_test_pki.cpp header): two fresh runs
#      list the same ids, files and expectations; every listed file exists; no key is written
#      for the tampered/truncated certificates; substitute maps have one flag per code point;
#   2. an independent oracle: `openssl verify` (with -crl_check) must agree with the manifest on
#      every failure OpenSSL itself can see (chain, validity, revocation, truncation);
#   3. when the Python package is importable: `mynumber cert show/verify` on the fresh PKI.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${MYNUMBER_BUILD_DIR:-$ROOT/build/dev}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mynumber-jpki.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

log() { printf 'jpki.sh: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

[[ -f "$BUILD/CMakeCache.txt" ]] || fail "MYNUMBER_BUILD_DIR ($BUILD) is not a configured build tree"
cmake --build "$BUILD" --target mynumber_jpki_test_pki -j "${MYNUMBER_JOBS:-2}" >&2 || fail "cannot build the generator"
GEN="$(find "$BUILD" -type f -name mynumber_jpki_test_pki -perm -u+x | head -n1)"
[[ -x "$GEN" ]] || fail "mynumber_jpki_test_pki not found under $BUILD"

# --- 1. output contract ----------------------------------------------------------------------
"$GEN" --out "$WORK/a" >/dev/null
"$GEN" --out "$WORK/b" --now "$(date -d '2030-01-01T00:00:00Z' +%s)" >/dev/null
python3 - "$WORK/a" "$WORK/b" <<'PY' || fail "manifest contract"
import json, os, sys
def load(d):
    with open(os.path.join(d, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)
a, b = load(sys.argv[1]), load(sys.argv[2])
assert a["format"] == b["format"] == "mynumber-jpki-test-pki/1", a["format"]
shape = lambda m: ([(c["id"], c["kind"], c["issuer"], json.dumps(c["expected"], sort_keys=True)) for c in m["certificates"]],
                   sorted((f["path"], f["type"], f["format"]) for f in m["files"]))
assert shape(a) == shape(b), "two runs disagree on ids, files or expectations"
assert b["reference_time"] == "2030-01-01T00:00:00Z", b["reference_time"]
required = {"sign_root", "auth_root", "sign_good", "auth_good", "sign_expired", "sign_not_yet_valid", "sign_revoked",
            "auth_revoked", "sign_wrong_key_usage", "sign_wrong_policy", "sign_wrong_issuer", "sign_tampered",
            "sign_truncated"}
ids = {c["id"] for c in a["certificates"]}
assert required <= ids, required - ids
for f in a["files"]:
    assert os.path.isfile(os.path.join(sys.argv[1], f["path"])), f["path"]
for c in a["certificates"]:
    if c["id"] in ("sign_tampered", "sign_truncated"):
        assert c["private_key"] is None, c["id"]
    at = c["attributes"]
    if at:
        assert len(at["name_substitute_map"]) == len(at["name"]), c["id"]
        assert len(at["address_substitute_map"]) == len(at["address"]), c["id"]
        assert set(at["name_substitute_map"] + at["address_substitute_map"]) <= {"0", "1"}
non_bmp = any(ord(ch) > 0xFFFF for c in a["certificates"] if c["attributes"] for ch in c["attributes"]["name"] + c["attributes"]["address"])
assert non_bmp, "the generator must exercise non-BMP characters"
print("manifest contract: %d certificates, %d CRLs, %d files" % (len(a["certificates"]), len(a["crls"]), len(a["files"])))
PY

# --- 2. openssl verify agrees where it can judge ----------------------------------------------
PKI="$WORK/a"
checked=0
while IFS=$'\t' read -r id ca crl check; do
  if openssl verify -CAfile "$PKI/$ca.pem" -CRLfile "$PKI/$crl.pem" -crl_check "$PKI/$id.der" >/dev/null 2>&1; then
    verdict=ok
  else
    verdict=rejected
  fi
  case "$check" in
    ok|key_usage|policy) want=ok ;;   # OpenSSL does not know the JPKI usage/policy profile
    *) want=rejected ;;
  esac
  [[ "$verdict" == "$want" ]] || fail "openssl verify says $verdict for $id (manifest check: $check)"
  checked=$((checked + 1))
done < <(python3 - "$PKI" <<'PY'
import json, os, sys
m = json.load(open(os.path.join(sys.argv[1], "manifest.json"), encoding="utf-8"))
for c in m["certificates"]:
    if c["kind"] == "ca":
        continue
    root = "sign_root" if c["purpose"] == "signature" else "auth_root"
    crl = "sign_crl" if c["purpose"] == "signature" else "auth_crl"
    check = "ok" if c["expected"]["ok"] else c["expected"]["check"]
    print("\t".join([c["id"], root, crl, check]))
PY
)
[[ $checked -ge 12 ]] || fail "only $checked certificates cross-checked"
log "openssl verify agrees on $checked end-entity certificates"

# --- 3. the CLI, when the Python package is installed ----------------------------------------
if python3 -c "import mynumber.jpki" 2>/dev/null; then
  python3 -m mynumber cert show "$PKI/sign_good.pem" --json >"$WORK/show.json" || fail "cert show"
  python3 - "$WORK/show.json" "$PKI/manifest.json" <<'PY' || fail "cert show output"
import json, sys
shown = json.load(open(sys.argv[1], encoding="utf-8"))
entry = next(c for c in json.load(open(sys.argv[2], encoding="utf-8"))["certificates"] if c["id"] == "sign_good")
assert shown["serial_hex"] == entry["serial_hex"], shown["serial_hex"]
attributes = entry["attributes"]
for field in ("name", "address"):
    assert shown["basic_info"][field]["text"] == attributes[field], field
    assert shown["basic_info"][field]["substitute_map"] == attributes[field + "_substitute_map"], field
assert shown["basic_info"]["birth_date"] == attributes["birth_date"]
PY
  python3 -m mynumber cert verify "$PKI/sign_good.pem" --ca "$PKI/sign_root.pem" --crl "$PKI/sign_crl.pem" >/dev/null \
    || fail "cert verify rejected sign_good"
  if python3 -m mynumber cert verify "$PKI/sign_revoked.pem" --ca "$PKI/sign_root.pem" --crl "$PKI/sign_crl.pem" >/dev/null; then
    fail "cert verify accepted sign_revoked"
  fi
  log "CLI show/verify behave on the fresh PKI"
else
  log "Python package not importable here: CLI step covered by bindings/python/tests/test_jpki.py instead"
fi
log "ok"
