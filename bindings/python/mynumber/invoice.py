"""T-numbers (適格請求書発行事業者登録番号) and ISO/IEC 6523 / Peppol participant identifiers.

A T-number is "T" + 13 digits under the corporate check rule. For a corporation the digits are its
corporate number; for a sole proprietor they are a separate number, never the My Number. ICD 0188
carries a corporate number ("0188:<13 digits>"), ICD 0221 a T-number ("0221:T<13 digits>").
"""

from __future__ import annotations

from ._core import InvalidNumberError
from ._core import invoice_from_corporate as from_corporate
from ._core import invoice_to_corporate as to_corporate
from ._core import invoice_validate as validate
from ._core import parse_iso6523, parse_peppol, to_iso6523, to_peppol


def is_valid(number: str | bytes) -> bool:
    """True if `number` is a valid T-number (lenient: "t", "Ｔ", full-width digits, spaces, dashes)."""
    try:
        validate(number)
    except InvalidNumberError:
        return False
    return True


__all__ = [
    "from_corporate",
    "is_valid",
    "parse_iso6523",
    "parse_peppol",
    "to_corporate",
    "to_iso6523",
    "to_peppol",
    "validate",
]
