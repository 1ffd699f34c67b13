"""The mynumber command-line tool: exit codes, masking, JSON, streaming."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mynumber import individual
from mynumber.cli import main

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "examples" / "sample_numbers.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_validate_valid_number_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "123456789018")
    assert code == 0
    assert out == "********9018\tvalid\tindividual\n"


def test_json_validate_names_expected_check_digit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "validate", "123456789012")
    assert code == 1
    (record,) = jsonl(out)
    assert record["valid"] is False and record["reason"] == "check_digit_mismatch"
    assert record["expected"] == 8 and record["position"] == 11
    assert "expected check digit 8" in record["message"]
    assert "123456789012" not in out


def test_reveal_and_corporate_display(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", "--reveal", "1234 5678 9018", "7000012050002")
    assert code == 0
    assert out.splitlines() == ["123456789018\tvalid\tindividual", "7000012050002\tvalid\tcorporate"]
    code, out, _ = run(capsys, "validate", "--kind", "individual", "7000012050002")
    assert code == 1 and "too many digits" in out and "7000012050002" not in out


def test_strict_mode(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "validate", "--strict", "1234 5678 9018")
    assert code == 1 and jsonl(out)[0]["reason"] == "invalid_character"


def test_stream_from_file_reports_only_invalid_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = individual.generate(3000, seed=11)
    lines = good[:1000] + ["123456789012", ""] + good[1000:] + ["abc"]
    path = tmp_path / "numbers.txt"
    path.write_text("\r\n".join(lines) + "\n")
    code, out, err = run(capsys, "validate", "-f", str(path))
    assert code == 1
    assert out.splitlines() == [
        "line 1001: ********9012\tinvalid\tindividual: check digit mismatch at position 11: expected check digit 8",
        "line 3003: *bc\tinvalid\tindividual: invalid character at position 0",
    ]
    assert "3,002 numbers: 3,000 valid, 2 invalid" in err
    code, out, _ = run(capsys, "--json", "validate", "-f", str(path))
    records = jsonl(out)
    assert len(records) == 3002 and sum(r["valid"] for r in records) == 3000
    assert records[1000]["line"] == 1001 and records[1000]["expected"] == 8
    assert not any(g in out for g in good)  # masked


def test_stream_crosses_chunk_boundaries(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    from mynumber.cli import numbers as cli_numbers

    monkeypatch.setattr(cli_numbers, "CHUNK_SIZE", 100)  # 13 bytes per line: lines straddle chunks
    monkeypatch.setattr(cli_numbers, "MAX_LINE", 100)
    good = individual.generate(500, seed=12)
    lines = good[:250] + ["9" * 150] + good[250:] + ["621498320250"]
    path = tmp_path / "n.txt"
    path.write_text("\n".join(lines))  # no final newline
    code, out, err = run(capsys, "validate", "-f", str(path))
    assert code == 1
    reported = out.splitlines()
    assert len(reported) == 2
    assert reported[0].startswith("line 251: ") and "too many digits" in reported[0]
    assert reported[1].startswith("line 502: ") and "expected check digit 7" in reported[1]
    assert "502 numbers: 500 valid, 2 invalid" in err


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = b"123456789018\n7000012050002\n"

    class FakeStdin(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", FakeStdin(io.BytesIO(data)))
    code, out, err = run(capsys, "validate", "--kind", "auto")
    assert code == 0 and out == "" and "2 numbers: 2 valid, 0 invalid" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "validate", "-f", str(tmp_path / "missing.txt"))[0] == 2
    with pytest.raises(SystemExit) as info:
        main(["validate", "--kind", "person", "1"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
    assert run(capsys, "generate", "--check-digit", "12")[0] == 2


def test_check_digit_normalize_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check-digit", "12345678901", "000012050002")
    assert code == 0 and out.splitlines() == ["*******8901\t8", "********0002\t7"]
    code, out, _ = run(capsys, "--json", "--reveal", "check-digit", "12345678901")
    assert jsonl(out) == [{"input": "12345678901", "kind": "individual", "check_digit": 8}]
    code, out, _ = run(capsys, "normalize", "１２３４-5678-9018", "7-0000-1205-0002")
    assert code == 0 and out.splitlines() == ["********9018", "7000012050002"]
    code, out, _ = run(capsys, "normalize", "--reveal", "１２３４-5678-9018")
    assert out == "123456789018\n"
    code, out, _ = run(capsys, "format", "123456789018", "7000012050002")
    assert out.splitlines() == ["**** **** 9018", "7-0000-1205-0002"]
    code, out, _ = run(capsys, "format", "--reveal", "--separator", "-", "123456789018")
    assert out == "1234-5678-9018\n"
    code, out, _ = run(capsys, "format", "123456789012")
    assert code == 1 and "expected check digit 8" in out


def test_generate(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "generate", "-n", "5", "--seed", "42", "--reveal")
    assert code == 0 and out.split() == individual.generate(5, seed=42)
    code, out, err = run(capsys, "generate", "-n", "5", "--seed", "42")
    assert out.split() == ["********" + n[-4:] for n in individual.generate(5, seed=42)]
    assert "--reveal" in err
    code, out, _ = run(capsys, "--json", "generate", "--kind", "corporate", "-n", "2", "--seed", "1")
    assert all(len(r["number"]) == 13 for r in jsonl(out))


def test_convert(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", "--to", "peppol", "7000012050002", "T1180301018771")
    assert code == 0 and out.splitlines() == ["iso6523-actorid-upis::0188:7000012050002",
                                              "iso6523-actorid-upis::0221:T1180301018771"]
    code, out, _ = run(capsys, "convert", "--to", "tnumber", "0188:7000012050002")
    assert out == "T7000012050002\n"
    code, out, _ = run(capsys, "convert", "--to", "corporate", "iso6523-actorid-upis::0221:T7000012050002")
    assert out == "7000012050002\n"
    code, out, _ = run(capsys, "convert", "--to", "iso6523", "T7000012050002")
    assert out == "0221:T7000012050002\n"
    code, out, _ = run(capsys, "--json", "convert", "--to", "iso6523", "7000012050003")
    assert code == 1 and jsonl(out)[0]["expected"] == 6


def test_sample_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", "--kind", "auto", "-f", str(SAMPLE))
    assert code == 1  # the sample deliberately holds invalid numbers
    assert "invalid" in out and "valid" in err


def test_console_script_and_module_entry_points() -> None:
    script = Path(sys.executable).with_name("mynumber")
    env = dict(os.environ)
    for cmd in ([str(script)], [sys.executable, "-m", "mynumber"]):
        ok = subprocess.run(cmd + ["validate", "123456789018"], capture_output=True, text=True, env=env)
        assert ok.returncode == 0, ok.stderr
        bad = subprocess.run(cmd + ["--json", "validate", "123456789012"], capture_output=True, text=True, env=env)
        assert bad.returncode == 1 and json.loads(bad.stdout)["expected"] == 8
