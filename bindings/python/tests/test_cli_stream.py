"""The streaming validator behind `mynumber validate -f FILE` / stdin: one reused
buffer, the SIMD strict kernel plus per-record lenient/auto rules, and the CLI's lazy imports.

The reference for every status code is _core._validate_sequence, the per-record check used for
lists of values; the streaming path must agree with it on every line of every corpus here."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, List, Optional, Tuple

import pytest

from mynumber import _core
from mynumber.cli import COMMANDS, GROUPS, available_groups, build_parser, main
from mynumber.cli.numbers import Outcome, _check

from conftest import VALID_CORPORATE, VALID_INDIVIDUAL

KINDS = {"individual": 0, "corporate": 1, "auto": 2}


def _wrong_check_digit(digits: str) -> str:
    return digits[:-1] + str((int(digits[-1]) + 1) % 10)


def _corpus() -> bytes:
    """Mixed lines: valid and invalid of both kinds, CRLF, blank and whitespace-only lines,
    full-width digits, separators, invalid UTF-8, overlong and short lines; no final newline."""
    individual = list(_core.generate_individual(40, seed=9)) + VALID_INDIVIDUAL
    corporate = list(_core.generate_corporate(40, seed=9)) + VALID_CORPORATE
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    lines: List[bytes] = []
    for i, (p, c) in enumerate(zip(individual, corporate)):
        lines.append(p.encode())
        lines.append(c.encode() + (b"\r" if i % 3 == 0 else b""))
        lines.append(_wrong_check_digit(p).encode())
        lines.append(_wrong_check_digit(c).encode() + b"\r")
        if i % 4 == 0:
            lines += [b"", b"   ", b"\r"]
        if i % 5 == 0:
            lines.append(f"{p[:4]} {p[4:8]}-{p[8:]}".encode())
            lines.append(p.translate(full_width).encode())
            lines.append(("T" + c).encode())
            lines.append(c.translate(full_width).encode() + b"\r")
        if i % 7 == 0:
            lines += [b"\xff\xfe" + p.encode(), p[:6].encode() + b"\x80" + p[6:].encode(), p[:11].encode(),
                      (p + "0").encode(), (c + "0").encode(), b"12345678901234567890", b"abc", b"\t" + p.encode()]
    text = b"\n".join(lines)
    assert not text.endswith(b"\n")
    return text


def _reference(text: bytes, kind: int, lenient: bool) -> List[Tuple[int, int, bytes]]:
    """(line number, code, raw line) of each non-blank line, by the per-record check."""
    raw = text.split(b"\n")
    if text.endswith(b"\n"):
        raw.pop()
    lines = [line[:-1] if line.endswith(b"\r") else line for line in raw]
    codes = _core._validate_sequence(lines, kind, lenient)
    return [(n + 1, int(code), line) for n, (code, line) in enumerate(zip(codes, lines)) if code != 1]


def _stream(source: Any, kind: int, lenient: bool, buffer_size: int) -> Tuple[int, int, List[Tuple[int, int, Optional[bytes]]]]:
    stream = _core._LineStream(source, kind=kind, lenient=lenient, report_all=True, buffer_size=buffer_size)
    valid = invalid = 0
    reports: List[Tuple[int, int, Optional[bytes]]] = []
    while True:
        chunk = stream.next()
        if chunk is None:
            return valid, invalid, reports
        _done, v, i, r = chunk
        valid, invalid = valid + v, invalid + i
        reports += r


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("kind", ["individual", "corporate", "auto"])
@pytest.mark.parametrize("buffer_size", [64, 97, 1 << 20])
def test_stream_matches_per_record_check(tmp_path: Path, kind: str, lenient: bool, buffer_size: int) -> None:
    text = _corpus()
    expected = _reference(text, KINDS[kind], lenient)
    path = tmp_path / "mixed.txt"
    path.write_bytes(text)
    with open(path, "rb") as f:  # through the file descriptor
        by_fd = _stream(f.fileno(), KINDS[kind], lenient, buffer_size)
    by_object = _stream(io.BytesIO(text), KINDS[kind], lenient, buffer_size)  # through readinto()
    assert by_fd == by_object
    valid, invalid, reports = by_fd
    assert reports == expected
    assert valid == sum(code == 0 for _, code, _ in expected)
    assert invalid == len(expected) - valid
    assert valid > 0 and invalid > 0


@pytest.mark.parametrize("lenient", [False, True])
def test_reports_only_invalid_lines_without_report_all(lenient: bool) -> None:
    text = _corpus() + b"\n"  # with a final newline this time
    expected = [r for r in _reference(text, 2, lenient) if r[1] != 0]
    stream = _core._LineStream(io.BytesIO(text), kind=2, lenient=lenient, buffer_size=100)
    got: List[Tuple[int, int, Optional[bytes]]] = []
    while (chunk := stream.next()) is not None:
        got += chunk[3]
    assert got == expected


def test_line_longer_than_the_buffer_is_too_long_and_skipped() -> None:
    long_line = b"1" * 300
    text = b"123456789018\n" + long_line + b"\n123456789012\r\n\n" + long_line + b"\n7000012050002"
    valid, invalid, reports = _stream(io.BytesIO(text), 2, True, 64)
    assert reports == [(1, 0, b"123456789018"), (2, 3, None), (3, 5, b"123456789012"), (5, 3, None),
                       (6, 0, b"7000012050002")]
    assert (valid, invalid) == (2, 3)


def test_bad_arguments() -> None:
    with pytest.raises(_core.InvalidArgumentError):
        _core._LineStream(io.BytesIO(b""), kind=3)
    with pytest.raises(_core.InvalidArgumentError):
        _core._LineStream(io.BytesIO(b""), buffer_size=8)
    with pytest.raises(TypeError):
        _core._LineStream("not a file")
    assert _core._LineStream(io.BytesIO(b"")).next() is None
    assert _core._LineStream(io.BytesIO(b"\n\n  \n"), lenient=True).next() == (5, 0, 0, [])


def test_closed_descriptor_is_an_os_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"123456789018\n")
    fd = os.open(path, os.O_WRONLY)
    try:
        with pytest.raises(OSError):
            _core._LineStream(fd).next()
    finally:
        os.close(fd)


# ---- the CLI on the same corpus -------------------------------------------------------------


@pytest.mark.parametrize("flags", [[], ["--strict"], ["--kind", "individual"], ["--kind", "corporate"],
                                   ["--all"], ["--json"], ["--json", "--reveal", "--strict"]])
def test_cli_output_is_the_per_record_output(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              flags: List[str]) -> None:
    text = _corpus()
    path = tmp_path / "mixed.txt"
    path.write_bytes(text)
    code = main(["validate", "-f", str(path), *flags])
    out, err = capsys.readouterr()
    kind = flags[flags.index("--kind") + 1] if "--kind" in flags else "auto"
    strict, reveal = "--strict" in flags, "--reveal" in flags
    expected: List[str] = []
    valid = invalid = 0
    for line, status, raw in _reference(text, KINDS[kind], not strict):
        outcome: Outcome = _check(raw, kind, strict, reveal)
        assert outcome.valid == (status == 0)
        valid += outcome.valid
        invalid += not outcome.valid
        if "--json" in flags:
            record = outcome.record()
            record["line"] = line
            expected.append(json.dumps(record, ensure_ascii=False))
        elif "--all" in flags or not outcome.valid:
            expected.append(f"line {line}: {outcome.text()}")
    assert out.splitlines() == expected
    assert code == 1
    if "--json" not in flags:
        assert f"{valid + invalid:,} numbers: {valid:,} valid, {invalid:,} invalid" in err
    if not reveal:  # only valid Corporate Numbers (public) appear in full; all else is masked
        shown = [line for line in out.splitlines() if not re.search(r"\tvalid\tcorporate|\"kind\": \"corporate\", \"valid\": true", line)]
        assert shown and not any(re.search(r"[0-9０-９]{5}", line.split(":", 1)[1]) for line in shown)


def test_commands_table_matches_the_groups() -> None:
    registered = {}
    for group in available_groups():
        parser = build_parser([group])
        actions = [a for a in parser._actions if a.dest == "command"]  # the subparsers action
        for name in actions[0].choices:  # type: ignore[union-attr]
            registered[name] = group
    assert registered == {name: group for name, group in COMMANDS.items() if group in registered.values()}
    assert set(COMMANDS.values()) <= set(GROUPS)


def test_one_command_parser_matches_the_full_tree() -> None:
    def commands(parser: Any) -> Any:
        return [a for a in parser._actions if a.dest == "command"][0].choices

    full = commands(build_parser())
    for command, group in COMMANDS.items():
        if group not in available_groups([group]):
            continue
        built = commands(build_parser([group], command))
        assert command in built
        assert built[command].format_help() == full[command].format_help()
        if group == "numbers":  # its register_command builds just the one
            assert list(built) == [command]


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_import_and_validate_do_not_load_numpy_modules_typing_or_other_groups(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_text("123456789018\n7000012050002\n")
    out = _python("import sys, mynumber\n"
                  "from mynumber.cli import main\n"
                  f"rc = main(['validate', '-f', {str(path)!r}])\n"
                  "cli = sorted(m for m in sys.modules if m.startswith('mynumber.cli.'))\n"
                  "ext = [m for m in sys.modules if m.split('._')[-1] in mynumber._optional.OPTIONAL_MODULES]\n"
                  "print(rc, *(m in sys.modules for m in ('numpy', 'typing')), ext, ','.join(cli))")
    assert out == "0 False False [] mynumber.cli.numbers"
    # validate_many still works, loading numpy on first use.
    assert _python("import sys, mynumber\n"
                   "print(mynumber.validate_many(['123456789018', 'x']).tolist(), 'numpy' in sys.modules)") \
        == "[True, False] True"
