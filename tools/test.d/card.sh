#!/usr/bin/env bash
# Card module CI steps (run by tools/test-all.sh with MYNUMBER_BUILD_DIR = the configured build):
#   1. build the end-to-end test and the JPKI test-PKI generator, generate a fresh test PKI;
#   2. start pcscd (with vsmartcard's vpcd driver, Debian packages pcscd + vsmartcard-vpcd)
#      unless one is already running, then the virtual card (tools/virtual_card.py);
#   3. run card_e2e_tests through the real PC/SC stack (it fails, never skips, without a card);
#   4. restart the card fresh and prove OpenSC (an independent JPKI implementation) reads it:
#      pkcs15-tool lists the four certificates with the test PKI's serials, and pkcs11-tool
#      signs with the authentication key, verified by openssl against the certificate;
#   5. restart the card fresh and run the Python reader and CLI tests against it
#      (bindings/python/tests/test_card.py, with the package installed in the active venv);
#   6. stop everything this script started (by PID).
# Needs root (pcscd) unless a pcscd with vpcd is already running.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${MYNUMBER_BUILD_DIR:-$ROOT/build/dev}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mynumber-card.XXXXXX")"
PCSCD_PID=""
CARD_PID=""

log() { printf 'card.sh: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

cleanup() {
  if [[ -n "$CARD_PID" ]]; then kill "$CARD_PID" 2>/dev/null || true; wait "$CARD_PID" 2>/dev/null || true; fi
  if [[ -n "$PCSCD_PID" ]]; then kill "$PCSCD_PID" 2>/dev/null || true; wait "$PCSCD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- 1. build and generate -------------------------------------------------------------------
[[ -f "$BUILD/CMakeCache.txt" ]] || fail "MYNUMBER_BUILD_DIR ($BUILD) is not a configured build tree"
cmake --build "$BUILD" --target card_e2e_tests mynumber_jpki_test_pki -j "${MYNUMBER_JOBS:-2}" >&2 \
  || fail "could not build card_e2e_tests / mynumber_jpki_test_pki (is libpcsclite-dev installed?)"
E2E="$(find "$BUILD" -type f -name card_e2e_tests -perm -u+x | head -n1)"
GEN="$(find "$BUILD" -type f -name mynumber_jpki_test_pki -perm -u+x | head -n1)"
[[ -x "$E2E" && -x "$GEN" ]] || fail "built binaries not found under $BUILD"
"$GEN" --out "$WORK/pki" >/dev/null
[[ -f "$WORK/pki/manifest.json" ]] || fail "the test-PKI generator wrote no manifest"

# --- 2. services -----------------------------------------------------------------------------
[[ -f /usr/lib/pcsc/drivers/serial/libifdvpcd.so ]] || fail "vsmartcard-vpcd is not installed"
if pidof pcscd >/dev/null; then
  log "using the pcscd that is already running"
else
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    sudo -n true 2>/dev/null || fail "pcscd must be started as root (no passwordless sudo)"
    SUDO="sudo -n"
  fi
  $SUDO pcscd --foreground >"$WORK/pcscd.log" 2>&1 &
  PCSCD_PID=$!
  log "started pcscd (pid $PCSCD_PID)"
fi

start_card() {
  if [[ -n "$CARD_PID" ]]; then kill "$CARD_PID" 2>/dev/null || true; wait "$CARD_PID" 2>/dev/null || true; fi
  rm -f "$WORK/profile.json"
  python3 "$ROOT/tools/virtual_card.py" --pki "$WORK/pki" --profile-out "$WORK/profile.json" \
    >"$WORK/card.log" 2>&1 &
  CARD_PID=$!
  # Wait (bounded) until pcscd reports a card in a Virtual PCD reader.
  for _ in $(seq 1 60); do
    if [[ -f "$WORK/profile.json" ]] && opensc-tool --list-readers 2>/dev/null | grep -q "Yes.*Virtual PCD"; then
      return 0
    fi
    kill -0 "$CARD_PID" 2>/dev/null || { cat "$WORK/card.log" >&2; fail "the virtual card exited"; }
    sleep 0.5
  done
  cat "$WORK/card.log" >&2
  fail "no card appeared in the Virtual PCD reader within 30 s"
}

# --- 3. end-to-end tests through PC/SC -------------------------------------------------------
start_card
# The last case stops the card (by this PID) to check the card_removed path.
MYNUMBER_VIRTUAL_CARD_PROFILE="$WORK/profile.json" MYNUMBER_VIRTUAL_CARD_PID="$CARD_PID" "$E2E" \
  || fail "card_e2e_tests failed"

# --- 4. OpenSC interoperability --------------------------------------------------------------
start_card
LIST="$(pkcs15-tool --list-certificates 2>&1)" || { echo "$LIST" >&2; fail "pkcs15-tool failed"; }
echo "$LIST" >&2
for id in auth_good auth_root sign_root; do
  serial="$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(next(c["serial_hex"] for c in m["certificates"] if c["id"]==sys.argv[2]))' "$WORK/pki/manifest.json" "$id")"
  grep -qi "$serial" <<<"$LIST" || fail "OpenSC did not list $id (serial $serial)"
done
grep -q "Digital Signature Certificate" <<<"$LIST" || fail "OpenSC did not list the signature certificate"
[[ "$(grep -c 'X.509 Certificate' <<<"$LIST")" == 4 ]] || fail "OpenSC should list exactly 4 certificates"

PKCS11="$(find /usr/lib -name opensc-pkcs11.so 2>/dev/null | head -n1)"
[[ -n "$PKCS11" ]] || fail "opensc-pkcs11.so not found"
AUTH_PIN="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["auth_pin"])' "$WORK/profile.json")"
printf 'signed through OpenSC by the virtual card' >"$WORK/msg"
# Test PIN of a virtual card; pkcs11-tool only takes it on the command line.
pkcs11-tool --module "$PKCS11" --login --pin "$AUTH_PIN" --sign --id 01 -m SHA256-RSA-PKCS \
  -i "$WORK/msg" -o "$WORK/sig" >&2 || fail "pkcs11-tool could not sign with the authentication key"
openssl x509 -in "$WORK/pki/auth_good.pem" -pubkey -noout >"$WORK/auth_pub.pem"
openssl dgst -sha256 -verify "$WORK/auth_pub.pem" -signature "$WORK/sig" "$WORK/msg" >&2 \
  || fail "OpenSC's signature does not verify against the authentication certificate"

# --- 5. Python reader and CLI ------------------------------------------------------------------
PYTHON="${PYTHON:-python3}"
if "$PYTHON" -c 'import mynumber, sys; sys.exit(0 if "card" in mynumber.available_modules() else 1)' 2>/dev/null; then
  start_card
  MYNUMBER_VIRTUAL_CARD_PROFILE="$WORK/profile.json" "$PYTHON" -m pytest -q -p no:cacheprovider \
    "$ROOT/bindings/python/tests/test_card.py" >&2 || fail "Python card tests failed"
else
  fail "the installed mynumber package has no card module (build it with libpcsclite-dev installed)"
fi

log "OK: end-to-end tests, OpenSC interoperability and the Python reader passed"
