"""JPKI certificates of the My Number Card (公的個人認証サービス): read, classify, verify.

The two certificates on a card are the signature certificate (署名用電子証明書), which carries the
holder's four basic attributes (基本4情報: name, address, sex, birth date), and the
user-authentication certificate (利用者証明用電子証明書), which carries only a serial number.

>>> cert = load_certificate("cert.der")              # DER or PEM
>>> cert.kind, cert.serial_hex, cert.not_after_jst
>>> verdict = verify(cert, crls=["sign.crl"])         # J-LIS roots by default; nothing is fetched
>>> verdict.ok, verdict.first_failure

Every verification returns a :class:`Verdict` listing each check (parse, kind, chain, validity,
key_usage, policy, revocation) with its outcome and reason, never just a bool. Errors raise
``mynumber.CertificateError`` (a ``ValueError``) for bytes that are not a certificate or CRL,
``OSError`` for unreadable files. Details: docs/jpki.md.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from ._optional import require

require("jpki")  # ModuleNotBuiltError when this installation was built without it

from . import _jpki  # noqa: E402

__all__ = [
    "SubstitutedText",
    "BasicInfo",
    "Evidence",
    "Certificate",
    "Check",
    "CrlReport",
    "Verdict",
    "SignatureVerdict",
    "load_certificate",
    "parse_certificate",
    "verify",
    "verify_raw_signature",
    "verify_cms_detached",
    "parse_time",
    "jlis_roots_pem",
]

PathOrBytes = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
TimeLike = Union[_dt.datetime, _dt.date, str, int, None]


def _read(source: PathOrBytes) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    with open(source, "rb") as f:
        return f.read()


@dataclass(frozen=True)
class SubstitutedText:
    """A name or address (UTF-8) with its 代替文字 map: one '0'/'1' per code point, '1' where a
    substitute character stands in for one outside the supported JIS sets."""

    text: str
    substitute_map: str
    substitute_positions: Tuple[int, ...]
    substitute_characters: Tuple[str, ...]
    map_consistent: bool

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "SubstitutedText":
        return cls(d["text"], d["substitute_map"], tuple(d["substitute_positions"]),
                   tuple(d["substitute_characters"]), bool(d["map_consistent"]))


@dataclass(frozen=True)
class BasicInfo:
    """基本4情報 of a signature certificate. ``sex`` is the raw code (its meaning is UNCONFIRMED in
    the reference; ``sex_label`` says so); ``birth_date`` is None when unknown (era digit 0 with
    00000000), ``wareki`` is "" when the era is unknown or contradicts the date."""

    name: SubstitutedText
    address: SubstitutedText
    sex: str
    sex_label: str
    birth_date_raw: str
    birth_date: Optional[_dt.date]
    era: str
    wareki: str

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "BasicInfo":
        birth = _dt.date.fromisoformat(d["birth_date"]) if d["birth_date"] else None
        return cls(SubstitutedText._from(d["name"]), SubstitutedText._from(d["address"]), d["sex"], d["sex_label"],
                   d["birth_date_raw"], birth, d["era"], d["wareki"] or "")


@dataclass(frozen=True)
class Evidence:
    source: str
    says: str
    detail: str


def _utc(text: str) -> _dt.datetime:
    return _dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=_dt.timezone.utc)


@dataclass(frozen=True)
class Certificate:
    """A parsed JPKI (or other) certificate. Personal data (``basic_info``) is left out of repr()."""

    kind: str  # "signature", "authentication", "ca" or "not_jpki"
    purpose: str
    decided_by: str
    evidence: Tuple[Evidence, ...]
    test_hierarchy: bool
    serial_hex: str
    serial_decimal: str
    not_before: _dt.datetime
    not_after: _dt.datetime
    not_before_jst: str
    not_after_jst: str
    subject: str
    issuer: str
    prefecture: Optional[str]
    city: Optional[str]
    common_name: Optional[str]
    key_algorithm: str
    key_bits: int
    key_usage: Tuple[str, ...]
    key_usage_critical: bool
    is_ca: bool
    policies: Tuple[str, ...]
    crl_distribution_points: Tuple[str, ...]
    sha256_fingerprint: str
    warnings: Tuple[str, ...]
    basic_info: Optional[BasicInfo] = field(repr=False)
    data: bytes = field(repr=False)

    @classmethod
    def from_bytes(cls, data: Union[bytes, bytearray, memoryview]) -> "Certificate":
        """Parses DER or PEM bytes; raises CertificateError."""
        raw = bytes(data)
        d = json.loads(_jpki.jpki_certificate_json(raw, True))
        basic = BasicInfo._from(d["basic_info"]) if d["basic_info"] else None
        return cls(
            d["kind"], d["purpose"], d["decided_by"], tuple(Evidence(**e) for e in d["evidence"]), d["test_hierarchy"],
            d["serial_hex"], d["serial_decimal"], _utc(d["not_before"]), _utc(d["not_after"]), d["not_before_jst"],
            d["not_after_jst"], d["subject"], d["issuer"], d["prefecture"], d["city"], d["common_name"],
            d["key_algorithm"], d["key_bits"], tuple(d["key_usage"]), d["key_usage_critical"], d["is_ca"],
            tuple(d["policies"]), tuple(d["crl_distribution_points"]), d["sha256_fingerprint"], tuple(d["warnings"]),
            basic, raw)

    def to_dict(self, include_basic_info: bool = False) -> Dict[str, Any]:
        """The JSON form (docs/jpki.md); the basic attributes only when asked for."""
        result: Dict[str, Any] = json.loads(_jpki.jpki_certificate_json(self.data, include_basic_info))
        return result


def parse_certificate(data: Union[bytes, bytearray, memoryview]) -> Certificate:
    """A certificate from DER or PEM bytes; raises CertificateError."""
    return Certificate.from_bytes(data)


def load_certificate(path: Union[str, "os.PathLike[str]"]) -> Certificate:
    """A certificate from a DER or PEM file; raises OSError or CertificateError."""
    return Certificate.from_bytes(_read(path))


@dataclass(frozen=True)
class Check:
    name: str
    outcome: str  # "passed", "failed", "skipped" or "warning"
    reason: str
    detail: str

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Check":
        return cls(d["name"], d["outcome"], d["reason"], d["detail"])


@dataclass(frozen=True)
class CrlReport:
    issuer: str
    this_update: _dt.datetime
    next_update: Optional[_dt.datetime]
    applies: bool
    status: str  # "current", "stale", "not_yet_valid", "no_next_update", "bad_signature", "other_issuer"


@dataclass(frozen=True)
class Verdict:
    """The result of verifying one certificate: ``ok`` and every check."""

    ok: bool
    kind: str
    at: _dt.datetime
    at_jst: str
    checks: Tuple[Check, ...]
    crls: Tuple[CrlReport, ...]
    chain: Tuple[str, ...]

    @property
    def first_failure(self) -> Optional[Check]:
        return next((c for c in self.checks if c.outcome == "failed"), None)

    def check(self, name: str) -> Optional[Check]:
        return next((c for c in self.checks if c.name == name), None)

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Verdict":
        crls = tuple(CrlReport(c["issuer"], _utc(c["this_update"]), _utc(c["next_update"]) if c["next_update"] else None,
                               c["applies"], c["status"]) for c in d["crls"])
        return cls(d["ok"], d["kind"], _utc(d["at"]), d["at_jst"], tuple(Check._from(c) for c in d["checks"]), crls,
                   tuple(d["chain"]))


@dataclass(frozen=True)
class SignatureVerdict:
    """A signature check plus the full verification of the signer certificate; ``ok`` needs both."""

    ok: bool
    signature: Check
    signer_serial_hex: Optional[str]
    signer_kind: Optional[str]
    certificate: Optional[Verdict]

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "SignatureVerdict":
        return cls(d["ok"], Check._from(d["signature"]), d["signer_serial_hex"], d["signer_kind"],
                   Verdict._from(d["certificate"]) if d["certificate"] else None)


def parse_time(value: TimeLike) -> Optional[int]:
    """Unix seconds for a datetime (naive = UTC), a date (00:00 UTC), Unix seconds, or a string
    'YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM|JST]'; None stays None (= now)."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("a time, not a bool")
    if isinstance(value, int):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return int(value.timestamp())
    if isinstance(value, _dt.date):
        return int(_dt.datetime(value.year, value.month, value.day, tzinfo=_dt.timezone.utc).timestamp())
    if isinstance(value, str):
        return int(_jpki.jpki_parse_time(value))
    raise TypeError(f"unsupported time value: {type(value).__name__}")


def _options(ca: Union[PathOrBytes, Sequence[PathOrBytes], None], crls: Iterable[PathOrBytes], at: TimeLike,
             expected_kind: Optional[str], require_revocation: bool) -> Tuple[Any, ...]:
    ca_paths: List[str] = []
    ca_data: List[bytes] = []
    if ca is not None:
        items = [ca] if isinstance(ca, (str, bytes, bytearray, memoryview, os.PathLike)) else list(ca)
        for item in items:
            if isinstance(item, (bytes, bytearray, memoryview)):
                ca_data.append(bytes(item))
            else:
                ca_paths.append(os.fspath(item))
    crl_data = [_read(c) for c in crls]
    return ca_paths, ca_data, crl_data, parse_time(at), expected_kind, bool(require_revocation)


def _cert_bytes(cert: Union[Certificate, PathOrBytes]) -> bytes:
    return cert.data if isinstance(cert, Certificate) else _read(cert)


def verify(cert: Union[Certificate, PathOrBytes], *, ca: Union[PathOrBytes, Sequence[PathOrBytes], None] = None,
           crls: Iterable[PathOrBytes] = (), at: TimeLike = None, expected_kind: Optional[str] = None,
           require_revocation: bool = False) -> Verdict:
    """Verifies a certificate (object, bytes or path). ``ca``: trust anchors as file/directory
    paths or PEM/DER bytes (default: the embedded J-LIS roots). ``crls``: CRL files or bytes
    (JPKI has no public CRL; nothing is fetched). ``at``: the instant (default now)."""
    data = _cert_bytes(cert)
    return Verdict._from(json.loads(_jpki.jpki_verify_json(data, *_options(ca, crls, at, expected_kind,
                                                                           require_revocation))))


def verify_raw_signature(cert: Union[Certificate, PathOrBytes], message: bytes, signature: bytes, *,
                         ca: Union[PathOrBytes, Sequence[PathOrBytes], None] = None, crls: Iterable[PathOrBytes] = (),
                         at: TimeLike = None, expected_kind: Optional[str] = None,
                         require_revocation: bool = False) -> SignatureVerdict:
    """Verifies a raw card signature (RSA PKCS#1 v1.5 over the SHA-256 DigestInfo of ``message``,
    as COMPUTE DIGITAL SIGNATURE returns it) and the signer certificate."""
    d = json.loads(_jpki.jpki_verify_raw_signature_json(_cert_bytes(cert), bytes(message), bytes(signature),
                                                        *_options(ca, crls, at, expected_kind, require_revocation)))
    return SignatureVerdict._from(d)


def verify_cms_detached(cms: PathOrBytes, content: bytes, *, signer: Union[Certificate, PathOrBytes, None] = None,
                        ca: Union[PathOrBytes, Sequence[PathOrBytes], None] = None, crls: Iterable[PathOrBytes] = (),
                        at: TimeLike = None, expected_kind: Optional[str] = None,
                        require_revocation: bool = False) -> SignatureVerdict:
    """Verifies a detached CMS/PKCS#7 SignedData (DER or PEM; bytes or a path) over ``content``,
    and the signer certificate (from the CMS, or ``signer`` when the CMS carries none)."""
    signer_bytes = None if signer is None else _cert_bytes(signer)
    d = json.loads(_jpki.jpki_verify_cms_json(_read(cms), bytes(content), signer_bytes,
                                              *_options(ca, crls, at, expected_kind, require_revocation)))
    return SignatureVerdict._from(d)


def jlis_roots_pem() -> List[str]:
    """The four embedded J-LIS root certificates (the default trust anchors), PEM."""
    return list(_jpki.jpki_jlis_roots_pem())
