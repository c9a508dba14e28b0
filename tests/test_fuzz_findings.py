"""Every input a fuzz harness (``fuzz/run.py``) found, kept in ``tests/fixtures/fuzz/``, passes every check now."""

from pathlib import Path

import pytest

from .fuzz_checks import check_html, check_load, check_parse

FINDINGS = sorted((Path(__file__).parent / "fixtures" / "fuzz").glob("*-*"))


@pytest.mark.parametrize("path", FINDINGS, ids=[path.name for path in FINDINGS])
@pytest.mark.parametrize("check", [check_parse, check_load, check_html], ids=["parse", "load", "html"])
def test_kept_finding_passes(check, path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("selectolax")
    check(path.read_bytes())


def test_findings_are_kept() -> None:
    assert FINDINGS, "tests/fixtures/fuzz holds the inputs fuzzing found"
