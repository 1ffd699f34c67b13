# Type stubs of the extension module mynumber._secure (mynumber.secure), generated from the runtime with
# pybind11-stubgen; the secure module maintains them. Checked with `python -m mypy.stubtest mynumber._secure`.
# Its errors are the classes of mynumber._core.
import datetime
import typing

from mynumber._core import IndividualNumber

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
