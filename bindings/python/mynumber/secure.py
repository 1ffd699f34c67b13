"""Sensitive-data handling (安全管理措置 as a library): secrets, organisation keys, linkage tokens,
sealed storage and the audit trail. Needs the library built with OpenSSL 3 (``secure`` in
``mynumber.available_modules()``).

Nothing here is anonymisation. Tokens and sealed values are still 特定個人情報 in law (PPC FAQ
Q9-2, Q9-4): handle them under the same rules as the number. See docs/security.md.

Display rules in Python:

* ``IndividualNumber`` (returned by :func:`unseal`): ``str``, ``repr``, ``format`` and f-strings are
  masked (``********9018``); ``logging`` formats with ``str`` and so is masked too; pickling is
  refused; ``.reveal()`` is the only way to the digits.
* :class:`Secret`: ``str``/``repr`` print ``[secret]``; pickling is refused; ``.reveal()`` gives bytes.
* :class:`KeyRing`: ``repr`` lists key ids only; pickling is refused.
* :class:`LinkageToken`, :class:`SealedValue`: ``str`` is the stored text form; they pickle.
* Exceptions (:class:`~mynumber.TamperError`, :class:`~mynumber.SecureDataError`) never contain a
  number or key material.

What Python cannot promise: ``str`` and ``bytes`` are immutable, so any number or key that was
ever a Python string (typed in, read from a file, returned by ``.reveal()``) stays in the heap
until the interpreter reuses the memory, and the garbage collector decides when. The C++ objects
behind these classes wipe themselves; the Python strings around them cannot be wiped.
"""

from __future__ import annotations

from ._optional import require

require("secure")  # ModuleNotBuiltError when this installation was built without it

from ._secure import (  # noqa: E402
    AuditLog,
    KeyRing,
    LinkageToken,
    SealedValue,
    Secret,
    deletion_certificate,
    derive_token,
    generate_key_entry,
    reseal,
    reveal_into_secret,
    rotate_token,
    seal,
    seal_secret,
    token_matches,
    unseal,
    unseal_secret,
    verify_audit_log,
)

#: The environment variable KeyRing.from_env() and the CLI read by default.
KEY_ENVIRONMENT_VARIABLE = "MYNUMBER_KEYS"

__all__ = [
    "AuditLog",
    "KEY_ENVIRONMENT_VARIABLE",
    "KeyRing",
    "LinkageToken",
    "SealedValue",
    "Secret",
    "deletion_certificate",
    "derive_token",
    "generate_key_entry",
    "reseal",
    "reveal_into_secret",
    "rotate_token",
    "seal",
    "seal_secret",
    "token_matches",
    "unseal",
    "unseal_secret",
    "verify_audit_log",
]
