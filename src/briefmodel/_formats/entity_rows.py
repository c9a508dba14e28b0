"""The ``places`` and ``units`` tables of one report: one row per mention, with the keys that join them across
reports.

Written against the model's public attributes only (``Claim.places``,
``Takeaway.units``, ...), in the style of the writers' tables: plain dicts with the
columns and types of ``COLUMNS`` (types as there: ``str``, ``int``, ``bool``,
``list[...]``; ``None`` for a missing value). A mention of a claim has ``claim``
set and ``takeaway`` empty; a takeaway's, the other way round. ``anchor`` and
``parent`` are indexes into the same claim's (or takeaway's) places and units, in
``place`` and ``unit``; ``anchor_key`` and ``parent_key`` join across reports.
"""

from typing import Any

from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.report import Report

__all__ = ["COLUMNS", "TABLES", "entity_rows", "place_rows", "unit_rows"]

TABLES = ("places", "units")

COLUMNS: dict[str, dict[str, str]] = {
    "places": {
        "report_id": "str",
        "claim": "int",
        "takeaway": "int",
        "place": "int",
        "text": "str",
        "kind": "str",
        "relation": "str",
        "anchor": "int",
        "anchor_relation": "str",
        "anchor_key": "str",
        "region": "str",
        "key": "str",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
    },
    "units": {
        "report_id": "str",
        "claim": "int",
        "takeaway": "int",
        "unit": "int",
        "text": "str",
        "number": "int",
        "echelon": "str",
        "side": "str",
        "abbreviation": "str",
        "parent": "int",
        "parent_key": "str",
        "key": "str",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
    },
}
"""Column name → type of each table."""


def entity_rows(report: Report, report_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of the ``places`` and ``units`` tables for one report (``report_id``: its id in the other
    tables)."""
    return {"places": place_rows(report, report_id), "units": unit_rows(report, report_id)}


def _items(report: Report) -> list[tuple[Claim | Takeaway, int | None, int | None]]:
    claims: list[tuple[Claim | Takeaway, int | None, int | None]] = [
        (claim, index, None) for index, claim in enumerate(report.claims)
    ]
    return claims + [(takeaway, None, index) for index, takeaway in enumerate(report.takeaways)]


def place_rows(report: Report, report_id: str) -> list[dict[str, Any]]:
    """The rows of the ``places`` table for one report."""
    rows: list[dict[str, Any]] = []
    for item, claim, takeaway in _items(report):
        places = item.places
        where = {id(place): i for i, place in enumerate(places)}
        for i, place in enumerate(places):
            anchor = place.anchor
            rows.append(
                {
                    "report_id": report_id,
                    "claim": claim,
                    "takeaway": takeaway,
                    "place": i,
                    "text": place.text,
                    "kind": place.kind.value,
                    "relation": place.relation,
                    "anchor": None if anchor is None else where.get(id(anchor)),
                    "anchor_relation": place.anchor_relation,
                    "anchor_key": None if anchor is None else anchor.key,
                    "region": place.region,
                    "key": place.key,
                    "line": place.span.line,
                    "column": place.span.column,
                    "start": place.span.start,
                    "end": place.span.end,
                }
            )
    return rows


def unit_rows(report: Report, report_id: str) -> list[dict[str, Any]]:
    """The rows of the ``units`` table for one report."""
    rows: list[dict[str, Any]] = []
    for item, claim, takeaway in _items(report):
        units = item.units
        where = {id(unit): i for i, unit in enumerate(units)}
        for i, unit in enumerate(units):
            parent = unit.parent
            rows.append(
                {
                    "report_id": report_id,
                    "claim": claim,
                    "takeaway": takeaway,
                    "unit": i,
                    "text": unit.text,
                    "number": unit.number,
                    "echelon": unit.echelon.value,
                    "side": unit.side.value,
                    "abbreviation": unit.abbreviation,
                    "parent": None if parent is None else where.get(id(parent)),
                    "parent_key": None if parent is None else parent.key,
                    "key": unit.key,
                    "line": unit.span.line,
                    "column": unit.span.column,
                    "start": unit.span.start,
                    "end": unit.span.end,
                }
            )
    return rows
