"""mynumber.corp: NTA bulk files (encodings, zip, bad rows), columns for pandas/pyarrow, the SQLite
store, and the ``mynumber corp`` commands. Test rows are synthetic (names and addresses invented;
the two real corporate numbers are the approved vectors 7000012050002 and 1180301018771)."""

from __future__ import annotations

import datetime
import json
import zipfile
from pathlib import Path
from typing import Any, List

import pytest

from mynumber import CorporateDataError, InvalidNumberError, corp
from mynumber.cli import main

NTA = "1,7000012050002,01,0,2018-04-02,2015-10-05,\"国税庁\",,101,\"東京都\",\"千代田区\",\"霞が関３丁目１－１\",,13,101,1008978,,,,,,,2015-10-05,1,\"National Tax Agency\",\"Tokyo\",\"3-1-1 Kasumigaseki, Chiyoda ku\",,\"コクゼイチョウ\",0\r\n"
TOYOTA = "2,1180301018771,12,0,2020-01-01,2019-12-20,\"トヨタ自動車株式会社\",,301,\"愛知県\",\"豊田市\",\"トヨタ町１番地\",,23,211,4718571,,,,,,,2015-10-05,1,,,,,\"トヨタジドウシャ\",0\r\n"
QUOTED = "3,7000012050002,71,0,2020-02-01,2020-01-20,\"A,B \"\"C\"\"\",,301,\"東京都\",\"港区\",\"1\n2\",,13,103,,,,,,,\"合併\",2015-10-05,0,,,,,,1\r\n"
BAD = "4,7000012050003,01,0,2018-04-02,,,,101,,,,,,,,,,,,,,,,,,,,,\r\n"
DELETE_TOYOTA = "1,1180301018771,99,,2020-03-01,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_read_every_encoding(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "00_zenkoku_all_20260430.csv", NTA + TOYOTA + QUOTED, encoding)
    reader = corp.Reader(path)
    rows = list(reader)
    assert [r["corporate_number"] for r in rows] == ["7000012050002", "1180301018771", "7000012050002"]
    first = rows[0]
    assert first["name"] == "国税庁"
    assert first["process"] == "01" and first["kind"] == "101" and first["prefecture_code"] == "13"
    assert first["update_date"] == datetime.date(2018, 4, 2)
    assert first["close_date"] is None and first["name_image_id"] is None
    assert first["furigana"] == "コクゼイチョウ"
    assert rows[2]["name"] == 'A,B "C"'
    assert rows[2]["street_number"] == "1\n2"
    assert rows[2]["latest"] == 0 and rows[2]["hihyoji"] == 1
    assert reader.stats["encoding"] == ("cp932" if encoding == "cp932" else "utf-8")
    assert set(rows[0]) == set(corp.COLUMNS)


def test_bad_rows_reported_good_rows_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", NTA + BAD + "1,2,3\r\n" + TOYOTA)
    reader = corp.Reader(path)
    assert reader.drain() == 2
    stats = reader.stats
    assert stats["rows"] == stats["good"] + stats["bad"] == 4
    bad = reader.bad_rows
    assert [b["line"] for b in bad] == [2, 3]
    assert bad[0]["reason_name"] == "check_digit_mismatch"
    assert "3 columns" in bad[1]["reason"]


def test_zip_is_read_directly(tmp_path: Path) -> None:
    path = tmp_path / "00_zenkoku_all_20260430.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("00_zenkoku_all_20260430.csv", (NTA + TOYOTA).encode("cp932"))
        z.writestr("00_zenkoku_all_20260430.asc", b"-----BEGIN PGP SIGNATURE-----\n")
    assert [r["name"] for r in corp.read(str(path))] == ["国税庁", "トヨタ自動車株式会社"]


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        corp.Reader(str(tmp_path / "nope.csv"))


def test_columns_dataframe_and_arrow(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", NTA + TOYOTA + BAD + QUOTED)
    cols = corp.read_columns(path)
    assert list(cols) == list(corp.COLUMNS)
    assert cols["corporate_number"] == ["7000012050002", "1180301018771", "7000012050002"]
    pd = pytest.importorskip("pandas")
    df = corp.read_dataframe(path)
    assert isinstance(df, pd.DataFrame) and len(df) == 3
    assert list(df["kind"]) == ["101", "301", "301"]  # codes keep their leading zeros
    pa = pytest.importorskip("pyarrow")
    table = corp.read_arrow(path)
    assert table.num_rows == 3
    assert table.schema.field("update_date").type == pa.date32()
    assert table.column("prefecture_code").to_pylist() == ["13", "23", "13"]


def test_reader_from_api_csv_bytes() -> None:
    body = ("2026-03-11,2,1,1\r\n" + NTA + TOYOTA).encode("utf-8")
    rows = list(corp.Reader.from_bytes(body))
    assert len(rows) == 2


def test_store_import_lookup_search_diff(tmp_path: Path) -> None:
    snapshot = write(tmp_path, "00_zenkoku_all_20260430.csv", NTA + TOYOTA)
    diff = write(tmp_path, "diff_20260501.csv", DELETE_TOYOTA)
    store = corp.Store(str(tmp_path / "corp.sqlite"))
    calls: List[Any] = []
    report = store.import_snapshot(snapshot, progress=lambda rows, done: calls.append((rows, done)))
    assert report["inserted"] == 2 and calls and calls[-1][0] == 2
    hit = store.lookup("1180301018771")
    assert hit is not None and hit["name"] == "トヨタ自動車株式会社" and hit["current"] is True
    assert store.lookup("7000012050002")["prefecture_name"] == "東京都"
    with pytest.raises(InvalidNumberError):
        store.lookup("1180301018772")
    assert [r["corporate_number"] for r in store.search("とよた")] == ["1180301018771"]   # kana → フリガナ
    assert [r["corporate_number"] for r in store.search("㈱トヨタ自動車")] == ["1180301018771"]
    assert store.search("トヨタ", prefecture=13) == []
    assert [r["corporate_number"] for r in store.find(prefecture=13)] == ["7000012050002"]
    with pytest.raises(ValueError):
        store.search("x", status="sometimes")
    first = store.apply_diff(diff)
    assert first["deleted"] == 1 and not first["already_applied"]
    assert store.apply_diff(diff)["already_applied"] is True
    assert store.lookup("1180301018771") is None
    assert store.stats()["corporations"] == 1


def test_store_refuses_old_diff(tmp_path: Path) -> None:
    store = corp.Store(str(tmp_path / "c.sqlite"))
    store.import_snapshot(write(tmp_path, "s.csv", NTA + TOYOTA))
    old = write(tmp_path, "diff_old.csv", "1,1180301018771,99,,2019-01-01,,,,,,,,,,,,,,,,,,,,,,,,,\r\n")
    with pytest.raises(CorporateDataError):
        store.apply_diff(old)


def test_name_keys() -> None:
    assert corp.name_keys("株式会社ＡＢＣ")["core"] == "ABC"
    assert corp.name_keys("ABC㈱")["position"] == "suffix"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_validate_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "v.csv", NTA + BAD + TOYOTA)
    code, out, err = run(capsys, "corp", "validate-file", path)
    assert code == 1
    assert f"{path}:2: column 2 (corporateNumber)" in err
    assert "3 rows, 2 good, 1 bad" in out
    code, out, _ = run(capsys, "corp", "validate-file", path, "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0]["type"] == "bad_row" and lines[0]["line"] == 2
    assert lines[-1]["type"] == "summary" and lines[-1]["good"] == 2
    good = write(tmp_path, "g.csv", NTA)
    assert run(capsys, "corp", "validate-file", good)[0] == 0


def test_cli_store_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    snapshot = write(tmp_path, "s.csv", NTA + TOYOTA)
    code, out, err = run(capsys, "corp", "import", snapshot, "--db", db, "--progress")
    assert code == 0 and "2 written" in out and "rows" in err  # the progress bar went to stderr
    code, out, _ = run(capsys, "corp", "lookup", "7000012050002", "--db", db, "--json")
    assert code == 0 and json.loads(out)["name"] == "国税庁"
    code, out, _ = run(capsys, "corp", "search", "ﾄﾖﾀ", "--db", db, "--kind", "301", "--pref", "23")
    assert code == 0 and "1180301018771" in out
    code, out, _ = run(capsys, "corp", "search", "トヨタ", "--db", db, "--kind", "101")
    assert code == 1 and out == ""
    diff = write(tmp_path, "diff_20260501.csv", DELETE_TOYOTA)
    code, out, _ = run(capsys, "corp", "apply-diff", diff, "--db", db, "--json")
    assert code == 0 and json.loads(out)["deleted"] == 1
    code, out, _ = run(capsys, "corp", "apply-diff", diff, "--db", db)
    assert "already applied" in out
    assert run(capsys, "corp", "lookup", "1180301018771", "--db", db)[0] == 1
    code, _, err = run(capsys, "corp", "lookup", "1180301018772", "--db", db)
    assert code == 1 and "check digit" in err
