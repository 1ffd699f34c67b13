# Type stubs of the extension module mynumber._corp (mynumber.corp), generated from the runtime with
# pybind11-stubgen; the corp module maintains them. Checked with `python -m mypy.stubtest mynumber._corp`.
# Its errors are the classes of mynumber._core.
import collections.abc
import typing

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
