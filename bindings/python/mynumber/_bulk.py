"""validate_many: bulk validation in C++ (no Python loop over the values, GIL released)."""

from __future__ import annotations

from typing import Any, Literal, Union

import numpy as np
import numpy.typing as npt

from . import _core

Kind = Literal["individual", "corporate", "auto"]
_KINDS = {"individual": 0, "corporate": 1, "auto": 2}


def _kind_code(kind: str) -> int:
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        raise _core.InvalidArgumentError(f"kind must be one of {sorted(_KINDS)}") from None


def _arrow_codes(values: Any, kind: int, lenient: bool) -> npt.NDArray[np.uint16] | None:
    """Codes for a pyarrow (chunked) string array, or None if `values` is not one."""
    module = type(values).__module__
    if not module.startswith("pyarrow"):
        return None
    import pyarrow as pa  # only imported when the caller already uses pyarrow

    if isinstance(values, pa.ChunkedArray):
        parts = [_arrow_codes(chunk, kind, lenient) for chunk in values.chunks]
        return np.concatenate([p for p in parts if p is not None]) if parts else np.zeros(0, np.uint16)
    if not isinstance(values, pa.Array):
        return None
    if pa.types.is_string(values.type) or pa.types.is_binary(values.type):
        large = False
    elif pa.types.is_large_string(values.type) or pa.types.is_large_binary(values.type):
        large = True
    else:
        raise _core.InvalidArgumentError(f"unsupported Arrow type {values.type}; expected string or binary")
    validity, offsets, data = values.buffers()
    if data is None:  # every slot is null or empty
        data = pa.py_buffer(b"")
    return _core._validate_arrow(offsets, data, validity, values.offset, len(values), large, kind, lenient)


def validate_many(
    values: Union[Any, "npt.NDArray[Any]"],
    kind: Kind = "individual",
    *,
    lenient: bool = False,
    codes: bool = False,
) -> npt.NDArray[Any]:
    """Validates many numbers at once in C++ and returns a numpy bool array (True = valid).

    `values` may be a list or tuple of str/bytes, a numpy array of str ('U'), bytes ('S') or
    objects, or a pyarrow string/binary array or chunked array (read in place, zero copy).
    `kind` is "individual", "corporate" or "auto" (12 digits individual, 13 corporate).
    `lenient` accepts full-width digits, spaces and dashes. With `codes=True` the result is a
    uint16 array of error codes instead: 0 valid, 1-99 the failed rule (see
    mynumber._core.reason_name), 900 for a null or non-text item.
    """
    k = _kind_code(kind)
    if isinstance(values, (str, bytes, bytearray, memoryview)):
        raise TypeError("validate_many takes a collection of numbers, not one string; "
                        "use mynumber._core.validate_lines for a buffer of lines")
    result = _arrow_codes(values, k, lenient)
    if result is None:
        if isinstance(values, np.ndarray):
            if values.dtype.kind in ("S", "U"):
                flat = np.ascontiguousarray(values).reshape(-1)
                stride = flat.dtype.itemsize
                result = _core._validate_strided(flat.view(np.uint8), flat.size, stride, values.dtype.kind == "U", k, lenient)
                result = result.reshape(values.shape)
            else:
                result = _core._validate_sequence(values.reshape(-1), k, lenient).reshape(values.shape)
        else:
            result = _core._validate_sequence(values, k, lenient)
    if codes:
        return result
    valid: npt.NDArray[np.bool_] = result == 0
    return valid
