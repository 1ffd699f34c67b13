"""Hostile input through every Python entry point: None, wrong types, overlong strings, invalid
UTF-8, lone surrogates and embedded NUL. Each must raise a typed exception or return a clear
result; none may crash the interpreter."""

from __future__ import annotations

from typing import Any, Callable

import pytest

import mynumber
from mynumber import CorporateNumber, IndividualNumber, InvalidNumberError, corporate, individual, invoice

TEXT_FUNCTIONS: list[Callable[[Any], Any]] = [
    individual.validate, individual.compact, individual.format, individual.calc_check_digit, individual.parse,
    corporate.validate, corporate.format, corporate.calc_check_digit, corporate.parse,
    IndividualNumber, CorporateNumber, IndividualNumber.from_base, CorporateNumber.from_base,
    invoice.validate, invoice.from_corporate, invoice.to_corporate, invoice.to_iso6523, invoice.to_peppol,
    invoice.parse_iso6523, invoice.parse_peppol, mynumber._core.mask_text,
]
IDS = [getattr(f, "__qualname__", getattr(f, "__name__", repr(f))) for f in TEXT_FUNCTIONS]


@pytest.mark.parametrize("func", TEXT_FUNCTIONS, ids=IDS)
@pytest.mark.parametrize("value", [None, 123456789018, 1.5, ["123456789018"], object()])
def test_wrong_types_raise_type_error(func: Callable[[Any], Any], value: object) -> None:
    with pytest.raises(TypeError):
        func(value)


@pytest.mark.parametrize("value", [None, 123456789018, ["123456789018"]])
def test_is_valid_wrong_types(value: object) -> None:
    with pytest.raises(TypeError):
        individual.is_valid(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        corporate.is_valid(value)  # type: ignore[arg-type]
    assert invoice.is_valid("T7000012050002")


HOSTILE: list[Any] = [
    "1" * 10_000_000,  # overlong
    b"1" * 10_000_000,
    b"\xff\xfe123456789018",  # invalid UTF-8
    b"1234\xc0\xaf56789018",  # overlong UTF-8 encoding
    b"12345678901\xe3\x80",  # truncated sequence
    "12345678901\udcff",  # lone surrogate (cannot be UTF-8 encoded)
    "123456\x00789018",  # embedded NUL
    b"12345678901\x00",
    "",
    "\u202e123456789018",  # bidi override
]


@pytest.mark.parametrize("func", [f for f in TEXT_FUNCTIONS if f is not mynumber._core.mask_text], ids=IDS[:-1])
@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_text_raises_invalid_number_error(func: Callable[[Any], Any], index: int) -> None:
    value = HOSTILE[index]
    if func is individual.compact and index in (0, 1):
        assert len(func(value)) == 10_000_000  # only digits: compact keeps them all
        return
    with pytest.raises(InvalidNumberError) as info:
        func(value)
    assert info.value.reason in {"too_long", "too_short", "invalid_utf8", "invalid_character", "empty",
                                 "missing_prefix", "unknown_scheme"}
    assert "123456789018" not in str(info.value)


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_text_is_not_valid(index: int) -> None:
    assert individual.is_valid(HOSTILE[index]) is False
    assert corporate.is_valid(HOSTILE[index]) is False
    assert invoice.is_valid(HOSTILE[index]) is False


def test_embedded_nul_position_and_invalid_utf8_reason() -> None:
    with pytest.raises(InvalidNumberError) as info:
        individual.validate("123456\x00789018")
    assert info.value.reason == "invalid_character" and info.value.position == 6
    with pytest.raises(InvalidNumberError) as info:
        individual.validate(b"\xff\xfe123456789018")
    assert info.value.reason == "invalid_utf8" and info.value.position == 0
    with pytest.raises(InvalidNumberError) as info:
        individual.validate("12345678901\udcff")
    assert info.value.reason == "invalid_utf8"


def test_bulk_hostile_inputs() -> None:
    codes = mynumber.validate_many(HOSTILE + [None, 5, b"123456789018"], codes=True, lenient=True).tolist()
    assert codes[-3:] == [900, 900, 0]
    assert all(c != 0 for c in codes[:-1])
    with pytest.raises(TypeError):
        mynumber.validate_many(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mynumber.validate_many(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        mynumber.validate_many("123456789018")
    with pytest.raises(TypeError):
        mynumber._core.validate_lines("text is not a buffer")  # type: ignore[arg-type]
    with pytest.raises(mynumber.InvalidArgumentError):
        mynumber._core._validate_strided(b"123", 2, 12, False, 0, False)
    with pytest.raises(mynumber.InvalidArgumentError):
        mynumber._core._validate_sequence(["1"], 7, False)


def test_bad_generate_arguments() -> None:
    with pytest.raises(TypeError):
        individual.generate(-1)
    with pytest.raises(TypeError):
        individual.generate(1, seed=-5)
    with pytest.raises(TypeError):
        individual.generate(1, seed="x")  # type: ignore[arg-type]
    with pytest.raises(mynumber.InvalidArgumentError):
        individual.generate(1, check_digit=10)


def test_bad_keyword_values() -> None:
    with pytest.raises(mynumber.InvalidArgumentError):
        IndividualNumber("123456789018").masked(mask_char="**")
    with pytest.raises(TypeError):
        IndividualNumber("123456789018").format(reveal="yes", separator=5)  # type: ignore[arg-type]
