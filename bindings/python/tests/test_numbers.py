"""IndividualNumber / CorporateNumber and the python-stdnum style functions."""

from __future__ import annotations

import copy
from typing import Callable, Iterator
import logging
import pickle

import pytest

import mynumber
from mynumber import CorporateNumber, IndividualNumber, InvalidNumberError, corporate, individual, invoice


def test_version_is_the_cmake_version() -> None:
    parts = mynumber.__version__.split(".")
    assert len(parts) == 3 and all(p.isdigit() for p in parts)


def test_all_names_exist() -> None:
    for name in mynumber.__all__:
        assert hasattr(mynumber, name), name


def test_valid_vectors(individual_vector: str, corporate_vector: str) -> None:
    assert individual.is_valid(individual_vector)
    assert individual.validate(individual_vector) == individual_vector
    assert corporate.is_valid(corporate_vector)
    assert corporate.validate(corporate_vector) == corporate_vector
    assert not individual.is_valid(corporate_vector)
    assert not corporate.is_valid(individual_vector)


def test_check_digit_mismatch_names_the_expected_digit() -> None:
    assert not individual.is_valid("123456789012")
    with pytest.raises(InvalidNumberError) as info:
        individual.validate("123456789012")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.code == 5 and err.reason == "check_digit_mismatch"
    assert err.position == 11 and err.expected == 8
    assert "expected check digit 8" in str(err)
    assert "123456789012" not in str(err) and "12345678901" not in repr(err)


@pytest.mark.parametrize(
    ("text", "reason", "position"),
    [("", "empty", None), ("12345678901", "too_short", None), ("1234567890180", "too_long", None),
     ("1234a6789018", "invalid_character", 4), ("1234 5678 901２", "check_digit_mismatch", 13)],
)
def test_individual_errors(text: str, reason: str, position: int | None) -> None:
    with pytest.raises(InvalidNumberError) as info:
        individual.validate(text)
    assert info.value.reason == reason
    assert info.value.position == position


def test_lenient_forms() -> None:
    for text in ["1234 5678 9018", "1234-5678-9018", "１２３４５６７８９０１８", "1234\u30005678\u20109018", b"123456789018"]:
        assert individual.is_valid(text), text
        assert individual.validate(text) == "123456789018"
    assert corporate.validate("7-0000-1205-0002") == "7000012050002"
    assert individual.compact(" 1234-5678 9018 ") == "123456789018"
    assert individual.compact("12") == "12"  # compact does not check length, like python-stdnum


def test_calc_check_digit() -> None:
    assert individual.calc_check_digit("12345678901") == "8"
    assert individual.calc_check_digit("00000000006") == "0"
    assert corporate.calc_check_digit("000012050002") == "7"
    assert corporate.calc_check_digit("700110005901") == "8"
    with pytest.raises(InvalidNumberError) as info:
        individual.calc_check_digit("123456789018")
    assert info.value.reason == "too_long"


def test_format_masks_unless_revealed() -> None:
    assert individual.format("123456789018") == "**** **** 9018"
    assert individual.format("123456789018", reveal=True) == "1234 5678 9018"
    assert individual.format("123456789018", reveal=True, separator="-") == "1234-5678-9018"
    assert individual.format("123456789018", reveal=True, separator="") == "123456789018"
    assert corporate.format("7000012050002") == "*-****-****-0002"
    assert corporate.format("7000012050002", reveal=True) == "7-0000-1205-0002"
    with pytest.raises(mynumber.InvalidArgumentError):
        individual.format("123456789018", separator="--")


def test_individual_number_object(caplog: pytest.LogCaptureFixture) -> None:
    n = IndividualNumber("1234 5678 9018")
    assert n.reveal() == "123456789018"
    assert str(n) == "********9018"
    assert repr(n) == "IndividualNumber('********9018')"
    assert f"{n}" == "********9018" and f"{n:>14}" == "  ********9018"
    assert n.check_digit == 8
    assert n.format() == "**** **** 9018"
    assert n.format(reveal=True) == "1234 5678 9018"
    assert n.masked(visible_digits=0) == "************"
    assert n.masked(mask_char="#") == "########9018"
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("number %s", n)
    assert "123456789018" not in caplog.text and "********9018" in caplog.text
    with pytest.raises(InvalidNumberError) as info:
        IndividualNumber("123456789012")
    assert info.value.expected == 8
    assert IndividualNumber.from_base("12345678901") == n


def test_hash_and_order() -> None:
    a, b = IndividualNumber("123456789018"), IndividualNumber("621498320257")
    assert a == IndividualNumber("1234-5678-9018") and a != b
    assert hash(a) == hash(IndividualNumber("123456789018"))
    assert len({a, b, IndividualNumber("123456789018")}) == 2
    assert sorted([b, a]) == [a, b] and a < b and b > a and a <= a and b >= a
    assert a != "123456789018"  # no equality with plain strings
    c1, c2 = CorporateNumber("1000011000005"), CorporateNumber("7000012050002")
    assert c1 < c2 and len({c1, c2, CorporateNumber("1-0000-1100-0005")}) == 2


def test_pickling_policy() -> None:
    n = IndividualNumber("123456789018")
    with pytest.raises(TypeError, match="refuses to be pickled"):
        pickle.dumps(n)
    assert copy.copy(n) == n and copy.deepcopy(n) == n
    c = CorporateNumber("7000012050002")
    assert pickle.loads(pickle.dumps(c)) == c


def test_corporate_number_object() -> None:
    c = CorporateNumber("7000012050002")
    assert str(c) == "*********0002" and repr(c) == "CorporateNumber('*********0002')"
    assert c.reveal() == "7000012050002" and c.check_digit == 7
    assert c.base_number == "000012050002"
    assert c.base_kind == "national_administrative"
    assert CorporateNumber("8000020130001").base_kind == "local_government"
    assert CorporateNumber("1180301018771").base_kind == "registered"
    assert c.to_invoice() == "T7000012050002"


def test_invoice_and_iso6523() -> None:
    assert invoice.validate("T7000012050002") == "T7000012050002"
    assert invoice.validate("ｔ７０００-０１２０-５０００２") == "T7000012050002"
    assert invoice.is_valid("T1180301018771") and not invoice.is_valid("T1180301018772")
    with pytest.raises(InvalidNumberError) as info:
        invoice.validate("7000012050002")
    assert info.value.reason == "missing_prefix"
    assert invoice.from_corporate("7000012050002") == "T7000012050002"
    assert invoice.to_corporate("T7000012050002") == "7000012050002"
    assert invoice.to_iso6523("7000012050002") == "0188:7000012050002"
    assert invoice.to_iso6523("T7000012050002") == "0221:T7000012050002"
    assert invoice.to_peppol("1180301018771") == "iso6523-actorid-upis::0188:1180301018771"
    assert invoice.parse_iso6523("0221:T7000012050002") == (221, "T7000012050002")
    assert invoice.parse_peppol("iso6523-actorid-upis::0188:7000012050002") == (188, "7000012050002")
    with pytest.raises(InvalidNumberError) as info:
        invoice.parse_iso6523("0999:7000012050002")
    assert info.value.reason == "unknown_scheme"


Engine = Callable[[int], Iterator[int]]


def _reference_generate(mt: Engine, count: int, seed: int, length: int, check: Callable[[str], str]) -> list[str]:
    """generate.hpp's algorithm over a plain-Python mt19937_64: rejection-sampled digits."""
    engine = mt(seed)
    limit = (1 << 64) - 1 - ((((1 << 64) - 1) % 10 + 1) % 10)
    out = []
    for _ in range(count):
        base = ""
        while len(base) < length - 1:
            draw = next(engine)
            if draw <= limit:
                base += str(draw % 10)
        out.append(base + str(check(base)) if length == 12 else str(check(base)) + base)
    return out


def test_generate_is_mt19937_64_reproducible(mt19937_64: Engine) -> None:
    got = individual.generate(20, seed=42)
    assert got == _reference_generate(mt19937_64, 20, 42, 12, individual.calc_check_digit)
    assert all(individual.is_valid(x) for x in got)
    assert individual.generate(20, seed=42) == got
    assert individual.generate(20, seed=43) != got
    corp = corporate.generate(10, seed=2**64 - 1)
    assert corp == _reference_generate(mt19937_64, 10, 2**64 - 1, 13, corporate.calc_check_digit)
    fixed = corporate.generate(50, seed=1, check_digit=9)
    assert all(x[0] == "9" and corporate.is_valid(x) for x in fixed)
    assert len(set(individual.generate(100))) > 90  # unseeded: random
    with pytest.raises(mynumber.InvalidArgumentError):
        corporate.generate(1, seed=1, check_digit=0)


def test_exception_hierarchy() -> None:
    core = mynumber._core
    assert issubclass(mynumber.InvalidNumberError, (mynumber.MyNumberError, ValueError))
    assert issubclass(mynumber.PinError, mynumber.CardError) and issubclass(mynumber.CardError, OSError)
    assert issubclass(mynumber.TamperError, mynumber.SecureDataError)
    assert issubclass(mynumber.NotSupportedError, NotImplementedError)
    assert issubclass(mynumber.MyNumberIOError, OSError)
    for cls in (mynumber.CertificateError, mynumber.LawQueryError, mynumber.CorporateDataError,
                mynumber.SecureDataError, mynumber.InvalidArgumentError):
        assert issubclass(cls, mynumber.MyNumberError) and issubclass(cls, ValueError)
    assert core.reason_name(5) == "check_digit_mismatch"
    assert core.reason_name(206) == "pin_blocked"
    assert core.reason_name(12345) == "error_12345"
    e = mynumber.MyNumberError("x")
    assert e.code == 0 and e.reason == "" and e.position is None and e.expected is None


@pytest.mark.parametrize(
    ("code", "cls", "builtin"),
    [(5, "InvalidNumberError", ValueError), (100, "CertificateError", ValueError), (200, "CardError", OSError),
     (205, "PinError", OSError), (208, "CardError", OSError), (300, "LawQueryError", ValueError),
     (400, "CorporateDataError", ValueError), (500, "TamperError", ValueError),
     (501, "SecureDataError", ValueError), (504, "TamperError", ValueError),
     (900, "InvalidArgumentError", ValueError), (904, "MyNumberIOError", OSError),
     (905, "NotSupportedError", NotImplementedError), (906, "InvalidArgumentError", ValueError),
     (999, "MyNumberError", Exception)],
)
def test_translator_maps_each_range(code: int, cls: str, builtin: type) -> None:
    with pytest.raises(getattr(mynumber, cls)) as info:
        mynumber._core._raise_error(code, 3, None)
    assert type(info.value).__name__ == cls
    assert isinstance(info.value, builtin) and isinstance(info.value, mynumber.MyNumberError)
    assert info.value.code == code and info.value.position == 3 and info.value.expected is None
    assert info.value.reason == mynumber._core.reason_name(code)


def test_out_of_memory_is_memory_error() -> None:
    with pytest.raises(MemoryError) as info:
        mynumber._core._raise_error(903)
    assert getattr(info.value, "code") == 903
