# Type stubs of the extension module mynumber._jpki (mynumber.jpki), generated from the runtime with
# pybind11-stubgen; the jpki module maintains them. Checked with `python -m mypy.stubtest mynumber._jpki`.
# Its errors are the classes of mynumber._core.
import collections.abc
import typing

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
