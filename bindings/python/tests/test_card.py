"""mynumber.card: validity rules, 照合番号B, 和暦 and PIN formats (always), and the reader and the
``mynumber card`` CLI against the virtual card through pcscd (when tools/test.d/card.sh has
started it and set MYNUMBER_VIRTUAL_CARD_PROFILE; those carry the virtual_card marker)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

import mynumber
from mynumber import card
from mynumber.cli import main as cli_main

# ---- model ------------------------------------------------------------------------------------


def test_expiry_adult_and_minor_threshold() -> None:
    e = card.expiry("1980-02-17", "2025-10-27")
    assert e.date == dt.date(2035, 2, 17)
    assert e.reason == "tenth_birthday" and e.adult is True
    assert e.ends_at == dt.datetime(2035, 2, 17, 23, 59, 59, tzinfo=card.JST)
    # 18 at issue: minor when the application was received before 2022-04-01, adult from then on.
    minor = card.expiry("2003-06-01", "2022-05-10", application_received="2022-03-31")
    adult = card.expiry("2003-06-01", "2022-05-10", application_received="2022-04-01")
    assert (minor.date, minor.adult, minor.reason) == (dt.date(2026, 6, 1), False, "fifth_birthday")
    assert (adult.date, adult.adult) == (dt.date(2031, 6, 1), True)


def test_expiry_foreign_resident_cap() -> None:
    e = card.expiry("1990-05-05", dt.date(2025, 1, 10), residence="fixed_term", stay_until="2027-03-31")
    assert (e.date, e.reason) == (dt.date(2027, 3, 31), "period_of_stay")
    assert card.expiry("1990-05-05", "2025-01-10", residence="permanent").date == dt.date(2034, 5, 5)
    with pytest.raises(mynumber.InvalidArgumentError):
        card.expiry("1990-05-05", "2025-01-10", residence="fixed_term")


def test_certificate_expiry_never_past_the_card() -> None:
    assert card.certificate_expiry("1980-02-17", "2025-10-27", "2035-02-17").date == dt.date(2030, 2, 17)
    capped = card.certificate_expiry("1980-02-17", "2031-03-01", "2035-02-17")
    assert (capped.date, capped.reason) == (dt.date(2035, 2, 17), "card_expiry")


def test_bad_dates_are_typed_errors() -> None:
    with pytest.raises(mynumber.InvalidArgumentError) as info:
        card.expiry("1990-02-30", "2025-01-01")
    assert info.value.reason == "invalid_date"
    with pytest.raises(TypeError):
        card.expiry(dt.datetime(1990, 1, 1), "2025-01-01")  # type: ignore[arg-type]


def test_verification_code_b_and_wareki() -> None:
    assert card.verification_code_b("1980-02-17", 2035, "2285") == "55021720352285"
    assert card.verification_code_b("1989-01-07", 2030, "0001")[:6] == "640107"
    assert card.verification_code_b("1989-01-08", 2030, "0001")[:6] == "010108"
    assert card.verification_code_b("1990-01-02", 2030, "1234", gregorian=True) == "90010220301234"
    assert card.to_wareki("2019-04-30") == "平成31年4月30日"
    assert card.to_wareki("2019-05-01") == "令和元年5月1日"
    with pytest.raises(mynumber.PinError) as info:
        card.verification_code_b("1980-02-17", 2035, "22x5")
    assert info.value.position == 2


def test_pin_formats_never_echo_the_pin() -> None:
    card.check_pin_format("jpki_auth", "1234")
    card.check_pin_format("jpki_sign", "ABC123")
    for kind, bad in (("jpki_auth", "12345"), ("jpki_sign", "abcdef"), ("jpki_sign", "ABCDEF"), ("text_pin", "12a4")):
        with pytest.raises(mynumber.PinError) as info:
            card.check_pin_format(kind, bad)
        assert info.value.reason == "pin_format"
        assert bad not in str(info.value)
    specs = {s["kind"]: s for s in card.pin_specs()}
    assert specs["jpki_auth"]["max_tries"] == 3 and specs["jpki_auth"]["ef"] == 0x18
    assert specs["jpki_sign"]["max_tries"] == 5
    assert specs["text_code_a"]["max_tries"] is None and specs["text_code_a"]["tries_confirmed"] is False


def test_cli_expiry(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--json", "card", "expiry", "--birth", "1990-05-05", "--issued", "2025-01-10",
                     "--foreign", "2027-03-31"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["card_expiry"] == "2027-03-31" and record["reason"] == "period_of_stay"
    assert record["certificate_expiry"] == "2027-03-31"
    assert cli_main(["card", "expiry", "--birth", "1990-02-30", "--issued", "2025-01-10"]) == 2


# ---- the virtual card through pcscd ------------------------------------------------------------

PROFILE_PATH = os.environ.get("MYNUMBER_VIRTUAL_CARD_PROFILE")
# Deselected from the main pytest run (-m "not virtual_card") and run by tools/test.d/card.sh
# with the card up; without MYNUMBER_VIRTUAL_CARD_PROFILE they fail rather than skip.
needs_card = pytest.mark.virtual_card


@pytest.fixture(scope="module")
def profile() -> Dict[str, Any]:
    assert PROFILE_PATH, "MYNUMBER_VIRTUAL_CARD_PROFILE is not set: run these through tools/test.d/card.sh"
    data: Dict[str, Any] = json.loads(Path(PROFILE_PATH).read_text(encoding="utf-8"))
    return data


def _run_cli(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mynumber", *args], input=stdin, capture_output=True, text=True,
                          check=False, timeout=120)


@needs_card
def test_reader_reads_number_attributes_and_certificates(profile: Dict[str, Any]) -> None:
    with card.Reader(wait=10) as r:
        assert "Virtual PCD" in r.name
        assert r.pin_status("text_pin") == 3
        number = r.read_my_number(profile["text_pin"])
        assert number.reveal() == profile["individual_number"]
        assert profile["individual_number"] not in str(number)
        info = r.read_basic_info(code_b=profile["verification_code_b"])
        assert info == {"name": profile["name"], "address": profile["address"], "birth_date": profile["birth_date"],
                        "sex": profile["sex"]}
        pki = Path(profile["pki"])
        assert r.read_certificate("auth") == (pki / profile["certificates"]["auth"]).read_bytes()
        assert r.read_certificate("sign", password=profile["sign_password"]) == \
            (pki / profile["certificates"]["sign"]).read_bytes()


@needs_card
def test_reader_sign_verifies_with_openssl(profile: Dict[str, Any], tmp_path: Path) -> None:
    message = "署名 by the virtual card".encode()
    with card.Reader(wait=10) as r:
        signature = r.sign(profile["sign_password"], card.sha256(message))
    assert len(signature) == 256
    pki = Path(profile["pki"])
    (tmp_path / "msg").write_bytes(message)
    (tmp_path / "sig").write_bytes(signature)
    pub = subprocess.run(["openssl", "x509", "-in", str(pki / "sign_good.pem"), "-pubkey", "-noout"],
                         capture_output=True, text=True, check=True).stdout
    (tmp_path / "pub.pem").write_text(pub)
    ok = subprocess.run(["openssl", "dgst", "-sha256", "-verify", str(tmp_path / "pub.pem"), "-signature",
                         str(tmp_path / "sig"), str(tmp_path / "msg")], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr


@needs_card
def test_reader_lockout_guard_and_status(profile: Dict[str, Any]) -> None:
    with card.Reader(wait=10) as r:
        for expected in (2, 1):
            with pytest.raises(mynumber.PinError) as info:
                r.sign("0000" if profile["auth_pin"] != "0000" else "1111", card.sha256(b"x"), key="auth")
            assert info.value.reason == "pin_incorrect"
            assert r.pin_status("jpki_auth") == expected
        with pytest.raises(mynumber.PinError) as guard:
            r.sign(profile["auth_pin"], card.sha256(b"x"), key="auth")
        assert guard.value.reason == "lockout_guard"
        assert r.pin_status("jpki_auth") == 1
        assert len(r.sign(profile["auth_pin"], card.sha256(b"x"), key="auth", allow_last_try=True)) == 256
        assert r.pin_status("jpki_auth") == 3


@needs_card
def test_cli_against_the_virtual_card(profile: Dict[str, Any], tmp_path: Path) -> None:
    status = _run_cli(["--json", "card", "status", "--wait", "10"], "")
    assert status.returncode == 0, status.stderr
    tries = json.loads(status.stdout)
    assert tries["jpki_sign"] == {"tries_left": 5, "max_tries": 5}

    info = _run_cli(["--json", "card", "read-info", "--wait", "10"], profile["text_pin"] + "\n")
    assert info.returncode == 0, info.stderr
    record = json.loads(info.stdout)
    assert record["individual_number"] != profile["individual_number"]  # masked
    assert record["individual_number"].endswith(profile["individual_number"][-4:])
    assert record["name"] == profile["name"]
    revealed = _run_cli(["--json", "--reveal", "card", "read-info", "--wait", "10"], profile["text_pin"] + "\n")
    assert json.loads(revealed.stdout)["individual_number"] == profile["individual_number"]
    assert profile["text_pin"] not in info.stdout + info.stderr

    cert = _run_cli(["card", "read-cert", "--kind", "sign", "--der", "-o", str(tmp_path / "sign.der"), "--wait", "10"],
                    profile["sign_password"] + "\n")
    assert cert.returncode == 0, cert.stderr
    assert (tmp_path / "sign.der").read_bytes() == (Path(profile["pki"]) / "sign_good.der").read_bytes()

    (tmp_path / "doc.txt").write_bytes(b"document")
    signed = _run_cli(["card", "sign", "--in", str(tmp_path / "doc.txt"), "--wait", "10"],
                      profile["sign_password"] + "\n")
    assert signed.returncode == 0, signed.stderr
    assert len(base64.b64decode(signed.stdout)) == 256

    wrong = _run_cli(["card", "read-info", "--code-b", "--wait", "10"], "12345\n")  # malformed: never sent
    assert wrong.returncode == 2 and "PIN format" in wrong.stderr
