"""Shared fixtures and the hypothesis profiles.

Profiles: ``default`` (a few hundred examples), ``ci`` (2,000; ``.ci/run`` sets
``BRIEFMODEL_PROFILE=ci``) and ``deep`` (100,000, for manual runs:
``BRIEFMODEL_PROFILE=deep pytest tests/test_properties.py``).
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("ci", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("BRIEFMODEL_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_bf36c77dcd078e5e.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")


def read_exact(path: Path) -> str:
    """A file's text with every byte kept (no newline translation)."""
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_exact(SEED)


def assert_linear(cost: Callable[[int], float], small: int, limit: float, tries: int = 3) -> None:
    """``cost(10 * small)`` is at most ``limit`` times ``cost(small)``.

    A shared machine can slow one measurement down, so a failed ratio is measured
    again, up to ``tries`` times: a super-linear algorithm fails every try, a noisy
    measurement not every time.
    """
    ratios = []
    for _ in range(tries):
        ratios.append(cost(10 * small) / cost(small))
        if ratios[-1] <= limit:
            return
    raise AssertionError(f"10x the input took {min(ratios):.1f}x the time (limit {limit}x): {ratios}")
