"""Shared fixtures. Test vectors are the fixed ones of data/numbers/vectors.tsv, each listed there
with its source; other numbers are derived from them or generated."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pytest

# data/ of the repository; MYNUMBER_DATA_DIR overrides it when the tests run from a copy beside an
# installed wheel.
DATA_DIR = Path(os.environ.get("MYNUMBER_DATA_DIR") or Path(__file__).resolve().parents[3] / "data")

# A run against an installed wheel (tools/test.d/wheel.sh) names the directory the package must be
# imported from, so that no test can pass against a source tree by accident.
_EXPECTED_PACKAGE_ROOT = os.environ.get("MYNUMBER_EXPECT_PACKAGE_UNDER")
if _EXPECTED_PACKAGE_ROOT:
    import mynumber

    assert Path(mynumber.__file__).resolve().is_relative_to(Path(_EXPECTED_PACKAGE_ROOT).resolve()), \
        f"mynumber was imported from {mynumber.__file__}, not from {_EXPECTED_PACKAGE_ROOT}"


def _vectors(kind: str, expected: str = "valid") -> list[str]:
    rows = []
    with open(DATA_DIR / "numbers" / "vectors.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if fields[0] == kind and fields[2] == expected:
                rows.append(fields[1])
    return rows


VALID_INDIVIDUAL = _vectors("individual")
VALID_CORPORATE = _vectors("corporate")
assert len(VALID_INDIVIDUAL) == 9 and len(VALID_CORPORATE) == 7, "data/numbers/vectors.tsv changed"


@pytest.fixture(params=VALID_INDIVIDUAL)
def individual_vector(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=VALID_CORPORATE)
def corporate_vector(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _mt19937_64(seed: int) -> Iterator[int]:
    """A plain-Python std::mt19937_64 (C++ [rand.predef]), to check generate() independently."""
    n, m = 312, 156
    mask = (1 << 64) - 1
    state = [seed & mask]
    for i in range(1, n):
        state.append((6364136223846793005 * (state[-1] ^ (state[-1] >> 62)) + i) & mask)
    index = n
    while True:
        if index >= n:
            for i in range(n):
                x = (state[i] & 0xFFFFFFFF80000000) | (state[(i + 1) % n] & 0x7FFFFFFF)
                xa = x >> 1
                if x & 1:
                    xa ^= 0xB5026F5AA96619E9
                state[i] = state[(i + m) % n] ^ xa
            index = 0
        y = state[index]
        index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        y ^= y >> 43
        yield y & mask


@pytest.fixture
def mt19937_64() -> Callable[[int], Iterator[int]]:
    return _mt19937_64
