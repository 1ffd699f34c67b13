"""The secure module from Python and the CLI: masking of every string path, token vectors shared
with C++ and C, sealing and tamper detection, the audit chain, keys from files and the
environment."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import logging
import os
import pickle
import re
import stat
from pathlib import Path
from typing import Any, Callable, Iterator, List, Tuple

import pytest

import mynumber
from mynumber import IndividualNumber, SecureDataError, TamperError, secure
from mynumber.cli import main

KNOWN = "123456789018"
FORBIDDEN = (KNOWN, "1234 5678 9018", "1234-5678-9018")
REPO = Path(__file__).resolve().parents[3]
KEY_A = "mnk1:test-2026a:" + bytes(range(32)).hex()
KEY_B = "mnk1:test-2026b:" + bytes(range(32, 64)).hex()


def assert_masked(text: Any) -> None:
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    for forbidden in FORBIDDEN:
        assert forbidden not in text, f"full number in {text!r}"


@pytest.fixture()
def ring() -> secure.KeyRing:
    return secure.KeyRing.parse(KEY_A)


@pytest.fixture()
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "org.keys"
    path.write_text(KEY_A + "\n")
    path.chmod(0o600)
    return path


def published_vectors() -> List[Tuple[str, str, str, str, str]]:
    text = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- token-vectors:begin -->(.*?)<!-- token-vectors:end -->", text, re.S)
    assert section is not None
    rows = [tuple(re.findall(r"`([^`]*)`", line)) for line in section.group(1).splitlines()]
    return [r for r in rows if len(r) == 5]


def python_token(key: bytes, key_id: str, domain: str, digits: str) -> str:
    domain_key = hmac.new(key, b"mynumber/linkage-token/v1/domain\x00" + domain.encode(), hashlib.sha256).digest()
    mac = hmac.new(domain_key, b"mynumber/linkage-token/v1/subject\x00" + digits.encode(), hashlib.sha256).digest()
    return f"mnt1.{key_id}." + base64.urlsafe_b64encode(mac).decode().rstrip("=")


# ---- tokens: the published table is checked here (C++ via _core and Python's hmac), by the C++
# tests (tests/secure/token.test.cpp) and by the C ABI test (tests/secure/c_api.test.c), so the
# three languages agree on every vector.


def test_published_vectors_match_cpp_and_python() -> None:
    rows = published_vectors()
    assert len(rows) >= 8
    for key_hex, key_id, domain, digits, expected in rows:
        ring = secure.KeyRing.parse(f"mnk1:{key_id}:{key_hex}")
        assert str(secure.derive_token(digits, domain, ring)) == expected
        assert str(secure.derive_token(IndividualNumber(digits), domain, ring)) == expected
        assert python_token(bytes.fromhex(key_hex), key_id, domain, digits) == expected


def test_tokens_stable_and_domain_separated(ring: secure.KeyRing) -> None:
    a = secure.derive_token(KNOWN, "payroll", ring)
    assert a == secure.derive_token("1234 5678 9018", "payroll", ring)
    assert a != secure.derive_token(KNOWN, "insurance", ring)
    assert secure.token_matches(a, KNOWN, "payroll", ring)
    assert not secure.token_matches(a, "621498320257", "payroll", ring)
    assert secure.LinkageToken.parse(a.text) == a
    assert secure.LinkageToken.from_bytes(a.to_bytes()) == a
    assert pickle.loads(pickle.dumps(a)) == a
    assert {a: 1}[secure.LinkageToken.parse(str(a))] == 1


def test_token_rotation() -> None:
    old_ring = secure.KeyRing.parse(KEY_A)
    both = secure.KeyRing.parse(KEY_B + "\n" + KEY_A)
    old = secure.derive_token(KNOWN, "payroll", old_ring)
    new = secure.rotate_token(old, KNOWN, "payroll", both)
    assert new.key_id == "test-2026b"
    with pytest.raises(TamperError) as exc:
        secure.rotate_token(old, "621498320257", "payroll", both)
    assert exc.value.reason == "tamper_detected"


# ---- sealing -------------------------------------------------------------------------------------


def test_seal_round_trip_binding_and_rotation(ring: secure.KeyRing) -> None:
    sealed = secure.seal(KNOWN, "employee/42", ring)
    opened = secure.unseal(sealed, "employee/42", ring)
    assert isinstance(opened, IndividualNumber)
    assert opened.reveal() == KNOWN
    with pytest.raises(TamperError):
        secure.unseal(sealed, "employee/43", ring)
    assert pickle.loads(pickle.dumps(sealed)) == sealed
    both = secure.KeyRing.parse(KEY_B + "\n" + KEY_A)
    again = secure.reseal(sealed, "employee/42", both)
    assert again.key_id == "test-2026b"
    assert secure.unseal(again, "employee/42", secure.KeyRing.parse(KEY_B)).reveal() == KNOWN
    with pytest.raises(SecureDataError) as exc:
        secure.unseal(sealed, "employee/42", secure.KeyRing.parse(KEY_B))
    assert exc.value.reason == "key_unknown"


def test_every_byte_of_a_sealed_value_is_protected(ring: secure.KeyRing) -> None:
    raw = secure.seal(KNOWN, "employee/42", ring).to_bytes()
    for i in range(len(raw)):
        changed = bytearray(raw)
        changed[i] ^= 0x01
        with pytest.raises(SecureDataError):
            secure.unseal(secure.SealedValue.from_bytes(bytes(changed)), "employee/42", ring)


def test_secrets(ring: secure.KeyRing) -> None:
    pin = secure.Secret("4913")
    assert str(pin) == "[secret]"
    assert repr(pin) == "Secret('[secret]')"
    assert pin == secure.Secret(b"4913")
    assert pin != secure.Secret("4914")
    assert pin.reveal() == b"4913"
    sealed = secure.seal_secret(pin, "card/pin", ring)
    assert secure.unseal_secret(sealed, "card/pin", ring) == pin
    with pytest.raises(TypeError):
        pickle.dumps(pin)
    with pytest.raises(TypeError):
        hash(pin)
    pin.clear()
    assert len(pin) == 0


# ---- keys ----------------------------------------------------------------------------------------


def test_keys_from_file_and_environment(key_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert secure.KeyRing.load_file(str(key_file)).current_id == "test-2026a"
    key_file.chmod(0o644)
    with pytest.raises(SecureDataError) as exc:
        secure.KeyRing.load_file(str(key_file))
    assert exc.value.reason == "key_invalid"
    monkeypatch.setenv("MYNUMBER_KEYS", KEY_B + ";" + KEY_A)
    env_ring = secure.KeyRing.from_env()
    assert env_ring.ids == ["test-2026b", "test-2026a"]
    assert repr(env_ring) == "KeyRing(['test-2026b', 'test-2026a'])"
    with pytest.raises(TypeError):
        pickle.dumps(env_ring)
    entry = secure.generate_key_entry("fresh")
    assert re.fullmatch(r"mnk1:fresh:[0-9a-f]{64}", entry)


# ---- audit ---------------------------------------------------------------------------------------


def test_audit_log_chain_and_certificate(tmp_path: Path) -> None:
    log = secure.AuditLog(str(tmp_path / "audit.jsonl"))
    log.append(actor="clerk", action="store", purpose="payroll", record_id="employee/42", legal_basis="P19.RELATED_AFFAIRS")
    log.append(actor="clerk", action="reveal", purpose="年末調整", record_id="employee/42")
    log.append(actor="admin", action="delete", purpose="retention over", record_id="employee/42", detail="crypto-erase")
    entries, head = log.verify()
    assert entries == 3 and len(head) == 64
    text = (tmp_path / "audit.jsonl").read_text(encoding="utf-8")
    assert secure.verify_audit_log(text) == (3, head)
    cert = json.loads(secure.deletion_certificate(text, "officer"))
    assert cert["deletions"][0]["method"] == "crypto-erase"
    assert cert["log_head"] == {"entries": 3, "hash": head}
    lines = text.splitlines(keepends=True)
    for k in range(len(lines)):
        edited = lines[:k] + [lines[k].replace("clerk", "clerc").replace("admin", "admim")] + lines[k + 1:]
        with pytest.raises(TamperError) as exc:
            secure.verify_audit_log("".join(edited))
        assert exc.value.position == k + 1
    with pytest.raises(TamperError):
        secure.verify_audit_log("".join(lines[:2]), expected_head=(3, head))
    with pytest.raises(mynumber.InvalidArgumentError):
        log.append(actor="clerk", action="erase", purpose="p", record_id="r")


# ---- masking: every public string path with a known number ---------------------------------------


def string_paths(ring: secure.KeyRing, tmp_path: Path) -> Iterator[Tuple[str, Any]]:
    number = IndividualNumber(KNOWN)
    yield "str(number)", str(number)
    yield "repr(number)", repr(number)
    yield "format(number)", format(number)
    yield "f-string", f"{number} {number!r} {number:>20}"
    yield "%-format", "%s %r" % (number, number)
    yield "number.format()", number.format()
    yield "number.masked()", number.masked()
    secret = secure.reveal_into_secret(number)
    yield "str(secret)", str(secret)
    yield "repr(secret)", repr(secret)
    token = secure.derive_token(number, "payroll", ring)
    yield "token", f"{token} {token!r} {token.text}"
    yield "token bytes", token.to_bytes()
    sealed = secure.seal(number, "employee/42", ring)
    yield "sealed", f"{sealed} {sealed!r} {sealed.text}"
    yield "sealed bytes", sealed.to_bytes()
    yield "unsealed", f"{secure.unseal(sealed, 'employee/42', ring)!r}"
    yield "ring", repr(ring)
    log = secure.AuditLog(str(tmp_path / "paths.jsonl"))
    yield "audit line", log.append(actor="clerk", action="reveal", purpose="payroll", record_id="employee/42")
    yield "audit verify", log.verify()
    yield "certificate", secure.deletion_certificate((tmp_path / "paths.jsonl").read_text(), "officer")


def failing_calls(ring: secure.KeyRing, tmp_path: Path) -> List[Callable[[], Any]]:
    sealed = secure.seal(KNOWN, "employee/42", ring)
    log = secure.AuditLog(str(tmp_path / "fail.jsonl"))
    return [
        lambda: IndividualNumber("123456789019"),
        lambda: secure.unseal(sealed, "employee/43", ring),
        lambda: secure.seal(KNOWN, "emp " + KNOWN, ring),
        lambda: secure.seal(KNOWN, KNOWN, ring),
        lambda: secure.derive_token(KNOWN, "", ring),
        lambda: secure.derive_token("123456789019", "payroll", ring),
        lambda: secure.LinkageToken.parse("mnt1." + KNOWN),
        lambda: secure.SealedValue.parse("mns1." + KNOWN),
        lambda: secure.KeyRing.parse("mnk1:" + KNOWN),
        lambda: log.append(actor=KNOWN, action="reveal", purpose="p", record_id="r"),
        lambda: log.append(actor="a", action="reveal", purpose="p " + KNOWN, record_id="r"),
        lambda: secure.verify_audit_log('{"v":1,"actor":"' + KNOWN + '"}\n'),
        lambda: secure.deletion_certificate("", KNOWN),
        lambda: pickle.dumps(IndividualNumber(KNOWN)),
        lambda: pickle.dumps(secure.Secret(KNOWN)),
    ]


def test_no_python_string_path_shows_the_number(ring: secure.KeyRing, tmp_path: Path) -> None:
    for name, value in string_paths(ring, tmp_path):
        assert_masked(value)
    for call in failing_calls(ring, tmp_path):
        with pytest.raises((mynumber.MyNumberError, TypeError)) as exc:
            call()
        assert_masked(str(exc.value))
        assert_masked(repr(exc.value))
        assert_masked(exc.value.args)


def test_logging_masks(ring: secure.KeyRing, caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("mynumber.test")
    number = secure.unseal(secure.seal(KNOWN, "employee/42", ring), "employee/42", ring)
    with caplog.at_level(logging.INFO, logger="mynumber.test"):
        logger.info("number %s secret %s", number, secure.reveal_into_secret(number))
        logger.info("repr %r", number)
        try:
            secure.seal(KNOWN, KNOWN, ring)
        except mynumber.InvalidArgumentError:
            logger.exception("sealing failed")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    for record in caplog.records:
        handler.handle(record)
    assert "********9018" in stream.getvalue()
    assert_masked(stream.getvalue())


def test_reveal_is_explicit(ring: secure.KeyRing) -> None:
    number = secure.unseal(secure.seal(KNOWN, "employee/42", ring), "employee/42", ring)
    assert number.reveal() == KNOWN
    assert secure.reveal_into_secret(number).reveal() == KNOWN.encode()


# ---- CLI -----------------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> Tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_masks_everything_unless_reveal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                            key_file: Path, tmp_path: Path) -> None:
    k = str(key_file)
    audit = str(tmp_path / "cli.jsonl")
    outputs: List[str] = []

    code, out, err = run(capsys, monkeypatch, KNOWN + "\n", "token", "--domain", "payroll", "--key-file", k)
    assert code == 0 and out.startswith("********9018\tmnt1.test-2026a.")
    assert out.split("\t")[1].strip() == published_vectors()[0][4]
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, KNOWN + "\n", "--json", "token", "--domain", "payroll", "--key-file", k)
    assert code == 0 and json.loads(out)["input"] == "********9018"
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, "employee/42\t" + KNOWN + "\nemployee/43\t123456789019\n", "seal",
                         "--key-file", k, "--audit-log", audit, "--actor", "clerk", "--purpose", "payroll")
    assert code == 1  # the bad row is reported, the good row is still sealed
    assert out.startswith("employee/42\tmns1.") and "line 2" in err
    outputs += [out, err]
    sealed_line = out.splitlines()[0]
    code, out, err = run(capsys, monkeypatch, sealed_line + "\n", "unseal", "--key-file", k)
    assert code == 0 and out == "employee/42\t********9018\n"
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, sealed_line + "\n", "--json", "unseal", "--key-file", k)
    assert json.loads(out)["number"] == "********9018"
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, sealed_line.replace("employee/42", "employee/43") + "\n", "unseal",
                         "--key-file", k)
    assert code == 1 and "tampering detected" in err
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, "", "audit", "verify", audit)
    assert code == 0 and "\tvalid\t1 entries" in out
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, "", "audit", "append", audit, "--actor", "clerk", "--action", "reveal",
                         "--purpose", "id " + KNOWN, "--record", "employee/42")
    assert code == 2
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, "", "audit", "certificate", audit, "--issuer", "officer")
    assert code == 0 and json.loads(out)["type"] == "mynumber-deletion-certificate"
    outputs += [out, err]
    code, out, err = run(capsys, monkeypatch, KNOWN + "\n", "token", "--domain", "payroll")
    assert code == 2 and "--key-file" in err  # no keys: never from argv
    outputs += [out, err]
    monkeypatch.setenv("MYNUMBER_TEST_ROTATION_KEYS", KEY_B + ";" + KEY_A)
    code, out, err = run(capsys, monkeypatch, sealed_line + "\n", "--json", "reseal", "--key-env",
                         "MYNUMBER_TEST_ROTATION_KEYS")
    assert code == 0 and secure.SealedValue.parse(json.loads(out)["sealed"]).key_id == "test-2026b"
    outputs += [out, err]
    for text in outputs:
        assert_masked(text)

    # --reveal is the one way to the digits, and it is audited when asked.
    code, out, _ = run(capsys, monkeypatch, sealed_line + "\n", "--reveal", "unseal", "--key-file", k, "--audit-log",
                       audit, "--actor", "clerk", "--purpose", "check")
    assert code == 0 and out == f"employee/42\t{KNOWN}\n"
    lines = Path(audit).read_text().splitlines()
    assert json.loads(lines[-1])["action"] == "reveal"
    assert_masked(Path(audit).read_text())


def test_cli_audit_verify_names_the_broken_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    audit = tmp_path / "a.jsonl"
    for record in ("r1", "r2", "r3"):
        assert run(capsys, monkeypatch, "", "audit", "append", str(audit), "--actor", "clerk", "--action", "store",
                   "--purpose", "payroll", "--record", record)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "", "audit", "verify", str(audit))
    head = out.strip().split("head ")[1]
    lines = audit.read_text().splitlines(keepends=True)
    audit.write_text(lines[0] + lines[2])
    code, out, _ = run(capsys, monkeypatch, "", "--json", "audit", "verify", str(audit))
    assert code == 1 and json.loads(out)["line"] == 2
    audit.write_text("".join(lines[:2]))
    code, out, _ = run(capsys, monkeypatch, "", "audit", "verify", str(audit), "--expect-head", head)
    assert code == 1 and "broken" in out


def test_cli_legal_basis_is_a_law_rule_id(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    audit = str(tmp_path / "basis.jsonl")
    base = ["audit", "append", audit, "--actor", "clerk", "--action", "provide", "--purpose", "tax filing",
            "--record", "employee/42", "--basis"]
    if "law" in mynumber.available_modules():
        from mynumber import law

        assert "P19.RELATED_AFFAIRS" in law.rule_ids()
        code, _, err = run(capsys, monkeypatch, "", *base, "art-nineteen")
        assert code == 2 and "unknown legal basis" in err
    code, out, _ = run(capsys, monkeypatch, "", *base, "P19.RELATED_AFFAIRS")
    assert code == 0 and json.loads(out)["basis"] == "P19.RELATED_AFFAIRS"


def test_cli_key_generate(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "new.keys"
    code, out, err = run(capsys, monkeypatch, "", "key", "generate", "--id", "org-1", "--out", str(path))
    assert code == 0 and out == ""  # the key is never printed
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secure.KeyRing.load_file(str(path)).current_id == "org-1"
    code, _, err = run(capsys, monkeypatch, "", "key", "generate", "--id", "org-1", "--out", str(path))
    assert code == 2 and "refusing to overwrite" in err
