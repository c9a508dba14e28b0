"""The deferred reads behind the model's derived attributes: the only place the model imports a reader.

``Note.sources`` and ``Source.key``, ``Report.claims`` (with ``takeaways`` and
``diagnostics``) and ``Report._repr_html_`` are computed on first use by code outside the model. Each
import below sits inside its function because the module it imports imports the
model: at module level the two would form a cycle. Nothing else in ``_model``
imports the rest of the package (the architecture test holds both rules).
"""

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type checker only: no import at run time
    from collections.abc import Callable

    from briefmodel._model.claims import ClaimsReading
    from briefmodel._model.report import Report
    from briefmodel._model.sources import Source

__all__ = ["note_sources", "report_claims", "report_html", "source_key"]


def note_sources(text: str) -> "tuple[Source, ...]":
    """``Note.sources``: the sources a note's text lists."""
    return _sources_readers()[0](text)


def source_key(source: "Source") -> str:
    """``Source.key``: the source's identity across reports and runs."""
    return _sources_readers()[1](source)


@functools.cache
def _sources_readers() -> "tuple[Callable[[str], tuple[Source, ...]], Callable[[Source], str]]":
    """``read_sources`` and ``source_key``, imported on first use (once)."""
    from briefmodel._sources.items import read_sources, source_key  # cycle: _sources makes _model's Source objects

    return read_sources, source_key


def report_claims(report: "Report") -> "ClaimsReading":
    """``Report.claims``, ``takeaways`` and ``diagnostics``: the claims of a parsed report, read once."""
    from briefmodel._claims.pipeline import read_report_claims  # cycle: _claims reads _model's Report

    return read_report_claims(report)


def report_html(report: "Report") -> str:
    """``Report._repr_html_``: the notebook view."""
    from briefmodel._formats.notebook import report_html  # cycle: _formats writes _model's Report

    return report_html(report)
