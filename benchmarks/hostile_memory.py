"""Peak memory and time of ``parse`` on hostile text: the figures of ``docs/hardening.md``.

Usage (from the repository root)::

    python benchmarks/hostile_memory.py [--size 1000000] [--pathological]

For each hostile shape of ``tests/perf/test_hostile.py`` (at ``--size`` bytes of
UTF-8) and, with ``--pathological``, each generator of
``tests/perf/test_pathological.py``: the peak memory traced by ``tracemalloc``
while the text is parsed (imports and caches warmed first), that peak over the
text's UTF-8 size, the time of a parse without tracing (best of 3), the
citations, and the diagnostics kept and capped.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.perf.test_hostile import HEAD, SHAPES  # noqa: E402  # after the path: the shapes live in the tests
from tests.perf.test_pathological import CASES, N  # noqa: E402

import briefmodel as bm  # noqa: E402


def measure(text: str, many: bool = False) -> tuple[int, float, float, tuple[bm.Report, ...]]:
    """UTF-8 size, peak traced bytes over it, best of 3 untraced parse times, and the reports."""
    size = len(text.encode("utf-8", "surrogatepass"))
    gc.collect()
    tracemalloc.start()
    try:
        reports = bm.parse_all(text) if many else (bm.parse(text),)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    best = float("inf")
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        bm.parse_all(text) if many else bm.parse(text)
        best = min(best, time.perf_counter() - start)
    return size, peak / size, best, reports


def row(name: str, text: str, many: bool = False) -> str:
    size, ratio, seconds, reports = measure(text, many)
    codes: dict[str, int] = {}
    for report in reports:
        for diagnostic in report._diagnostics:  # the parser's own: claims are not read here
            codes[diagnostic.code] = codes.get(diagnostic.code, 0) + 1
    citations = sum(len(report.citations) for report in reports)
    capped = codes.get("DIAGNOSTICS_CAPPED", 0)
    kept = sum(codes.values()) - capped
    return f"| {name} | {size / 1e6:.2f} | {ratio:.1f}x | {seconds:.2f} | {citations:,} | {kept:,} | {capped} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of each hostile text")
    parser.add_argument("--pathological", action="store_true", help="also the 32 pathological generators")
    args = parser.parse_args()
    bm.parse(HEAD + "Forces advanced [AC].[1] They held.[2][1]\n\nEndnotes\n[1] https://t.me/a/1\n")
    print("| Shape | MB | Peak / size | Seconds | Citations | Diagnostics kept | Capped codes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, shape in SHAPES.items():
        print(row(name, shape.make(args.size)), flush=True)
    if args.pathological:
        for name, case in CASES.items():
            print(row(name, case.make(N), case.many), flush=True)


if __name__ == "__main__":
    main()
