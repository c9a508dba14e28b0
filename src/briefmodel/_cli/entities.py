"""``briefmodel show --places / --units``: the places and formations a report names, most named first."""

from collections import Counter
from collections.abc import Callable
from typing import Any, TextIO

from briefmodel._model.entities import Place, Unit
from briefmodel._model.report import Report

__all__ = ["print_places", "print_units"]

SHOWN = 25
"""The most rows each list shows (the count of the rest follows)."""


def _mentions(report: Report, attribute: str) -> list[Place] | list[Unit]:
    found: list[Place] | list[Unit] = []
    for item in (*report.claims, *report.takeaways):
        found.extend(getattr(item, attribute))
    return found


def _tally(mentions: list[Any], richer: Callable[[Any], bool]) -> tuple[Counter[str], dict[str, Any]]:
    """Mentions counted by key, and for each key the first mention, or the first that is ``richer``."""
    counts = Counter(mention.key for mention in mentions)
    first: dict[str, Any] = {}
    for mention in mentions:
        first.setdefault(mention.key, mention)
        if not richer(first[mention.key]) and richer(mention):
            first[mention.key] = mention
    return counts, first


def _more(counts: Counter[str], out: TextIO) -> None:
    if len(counts) > SHOWN:
        print(f"  … and {len(counts) - SHOWN} more", file=out)


def print_places(report: Report, out: TextIO) -> None:
    """One line per place (by key): mentions, kind, the name as first printed, its region when given."""
    places: list[Place] = _mentions(report, "places")  # type: ignore[assignment]
    counts, first = _tally(places, lambda place: place.region is not None)
    print(f"places: {len(places)} mentions of {len(counts)} places", file=out)
    for key, count in counts.most_common(SHOWN):
        place = first[key]
        region = f" ({place.region})" if place.region else ""
        print(f"  {count:>4}  {place.kind.value:<10}  {place.text.removeprefix('the ')}{region}", file=out)
    _more(counts, out)


def print_units(report: Report, out: TextIO) -> None:
    """One line per formation (by key): mentions, echelon, side, the name as first printed, its parent."""
    units: list[Unit] = _mentions(report, "units")  # type: ignore[assignment]
    counts, first = _tally(units, lambda unit: unit.parent is not None)
    print(f"units: {len(units)} mentions of {len(counts)} formations", file=out)
    for key, count in counts.most_common(SHOWN):
        unit = first[key]
        parent = f" ← {unit.parent.text}" if unit.parent is not None else ""
        print(f"  {count:>4}  {unit.echelon.value:<9}  {unit.side.value:<9}  {unit.text}{parent}", file=out)
    _more(counts, out)
