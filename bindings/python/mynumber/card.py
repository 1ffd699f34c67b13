"""The My Number Card (個人番号カード): validity rules, 照合番号B, 和暦, PIN formats, and a PC/SC reader.

Facts, their public sources and their confidence are in docs/card.md. Dates are
``"YYYY-MM-DD"`` strings or :class:`datetime.date`. Errors raise :class:`mynumber.CardError` (an
``OSError``) or :class:`mynumber.PinError`; neither message ever contains a PIN or a 個人番号.

>>> from mynumber import card
>>> card.expiry("1980-02-17", "2025-10-27").date
datetime.date(2035, 2, 17)
>>> card.verification_code_b("1980-02-17", 2035, "2285")
'55021720352285'
"""

from __future__ import annotations

import datetime as _dt
import hashlib as _hashlib
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Union

from . import _core
from ._optional import require

require("card")  # ModuleNotBuiltError when this installation was built without it

from . import _card  # noqa: E402

DateLike = Union[str, _dt.date]

PIN_KINDS = ("jpki_auth", "jpki_sign", "text_pin", "text_code_a", "text_code_b", "visual_birth", "visual_code_b",
             "visual_code_a", "juki_pin")
HAS_PCSC: bool = bool(_card.card_has_pcsc)
JST = _dt.timezone(_dt.timedelta(hours=9))

__all__ = ["PIN_KINDS", "HAS_PCSC", "Expiry", "expiry", "certificate_expiry", "verification_code_b", "to_wareki",
           "check_pin_format", "pin_specs", "Reader", "sha256"]


def _date_text(value: DateLike) -> str:
    if isinstance(value, _dt.datetime):
        raise TypeError("pass a date, not a datetime")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"date must be str or datetime.date, not {type(value).__name__}")


@dataclass(frozen=True)
class Expiry:
    """A last valid day; the validity ends at 23:59:59 JST on it."""

    date: _dt.date
    reason: str  # tenth_birthday, fifth_birthday, period_of_stay or card_expiry
    adult: Optional[bool] = None  # card expiry only

    @property
    def ends_at(self) -> _dt.datetime:
        """The exact end: 23:59:59 JST on ``date`` (timezone-aware)."""
        return _dt.datetime.fromtimestamp(_card.card_expiry_instant(self.date.isoformat()), JST)


def expiry(birth: DateLike, issued: DateLike, *, application_received: Optional[DateLike] = None,
           residence: str = "japanese", stay_until: Optional[DateLike] = None) -> Expiry:
    """The card's expiry: the 10th birthday after issue for adults (20+ for applications received
    before 2022-04-01, 18+ from then), the 5th for minors; fixed-term foreign residents
    (``residence="fixed_term"``) are capped at ``stay_until``."""
    text, reason, adult = _card.card_expiry(
        _date_text(birth), _date_text(issued),
        None if application_received is None else _date_text(application_received), residence,
        None if stay_until is None else _date_text(stay_until))
    return Expiry(_dt.date.fromisoformat(text), reason, adult)


def certificate_expiry(birth: DateLike, issued: DateLike, card_expiry: DateLike) -> Expiry:
    """An electronic certificate's expiry: the 5th birthday after issue, never past the card's."""
    text, reason = _card.card_certificate_expiry(_date_text(birth), _date_text(issued), _date_text(card_expiry))
    return Expiry(_dt.date.fromisoformat(text), reason)


def verification_code_b(birth: DateLike, expiry_year: int, security_code: str, *, gregorian: bool = False) -> str:
    """照合番号B: birth date as 和暦 YYMMDD (``gregorian=True``: 西暦 YYMMDD, UNCONFIRMED for foreign
    residents) + the card's expiry year + the 4-digit security code."""
    code: str = _card.card_verification_code_b(_date_text(birth), expiry_year, security_code, gregorian)
    return code


def to_wareki(date: DateLike) -> str:
    """The date in 和暦, e.g. ``"平成元年1月8日"``."""
    text: str = _card.card_to_wareki(_date_text(date))[0]
    return text


def check_pin_format(kind: str, pin: str) -> None:
    """Raises :class:`mynumber.PinError` (reason ``pin_format``) unless ``pin`` fits ``kind``."""
    _card.card_check_pin_format(kind, pin)


def pin_specs() -> List[Dict[str, Any]]:
    """Every credential with its key EF, length rule and retry limit (``None`` = unknown)."""
    return [dict(spec) for spec in _card.card_pin_specs()]


def sha256(data: bytes) -> bytes:
    """SHA-256 of ``data`` (what :meth:`Reader.sign` expects)."""
    return _hashlib.sha256(data).digest()


class Reader:
    """A My Number Card in a PC/SC reader.

    Every VERIFY is guarded: the tries left are read first (without using one), a blocked
    credential is refused, and the last try is used only with ``allow_last_try=True``. PIN
    formats are checked before anything is sent. Closing (or leaving a ``with`` block) resets
    the card so no verified state outlives the session.
    """

    def __init__(self, reader: str = "", *, wait: float = 0.0) -> None:
        if not HAS_PCSC:
            raise _core.NotSupportedError("mynumber was built without PC/SC (libpcsclite)")
        self._card: Any = _card.CardReader(reader, int(wait * 1000))

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._card = None

    def _open(self) -> Any:
        if self._card is None:
            raise ValueError("the reader is closed")
        return self._card

    @property
    def name(self) -> str:
        return str(self._open().name)

    def atr(self) -> bytes:
        return bytes(self._open().atr())

    def pin_status(self, kind: str) -> Optional[int]:
        """Tries left for ``kind`` (see :data:`PIN_KINDS`); ``None`` when the card reports it verified."""
        tries: Optional[int] = self._open().pin_status(kind)
        return tries

    def read_my_number(self, pin: str, *, allow_last_try: bool = False) -> _core.IndividualNumber:
        """The 個人番号 (masked when printed), opened by the 4-digit input-support PIN."""
        number: _core.IndividualNumber = self._open().read_my_number(pin, allow_last_try)
        return number

    def read_basic_info(self, *, pin: Optional[str] = None, code_b: Optional[str] = None,
                        allow_last_try: bool = False) -> Dict[str, str]:
        """基本4情報 {name, address, birth_date, sex}, opened by the PIN or 照合番号B (exactly one)."""
        if (pin is None) == (code_b is None):
            raise TypeError("give exactly one of pin= or code_b=")
        if pin is not None:
            info: Dict[str, str] = self._open().read_basic_info(pin, "text_pin", allow_last_try)
        else:
            info = self._open().read_basic_info(code_b, "text_code_b", allow_last_try)
        return info

    def read_certificate(self, kind: str = "auth", *, password: Optional[str] = None,
                         allow_last_try: bool = False) -> bytes:
        """A certificate as DER: ``auth``, ``auth_ca``, ``sign`` (needs ``password``) or ``sign_ca``."""
        return bytes(self._open().read_certificate(kind, password, allow_last_try))

    def sign(self, secret: str, digest: bytes, *, key: str = "sign", allow_last_try: bool = False) -> bytes:
        """PKCS#1 v1.5 signature (RSA-2048) over a SHA-256 ``digest`` with the ``sign`` key (署名用
        パスワード) or the ``auth`` key (利用者証明用暗証番号)."""
        if key not in ("sign", "auth"):
            raise ValueError("key must be 'sign' or 'auth'")
        return bytes(self._open().sign(secret, digest, key == "auth", allow_last_try))

    def change_pin(self, kind: str, old: str, new: str, *, allow_last_try: bool = False) -> None:
        """CHANGE REFERENCE DATA for ``jpki_auth``, ``jpki_sign`` or ``text_pin``."""
        self._open().change_pin(kind, old, new, allow_last_try)
