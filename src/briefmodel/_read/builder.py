"""Reports built in code, in the canonical layout.

``build_report`` writes the canonical text of a report from its meaning and
reads it back, so a built report is exactly what ``parse`` gives for its text
(``parse(render(r)) == r``). A value the text format cannot carry is refused
with ``ValueError``: a line break in a one-line value, a callout inside a
takeaway, or anything that would read back as something else.
"""

import datetime as dt
from collections.abc import Sequence

from briefmodel._model.report import Report
from briefmodel._model.text import BlockKind, find_callout, has_line_break
from briefmodel._read.months import MONTH_NAMES
from briefmodel._read.pipeline import parse
from briefmodel._read.shapes import PUBLISHERS

__all__ = ["build_report"]


def _date_line(day: dt.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def _byline(authors: Sequence[str]) -> str:
    if len(authors) == 1:
        return f"By {authors[0]}"
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return ", ".join(authors[:-1]) + f", and {authors[-1]}"


def build_report(
    *,
    title: str | None = None,
    publisher: str | None = None,
    authors: Sequence[str] = (),
    published: dt.date | None = None,
    paragraphs: Sequence[str] = (),
    takeaways: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> Report:
    """A report in the canonical layout (see the text format page).

    ``paragraphs`` print their callouts as ``[N]``; ``notes`` are the texts of
    the endnotes labelled 1, 2, ... in order.
    """
    one_line = {"title": [title or ""], "publisher": [publisher or ""], "authors": list(authors)}
    one_line |= {"paragraph": list(paragraphs), "takeaway": list(takeaways), "note": list(notes)}
    for name, values in one_line.items():
        for value in values:
            if has_line_break(value):
                raise ValueError(f"a {name} cannot hold a line break: {value!r}")
    for value in takeaways:
        found = find_callout(value)
        if found is not None:
            raise ValueError(f"a takeaway cannot hold a callout such as {found!r}: {value!r}")
    if publisher is not None and publisher.casefold() not in PUBLISHERS:
        raise ValueError(f"unknown publisher {publisher!r}: the text format names only known publishers")

    lines: list[str] = []

    def add(*block: str) -> None:
        if lines:
            lines.append("")
        lines.extend(block)

    if title is not None:
        add(title)
    if publisher is not None:
        add(publisher)
    if published is not None:
        add(_date_line(published))
    if authors:
        add(_byline(authors))
    if takeaways:
        add("Key Takeaways")
        add(*(f"  • {item}" for item in takeaways))
    for paragraph in paragraphs:
        add(paragraph)
    if notes:
        add("Endnotes")
        add(*(f"[{number}] {text}" for number, text in enumerate(notes, start=1)))
    report = parse("".join(line + "\n" for line in lines))
    _check(report, title, publisher, tuple(authors), published, paragraphs, takeaways, notes)
    return report


def _check(
    report: Report,
    title: str | None,
    publisher: str | None,
    authors: tuple[str, ...],
    published: dt.date | None,
    paragraphs: Sequence[str],
    takeaways: Sequence[str],
    notes: Sequence[str],
) -> None:
    expected = {
        "title": title,
        "publisher": None if publisher is None else PUBLISHERS[publisher.casefold()],
        "authors": authors,
        "published": published,
        "paragraphs": list(paragraphs),
        "takeaways": list(takeaways),
        "notes": list(notes),
    }
    found = {
        "title": report.title,
        "publisher": report.publisher if publisher is not None else None,
        "authors": report.authors,
        "published": report.published,
        "paragraphs": [b.text for b in report.blocks if b.kind is BlockKind.PARAGRAPH],
        "takeaways": [t.text for t in report.takeaways],
        "notes": [n.text for n in report.notes],
    }
    wrong = [f"{key} {expected[key]!r} reads back as {found[key]!r}" for key in expected if expected[key] != found[key]]
    if wrong:
        raise ValueError("the text format cannot carry this report: " + "; ".join(wrong))
