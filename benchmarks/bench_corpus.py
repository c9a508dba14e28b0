"""Time and memory of a ``Corpus`` over generated reports: making it, iterating it, and each pass.

    python benchmarks/bench_corpus.py [--reports N] [--workers N] [--seed N] [--memory]

Writes ``--reports`` generated ISW-like reports (``generate.py``, about 80 KB each)
to a temporary folder, then measures, with ``--workers`` worker processes for the
passes: making the corpus, iterating its reports (the structure only, always in
this process), ``claims(stance="reported")``, ``sources()`` and ``speakers()`` (one
pass), and ``to_arrow()``. Each line gives the wall time; with ``--memory``, the
peak of Python memory in this process too (``tracemalloc``, which slows the work
in this process several times, so take times from a run without it; worker
processes are not counted), next to the peak of holding 20 of the reports parsed.
"""

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import briefmodel as bm
from generate import generate_corpus


def measure(label: str, work: Callable[[], Any], memory: bool) -> Any:
    """Run ``work`` once; print its wall time and, with ``memory``, the peak of Python memory it took."""
    gc.collect()
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        result = work()
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] if memory else 0
        if memory:
            tracemalloc.stop()
    print(f"{label:<34} {seconds:7.2f} s" + (f"   peak {peak / 1e6:7.1f} MB" if memory else ""), flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--memory", action="store_true", help="also the peak of Python memory (slower)")
    args = parser.parse_args()
    m = args.memory
    texts = generate_corpus(args.reports, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            (Path(folder) / f"r{i:05}.txt").write_text(text, encoding="utf-8")
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
        print(f"{args.reports} generated reports, {megabytes:.1f} MB of text, workers={args.workers}")
        corpus = measure("Corpus(folder)", lambda: bm.Corpus(folder, workers=args.workers), m)
        measure("iterate (structure only)", lambda: sum(len(report.citations) for report in corpus), m)
        measure('claims(stance="reported")', lambda: len(corpus.claims(stance="reported")), m)
        measure("sources() and speakers()", lambda: (len(corpus.sources()), len(corpus.speakers())), m)
        measure("to_arrow()", lambda: {name: table.num_rows for name, table in corpus.to_arrow().items()}, m)
        held: list[bm.Report] = []
        measure("holding 20 parsed reports", lambda: held.extend(bm.parse(text) for text in texts[:20]), m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
