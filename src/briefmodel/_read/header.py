"""Read a document's header (title, publisher, authors, dates) and find where its body starts.

The header is the run of short lines before the first running text or the first
``Key Takeaways``/``Toplines``/``Endnotes`` heading, at most ``HEADER_LIMIT``
lines. Each header line gets its block kind here; the body is left to the
sections stage.
"""

import datetime as dt
import re
from typing import NamedTuple

import attrs

from briefmodel._model.text import BlockKind
from briefmodel._read.bylines import read_byline
from briefmodel._read.months import make_date
from briefmodel._read.shapes import (
    DATE_LINE,
    DEFAULT_SERIES_PUBLISHER,
    ENDNOTES_HEADINGS,
    METADATA_KINDS,
    NAVIGATION,
    NOTE_LINE,
    PRESS_LINE,
    PUBLISHER_PREFIX,
    PUBLISHERS,
    SERIES_PUBLISHERS,
    SERIES_TITLE,
    TAKEAWAYS_HEADINGS,
    TIME_LINE,
    TOPLINES_HEADINGS,
    is_boilerplate,
    is_prose,
)

__all__ = ["HEADER_LIMIT", "Header", "read_header"]

HEADER_LIMIT = 300
_STOP = TAKEAWAYS_HEADINGS | TOPLINES_HEADINGS | ENDNOTES_HEADINGS
_URL_FIELD = "- **url**:"
_FOLD = 200
"""Characters of a line case-folded to compare: more than the longest heading, publisher or navigation line, and
than the window in which ``is_boilerplate`` looks for a prefix. Folding a whole 2 MB line took 12 bytes a
character for a moment."""


@attrs.define
class Header:
    """What the header says; mutable while it is read."""

    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    cutoff: str | None = None
    series: str | None = None
    url: str | None = None
    body_start: int = 0
    year_missing: bool = False
    """The title gives a month and day but no line gives the year."""


def read_header(lines: list[str], kinds: list[BlockKind]) -> Header:
    """Read the header of one document; set the kinds of its lines in place."""
    header = Header()
    said = _read_lines(lines, kinds, header)
    header.body_start = said.body_start
    title_date = _read_title(lines, kinds, header, said)
    header.published = title_date.date or said.press_date or said.line_date
    if header.published is None and title_date.month_day is not None:
        header.year_missing = True
    if header.publisher is None and header.series is not None:
        header.publisher = SERIES_PUBLISHERS.get(header.series, DEFAULT_SERIES_PUBLISHER)
    return header


class _Lines(NamedTuple):
    """What the header lines say beyond the fields they set on the ``Header`` directly."""

    body_start: int
    series_match: re.Match[str] | None
    """The match of the first series title line (``SERIES_TITLE``)."""
    plain_title: int | None
    """The index of the line taken as the title when no series title is found."""
    press_date: dt.date | None
    """The date of the first press line (``PRESS_LINE``)."""
    line_date: dt.date | None
    """The date of the first date line (``DATE_LINE``)."""


def _read_lines(lines: list[str], kinds: list[BlockKind], header: Header) -> _Lines:
    """Classify the header lines one by one and find where the body starts.

    Sets the kind of each header line in ``kinds`` and the cutoff, publisher,
    url and authors of ``header``; returns what else the lines say. When no
    heading or prose line starts the body, it starts after the last metadata
    line, and the lines from there to the header's end become paragraphs.
    """
    series_match = None
    plain_title: int | None = None
    press_date = line_date = None
    in_preamble = False
    limit = min(len(lines), HEADER_LIMIT)
    body_start = None
    last_metadata = -1
    for i in range(limit):
        stripped = lines[i].strip()
        if not stripped:
            continue
        folded = stripped[:_FOLD].casefold()  # folding is per character: a prefix folds to a prefix
        kind = BlockKind.OTHER
        if in_preamble:
            kind = BlockKind.BOILERPLATE
            in_preamble = not stripped.endswith(".")
        elif folded in _STOP:
            body_start = i
            break
        elif NOTE_LINE.match(lines[i]):
            limit = i  # the endnotes of a report whose body reads as no prose: the body ends here
            break
        elif (match := SERIES_TITLE.fullmatch(stripped)) is not None:
            if series_match is None:
                series_match = match
                kind = BlockKind.TITLE
        elif (match := PRESS_LINE.fullmatch(stripped)) is not None:
            kind = BlockKind.DATELINE
            press_date = press_date or make_date(match["year"], match["month"], match["day"])
        elif TIME_LINE.fullmatch(stripped):
            kind = BlockKind.DATELINE
            header.cutoff = header.cutoff or stripped
        elif (match := DATE_LINE.fullmatch(stripped)) is not None:
            kind = BlockKind.DATELINE
            line_date = line_date or make_date(match["year"], match["month"], match["day"])
        elif folded in PUBLISHERS:
            kind = BlockKind.PUBLISHER
            header.publisher = header.publisher or PUBLISHERS[folded]
        elif folded in NAVIGATION:
            kind = BlockKind.OTHER
        elif is_boilerplate(folded):
            kind = BlockKind.BOILERPLATE
            in_preamble = folded.startswith("the institute for the study of war") and not stripped.endswith(".")
        elif folded.startswith(_URL_FIELD):
            header.url = header.url or stripped[len(_URL_FIELD) :].strip()
        elif not header.authors and (authors := read_byline(stripped)) is not None:
            kind = BlockKind.BYLINE
            header.authors = authors
        elif is_prose(stripped):
            body_start = i
            break
        elif (
            plain_title is None
            and series_match is None
            and not stripped.startswith(("#", "-", "*"))
            and len(stripped) <= 300
        ):
            plain_title = i
            kind = BlockKind.TITLE
        kinds[i] = kind
        if kind in METADATA_KINDS:
            last_metadata = i
    if body_start is None:
        body_start = last_metadata + 1
        for i in range(body_start, limit):
            kinds[i] = BlockKind.BLANK if not lines[i].strip() else BlockKind.PARAGRAPH
    return _Lines(body_start, series_match, plain_title, press_date, line_date)


class _TitleDate(NamedTuple):
    """What the title says of the date."""

    date: dt.date | None
    """The date of a series title that gives its year."""
    month_day: tuple[str, str] | None
    """The month and day of a series title that gives no year."""


def _read_title(lines: list[str], kinds: list[BlockKind], header: Header, said: _Lines) -> _TitleDate:
    """Set the header's title and series (and a publisher that prefixes the title); return the title's date.

    A series title wins over a plain title line, whose kind then goes back to
    ``OTHER`` in ``kinds``; a plain title counts only before the body starts.
    """
    title_date = None
    title_month_day: tuple[str, str] | None = None
    series_match, plain_title = said.series_match, said.plain_title
    if series_match is not None:
        header.title = series_match["title"]
        header.series = series_match["series"]
        if series_match["year"]:
            title_date = make_date(series_match["year"], series_match["month"], series_match["day"])
        else:
            title_month_day = (series_match["month"], series_match["day"])
        if plain_title is not None and plain_title < said.body_start:
            kinds[plain_title] = BlockKind.OTHER
    elif plain_title is not None and plain_title < said.body_start:
        title = lines[plain_title].strip()
        prefix = PUBLISHER_PREFIX.fullmatch(title)
        if prefix is not None and prefix["publisher"].casefold() in PUBLISHERS:
            header.publisher = header.publisher or PUBLISHERS[prefix["publisher"].casefold()]
            title = prefix["title"]
        header.title = title
    return _TitleDate(title_date, title_month_day)
