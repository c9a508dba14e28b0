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

from briefmodel._model.entities import EntitySource

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
    _Owner.register(report, reading)
    return reading


def report_entities(report: "Report") -> "EntitiesReading":
    """``Report.abbreviations`` and the places and units of its claims and takeaways, read once."""
    return _entities_readers()[0](_source(report, report.claims, report.takeaways))


def item_entities(item: "Claim | Takeaway") -> "Mentions":
    """``Claim.places`` and ``units`` (and a takeaway's): read with the rest of its report when the item is one
    of a parsed report's claims or takeaways (the report object may be gone), else from the item's own text
    alone (a claim made in code)."""
    entry = _OWNERS.get(id(item))
    if entry is not None and entry() is item:
        return entry.owner.mentions(item)
    return _entities_readers()[1](item)


@functools.cache
def _entities_readers() -> "tuple[Callable[[EntitySource], EntitiesReading], Callable[[Claim | Takeaway], Mentions]]":
    """``read_report_entities`` and ``read_item_entities``, imported on first use (once)."""
    from briefmodel._entities.pipeline import read_item_entities, read_report_entities  # cycle: reads _model

    return read_report_entities, read_item_entities


def _source(report: "Report", claims: "tuple[Claim, ...]", takeaways: "tuple[Takeaway, ...]") -> EntitySource:
    return EntitySource(
        report.text,
        report.line_starts,
        report.blocks,
        report.series,
        report.title,
        tuple([claim.span for claim in claims]),
        tuple([takeaway.span for takeaway in takeaways]),
    )


class _Entry(weakref.ref):  # type: ignore[type-arg]
    """An item of ``_OWNERS``: a weak reference to a claim or takeaway that removes itself when the item goes."""

    __slots__ = ("key", "owner")

    key: int
    owner: "_Owner"


_OWNERS: "dict[int, _Entry]" = {}
"""The report each parsed claim and takeaway was read from, by the item's ``id``; an entry goes when its item
goes, so an ``id`` here names a live item (the entry's referent is checked too)."""


def _drop(entry: _Entry) -> None:
    if _OWNERS.get(entry.key) is entry:
        del _OWNERS[entry.key]


class _Owner:
    """What the claims and takeaways of one report share: the report (weakly) and what its entities are read
    from (its text, layout and spans, never its claims), so that an item read after the report object is gone
    reads the same."""

    __slots__ = ("_found", "_ids", "_report", "_source")

    def __init__(self, report: "Report", source: EntitySource, ids: list[int]) -> None:
        self._report = weakref.ref(report)
        self._source = source
        self._ids = ids
        self._found: dict[int, Mentions] | None = None

    @classmethod
    def register(cls, report: "Report", reading: "ClaimsReading") -> None:
        items = (*reading.claims, *reading.takeaways)
        owner = cls(report, _source(report, reading.claims, reading.takeaways), [id(item) for item in items])
        for item in items:
            entry = _Entry(item, _drop)
            entry.key = id(item)
            entry.owner = owner
            _OWNERS[entry.key] = entry

    def mentions(self, item: "Claim | Takeaway") -> "Mentions":
        if self._found is None:
            report = self._report()  # the report reads once for all its items; without it, its text is read again
            reading = report._entities if report is not None else _entities_readers()[0](self._source)
            self._found = dict(zip(self._ids, (*reading.claims, *reading.takeaways), strict=True))
        return self._found[id(item)]


def report_html(report: "Report") -> str:
    """``Report._repr_html_``: the notebook view."""
    from briefmodel._formats.notebook import report_html  # cycle: _formats writes _model's Report

    return report_html(report)
