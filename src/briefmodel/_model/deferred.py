"""The deferred reads behind the model's derived attributes: the only place the model imports a reader.

``Note.sources`` and ``Source.key``, ``Report.claims`` (with ``takeaways`` and
``diagnostics``), the places and units of claims and takeaways (with ``Report.abbreviations``) and
``Report._repr_html_`` are computed on first use by code outside the model. Each
import below sits inside its function because the module it imports imports the
model: at module level the two would form a cycle. Nothing else in ``_model``
imports the rest of the package (the architecture test holds both rules).
"""

import functools
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type checker only: no import at run time
    from collections.abc import Callable

    from briefmodel._model.claims import Claim, ClaimsReading, Takeaway
    from briefmodel._model.entities import EntitiesReading, Mentions
    from briefmodel._model.report import Report
    from briefmodel._model.sources import Source

__all__ = ["item_entities", "note_sources", "report_claims", "report_entities", "report_html", "source_key"]


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

    reading = read_report_claims(report)
    _Owner.register(report, (*reading.claims, *reading.takeaways))
    return reading


def report_entities(report: "Report") -> "EntitiesReading":
    """``Report.abbreviations`` and the places and units of its claims and takeaways, read once."""
    return _entities_readers()[0](report)


def item_entities(item: "Claim | Takeaway") -> "Mentions":
    """``Claim.places`` and ``units`` (and a takeaway's): read with the rest of its report when the item is one
    of a live report's claims or takeaways, else from the item's own text alone (a claim made in code)."""
    owner = _OWNERS.get(id(item))
    if owner is not None:
        found = owner.mentions(item)
        if found is not None:
            return found
    return _entities_readers()[1](item)


@functools.cache
def _entities_readers() -> (
    "tuple[Callable[[Report], EntitiesReading], Callable[[Claim | Takeaway], Mentions]]"
):
    """``read_report_entities`` and ``read_item_entities``, imported on first use (once)."""
    from briefmodel._entities.pipeline import read_item_entities, read_report_entities  # cycle: reads _model

    return read_report_entities, read_item_entities


_OWNERS: "dict[int, _Owner]" = {}
"""The report each claim and takeaway of a live report was read from, by the item's ``id``. A report's entries
go when the report goes (a finalizer), so an ``id`` here always names a live item."""


class _Owner:
    """The link from a report's claims and takeaways to the report (weak: it never keeps the report alive)."""

    __slots__ = ("_found", "_report")

    def __init__(self, report: "Report") -> None:
        self._report = weakref.ref(report)
        self._found: dict[int, Mentions] | None = None

    @classmethod
    def register(cls, report: "Report", items: "tuple[Claim | Takeaway, ...]") -> None:
        owner = cls(report)
        ids = [id(item) for item in items]
        _OWNERS.update(dict.fromkeys(ids, owner))
        weakref.finalize(report, _forget, ids)

    def mentions(self, item: "Claim | Takeaway") -> "Mentions | None":
        if self._found is None:
            report = self._report()
            if report is None:
                return None
            reading = report._entities
            found = dict(zip(map(id, report.claims), reading.claims, strict=True))
            found.update(zip(map(id, report.takeaways), reading.takeaways, strict=True))
            self._found = found
        return self._found.get(id(item))


def _forget(ids: list[int]) -> None:
    for each in ids:
        _OWNERS.pop(each, None)


def report_html(report: "Report") -> str:
    """``Report._repr_html_``: the notebook view."""
    from briefmodel._formats.notebook import report_html  # cycle: _formats writes _model's Report

    return report_html(report)
