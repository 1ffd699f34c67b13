# Type stubs of the extension module mynumber._card (mynumber.card), generated from the runtime with
# pybind11-stubgen; the card module maintains them. Checked with `python -m mypy.stubtest mynumber._card`.
# Its errors are the classes of mynumber._core.
import typing

from mynumber._core import IndividualNumber

class CardReader:
    """
    A My Number Card in a PC/SC reader (see mynumber.card.Reader).
    """
    def __init__(self, reader: str = '', wait_ms: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        ...
    def atr(self) -> bytes:
        ...
    def change_pin(self, kind: str, old: typing.Any, new: typing.Any, allow_last_try: bool = False) -> None:
        ...
    def pin_status(self, kind: str) -> int | None:
        ...
    def read_basic_info(self, credential: typing.Any, kind: str = 'text_pin', allow_last_try: bool = False) -> dict[str, typing.Any]:
        ...
    def read_certificate(self, slot: str, password: typing.Any = None, allow_last_try: bool = False) -> bytes:
        ...
    def read_my_number(self, pin: typing.Any, allow_last_try: bool = False) -> IndividualNumber:
        ...
    def sign(self, secret: typing.Any, digest: bytes, use_auth_key: bool = False, allow_last_try: bool = False) -> bytes:
        ...
    @property
    def name(self) -> str:
        ...

def card_certificate_expiry(birth: typing.Any, issued: typing.Any, card_expiry: typing.Any) -> tuple[str, str]:
    """
    Electronic-certificate expiry: (last valid day, reason).
    """

def card_check_pin_format(kind: str, pin: typing.Any) -> None:
    """
    Raises PinError(pin_format) unless `pin` meets the format of `kind`.
    """

def card_expiry(birth: typing.Any, issued: typing.Any, application_received: typing.Any = None, residence: str = 'japanese', stay_until: typing.Any = None) -> tuple[str, str, bool]:
    """
    Card expiry: (last valid day 'YYYY-MM-DD', reason, adult). Raises MyNumberError(reason invalid_date) for a bad date, or InvalidArgumentError.
    """

def card_expiry_instant(last_day: typing.Any) -> int:
    """
    Unix seconds of 23:59:59 JST on the last valid day.
    """

def card_pin_specs() -> tuple[typing.Any, ...]:
    """
    Every credential of the card with its key EF, length and retry limit.
    """

def card_to_wareki(date: typing.Any) -> tuple[str, str, int]:
    """
    A date in 和暦: (text such as '平成元年1月8日', era romaji, era year).
    """

def card_verification_code_b(birth: typing.Any, expiry_year: typing.SupportsInt | typing.SupportsIndex, security_code: typing.Any, gregorian: bool = False) -> str:
    """
    照合番号B: birth date as 和暦 YYMMDD (or 西暦 with gregorian=True, UNCONFIRMED) + expiry year + code.
    """

card_has_pcsc: bool
