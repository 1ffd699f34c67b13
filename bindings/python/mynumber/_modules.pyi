# Type stubs of the extension module mynumber._modules: the optional modules (checked with
# `python -m mypy.stubtest mynumber._core mynumber._modules`). A module <m> appends its classes and
# functions below its own "# --- <m> ---" heading. Its errors are the classes of mynumber._core.
import collections.abc
import datetime
import typing
from typing import Tuple

from mynumber._core import IndividualNumber

compiled_modules: Tuple[str, ...]

# --- law (generated from the runtime with pybind11-stubgen; the law module maintains it) ---

def law_answer_json(request: typing.Any) -> str:
    """
    Answers one JSON request (its "question" member picks the question) with a JSON response. Raises LawQueryError (json_malformed, law_invalid_query, law_unknown_id, law_date_out_of_range).
    """

def law_answer_question_json(question: str, request: typing.Any) -> str:
    """
    Like law_answer_json for one named question; the request's "question" member may be omitted.
    """

law_disclaimer: str

def law_rule_ids() -> tuple[typing.Any, ...]:
    """
    The semantic IDs of every rule (e.g. 'P19.NETWORK'), in table order.
    """


# --- secure (generated from the runtime with pybind11-stubgen; the secure module maintains it) ---

class Secret:
    """
    Bytes that wipe themselves (OPENSSL_cleanse) when freed: a PIN, a password, a number. str()/repr() print '[secret]'; reveal() returns bytes; == compares in constant time; refuses to be pickled. The Python str or bytes it was made from is NOT wiped (Python strings are immutable); see docs/security.md.
    """
    __hash__: typing.ClassVar[None]  # type: ignore[assignment]
    def __eq__(self, arg0: object) -> bool:
        ...
    def __init__(self, value: typing.Any) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __ne__(self, arg0: object) -> bool:
        ...
    def __reduce__(self) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def clear(self) -> None:
        """
        Wipes the bytes now; the secret becomes empty.
        """
    def reveal(self) -> bytes:
        """
        The bytes, as a new Python bytes object (which Python will not wipe).
        """

class KeyRing:
    """
    Organisation keys ('mnk1:<id>:<64 hex>' entries); the first entry is current. Load from a file (KeyRing.load_file) or the environment (KeyRing.from_env), never from argv. repr() shows key ids only; refuses to be pickled.
    """
    @staticmethod
    def from_env(name: str = 'MYNUMBER_KEYS') -> KeyRing:
        """
        Reads key entries from an environment variable.
        """
    @staticmethod
    def load_file(path: str) -> KeyRing:
        """
        Reads a key file; refuses one that other users can read.
        """
    @staticmethod
    def parse(text: typing.Any) -> KeyRing:
        """
        Parses key entries from a str/bytes (which Python will not wipe: prefer load_file).
        """
    def __len__(self) -> int:
        ...
    def __reduce__(self) -> typing.Any:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def current_id(self) -> str:
        ...
    @property
    def ids(self) -> list[str]:
        """
        Key ids, current first.
        """

class LinkageToken:
    """
    A linkage token (符号-style pseudonym). NOT anonymisation: a token is still 特定個人情報. str() is the text form 'mnt1.<key id>.<mac>'.
    """
    @staticmethod
    def from_bytes(data: bytes) -> LinkageToken:
        ...
    @staticmethod
    def parse(text: typing.Any) -> LinkageToken:
        ...
    def __eq__(self, arg0: object) -> bool:
        ...
    def __getstate__(self) -> tuple[str]:
        ...
    def __hash__(self) -> int:
        ...
    def __ne__(self, arg0: object) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_bytes(self) -> bytes:
        ...
    @property
    def key_id(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def version(self) -> int:
        ...

class SealedValue:
    """
    An AES-256-GCM sealed value bound to its record id. Still a My Number in law (PPC FAQ Q9-2). str() is the text form 'mns1.<base64url>'.
    """
    @staticmethod
    def from_bytes(data: bytes) -> SealedValue:
        ...
    @staticmethod
    def parse(text: typing.Any) -> SealedValue:
        ...
    def __eq__(self, arg0: object) -> bool:
        ...
    def __getstate__(self) -> tuple[str]:
        ...
    def __hash__(self) -> int:
        ...
    def __ne__(self, arg0: object) -> bool:
        ...
    def __repr__(self) -> str:
        ...
    def __setstate__(self, arg0: tuple[typing.Any, ...]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def to_bytes(self) -> bytes:
        ...
    @property
    def key_id(self) -> str:
        ...
    @property
    def text(self) -> str:
        ...
    @property
    def version(self) -> int:
        ...

class AuditLog:
    """
    An append-only, hash-chained JSON Lines audit log (docs/security.md). Entries name the record id, never the number; fields holding an Individual Number are refused.
    """
    def __init__(self, path: str, ring: KeyRing | None = None) -> None:
        """
        ring: keys for a keyed (HMAC) chain; the current key signs new entries.
        """
    def append(self, *, actor: str, action: str, purpose: str, record_id: str, legal_basis: str | None = None, detail: str | None = None, time: datetime.datetime | None = None) -> str:
        """
        Appends one event (action: 'reveal', 'provide', 'store' or 'delete'); returns its line.
        """
    def verify(self, expected_head: tuple[typing.Any, ...] | None = None) -> tuple[typing.Any, ...]:
        """
        Verifies the file; returns (entries, head_hash). TamperError names the first bad line.
        """
    @property
    def path(self) -> str:
        ...

def deletion_certificate(text: typing.Any, issuer: str, *, record_id: str | None = None, ring: KeyRing | None = None) -> str:
    """
    The deletion certificate (廃棄記録) JSON of a verified log's delete entries.
    """

def derive_token(number: typing.Any, domain: str, ring: KeyRing) -> LinkageToken:
    """
    The token of an Individual Number (IndividualNumber or str) in a linkage domain, under the current key.
    """

def generate_key_entry(id: str) -> str:
    """
    A new random key entry 'mnk1:<id>:<hex>'. The result IS key material: write it to a file with mode 0600.
    """

def reseal(value: SealedValue, record_id: str, ring: KeyRing) -> SealedValue:
    """
    Re-seals under the current key (rotation).
    """

def reveal_into_secret(number: typing.Any) -> Secret:
    """
    The 12 digits of an Individual Number as a Secret.
    """

def rotate_token(token: LinkageToken, number: typing.Any, domain: str, ring: KeyRing) -> LinkageToken:
    """
    Re-derives under the current key after checking the old token (TamperError if it does not match).
    """

def seal(number: typing.Any, record_id: str, ring: KeyRing) -> SealedValue:
    """
    Seals an Individual Number for a record.
    """

def seal_secret(value: Secret, record_id: str, ring: KeyRing) -> SealedValue:
    """
    Seals a Secret (PIN, password) for a record.
    """

def token_matches(token: LinkageToken, number: typing.Any, domain: str, ring: KeyRing) -> bool:
    """
    Whether the token belongs to the number in the domain (under the key the token names).
    """

def unseal(value: SealedValue, record_id: str, ring: KeyRing) -> IndividualNumber:
    """
    Opens a sealed number (an IndividualNumber, masked when printed). TamperError on any mismatch.
    """

def unseal_secret(value: SealedValue, record_id: str, ring: KeyRing) -> Secret:
    """
    Opens a sealed Secret.
    """

def verify_audit_log(text: typing.Any, ring: KeyRing | None = None, expected_head: tuple[typing.Any, ...] | None = None) -> tuple[typing.Any, ...]:
    """
    Verifies a whole log given as text; returns (entries, head_hash).
    """


# --- jpki (generated from the runtime with pybind11-stubgen; the jpki module maintains it) ---

def jpki_certificate_json(data: bytes, include_basic_info: bool = False) -> str:
    """
    Certificate info (DER or PEM bytes) as JSON; the basic attributes only with include_basic_info. Raises CertificateError for bytes that are not a certificate.
    """

def jpki_jlis_roots_pem() -> list[str]:
    """
    The embedded J-LIS root certificates (the default trust anchors), as PEM text.
    """

def jpki_parse_time(text: str) -> int:
    """
    Unix seconds of 'YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|JST]' (no offset = UTC). Raises InvalidArgumentError.
    """

def jpki_verify_cms_json(cms: bytes, content: bytes, signer: bytes | None, ca_paths: collections.abc.Sequence[str], ca_data: collections.abc.Sequence[bytes], crls: collections.abc.Sequence[bytes], at: typing.SupportsInt | typing.SupportsIndex | None, expected: str | None, require_revocation: bool) -> str:
    """
    Signature verdict JSON for a detached CMS/PKCS#7 SignedData (DER or PEM).
    """

def jpki_verify_json(data: bytes, ca_paths: collections.abc.Sequence[str], ca_data: collections.abc.Sequence[bytes], crls: collections.abc.Sequence[bytes], at: typing.SupportsInt | typing.SupportsIndex | None, expected: str | None, require_revocation: bool) -> str:
    """
    Verdict JSON for certificate bytes (an unparseable certificate is a failed 'parse' check).
    """

def jpki_verify_raw_signature_json(certificate: bytes, message: bytes, signature: bytes, ca_paths: collections.abc.Sequence[str], ca_data: collections.abc.Sequence[bytes], crls: collections.abc.Sequence[bytes], at: typing.SupportsInt | typing.SupportsIndex | None, expected: str | None, require_revocation: bool) -> str:
    """
    Signature verdict JSON for a raw card signature (RSA PKCS#1 v1.5, SHA-256 DigestInfo).
    """


# --- card (generated from the runtime with pybind11-stubgen; the card module maintains it) ---

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


# --- corp (generated from the runtime with pybind11-stubgen; the corp module maintains it) ---

CORP_COLUMNS: tuple[str, ...]

class CorpReader:
    """
    Streams the good records of an NTA bulk CSV or .zip (encoding detected); bad rows are counted and kept in bad_rows.
    """
    @staticmethod
    def from_bytes(data: bytes) -> CorpReader:
        """
        A reader over CSV bytes (e.g. a Web-API CSV response).
        """
    def __init__(self, path: str) -> None:
        ...
    def __iter__(self) -> CorpReader:
        ...
    def __next__(self) -> dict[str, typing.Any]:
        ...
    def drain(self) -> int:
        """
        Reads to the end in C++ (counting, validating); returns the good rows.
        """
    def read_columns(self, limit: typing.SupportsInt | typing.SupportsIndex | None = None) -> dict[str, typing.Any]:
        """
        The remaining good records as {column: list[typing.Any]}, built without a Python loop per row.
        """
    @property
    def bad_rows(self) -> list[typing.Any]:
        ...
    @property
    def stats(self) -> dict[str, typing.Any]:
        ...

class CorpStore:
    """
    The SQLite mirror of the NTA data (docs/corporate-data.md).
    """
    def __init__(self, path: str) -> None:
        ...
    def apply_diff(self, path: str) -> dict[str, typing.Any]:
        ...
    def apply_diffs(self, paths: collections.abc.Sequence[str]) -> list[typing.Any]:
        """
        Applies diffs in date order, whatever order they are given in.
        """
    def find(self, prefecture: typing.SupportsInt | typing.SupportsIndex = 0, city: str = '', kind: typing.SupportsInt | typing.SupportsIndex = 0, status: str = 'any', include_hihyoji: bool = False, limit: typing.SupportsInt | typing.SupportsIndex = 100, offset: typing.SupportsInt | typing.SupportsIndex = 0) -> list[typing.Any]:
        ...
    def history(self, number: typing.Any) -> list[typing.Any]:
        ...
    def import_snapshot(self, path: str, progress: typing.Any = None) -> dict[str, typing.Any]:
        """
        Replaces the store's content with a full snapshot; progress(rows, bytes) is called now and then.
        """
    def lookup(self, number: typing.Any) -> typing.Any:
        ...
    def search(self, name: typing.Any, mode: str = 'prefix', prefecture: typing.SupportsInt | typing.SupportsIndex = 0, city: str = '', kind: typing.SupportsInt | typing.SupportsIndex = 0, status: str = 'any', include_hihyoji: bool = False, limit: typing.SupportsInt | typing.SupportsIndex = 100, offset: typing.SupportsInt | typing.SupportsIndex = 0) -> list[typing.Any]:
        ...
    def stats(self) -> dict[str, typing.Any]:
        ...

def corp_name_keys(name: typing.Any) -> dict[str, typing.Any]:
    """
    The search keys of a name: folded key, core key without the legal form, and where it was.
    """
