"""mynumber.jpki and `mynumber cert …`: JPKI certificates through the Python API and the CLI.

The test PKI is generated fresh by the C++ generator (tools/jpki_test_pki.cpp, target
mynumber_jpki_test_pki), found through $MYNUMBER_JPKI_TEST_PKI_GENERATOR, $MYNUMBER_BUILD_DIR or
the build trees under build/. Without it these tests fail (they are never skipped silently when the
module is compiled in). Signatures are made here with the `openssl` command, independently of the
library under test.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
from typing import Any, Dict, Iterator, List

import pytest

import mynumber

from conftest import DATA_DIR

pytestmark = pytest.mark.skipif("jpki" not in mynumber.available_modules(), reason="built without the jpki module")

if "jpki" in mynumber.available_modules():
    from mynumber import jpki
    from mynumber.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[3]
REFERENCE = DATA_DIR / "jpki"  # the J-LIS root certificates (data/jpki/README.md)


def _generator() -> pathlib.Path:
    explicit = os.environ.get("MYNUMBER_JPKI_TEST_PKI_GENERATOR")
    if explicit:
        return pathlib.Path(explicit)
    candidates: List[pathlib.Path] = []
    build_dir = os.environ.get("MYNUMBER_BUILD_DIR")
    if build_dir:
        candidates += sorted(pathlib.Path(build_dir).rglob("mynumber_jpki_test_pki"))
    candidates += sorted((ROOT / "build").glob("*/tests/jpki/mynumber_jpki_test_pki"))
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    pytest.fail("mynumber_jpki_test_pki not found: build it (cmake --build build/dev --target "
                "mynumber_jpki_test_pki) or set MYNUMBER_JPKI_TEST_PKI_GENERATOR")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pathlib.Path]:
    out = tmp_path_factory.mktemp("test_pki")
    subprocess.run([str(_generator()), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    yield out


@pytest.fixture(scope="module")
def manifest(pki: pathlib.Path) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads((pki / "manifest.json").read_text(encoding="utf-8"))
    return data


def entry(manifest: Dict[str, Any], ident: str) -> Dict[str, Any]:
    return next(c for c in manifest["certificates"] if c["id"] == ident)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pki_options(pki: pathlib.Path) -> Dict[str, Any]:
    """Verification options for the test hierarchy: its two roots and its two current CRLs."""
    return {"ca": [pki / "sign_root.pem", pki / "auth_root.der"], "crls": [pki / "sign_crl.pem", pki / "auth_crl.der"]}


# ---- parsing and extraction -------------------------------------------------------------------


def test_real_jlis_roots_are_ca_certificates() -> None:
    serials = {"sign_ca_2015.pem": "01", "sign_ca_2023.pem": "067C6A21", "auth_ca_2015.pem": "01",
               "auth_ca_2023.pem": "06D18006"}
    for name, serial in serials.items():
        cert = jpki.load_certificate(REFERENCE / name)
        assert cert.kind == "ca"
        assert cert.purpose == ("signature" if name.startswith("sign") else "authentication")
        assert cert.serial_hex == serial
        assert cert.basic_info is None
    assert len(jpki.jlis_roots_pem()) == 4
    assert jpki.jlis_roots_pem()[1] == (REFERENCE / "sign_ca_2023.pem").read_text()


def test_attributes_round_trip_the_generator_inputs(pki: pathlib.Path, manifest: Dict[str, Any]) -> None:
    seen = 0
    for c in manifest["certificates"]:
        if c["pem"] is None:
            continue
        cert = jpki.load_certificate(pki / c["der"])
        assert cert.kind == c["kind"]
        assert cert.serial_hex == c["serial_hex"]
        assert cert.serial_decimal == c["serial_decimal"]
        assert cert.not_after.strftime("%Y-%m-%dT%H:%M:%SZ") == c["not_after"]
        assert list(cert.key_usage) == c["key_usage"]
        assert list(cert.policies) == c["policies"]
        a = c["attributes"]
        if a is None:
            assert cert.basic_info is None
            continue
        seen += 1
        b = cert.basic_info
        assert b is not None
        assert b.name.text == a["name"] and b.name.substitute_map == a["name_substitute_map"]
        assert b.address.text == a["address"] and b.address.substitute_map == a["address_substitute_map"]
        assert b.sex == a["sex"]
        assert b.birth_date_raw == a["birth_date_raw"]
        assert b.birth_date == (datetime.date.fromisoformat(a["birth_date"]) if a["birth_date"] else None)
        assert b.era == a["era"]
        # maps index code points: Python's len() counts code points too
        assert len(b.name.substitute_map) == len(b.name.text)
        for pos, ch in zip(b.name.substitute_positions, b.name.substitute_characters):
            assert b.name.text[pos] == ch
    assert seen >= 3


def test_repr_leaves_out_personal_data(pki: pathlib.Path) -> None:
    cert = jpki.load_certificate(pki / "sign_good.pem")
    assert cert.basic_info is not None and cert.basic_info.wareki == "昭和58年4月15日"
    assert cert.basic_info.name.text not in repr(cert)
    assert cert.to_dict()["basic_info"] is None
    assert cert.to_dict(include_basic_info=True)["basic_info"]["name"]["text"] == "𠮷田　高志"


def test_malformed_input_raises_certificate_error(pki: pathlib.Path) -> None:
    with pytest.raises(mynumber.CertificateError) as info:
        jpki.load_certificate(pki / "sign_truncated.der")
    assert isinstance(info.value, ValueError)
    assert info.value.reason == "certificate_malformed"
    with pytest.raises(mynumber.CertificateError):
        jpki.parse_certificate(b"not a certificate")
    with pytest.raises(OSError):
        jpki.load_certificate(pki / "missing.pem")


# ---- verification -----------------------------------------------------------------------------


def test_every_manifest_expectation(pki: pathlib.Path, manifest: Dict[str, Any]) -> None:
    options = pki_options(pki)
    for c in manifest["certificates"]:
        if c["kind"] == "ca" and not c["trusted_root"]:
            continue
        verdict = jpki.verify(pki / c["der"], **options)
        expected = c["expected"]
        assert verdict.ok == expected["ok"], (c["id"], verdict.checks)
        if not expected["ok"]:
            failure = verdict.first_failure
            assert failure is not None
            assert (failure.name, failure.reason) == (expected["check"], expected["reason"]), c["id"]


def test_verify_defaults_and_options(pki: pathlib.Path) -> None:
    good = pki / "sign_good.pem"
    default = jpki.verify(good)  # the J-LIS roots do not trust the test hierarchy
    assert not default.ok and default.first_failure is not None and default.first_failure.reason == "not_trusted"
    options = pki_options(pki)
    past = jpki.verify(good, at="2000-01-01", **options)
    assert past.check("validity") is not None and past.check("validity").reason == "not_yet_valid"  # type: ignore
    no_crl = jpki.verify(good, ca=options["ca"], require_revocation=True)
    assert no_crl.first_failure is not None and no_crl.first_failure.reason == "no_crl"
    stale = jpki.verify(good, ca=options["ca"], crls=[pki / "sign_crl_stale.der"])
    assert stale.crls[0].status == "stale"
    assert jpki.verify(good, expected_kind="authentication", **options).first_failure.reason == "wrong_kind"  # type: ignore
    with pytest.raises(mynumber.InvalidArgumentError):
        jpki.verify(good, at="yesterday")


def test_real_root_verifies_at_a_time_it_was_valid() -> None:
    v = jpki.verify(REFERENCE / "sign_ca_2015.pem", at=datetime.datetime(2024, 1, 1))
    assert v.ok
    assert jpki.verify(REFERENCE / "sign_ca_2015.pem", at="2025-10-20").check("validity").reason == "expired"  # type: ignore


# ---- signatures (made with the openssl command) -----------------------------------------------


def _openssl(*args: str, data: bytes = b"") -> bytes:
    return subprocess.run(["openssl", *args], input=data, check=True, capture_output=True).stdout


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_raw_and_cms_signatures(pki: pathlib.Path, tmp_path: pathlib.Path) -> None:
    message = "電子申請 2026".encode()
    # The card's operation: PKCS#1 v1.5 over a SHA-256 DigestInfo (pkeyutl adds the DigestInfo).
    digest = hashlib.sha256(message).digest()
    sig = _openssl("pkeyutl", "-sign", "-inkey", str(pki / "sign_good.key.pem"), "-pkeyopt", "digest:sha256",
                   data=digest)
    options = pki_options(pki)
    good = jpki.verify_raw_signature(pki / "sign_good.pem", message, sig, **options)
    assert good.ok and good.signature.reason == "valid"
    bad = jpki.verify_raw_signature(pki / "sign_good.pem", message + b"!", sig, **options)
    assert not bad.ok and bad.signature.reason == "bad_signature"

    content = tmp_path / "doc.bin"
    content.write_bytes(message)
    cms = tmp_path / "doc.p7s"
    _openssl("cms", "-sign", "-binary", "-in", str(content), "-signer", str(pki / "sign_good.pem"), "-inkey",
             str(pki / "sign_good.key.pem"), "-outform", "DER", "-out", str(cms))
    assert jpki.verify_cms_detached(cms, message, **options).ok
    assert jpki.verify_cms_detached(cms, message + b"x", **options).signature.reason == "bad_signature"

    revoked_sig = _openssl("pkeyutl", "-sign", "-inkey", str(pki / "sign_revoked.key.pem"), "-pkeyopt",
                           "digest:sha256", data=digest)
    revoked = jpki.verify_raw_signature(pki / "sign_revoked.pem", message, revoked_sig, **options)
    assert revoked.signature.outcome == "passed" and not revoked.ok
    assert revoked.certificate is not None and revoked.certificate.first_failure.reason == "revoked"  # type: ignore

    # CLI
    sig_file = tmp_path / "doc.sig"
    sig_file.write_bytes(sig)
    assert main(["cert", "verify-signature", str(content), "--raw", str(sig_file), "--cert",
                 str(pki / "sign_good.pem"), "--ca", str(pki / "sign_root.pem"), "--crl",
                 str(pki / "sign_crl.pem")]) == 0
    assert main(["cert", "verify-signature", str(content), "--cms", str(cms), "--ca", str(pki / "sign_root.pem")]) == 0
    assert main(["cert", "verify-signature", str(content), "--raw", str(sig_file), "--cert",
                 str(pki / "sign_revoked.pem"), "--ca", str(pki / "sign_root.pem"), "--crl",
                 str(pki / "sign_crl.pem")]) == 1


# ---- CLI --------------------------------------------------------------------------------------


def test_cli_show(capsys: pytest.CaptureFixture[str], pki: pathlib.Path, manifest: Dict[str, Any]) -> None:
    e = entry(manifest, "sign_good")
    code, out, _ = run(capsys, "cert", "show", str(pki / "sign_good.der"))
    assert code == 0
    assert e["serial_hex"] in out and "𠮷田　高志" in out and "昭和58年4月15日" in out and "JST" in out
    code, out, _ = run(capsys, "cert", "show", str(pki / "sign_good.pem"), "--json")
    shown = json.loads(out)
    assert shown["serial_decimal"] == e["serial_decimal"]
    assert shown["basic_info"]["address"]["text"] == e["attributes"]["address"]


def test_cli_verify_never_prints_personal_data(capsys: pytest.CaptureFixture[str], pki: pathlib.Path,
                                               manifest: Dict[str, Any]) -> None:
    ca = ["--ca", str(pki / "sign_root.pem"), "--crl", str(pki / "sign_crl.pem")]
    code, out, _ = run(capsys, "cert", "verify", str(pki / "sign_good.pem"), *ca)
    assert code == 0 and "VALID" in out
    assert entry(manifest, "sign_good")["attributes"]["name"] not in out
    code, out, _ = run(capsys, "cert", "verify", str(pki / "sign_revoked.pem"), *ca, "--json")
    assert code == 1
    verdict = json.loads(out)
    assert verdict["first_failure"]["reason"] == "revoked"
    assert entry(manifest, "sign_revoked")["attributes"]["address"] not in out
    code, out, _ = run(capsys, "cert", "verify", str(pki / "sign_expired.pem"), *ca)
    assert code == 1 and "expired" in out
    code, _, err = run(capsys, "cert", "verify", str(pki / "sign_good.pem"), "--at", "soon")
    assert code == 2 and "invalid argument" in err
    code, _, err = run(capsys, "cert", "show", str(pki / "sign_truncated.der"))
    assert code == 2 and "malformed certificate" in err
