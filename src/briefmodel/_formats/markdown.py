"""Markdown out: a report as Markdown with ``[^n]`` footnotes, from the model alone.

``to_markdown`` writes a report one Markdown line per line of its text: the
title as ``#``, headings as ``##``, bullets as ``-``, callouts as ``[^n]`` and
the endnotes as footnote definitions (``[^n]: …``, continuation lines indented).
A callout is written with its note's label (``[01]`` resolved to the note ``[1]``
becomes ``[^1]``), and a callout with no note as the literal text ``\\[4\\]``, so
every footnote reference a Markdown reader sees has its definition.

Each block kind has its function in ``MARKDOWN_RENDERERS``, as the text renderer
keys its own table by kind. One pass over the lines. ``parse_markdown`` (in the
readers) reads such Markdown back.
"""

import re
from bisect import bisect_right
from collections.abc import Callable
from types import MappingProxyType

from briefmodel._model.notes import Citation, Note, citations_by_block
from briefmodel._model.report import Report
from briefmodel._model.text import BlockKind

__all__ = ["MARKDOWN_RENDERERS", "to_markdown"]

_LINE_START = re.compile(r"[#>+*=|]|-(?:\s|$)|[0-9]+[.)](?:\s|$)")
"""What would start a Markdown block at the start of a line: escaped with a backslash."""
_INDENTATION = " \t"
_INLINE = re.compile(r"[\\<&`]|\[\^|\]\(")
_BULLET_MARK = re.compile(r"[ \t\u00a0]*[•·▪‣◦\-*–][ \t\u00a0]*")
_NOTE_LINE_END = re.compile(r"\r\n|\r|\n")


def _escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup: ``\\``, ``<``, ``&``, backticks, ``[^`` and ``](``."""
    return _INLINE.sub(lambda m: "\\" + m.group(), text)


def _inline(text: str, start: int, citations: list[Citation]) -> str:
    """A line's text with its callouts as footnote references and the rest escaped."""
    pieces = []
    at = 0
    for citation in citations:
        begin, end = citation.span.start - start, citation.span.end - start
        pieces.append(_escape(text[at:begin]))
        # a callout printed otherwise than its note's label ([01] for [1]) takes the note's: a reader resolves it
        pieces.append(f"[^{citation.note.label}]" if citation.note is not None else f"\\[{citation.label}\\]")
        at = end
    pieces.append(_escape(text[at:]))
    return "".join(pieces)


def _blank(raw: str, text: str) -> str:
    return ""


def _title(raw: str, text: str) -> str:
    return "# " + text.strip(_INDENTATION)


def _heading(raw: str, text: str) -> str:
    return "## " + text.strip(_INDENTATION)


def _bullet(raw: str, text: str) -> str:
    mark = _BULLET_MARK.match(text)
    item = text[mark.end() if mark else 0 :].strip(_INDENTATION)
    raw_mark = _BULLET_MARK.match(raw)
    return "- " + _guard(raw[raw_mark.end() if raw_mark else 0 :].strip(_INDENTATION), item)


def _plain(raw: str, text: str) -> str:
    return _guard(raw.strip(_INDENTATION), text.strip(_INDENTATION))


MARKDOWN_RENDERERS: MappingProxyType[BlockKind, Callable[[str, str], str]] = MappingProxyType(
    {
        **dict.fromkeys(BlockKind, _plain),
        BlockKind.BLANK: _blank,
        BlockKind.TITLE: _title,
        BlockKind.HEADING: _heading,
        BlockKind.BULLET: _bullet,
    }
)
"""One Markdown line for a line of the report, by block kind: ``(raw, text)`` → the line, where ``raw`` is the
line as printed and ``text`` the line with its inline markup. Only spaces and tabs are stripped (Markdown would
read them as indentation); a no-break space or other white space stays, as it is text to Markdown."""


def _line(kind: BlockKind, raw: str, text: str) -> str:
    """One Markdown line for a line of the report; a line of white space only is a blank line."""
    if not text.strip(_INDENTATION):
        return ""
    return MARKDOWN_RENDERERS[kind](raw, text)


def _guard(raw: str, text: str) -> str:
    """``text`` with a backslash where its start would open a Markdown block (``#``, ``>``, ``1.``, ...)."""
    start = _LINE_START.match(raw)
    if start is None:
        return text
    digits = len(start.group()) - len(start.group().lstrip("0123456789"))
    return text[:digits] + "\\" + text[digits:]  # "1\. The Kremlin", "\# not a heading"


def to_markdown(report: Report) -> str:
    """The report as Markdown with ``[^n]`` footnotes, read by any CommonMark reader with footnotes."""
    by_block = citations_by_block(report.citations)
    starts = report.line_starts
    notes_at: dict[int, list[Note]] = {}  # each note where its label is, so stray lines keep their place
    in_notes: set[int] = set()  # the lines the notes cover: continuation lines and blank lines inside them too
    for note in report.notes:
        first = note.span.line - 1
        notes_at.setdefault(first, []).append(note)
        last = bisect_right(starts, max(note.span.start, note.span.end - 1)) - 1
        in_notes.update(range(first, last + 1))
    lines: list[str] = []
    for index, block in enumerate(report.blocks):
        if index in in_notes:
            for note in notes_at.get(index, ()):
                lines.extend(_footnote(note))
            continue
        text = _inline(block.text, starts[index], by_block.get(index, []))
        lines.append(_line(block.kind, block.text, text))
    return "\n".join(lines) + "\n" if lines else ""


def _footnote(note: Note) -> list[str]:
    first, *rest = _NOTE_LINE_END.split(note.text)
    lines = [f"[^{note.label}]: {_escape(first)}".rstrip()]
    lines.extend(f"    {_escape(line.strip(_INDENTATION))}" if line.strip(_INDENTATION) else "" for line in rest)
    return lines
