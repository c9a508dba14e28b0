"""Shared fixtures and the hypothesis profiles.

Profiles: ``default`` (a few hundred examples), ``ci`` (2,000; ``.ci/run`` sets
``BRIEFMODEL_PROFILE=ci``) and ``deep`` (100,000, for manual runs:
``BRIEFMODEL_PROFILE=deep pytest tests/test_properties.py``).
"""

import os
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
