"""The filters of ``Corpus.claims``: which reports and which claims to keep, as one picklable value.

A filter is made once in the main process (``claim_filter`` checks and
normalizes what the user gave) and sent to the worker processes, which apply it
while they read: a report outside the ``published`` range is passed over
before its claims are read, and only the claims that match become rows.
"""

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from briefmodel._errors import BriefmodelError
from briefmodel._model.claims import Claim, Stance
from briefmodel._model.report import Report

__all__ = ["ClaimFilter", "DateRange", "Days", "claim_filter", "date_range"]

DateRange = tuple[dt.date | None, dt.date | None]
"""First and last day, both included; ``None`` leaves that end open."""
Days = tuple[dt.date | str | None, dt.date | str | None]
"""A range as given: dates, ISO strings (``"2024-12-14"``) or ``None`` for an open end."""


@attrs.frozen(kw_only=True)
class ClaimFilter:
    """What ``Corpus.claims`` keeps (every field ``None``: everything)."""

    stances: frozenset[str] | None = None
    speakers: frozenset[str] | None = None
    reporters: frozenset[str] | None = None
    published: DateRange | None = None
    dated: DateRange | None = None
    text: str | None = None
    """Case-folded: the claims whose case-folded text holds it."""
    pattern: "re.Pattern[str] | None" = None
    cited: bool | None = None
    sources: frozenset[str] | None = None

    def keeps_report(self, report: Report) -> bool:
        """Whether the report's date is in the ``published`` range (a report with no date is not)."""
        return self.keeps_date(report.published)

    def keeps_date(self, published: dt.date | None) -> bool:
        """Whether a report published on ``published`` is in the ``published`` range."""
        if self.published is None:
            return True
        return published is not None and _within(published, published, self.published)

    def keeps(self, claim: Claim) -> bool:
        """Whether the claim passes every claim filter."""
        who = claim.attribution
        if self.stances is not None and claim.stance.value not in self.stances:
            return False
        if self.speakers is not None and (who.speaker is None or who.speaker.key not in self.speakers):
            return False
        if self.reporters is not None and (who.reporter is None or who.reporter.key not in self.reporters):
            return False
        if self.cited is not None and bool(claim.citations) != self.cited:
            return False
        if self.text is not None and self.text not in claim.text.casefold():
            return False
        if self.pattern is not None and self.pattern.search(claim.text) is None:
            return False
        if self.dated is not None:
            dated = self.dated
            if not any(d.start is not None and _within(d.start, d.end or d.start, dated) for d in claim.dates):
                return False
        if self.sources is not None:
            wanted = self.sources
            if not any(source.key in wanted for source in claim.sources):
                return False
        return True


def _within(start: dt.date, end: dt.date, bounds: DateRange) -> bool:
    """Whether the days ``start`` to ``end`` meet the range ``bounds``."""
    low, high = bounds
    return (high is None or start <= high) and (low is None or end >= low)


def _keys(value: str | Iterable[str] | None, what: str) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset({value})
    keys = frozenset(value)
    if not all(isinstance(key, str) for key in keys):
        raise BriefmodelError(f"claims: {what} takes a key or keys (strings), not {sorted(map(repr, keys))}")
    return keys


def _day(value: "dt.date | str | None", what: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise BriefmodelError(f"claims: {what} takes dates or ISO dates (2024-12-14), not {value!r}")


def date_range(value: Days | None, what: str) -> DateRange | None:
    """A ``(first, last)`` pair of dates (or ISO strings, or ``None`` for an open end), checked."""
    if value is None:
        return None
    if isinstance(value, (str, dt.date)) or len(value) != 2:
        raise BriefmodelError(f"claims: {what} takes a pair (first, last), e.g. ('2024-01-01', '2024-03-31')")
    low, high = _day(value[0], what), _day(value[1], what)
    if low is not None and high is not None and low > high:
        raise BriefmodelError(f"claims: {what} starts after it ends ({low} > {high})")
    return low, high


def claim_filter(
    *,
    stance: "str | Stance | Iterable[str | Stance] | None" = None,
    speaker: str | Iterable[str] | None = None,
    reporter: str | Iterable[str] | None = None,
    published: Days | None = None,
    dated: Days | None = None,
    text: "str | re.Pattern[str] | None" = None,
    cited: bool | None = None,
    source: str | Iterable[str] | None = None,
) -> ClaimFilter:
    """The filter ``Corpus.claims`` was given, checked: a bad value raises ``BriefmodelError`` naming it."""
    stances = None
    if stance is not None:
        given = [stance] if isinstance(stance, (str, Stance)) else list(stance)
        names = {s.value for s in Stance}
        stances = frozenset(s.value if isinstance(s, Stance) else str(s).lower() for s in given)
        unknown = sorted(stances - names)
        if unknown:
            raise BriefmodelError(f"claims: no stance {', '.join(unknown)} (stances: {', '.join(sorted(names))})")
    if cited is not None and not isinstance(cited, bool):
        raise BriefmodelError(f"claims: cited takes True or False, not {cited!r}")
    if text is not None and not isinstance(text, (str, re.Pattern)):
        raise BriefmodelError(f"claims: text takes a string or a compiled pattern, not {text!r}")
    return ClaimFilter(
        stances=stances,
        speakers=_keys(speaker, "speaker"),
        reporters=_keys(reporter, "reporter"),
        published=date_range(published, "published"),
        dated=date_range(dated, "dated"),
        text=text.casefold() if isinstance(text, str) else None,
        pattern=text if isinstance(text, re.Pattern) else None,
        cited=cited,
        sources=_keys(source, "source"),
    )
