"""mynumber: Japan's My Number system (マイナンバー制度) in Python.

Individual Numbers (個人番号) and Corporate Numbers (法人番号): validation with reasons and
positions, check digits, normalisation, masked formatting, seeded generation, T-numbers
(適格請求書発行事業者登録番号) and ISO 6523 / Peppol identifiers, and bulk validation in C++.

Per-kind functions follow python-stdnum's names: ``mynumber.individual.is_valid(...)``,
``mynumber.corporate.validate(...)`` and so on. Display forms of IndividualNumber and
CorporateNumber are masked; ``.reveal()`` is the only way to the digits.

This module loads only the extension ``mynumber._core`` (numbers and exceptions). Each optional
module (``mynumber.law``, ``.secure``, ``.jpki``, ``.card``, ``.corp``) has its own extension
``mynumber._<m>``, loaded with its system libraries when the module is imported; importing a module
that this installation was built without raises ``ModuleNotBuiltError`` (an ImportError), and
``available_modules()`` lists those that were built.
"""

from __future__ import annotations

from . import _core
from ._core import (
    CardError,
    CertificateError,
    CorporateDataError,
    CorporateNumber,
    IndividualNumber,
    InvalidArgumentError,
    InvalidNumberError,
    LawQueryError,
    MyNumberError,
    MyNumberIOError,
    NotSupportedError,
    PinError,
    SecureDataError,
    TamperError,
)
from . import corporate, individual, invoice
from ._optional import ModuleNotBuiltError, available_modules

__version__: str = _core.__version__

# typing is not imported at run time: `import mynumber` (and every CLI run) would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._bulk import validate_many


def __getattr__(name: str) -> Any:
    # validate_many needs numpy, whose import costs more than everything else here: load it on
    # first use so that `import mynumber` and the CLI do not pay for it.
    if name == "validate_many":
        from ._bulk import validate_many

        globals()["validate_many"] = validate_many
        return validate_many
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "__version__",
    # exceptions
    "MyNumberError",
    "InvalidNumberError",
    "CertificateError",
    "CardError",
    "PinError",
    "LawQueryError",
    "CorporateDataError",
    "SecureDataError",
    "TamperError",
    "InvalidArgumentError",
    "MyNumberIOError",
    "NotSupportedError",
    "ModuleNotBuiltError",
    "available_modules",
    # numbers
    "IndividualNumber",
    "CorporateNumber",
    "individual",
    "corporate",
    "invoice",
    "validate_many",
]
