#!/usr/bin/env python3
"""Bulk and scalar validation speed of mynumber against python-stdnum, on the same data in the
same run.

    python benchmarks/bench_python.py [--count 1000000] [--repeat 3]

Data: `count` numbers per kind, generated with mynumber's seeded generator, every tenth one given
a wrong check digit. Prints ns/number for mynumber.validate_many (list of str, numpy 'U' array,
numpy 'S' array, pyarrow array when installed) and for python-stdnum's is_valid in a Python loop
(stdnum.jp.in_ for Individual Numbers, stdnum.jp.cn for Corporate Numbers), the speed-up ratio,
and ns/call of the scalar is_valid functions. Needs python-stdnum (pip install .[test]).
"""

from __future__ import annotations

import argparse
import time
import timeit
from typing import Any, Callable, List

import numpy as np

import mynumber
from mynumber import corporate, individual


def best_of(repeat: int, func: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def make_data(kind: str, count: int) -> List[str]:
    module = individual if kind == "individual" else corporate
    values = module.generate(count, seed=20261127)
    for i in range(0, count, 10):  # corrupt every tenth check digit
        v = values[i]
        if kind == "individual":
            values[i] = v[:-1] + str((int(v[-1]) + 1) % 10)
        else:
            values[i] = str(int(v[0]) % 9 + 1) + v[1:]
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from stdnum.jp import cn, in_  # python-stdnum

    try:
        import pyarrow as pa
    except ImportError:
        pa = None

    print(f"mynumber {mynumber.__version__}, numpy {np.__version__}, {args.count:,} numbers per kind, "
          f"best of {args.repeat}")
    for kind, stdnum_module in (("individual", in_), ("corporate", cn)):
        values = make_data(kind, args.count)
        expected = np.array([stdnum_module.is_valid(v) for v in values])  # also warms stdnum up
        ours = mynumber.validate_many(values, kind=kind)  # type: ignore[arg-type]
        if not (ours == expected).all():
            raise SystemExit(f"{kind}: mynumber and python-stdnum disagree on {(ours != expected).sum()} numbers")
        valid = int(ours.sum())
        print(f"\n{kind}: {valid:,} valid, {args.count - valid:,} invalid (both libraries agree)")

        t_stdnum = best_of(args.repeat, lambda: [stdnum_module.is_valid(v) for v in values])
        ns_stdnum = t_stdnum / args.count * 1e9
        print(f"  python-stdnum stdnum.jp.{stdnum_module.__name__.rsplit('.', 1)[-1]}.is_valid loop: "
              f"{ns_stdnum:8.1f} ns/number")

        inputs: List[tuple[str, Any]] = [("list of str", values), ("numpy 'U' array", np.array(values)),
                                         ("numpy 'S' array", np.array([v.encode() for v in values]))]
        if pa is not None:
            inputs.append(("pyarrow string array", pa.array(values)))
        for label, data in inputs:
            t = best_of(args.repeat, lambda: mynumber.validate_many(data, kind=kind))  # type: ignore[arg-type]
            ns = t / args.count * 1e9
            print(f"  mynumber.validate_many, {label:<21}: {ns:8.1f} ns/number   {t_stdnum / t:7.0f}x faster")

        scalar = individual.is_valid if kind == "individual" else corporate.is_valid
        sample_valid, sample_invalid = values[1], values[0]
        calls = 1_000_000
        for label, sample in (("valid", sample_valid), ("invalid", sample_invalid)):
            t = min(timeit.repeat(lambda: scalar(sample), number=calls, repeat=args.repeat))
            t_std = min(timeit.repeat(lambda: stdnum_module.is_valid(sample), number=calls // 10, repeat=args.repeat))
            print(f"  scalar is_valid ({label}): mynumber {t / calls * 1e9:6.1f} ns/call, "
                  f"python-stdnum {t_std / (calls // 10) * 1e9:7.1f} ns/call")


if __name__ == "__main__":
    main()
