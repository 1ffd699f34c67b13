"""Shared fixtures. Test vectors are the approved ones from /work/shared/reference/numbers.md;
other numbers are derived from them or generated."""

from __future__ import annotations

from typing import Callable, Iterator

import pytest

VALID_INDIVIDUAL = ["123456789018", "621498320257", "873321641958", "263348291158", "491131223718",
                    "465281266333", "000000000000", "000000000060", "000000000019"]
VALID_CORPORATE = ["7000012050002", "1000011000005", "3000012010001", "8000020130001", "7000020010006",
                   "1180301018771", "8700110005901"]


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
