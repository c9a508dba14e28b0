"""Stage 8d: the date expressions of a sentence, resolved against the report's date.

Explicit patterns find the expressions (``December 12 and 13`` is one range,
``the night of December 13 to 14`` another, ``in late April 2021`` a part of a
month, ``recently`` a vague one); python-dateutil reads the pieces. A year-less
date that would fall after the report's date belongs to the year before. The
role says whether the date is when something was said (the nearest verb before
it is a reporting cue) or when it happened.
"""

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateutil import parser as dateparser

from briefmodel._claim_types import DateMention, DateRole, Precision
from briefmodel._model import Span
from briefmodel._shapes import MONTH_NAMES

__all__ = ["DateProblem", "read_dates"]

_MONTH = r"(?:" + "|".join(MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
_DAY = r"[0-9]{1,2}(?![0-9,]*[0-9])"
_YEAR = r"(?:19|20)[0-9]{2}"
_DATES = re.compile(
    rf"(?P<night>the night of )?(?P<m1>{_MONTH}) (?P<d1>{_DAY})(?:, (?P<y1>{_YEAR}))?"
    rf"(?:(?: and | to |-|–| through )(?:(?P<m2>{_MONTH}) )?(?P<d2>{_DAY})(?:, (?P<y2>{_YEAR}))?)?"
    rf"|(?P<part>early|mid|late|mid-) ?(?P<pm>{_MONTH})(?: (?P<py>{_YEAR}))?"
    rf"|(?P<mm>{_MONTH}) (?P<my>{_YEAR})"
    rf"|(?<![\w,.$-])(?P<year>{_YEAR})(?![\w%-]|,[0-9])"
    r"|(?P<vague>\b(?:an unspecified time in the future|in the near future|in the future|within the past several "
    r"(?:days|weeks|months)|in recent (?:days|weeks|months)|recently|previously|currently)\b)"
)
_PARTS = {"early": (1, 10), "mid": (11, 20), "mid-": (11, 20), "late": (21, 31)}
_CUES = frozenset(
    "stated claimed reported noted said told announced acknowledged amplified posted published characterized "
    "warned added asserted denied confirmed indicated suggested wrote declared admitted revealed released "
    "issued claiming stating reporting saying".split()
)
_BOUNDARIES = frozenset({"that", "but", "while", "although", "which", "who", "because", "as"})
_IRREGULAR = frozenset("struck left flew took made began seized held fought lost won hit shot sent went fell".split())

DateProblem = tuple[str, str, int, int]
"""(code, message, start, end) of a date problem in the sentence."""


def read_dates(
    text: str, published: dt.date | None, span_of: Callable[[int, int], Span]
) -> tuple[tuple[DateMention, ...], list[DateProblem]]:
    """The date mentions of a sentence and the problems met resolving them."""
    mentions = []
    problems: list[DateProblem] = []
    for match in _DATES.finditer(text):
        start, end = match.span()
        if match["vague"]:
            phrase = match["vague"]
            mentions.append(
                DateMention(
                    text=phrase,
                    span=span_of(start, end),
                    precision=Precision.VAGUE,
                    role=_role(text, start, end),
                )
            )
            continue
        first, last, precision, explicit = _resolve(match, published)
        if first is None and not explicit:
            problems.append(
                ("DATE_AMBIGUOUS_YEAR", f"{match.group()!r} has no year and the report no date", start, end)
            )
        elif explicit and published is not None and first is not None and first > published:
            problems.append(
                ("DATE_AFTER_REPORT", f"{match.group()!r} is after the report's date {published}", start, end)
            )
        mentions.append(
            DateMention(
                text=match.group(),
                span=span_of(start, end),
                start=first,
                end=last,
                precision=precision,
                role=_role(text, start, end),
            )
        )
    return tuple(mentions), problems


def _day(month: str, day: str, year: int) -> dt.date | None:
    try:
        return dateparser.parse(f"{month} {day} {year}").date()
    except (ValueError, OverflowError):
        return None


_Resolved = tuple[dt.date | None, dt.date | None, Precision, bool]


def _resolve(match: "re.Match[str]", published: dt.date | None) -> _Resolved:
    """First and last day, precision, and whether the text gave the year."""
    if match["year"]:
        year = int(match["year"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, True
    if match["mm"]:
        first = _day(match["mm"], "1", int(match["my"]))
        return first, _month_end(first), Precision.MONTH, True
    if match["part"]:
        return _part_of_month(match, published)
    return _days(match, published)


def _part_of_month(match: "re.Match[str]", published: dt.date | None) -> _Resolved:
    """``early July``, ``late April 2021``: days 1-10, 11-20 or 21 to the month's end."""
    explicit = match["py"] is not None
    year = int(match["py"]) if explicit else _year_of(match["pm"], "1", published)
    first = None if year is None else _day(match["pm"], str(_PARTS[match["part"]][0]), year)
    if first is None:
        return None, None, Precision.MONTH, explicit
    month_end = calendar.monthrange(first.year, first.month)[1]
    return first, first.replace(day=min(_PARTS[match["part"]][1], month_end)), Precision.MONTH, explicit


def _days(match: "re.Match[str]", published: dt.date | None) -> _Resolved:
    """``December 14``, ``December 12 and 13``, ``the night of December 13 to 14``, ``December 31 to January 1``."""
    year_text = match["y1"] or match["y2"]
    explicit = year_text is not None
    year = int(year_text) if year_text else _year_of(match["m1"], match["d1"], published)
    if year is None:
        return None, None, Precision.DAY, False
    first = _day(match["m1"], match["d1"], year)
    last = first
    if match["d2"]:
        last = _day(match["m2"] or match["m1"], match["d2"], int(match["y2"]) if match["y2"] else year)
        if first is not None and last is not None and last < first:  # the range crosses a new year
            first = _day(match["m1"], match["d1"], year - 1)
    return first, last, Precision.DAY, explicit


def _year_of(month: str, day: str, published: dt.date | None) -> int | None:
    """The year of a year-less date: the report's, or the one before if that would put it after the report."""
    if published is None:
        return None
    candidate = _day(month, day, published.year)
    if candidate is not None and candidate > published:
        return published.year - 1
    return published.year


def _month_end(first: dt.date | None) -> dt.date | None:
    if first is None:
        return None
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _role(text: str, start: int, end: int) -> DateRole:
    """Statement if the nearest verb before the date (or right after a date adverb) is a reporting cue."""
    after = text[end : end + 20].split()
    if after and after[0].strip(",") in _CUES:
        return DateRole.STATEMENT  # "recently acknowledged", "previously noted"
    words = text[max(0, start - 160) : start].split()
    for word in reversed(words):
        bare = word.strip('“”"(),.;:').casefold()
        if bare in _CUES:
            return DateRole.STATEMENT
        if word.endswith((",", ";")) or bare in _BOUNDARIES:
            return DateRole.EVENT
        if (bare.endswith("ed") and len(bare) > 3) or bare in _IRREGULAR:
            return DateRole.EVENT
    return DateRole.EVENT
