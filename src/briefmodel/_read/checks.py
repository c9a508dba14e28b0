"""The diagnostics of a whole document: brackets that are not callouts, stray endnote lines, a missing title or
date, and suspicious characters in the text."""

import re

from briefmodel._model.diagnostics import Code
from briefmodel._model.text import BlockKind
from briefmodel._read.assemble import Document
from briefmodel._read.callouts import Brackets
from briefmodel._read.header import Header

__all__ = ["check_header", "check_text", "diagnose_brackets", "diagnose_stray_lines"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_CHECKS = (
    (_CONTROL, Code.TEXT_CONTROL_CHARACTER, "control character {char!r} in the text ({count} in all)"),
    (_BIDI, Code.TEXT_BIDI_CONTROL, "bidirectional control {char!r} in the text ({count} in all)"),
    (
        re.compile("\ufffd"),
        Code.TEXT_REPLACEMENT_CHARACTER,
        "U+FFFD (text damaged by decoding) in the text ({count} in all)",
    ),
)
_SUSPICIOUS = re.compile("[" + "".join(pattern.pattern.strip("[]") for pattern, _, _ in _CHECKS) + "]")


def diagnose_brackets(doc: Document, brackets: Brackets) -> None:
    """``BRACKET_NOT_CALLOUT`` for each bracket that is not a callout (a scraped report has dozens), up to the
    cap; the brackets ``find_callouts`` only counted are counted as left out."""
    tally = doc.diagnostics.tally(Code.BRACKET_NOT_CALLOUT)
    span = None
    for bracket_text, line, column in brackets.kept:
        span = doc.span(line, column, line, column + len(bracket_text))
        if tally.takes(span):
            inner = bracket_text[1:-1]
            guess = "a unit abbreviation" if inner.isupper() and len(inner) <= 6 else "an editorial insertion"
            doc.diagnostics.keep(Code.BRACKET_NOT_CALLOUT, f"{bracket_text} is not a callout (read as {guess})", span)
    tally.leave_out(brackets.total - len(brackets.kept), span)  # past the one left out above: counted only


def diagnose_stray_lines(doc: Document, stray_lines: list[int]) -> None:
    """``ENDNOTES_STRAY_TEXT`` for each line among the endnotes that is neither a note nor a continuation."""
    for line in stray_lines:
        doc.diagnose(Code.ENDNOTES_STRAY_TEXT, "text among the endnotes that is not a note", doc.line_span(line))


def check_header(doc: Document, kinds: list[BlockKind], header: Header) -> None:
    """``REPORT_EMPTY``, ``REPORT_NO_TITLE`` and ``REPORT_NO_DATE``, at the first line with text."""
    first = next((i for i, kind in enumerate(kinds) if kind is not BlockKind.BLANK), None)
    if first is None:
        doc.diagnose(Code.REPORT_EMPTY, "the document holds no text", None)
        return
    top = doc.line_span(first)
    if header.title is None:
        doc.diagnose(Code.REPORT_NO_TITLE, "no title line found", top)
    if header.published is None:
        why = "the title gives no year and no line gives one" if header.year_missing else "no publication date found"
        doc.diagnose(Code.REPORT_NO_DATE, why, top)


def check_text(doc: Document) -> None:
    """One diagnostic per kind of suspicious character, at its first occurrence."""
    if _SUSPICIOUS.search(doc.text) is None:  # one scan for the usual clean text
        return
    for pattern, code, message in _CHECKS:
        found = pattern.search(doc.text)
        if found is not None:
            count = len(pattern.findall(doc.text))
            span = doc.offset_span(found.start(), found.end())
            doc.diagnose(code, message.format(char=found.group(), count=count), span)
