"""Corporate-number data (法人番号): NTA bulk files and an offline SQLite mirror.

Reading (CSV or the NTA ``.zip``, UTF-8 or Shift_JIS/CP932 detected from the bytes, 23/28/29/30
columns)::

    from mynumber import corp
    for rec in corp.read("00_zenkoku_all_20260430.zip"):      # dicts, keys = corp.COLUMNS
        ...
    df = corp.read_dataframe("00_zenkoku_all_20260430.zip")  # pandas, columns built in C++
    table = corp.read_arrow("00_zenkoku_all_20260430.zip")   # pyarrow

Bad rows never stop a read: they are counted and kept with file, line and reason
(``Reader.bad_rows``); ``stats["rows"] == stats["good"] + stats["bad"]``.

The store (schema in docs/corporate-data.md)::

    store = corp.Store("corp.sqlite")
    store.import_snapshot("00_zenkoku_all_20260430.zip")
    store.apply_diffs(["diff_20260501.zip", "diff_20260502.zip"])   # date order, each once
    store.lookup("7000012050002"); store.search("㈱さくら", prefecture=13, kind=301)

Record values: codes are zero-padded strings ("01", "301"), dates are ``datetime.date``, blank
columns are ``None``. Corporate numbers are public data and appear in full.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence

from ._optional import require

require("corp")  # ModuleNotBuiltError when this installation was built without it

from . import _corp  # noqa: E402

COLUMNS = tuple(_corp.CORP_COLUMNS)

Record = Dict[str, Any]


class Reader:
    """Iterates over the good records of one bulk file (or of CSV bytes with ``Reader.from_bytes``)."""

    def __init__(self, path: str) -> None:
        self._reader = _corp.CorpReader(str(path))

    @classmethod
    def from_bytes(cls, data: bytes) -> "Reader":
        self = cls.__new__(cls)
        self._reader = _corp.CorpReader.from_bytes(bytes(data))
        return self

    def __iter__(self) -> Iterator[Record]:
        return iter(self._reader)

    def read_columns(self, limit: Optional[int] = None) -> Dict[str, List[Any]]:
        """The remaining good records as ``{column: list}`` (the loop over rows runs in C++)."""
        return dict(self._reader.read_columns(limit))

    def drain(self) -> int:
        """Reads the rest of the input in C++ without building records; returns the good-row count."""
        return int(self._reader.drain())

    @property
    def stats(self) -> Dict[str, Any]:
        """``{"rows", "good", "bad", "bytes", "encoding"}`` so far."""
        return dict(self._reader.stats)

    @property
    def bad_rows(self) -> List[Dict[str, Any]]:
        """The first 1000 bad rows: ``{"file", "line", "row", "code", "reason_name", "reason"}``."""
        return list(self._reader.bad_rows)


def read(path: str) -> Iterator[Record]:
    """The good records of a bulk CSV or .zip, one dict at a time."""
    return iter(Reader(path))


def read_columns(path: str, limit: Optional[int] = None) -> Dict[str, List[Any]]:
    """All good records of a file as ``{column: list}``."""
    return Reader(path).read_columns(limit)


def read_dataframe(path: str, limit: Optional[int] = None) -> Any:
    """The good records as a pandas DataFrame (needs pandas). Codes stay strings."""
    import pandas as pd  # optional dependency

    return pd.DataFrame(read_columns(path, limit), columns=list(COLUMNS))


def read_arrow(path: str, limit: Optional[int] = None) -> Any:
    """The good records as a pyarrow Table (needs pyarrow); dates become date32."""
    import pyarrow as pa  # optional dependency

    return pa.table(read_columns(path, limit))


class Store:
    """The SQLite mirror. Not thread-safe: use one Store per thread."""

    def __init__(self, path: str) -> None:
        self._store = _corp.CorpStore(str(path))

    def import_snapshot(self, path: str, progress: Optional[Callable[[int, int], None]] = None) -> Dict[str, Any]:
        """Replaces the content with a full snapshot; ``progress(rows, bytes)`` is called now and then."""
        return dict(self._store.import_snapshot(str(path), progress))

    def apply_diff(self, path: str) -> Dict[str, Any]:
        """Applies one daily diff (``already_applied`` is True if its content was applied before)."""
        return dict(self._store.apply_diff(str(path)))

    def apply_diffs(self, paths: Sequence[str]) -> List[Dict[str, Any]]:
        """Applies diffs in date order."""
        return list(self._store.apply_diffs([str(p) for p in paths]))

    def lookup(self, number: str) -> Optional[Record]:
        """The current row of a corporation, or None. A malformed number raises InvalidNumberError."""
        return self._store.lookup(number)

    def history(self, number: str) -> List[Record]:
        """Every row of a corporation, current first."""
        return list(self._store.history(number))

    def search(self, name: str, mode: str = "prefix", prefecture: int = 0, city: str = "", kind: int = 0,
               status: str = "any", include_hihyoji: bool = False, limit: int = 100, offset: int = 0) -> List[Record]:
        """Current rows whose name matches (``mode``: prefix, exact, partial), folded like the NTA's fuzzy
        search; 株式会社 / ㈱ and other legal forms before or after the name are ignored."""
        return list(self._store.search(name, mode, prefecture, city, kind, status, include_hihyoji, limit, offset))

    def find(self, prefecture: int = 0, city: str = "", kind: int = 0, status: str = "any",
             include_hihyoji: bool = False, limit: int = 100, offset: int = 0) -> List[Record]:
        """Current rows by location, kind and status (open / closed)."""
        return list(self._store.find(prefecture, city, kind, status, include_hihyoji, limit, offset))

    def stats(self) -> Dict[str, Any]:
        return dict(self._store.stats())


def name_keys(name: str) -> Dict[str, str]:
    """The search keys of a name: ``key``, ``core`` (without its legal form), ``position``, ``form``."""
    return dict(_corp.corp_name_keys(name))


__all__ = ["COLUMNS", "Reader", "Store", "name_keys", "read", "read_arrow", "read_columns", "read_dataframe"]
