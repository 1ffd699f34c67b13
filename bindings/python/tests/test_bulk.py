"""validate_many over lists, numpy arrays and pyarrow arrays, and validate_lines."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import mynumber
from mynumber import _core, corporate, individual, validate_many

VALUES = ["123456789018", "123456789012", "", "1234 5678 9018", "12345678901", "621498320257"]
STRICT = [True, False, False, False, False, True]
LENIENT = [True, False, False, True, False, True]


def test_list_of_str() -> None:
    result = validate_many(VALUES)
    assert result.dtype == np.bool_ and result.tolist() == STRICT
    assert validate_many(VALUES, lenient=True).tolist() == LENIENT
    codes = validate_many(VALUES, codes=True)
    assert codes.dtype == np.uint16 and codes.tolist() == [0, 5, 1, 4, 2, 0]


def test_tuple_and_bytes_and_mixed() -> None:
    values = (b"123456789018", "123456789018", None, 123456789018, b"\xff\xfe", "\udcff")
    assert validate_many(values).tolist() == [True, True, False, False, False, False]
    assert validate_many(values, codes=True).tolist() == [0, 0, 900, 900, 4, 6]


def test_numpy_unicode_bytes_object() -> None:
    arr = np.array(VALUES)
    assert arr.dtype.kind == "U"
    assert validate_many(arr).tolist() == STRICT
    assert validate_many(arr, lenient=True).tolist() == LENIENT
    wide = np.array(["１２３４５６７８９０１８", "1234 5678 9018", "12345678901８"])
    assert validate_many(wide, lenient=True).tolist() == [True, True, True]
    assert validate_many(wide, codes=True).tolist() == [4, 4, 4]  # strict: ASCII digits only
    assert validate_many(np.array([v.encode() for v in VALUES])).tolist() == STRICT
    assert validate_many(np.array(VALUES, dtype=object)).tolist() == STRICT
    two_d = np.array([["123456789018", "1"], ["621498320257", "x"]])
    assert validate_many(two_d).tolist() == [[True, False], [True, False]]
    strided = np.array(VALUES * 2)[::2]  # non-contiguous view
    assert validate_many(strided).tolist() == (STRICT * 2)[::2]


def test_pyarrow_arrays() -> None:
    pa = pytest.importorskip("pyarrow")
    arr = pa.array(VALUES + [None])
    assert validate_many(arr).tolist() == STRICT + [False]
    assert validate_many(arr, codes=True).tolist()[-1] == 900
    assert validate_many(arr.slice(1, 3)).tolist() == STRICT[1:4]
    assert validate_many(pa.array(VALUES, type=pa.large_string()), lenient=True).tolist() == LENIENT
    assert validate_many(pa.chunked_array([VALUES[:2], VALUES[2:]])).tolist() == STRICT
    assert validate_many(pa.array([v.encode() for v in VALUES], type=pa.binary())).tolist() == STRICT
    with pytest.raises(mynumber.InvalidArgumentError):
        validate_many(pa.array([1, 2]))


def test_kinds() -> None:
    mixed = ["123456789018", "7000012050002", "8000012050002", "1180301018771"]
    assert validate_many(mixed, kind="corporate").tolist() == [False, True, False, True]
    assert validate_many(mixed, kind="auto").tolist() == [True, True, False, True]
    with pytest.raises(mynumber.InvalidArgumentError):
        validate_many(mixed, kind="person")  # type: ignore[arg-type]


def test_agrees_with_scalar_functions_on_generated_data() -> None:
    good = individual.generate(2000, seed=5)
    bad = [g[:-1] + str((int(g[-1]) + 1) % 10) for g in good]  # every other check digit is wrong
    values = good + bad
    expected = [individual.is_valid(v) for v in values]
    assert expected == [True] * 2000 + [False] * 2000
    assert validate_many(values).tolist() == expected
    assert validate_many(np.array(values)).tolist() == expected
    corp = corporate.generate(500, seed=6)
    assert validate_many(corp, kind="corporate").all()


def test_validate_lines() -> None:
    buf = b"123456789018\r\n123456789012\n\n7000012050002\n1234 5678 9018"
    assert _core.validate_lines(buf).tolist() == [0, 5, 1, 3, 4]
    assert _core.validate_lines(buf, kind=2, lenient=True).tolist() == [0, 5, 1, 0, 0]
    assert _core.validate_lines(bytearray(buf), kind=1).tolist()[3] == 0
    assert _core.validate_lines(memoryview(buf)[:13]).tolist() == [0]
    assert _core.validate_lines(b"").tolist() == []


def test_releases_the_gil() -> None:
    values = individual.generate(200_000, seed=9)
    results: list[bool] = []

    def worker() -> None:
        results.append(bool(validate_many(values).all()))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 4
