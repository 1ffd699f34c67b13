"""Individual Number (個人番号, "My Number"): 12 digits, check digit last.

Functions follow python-stdnum's ``stdnum.jp.in_`` names. ``validate`` and ``compact`` return the
caller's own digits; ``format`` masks unless ``reveal=True``. Every function accepts str or bytes
and the lenient forms (full-width digits, spaces, dashes); anything else is TypeError.
"""

from __future__ import annotations

from ._core import IndividualNumber
from ._core import calc_check_digit_individual as calc_check_digit
from ._core import compact
from ._core import format_individual as format
from ._core import generate_individual as generate
from ._core import is_valid_individual as is_valid
from ._core import parse_individual as parse
from ._core import validate_individual as validate

__all__ = ["IndividualNumber", "calc_check_digit", "compact", "format", "generate", "is_valid", "parse", "validate"]
