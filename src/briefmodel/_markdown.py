"""Markdown with ``[^n]`` footnotes, out and in.

``to_markdown`` writes a report one Markdown line per line of its text: the
title as ``#``, headings as ``##``, bullets as ``-``, callouts as ``[^n]`` and
the endnotes as footnote definitions (``[^n]: …``, continuation lines indented).
A callout with no note is written as the literal text ``\\[4\\]``, so every
footnote reference a Markdown reader sees has its definition.

``parse_markdown`` reads such Markdown (and Markdown briefs written by hand or by
other tools) by turning it into the text shape briefs have, one line for one
line, and parsing that: the report's text is that text view, and its spans point
into it. Both directions are one pass over the lines.
"""

import re
from bisect import bisect_right

from briefmodel._lines import split_lines
from briefmodel._model import BlockKind, Citation, Note
from briefmodel._parser import parse
from briefmodel._report import Report

__all__ = ["parse_markdown", "to_markdown"]

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
        label = citation.label
        pieces.append(f"[^{label}]" if citation.note is not None else f"\\[{label}\\]")
        at = end
    pieces.append(_escape(text[at:]))
    return "".join(pieces)


def _line(kind: BlockKind, raw: str, text: str) -> str:
    """One Markdown line for a line of the report: ``raw`` as printed, ``text`` with its inline markup.

    Only spaces and tabs are stripped (Markdown would read them as indentation);
    a no-break space or other white space stays, as it is text to Markdown.
    """
    if kind is BlockKind.BLANK or not text.strip(_INDENTATION):
        return ""
    if kind is BlockKind.TITLE:
        return "# " + text.strip(_INDENTATION)
    if kind is BlockKind.HEADING:
        return "## " + text.strip(_INDENTATION)
    if kind is BlockKind.BULLET:
        mark = _BULLET_MARK.match(text)
        item = text[mark.end() if mark else 0 :].strip(_INDENTATION)
        raw_mark = _BULLET_MARK.match(raw)
        return "- " + _guard(raw[raw_mark.end() if raw_mark else 0 :].strip(_INDENTATION), item)
    return _guard(raw.strip(_INDENTATION), text.strip(_INDENTATION))


def _guard(raw: str, text: str) -> str:
    """``text`` with a backslash where its start would open a Markdown block (``#``, ``>``, ``1.``, ...)."""
    start = _LINE_START.match(raw)
    if start is None:
        return text
    digits = len(start.group()) - len(start.group().lstrip("0123456789"))
    return text[:digits] + "\\" + text[digits:]  # "1\. The Kremlin", "\# not a heading"


def to_markdown(report: Report) -> str:
    """The report as Markdown with ``[^n]`` footnotes, read by any CommonMark reader with footnotes."""
    by_block: dict[int, list[Citation]] = {}
    for citation in report.citations:
        by_block.setdefault(citation.block, []).append(citation)
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


# --------------------------------------------------------------------------- in

_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")
_CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
_DEFINITION = re.compile(r" {0,3}\[\^([^\]\s]{1,64})\]:[ \t]?")
_ITEM = re.compile(r" {0,3}[-*+][ \t]+")
_INDENT = re.compile(r"(?: {4}|\t)")
_MARKUP = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|\[\^(?P<label>[^\]\s]{1,64})\]"
    r"|<(?P<autolink>https?://[^>\s]+)>"
    r"|!?\[(?P<text>[^\]\n\\]{0,500})\]\((?P<href>[^)\s]{1,2000})\)"
)


def _unmark(match: "re.Match[str]") -> str:
    if match["escaped"] is not None:
        return match["escaped"]
    if match["label"] is not None:
        return f"[{match['label']}]"
    if match["autolink"] is not None:
        return match["autolink"]
    text, href = match["text"], match["href"]
    return href if text in (href, "") or text.startswith(("http://", "https://")) else f"{text} {href}"


def markdown_to_text(markdown: str) -> str:
    """The text view of a Markdown brief: what ``parse_markdown`` parses."""
    lines, breaks = split_lines(markdown)
    out = []
    in_note = False
    for line, newline in zip(lines, breaks, strict=True):
        if not line.strip():
            out.append(line + newline)
            continue
        definition = _DEFINITION.match(line)
        if definition is not None:
            text = f"[{definition.group(1)}] " + line[definition.end() :]
            in_note = True
        elif in_note and _INDENT.match(line):
            text = line.lstrip(" \t")
        else:
            in_note = False
            heading = _HEADING.match(line)
            item = _ITEM.match(line) if heading is None else None
            if heading is not None:
                text = _CLOSING_HASHES.sub("", line[heading.end() :])
            elif item is not None:
                text = "  • " + line[item.end() :]
            else:
                text = line
        out.append(_MARKUP.sub(_unmark, text) + newline)
    return "".join(out)


def parse_markdown(markdown: str, *, strict: bool = False) -> Report:
    """Read a Markdown brief with ``[^n]`` footnotes; the report's text is its text view (see the docs)."""
    return parse(markdown_to_text(markdown), strict=strict)
