"""``to_json`` and ``from_json`` of one report grow linearly with its size: 10x the report within ``LINEAR_LIMIT``
times the time.

The reports are ``benchmarks/generate.py``'s ISW-like reports (two notes a kilobyte, every callout resolved), of
``SMALL`` bytes and ten times that. ``to_json`` is timed on a freshly parsed report, so that it reads the claims and
sources it writes, as a user's first ``to_json`` does; ``from_json`` checks the JSON and reads the claims again.
Times are the CPU time of this process (``time.process_time``: the work is one thread), best of a few passes, so
that other processes on a shared machine do not count, each pass with the sources readers' caches emptied. Before the collector was paused and the JSON written piece by
piece, 8x the report took 12x the time (5 MB: 2.5 s; 40 MB: 44 s). Marked ``perf``: run with
``python -m pytest -m perf tests/perf/test_json_linear.py``.
"""

import functools
import importlib.util
import random
import sys
import time
from types import ModuleType

import pytest

import briefmodel as bm
from briefmodel._sources import items as _sources

from ..conftest import ROOT, assert_linear

pytestmark = pytest.mark.perf

SMALL = 400_000
"""Bytes of the smaller report's text (its JSON is about ten times that)."""
LINEAR_LIMIT = 12.0


@functools.cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("briefmodel_benchmark_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


@functools.cache
def report_text(size: int) -> str:
    """One generated report of about ``size`` bytes, two notes a kilobyte."""
    text: str = _generator().generate_report(random.Random(7), target_bytes=size, notes=size // 500)
    return text


@functools.cache
def report_json(size: int) -> str:
    return bm.to_json(bm.parse(report_text(size)))


def _passes(size: int) -> int:
    return 3 if size == SMALL else 2


def _cold() -> None:
    """Forget the sources readers' caches, so that every pass reads its notes as a first reading does: a small
    report's notes all fit in them, a large one's do not, and a warm pass would make the small one look faster."""
    clear = getattr(_sources, "_clear_caches", None)
    if clear is not None:
        clear()


def test_the_reports_are_the_sizes_measured() -> None:
    small, large = report_text(SMALL), report_text(10 * SMALL)
    assert 0.9 * SMALL <= len(small.encode("utf-8")) <= 1.2 * SMALL
    assert 9 <= len(large.encode("utf-8")) / len(small.encode("utf-8")) <= 11
    report = bm.parse(small)
    assert len(report.citations) == len(report.notes) >= SMALL // 600
    assert bm.from_json(report_json(SMALL)) == report


def test_to_json_takes_time_linear_in_the_report() -> None:
    def cost(size: int) -> float:
        best = float("inf")
        for _ in range(_passes(size)):
            report = bm.parse(report_text(size))  # a fresh report: to_json reads its claims and sources
            _cold()
            start = time.process_time()
            bm.to_json(report)
            best = min(best, time.process_time() - start)
        return best

    assert_linear(cost, SMALL, LINEAR_LIMIT)


def test_from_json_takes_time_linear_in_the_report() -> None:
    def cost(size: int) -> float:
        best = float("inf")
        for _ in range(_passes(size)):
            document = report_json(size)
            _cold()
            start = time.process_time()
            bm.from_json(document)
            best = min(best, time.process_time() - start)
        return best

    assert_linear(cost, SMALL, LINEAR_LIMIT)
