"""Find where one document ends and the next begins in a text.

Aggregator copies (the seed) end a document with a share line such as
``Share the Post:``; concatenated reports start a new one with a series title
line (``Russian Offensive Campaign Assessment, December 14``) after the
previous report's endnotes, when the line after the title opens a report (a
date line, a byline, ``Toplines``/``Key Takeaways``, or running text; a list of
related titles does not). Nothing else splits a text, so a single report never
comes apart.
"""

from briefmodel._read.bylines import read_byline
from briefmodel._read.shapes import (
    DATE_LINE,
    DOCUMENT_END,
    NOTE_LINE,
    PRESS_LINE,
    SERIES_TITLE,
    TAKEAWAYS_HEADINGS,
    TIME_LINE,
    TOPLINES_HEADINGS,
    is_prose,
)

__all__ = ["split_documents"]


def split_documents(lines: list[str]) -> list[tuple[int, int]]:
    """Half-open line ranges, one per document, covering every line in order."""
    bounds = [0]
    ended = False
    seen_notes = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if ended:
            bounds.append(i)
            ended = seen_notes = False
        if stripped.casefold() in DOCUMENT_END:
            ended = True
        elif seen_notes and i > bounds[-1] and SERIES_TITLE.fullmatch(stripped) and _opens_report(lines, i + 1):
            bounds.append(i)
            seen_notes = False
        elif not seen_notes and line[:1] in "[ \t\u00a0" and NOTE_LINE.match(line):
            seen_notes = True
    ends = [*bounds[1:], len(lines)]
    return list(zip(bounds, ends, strict=True))


def _opens_report(lines: list[str], start: int) -> bool:
    """Does the first non-blank line from ``start`` read as the second line of a report?"""
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if stripped:
            return bool(
                PRESS_LINE.fullmatch(stripped)
                or DATE_LINE.fullmatch(stripped)
                or TIME_LINE.fullmatch(stripped)
                or stripped.casefold() in TAKEAWAYS_HEADINGS | TOPLINES_HEADINGS
                or read_byline(stripped)
                or is_prose(stripped)
            )
    return False
