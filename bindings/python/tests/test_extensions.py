"""The two extensions: mynumber._core (errors, numbers) and mynumber._modules (the optional
modules). _modules raises the exception classes of _core and takes and returns its number classes;
`import mynumber` loads _core only. Also _core._check_number, the CLI's non-raising per-record
check, against the raising validators."""

from __future__ import annotations

import subprocess
import sys
from typing import Optional, Tuple

import pytest

import mynumber
from mynumber import _core, _modules

from conftest import VALID_CORPORATE, VALID_INDIVIDUAL


def test_import_mynumber_loads_core_only() -> None:
    code = "import sys, mynumber; print('mynumber._core' in sys.modules, 'mynumber._modules' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]


def test_compiled_modules_is_in_modules_only() -> None:
    assert isinstance(_modules.compiled_modules, tuple)
    assert set(_modules.compiled_modules) <= {"law", "secure", "jpki", "card", "corp"}
    assert not hasattr(_core, "compiled_modules")


@pytest.mark.skipif("law" not in _modules.compiled_modules, reason="built without the law module")
def test_modules_raise_the_classes_of_core() -> None:
    with pytest.raises(mynumber.LawQueryError) as info:
        getattr(_modules, "law_answer_json")("{")
    assert type(info.value) is _core.LawQueryError
    assert isinstance(info.value, mynumber.MyNumberError) and info.value.reason == "json_malformed"


@pytest.mark.skipif("secure" not in _modules.compiled_modules, reason="built without the secure module")
def test_modules_take_and_return_the_number_classes_of_core() -> None:
    from mynumber import secure

    ring = secure.KeyRing.parse(secure.generate_key_entry("cross-extension"))
    number = mynumber.IndividualNumber(VALID_INDIVIDUAL[0])
    sealed = secure.seal(number, "r/1", ring)  # a _core object into _modules
    opened = secure.unseal(sealed, "r/1", ring)  # a _core object out of _modules
    assert type(opened) is mynumber.IndividualNumber and opened == number
    assert secure.token_matches(secure.derive_token(VALID_INDIVIDUAL[0], "d", ring), number, "d", ring)


# ---- _check_number -----------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
INPUTS = [*VALID_INDIVIDUAL[:3], *VALID_CORPORATE[:3], "123456789012", "7000012050003", "1234 5678 9018",
          "7-0000-1205-0002", VALID_INDIVIDUAL[1].translate(FULL_WIDTH), "12345678901", "12345678901899",
          "1234567890a8", "", "   ", "\ud800123", b"123456789018", b"\xff\xfe", b"7000012050002", "T7000012050002"]


def _raising_reference(value: str | bytes, kind: str, strict: bool) -> Tuple[str, str, Optional[Tuple[object, ...]]]:
    """(kind, digits or "", error fields) from the public raising functions."""
    if kind == "auto":
        try:
            kind = "corporate" if len(_core.compact(value)) == 13 else "individual"
        except mynumber.InvalidNumberError:
            kind = "individual"
    validate = _core.validate_individual if kind == "individual" else _core.validate_corporate
    if strict:
        code = int(_core._validate_sequence([value], 0 if kind == "individual" else 1, False)[0])
        if code != 0:
            try:
                validate(value)
            except mynumber.InvalidNumberError as exc:
                if exc.code == code:
                    return kind, "", (type(exc), str(exc), exc.code, exc.reason, exc.position, exc.expected)
            message = f"{_core.describe(code)} (strict mode: ASCII digits only)"
            return kind, "", (mynumber.InvalidNumberError, message, code, _core.reason_name(code), None, None)
    try:
        return kind, validate(value), None
    except mynumber.InvalidNumberError as exc:
        return kind, "", (type(exc), str(exc), exc.code, exc.reason, exc.position, exc.expected)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("kind", ["individual", "corporate", "auto"])
def test_check_number_returns_what_the_validators_raise(kind: str, strict: bool) -> None:
    for value in INPUTS:
        got_kind, result = _core._check_number(value, {"individual": 0, "corporate": 1, "auto": 2}[kind], strict)
        if isinstance(result, str):
            got = (got_kind, result, None)
        else:
            got = (got_kind, "", (type(result), str(result), result.code, result.reason, result.position,
                                  result.expected))
        assert got == _raising_reference(value, kind, strict), value


def test_check_number_bad_arguments() -> None:
    with pytest.raises(TypeError):
        _core._check_number(None, 0, False)  # type: ignore[arg-type]
    with pytest.raises(mynumber.InvalidArgumentError):
        _core._check_number("123456789018", 3, False)
