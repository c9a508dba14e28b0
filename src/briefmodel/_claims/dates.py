"""The date expressions of a sentence, resolved against the report's date.

Explicit patterns find the expressions (``December 12 and 13`` is one range,
``the night of December 13 to 14`` another, ``in late April 2021`` a part of a
month, ``2016`` a year, ``recently`` a vague one); python-dateutil reads the
pieces (``make_date``). A year-less date that would fall after the
report's date belongs to the year before. The role says whether the date is
when something was said (the nearest verb before it is a reporting cue) or when
it happened. dateutil's fuzzy mode is never run over a sentence: it reads
``December 12 and 13`` as 2013-12-12.
"""

import calendar
import datetime as dt
import re
from collections.abc import Callable

from briefmodel._claims.cues import STATEMENT_CUES
from briefmodel._claims.words import token_forms, trie
from briefmodel._model.claims import DateMention, DateRole, Precision
from briefmodel._model.diagnostics import Code
from briefmodel._model.text import Span
from briefmodel._read.months import MONTH_NAMES, make_date

__all__ = ["DateProblem", "read_dates"]

_ABBREVIATED = ("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTH = "(?:" + trie([*MONTH_NAMES, *_ABBREVIATED]) + ")"  # no name is the start of another: one matches at most
_DAY = r"[0-9]{1,2}(?![0-9,]*[0-9])"
_YEAR = r"(?:19|20)[0-9]{2}"
# Each pattern starts with a literal or a class, so the engine skips ahead quickly; "the night of" and
# "early/mid/late" before a month are looked up behind the match in Python.
_MONTH_DATES = re.compile(
    rf"(?P<m1>{_MONTH})(?: (?:(?P<d1>{_DAY})(?:, (?P<y1>{_YEAR}))?"
    rf"(?:(?: and | to |-|–| through )(?:(?P<m2>{_MONTH}) )?(?P<d2>{_DAY})(?:, (?P<y2>{_YEAR}))?)?"
    rf"|(?P<my>{_YEAR})))?"
)
_YEARS = re.compile(rf"{_YEAR}(?![\w%-]|,[0-9])")
_VAGUE = re.compile(
    r"(?:an unspecified time in the future|in the near future|in the future"
    r"|within the past several (?:days|weeks|months)|in recent (?:days|weeks|months)"
    r"|in the (?:coming|next|past|last) (?:few |several )?(?:days|weeks|months)"
    r"|recently|previously|currently)\b"
)
_NIGHT = "the night of "
_PART_BEFORE = re.compile(r"\b(early|mid|late) ?-?$")
_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
"""The months of ``early``, ``mid`` and ``late`` before a year."""
_MONTH_TRIGGERS = frozenset(
    [form for name in token_forms([*MONTH_NAMES, *_ABBREVIATED]) for form in (name, "mid-" + name, "mid" + name)]
)
"""The tokens that hold a month name: ``December``, ``Dec.``, ``December,``, ``mid-March``."""
_VAGUE_TRIGGERS = frozenset(token_forms(["future", "weeks", "days", "months", "recently", "previously", "currently"]))
_BOUNDARIES = frozenset({"that", "but", "while", "although", "which", "who", "because", "as"})
_IRREGULAR = frozenset("struck left flew took made began seized held fought lost won hit shot sent went fell".split())

DateProblem = tuple[Code, str, int, int]
"""(code, message, start, end) of a date problem in the sentence."""
_Resolved = tuple[dt.date | None, dt.date | None, Precision, bool]


def read_dates(
    text: str, tokens: set[str], published: dt.date | None, span_of: Callable[[int, int], Span]
) -> tuple[tuple[DateMention, ...], list[DateProblem]]:
    """The date mentions of a sentence and the problems met resolving them.

    ``tokens`` are the sentence's words: a month name, a number or a vague time
    word among them decides which patterns run at all.
    """
    found: list[tuple[int, int, _Resolved | None]] = []
    if not _MONTH_TRIGGERS.isdisjoint(tokens):
        parts = "early" in text or "mid" in text or "late" in text  # else no "late April" to look for
        for match in _MONTH_DATES.finditer(text):
            start = match.start()
            part = _PART_BEFORE.search(text, max(0, start - 7), start) if parts else None
            if not (match["d1"] or match["my"] or part):
                continue  # a month name alone ("in March", "May") is not read as a date
            if text.endswith(_NIGHT, 0, start):
                start -= len(_NIGHT)
            elif part is not None and match["d1"] is None:
                start = part.start()
            found.append((start, match.end(), _resolve(match, part.group(1) if part else None, published)))
    years = _YEARS.search(text) if "19" in text or "20" in text else None  # two C scans rule most sentences out
    if years is not None:
        taken = [(a, b) for a, b, _ in found]
        for match in _YEARS.finditer(text, years.start()):
            at = match.start()
            if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in ",.$-")) and not any(
                a <= at < b for a, b in taken
            ):
                year = int(match.group())
                part = _PART_BEFORE.search(text, max(0, at - 7), at)
                if part is None:
                    found.append((at, match.end(), (dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, True)))
                else:  # "in early 2025": a third of the year
                    low, high = _YEAR_PARTS[part.group(1)]
                    third = (dt.date(year, low, 1), _month_end(year, high), Precision.YEAR, True)
                    found.append((part.start(), match.end(), third))
    if not _VAGUE_TRIGGERS.isdisjoint(tokens):
        found.extend(
            (match.start(), match.end(), None)
            for match in _VAGUE.finditer(text)
            if match.start() == 0 or not text[match.start() - 1].isalnum()
        )
    found.sort(key=lambda item: item[0])
    mentions = []
    problems: list[DateProblem] = []
    for start, end, resolved in found:
        span = span_of(start, end)
        role = _role(text, start, end)
        if resolved is None:
            mentions.append(DateMention(text=span.text, span=span, precision=Precision.VAGUE, role=role))
            continue
        first, last, precision, explicit = resolved
        if first is None and not explicit:
            why = f"{span.text!r} has no year and the report no date"
            problems.append((Code.DATE_AMBIGUOUS_YEAR, why, start, end))
        elif explicit and published is not None and first is not None and first > published:
            why = f"{span.text!r} is after the report's date {published}"
            problems.append((Code.DATE_AFTER_REPORT, why, start, end))
        mentions.append(DateMention(text=span.text, span=span, start=first, end=last, precision=precision, role=role))
    return tuple(mentions), problems


def _resolve(match: "re.Match[str]", part: str | None, published: dt.date | None) -> _Resolved:
    """First and last day, precision, and whether the text gave the year."""
    if match["d1"] is None:  # "February 1994", "late April 2021", "early July"
        explicit = match["my"] is not None
        low = str(_PARTS[part][0]) if part else "1"
        # the year by the month's first day: "in late December" in a report of December 4 is this December
        month_year = int(match["my"]) if explicit else _year_of(match["m1"], "1", published)
        first = None if month_year is None else make_date(month_year, match["m1"], low)
        if first is None:
            return None, None, Precision.MONTH, explicit
        month_end = calendar.monthrange(first.year, first.month)[1]
        last_day = min(_PARTS[part][1], month_end) if part else month_end
        return first, first.replace(day=last_day), Precision.MONTH, explicit
    year_text = match["y1"] or match["y2"]
    explicit = year_text is not None
    year = int(year_text) if year_text else _year_of(match["m1"], match["d1"], published)
    if year is None:
        return None, None, Precision.DAY, False
    first = make_date(year, match["m1"], match["d1"])
    last = first
    if match["d2"]:
        last = make_date(int(match["y2"]) if match["y2"] else year, match["m2"] or match["m1"], match["d2"])
        if first is not None and last is not None and last < first and not match["y2"]:  # across a new year
            last = make_date(year + 1, match["m2"] or match["m1"], match["d2"])
    return first, last, Precision.DAY, explicit


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_of(month: str, day: str, published: dt.date | None) -> int | None:
    """The year of a year-less date: the report's, or the one before if that would put it after the report."""
    if published is None:
        return None
    candidate = make_date(published.year, month, day)
    if candidate is not None and candidate > published:
        return published.year - 1
    return published.year


def _role(text: str, start: int, end: int) -> DateRole:
    """Statement if the nearest verb before the date (or right after a date adverb) is a reporting cue."""
    after = text[end : end + 20].split()
    if after and after[0].strip(",.;:") in STATEMENT_CUES:
        return DateRole.STATEMENT  # "recently acknowledged", "previously noted"
    for word in reversed(text[max(0, start - 160) : start].split()):
        bare = word.strip('“”"(),.;:').casefold()
        if bare in STATEMENT_CUES:
            return DateRole.STATEMENT
        if word.endswith((",", ";")) or bare in _BOUNDARIES:
            return DateRole.EVENT
        if (bare.endswith("ed") and len(bare) > 3) or bare in _IRREGULAR:
            return DateRole.EVENT
    return DateRole.EVENT
