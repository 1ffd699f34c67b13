#!/usr/bin/env python3
"""Checks data/: every file has the SHA-256 its README records, every number test vector gets the
verdict data/numbers/vectors.tsv expects, and no tracked text file outside data/ and the fuzz
corpora hard-codes a checksum-valid 12-digit Individual Number that is not a listed vector.

Exit 0 when everything holds, 1 with one line per problem otherwise. CI runs it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

# 12-digit runs that pass the Individual Number check digit by accident, with the reason they are
# not a number in their file.
INCIDENTAL = {
    ("tests/invoice_number.test.cpp", "000012050003"): "the 12-digit base of a corrupted T-number",
    ("tests/card/tlv.test.cpp", "002000590064"): "bytes inside a hex-encoded card record",
}


def individual_check_ok(digits: str) -> bool:
    """平成26年総務省令第85号 第5条: weights 2..7, 2..6 from the right; remainder ≤ 1 gives 0."""
    payload = [int(c) for c in digits[:11]]
    total = sum(payload[10 - n] * (n + 2 if n < 6 else n - 4) for n in range(11))
    remainder = total % 11
    return int(digits[11]) == (0 if remainder <= 1 else 11 - remainder)


def corporate_check_ok(digits: str) -> bool:
    """平成26年財務省令第70号 第2条: weights 1, 2 alternating from the right; check = 9 − sum mod 9."""
    base = [int(c) for c in digits[1:]]
    total = sum(base[11 - n] * (1 if n % 2 == 0 else 2) for n in range(12))
    return int(digits[0]) == 9 - total % 9


def checksum_problems() -> list[str]:
    problems = []
    for readme in sorted(DATA.glob("*/README.md")):
        text = readme.read_text(encoding="utf-8")
        listed = re.findall(r"^([0-9a-f]{64})  (\S+)$", text, re.M)
        files = {p.name for p in readme.parent.iterdir() if p.is_file() and p.name != "README.md"}
        if not listed and files - {"vectors.tsv", "profile_oids.tsv"}:
            problems.append(f"{readme.relative_to(REPO)}: records no SHA-256 for its files")
        for digest, name in listed:
            path = readme.parent / name
            if not path.is_file():
                problems.append(f"{readme.relative_to(REPO)}: lists {name}, which does not exist")
            elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
                problems.append(f"{path.relative_to(REPO)}: SHA-256 differs from {readme.relative_to(REPO)}")
            files.discard(name)
        for name in sorted(files - {"vectors.tsv", "profile_oids.tsv"}):
            problems.append(f"{readme.parent.relative_to(REPO)}/{name}: not listed in its README")
    return problems


def vector_problems() -> tuple[list[str], set[str]]:
    problems, listed = [], set()
    path = DATA / "numbers" / "vectors.tsv"
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[3].strip():
            problems.append(f"{path.relative_to(REPO)}:{lineno}: want 4 tab-separated fields with a source")
            continue
        kind, number, expected, _ = fields
        width, check = {"individual": (12, individual_check_ok), "corporate": (13, corporate_check_ok)}.get(kind, (0, None))
        if check is None or len(number) != width or not number.isdigit() or expected not in ("valid", "invalid"):
            problems.append(f"{path.relative_to(REPO)}:{lineno}: malformed row")
            continue
        if check(number) != (expected == "valid"):
            problems.append(f"{path.relative_to(REPO)}:{lineno}: {kind} vector is not {expected}")
        listed.add(number)
    return problems, listed


def hard_coded_problems(listed: set[str]) -> list[str]:
    problems = []
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if not name or name.startswith(("data/", "fuzz/corpus/")) or name == "tools/check_data.py":
            continue
        try:
            text = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for match in re.finditer(r"(?<![0-9])[0-9]{12}(?![0-9])", text):
            digits = match.group(0)
            if digits in listed or (name, digits) in INCIDENTAL or not individual_check_ok(digits):
                continue
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{name}:{line}: a checksum-valid 12-digit number that is not in data/numbers/vectors.tsv")
    return problems


def main() -> int:
    problems = checksum_problems()
    vector_issues, listed = vector_problems()
    problems += vector_issues + hard_coded_problems(listed)
    for p in problems:
        print(p)
    if not problems:
        print(f"check_data: data/ checksums, {len(listed)} vectors and the hard-coded-number scan are clean")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
