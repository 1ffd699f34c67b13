"""Corporate Number (法人番号): 13 digits, check digit first.

Functions follow python-stdnum's ``stdnum.jp.cn`` names. ``format`` masks unless ``reveal=True``,
like every display form in this library, although corporate numbers are public.
"""

from __future__ import annotations

from ._core import CorporateNumber
from ._core import calc_check_digit_corporate as calc_check_digit
from ._core import compact
from ._core import format_corporate as format
from ._core import generate_corporate as generate
from ._core import is_valid_corporate as is_valid
from ._core import parse_corporate as parse
from ._core import validate_corporate as validate

__all__ = ["CorporateNumber", "calc_check_digit", "compact", "format", "generate", "is_valid", "parse", "validate"]
