"""The front of the flow: text → lines → documents → header → sections → callouts ⇄ notes → Report.

``parse`` and ``parse_all`` never raise on a ``str`` unless ``strict=True``;
problems become diagnostics on the report. Sources and claims are read lazily
from the finished report (``Note.sources``, ``Report.claims``).
"""

import re
from bisect import bisect_right
from itertools import accumulate

from briefmodel._claim_types import Takeaway
from briefmodel._documents import split_documents
from briefmodel._errors import ParseError, make_snippet
from briefmodel._gc import collector_paused
from briefmodel._header import Header, read_header
from briefmodel._lines import split_lines
from briefmodel._markers import Bracket, Callout, find_callouts, strip_callouts, uses_roman_labels
from briefmodel._model import (
    BlockKind,
    Citation,
    Diagnostic,
    Note,
    Severity,
    Span,
    diagnostic_order,
    new_blocks,
    new_citation,
    new_diagnostic,
    new_note,
    new_span,
)
from briefmodel._notes import DraftNote, Resolution, read_notes, resolve
from briefmodel._report import Report
from briefmodel._sections import Sections, read_sections
from briefmodel._shapes import BULLET, roman_label

__all__ = ["parse", "parse_all"]

BOM = "\ufeff"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_CHECKS = (
    (_CONTROL, "TEXT_CONTROL_CHARACTER", "control character {char!r} in the text ({count} in all)"),
    (_BIDI, "TEXT_BIDI_CONTROL", "bidirectional control {char!r} in the text ({count} in all)"),
    (
        re.compile("\ufffd"),
        "TEXT_REPLACEMENT_CHARACTER",
        "U+FFFD (text damaged by decoding) in the text ({count} in all)",
    ),
)
_SUSPICIOUS = re.compile("[" + "".join(pattern.pattern.strip("[]") for pattern, _, _ in _CHECKS) + "]")
_BLOCKING = (Severity.ERROR, Severity.WARNING)


@collector_paused
def parse(text: str, *, strict: bool = False) -> Report:
    """Read ``text`` as one report.

    With ``strict=True`` the first warning or error raises ``ParseError``.
    """
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    lines, breaks = split_lines(body)
    report = _read_document(body, lines, breaks, bom)
    if strict:
        _raise_first(report)
    return report


@collector_paused
def parse_all(text: str, *, strict: bool = False) -> tuple[Report, ...]:
    """Read a text holding one or more documents; rendering them in order gives ``text`` back."""
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    lines, breaks = split_lines(body)
    ranges = split_documents(lines) if lines else [(0, 0)]
    if len(ranges) == 1:
        reports: tuple[Report, ...] = (_read_document(body, lines, breaks, bom),)
    else:
        offsets = [0, *accumulate(len(line) + len(newline) for line, newline in zip(lines, breaks, strict=True))]
        reports = tuple(
            _read_document(body[offsets[a] : offsets[b]], lines[a:b], breaks[a:b], bom and k == 0)
            for k, (a, b) in enumerate(ranges)
        )
    if strict:
        for report, (first, _) in zip(reports, ranges, strict=True):
            _raise_first(report, first)
    return reports


def _raise_first(report: Report, lines_before: int = 0) -> None:
    """Raise the report's first blocking diagnostic; ``lines_before`` makes its line count in the whole text."""
    for diagnostic in report._diagnostics:  # the parser's own: reading claims adds only info
        if diagnostic.severity in _BLOCKING:
            span = diagnostic.span
            line, column = (span.line, span.column) if span else (1, 1)
            line_text = report.blocks[line - 1].text if report.blocks else ""
            snippet, caret = make_snippet(line_text, column)
            raise ParseError(
                diagnostic.code,
                diagnostic.message,
                line=line + lines_before,
                column=column,
                snippet=snippet,
                caret=caret,
            ) from None


class _Document:
    """One document's lines while it is read: offsets, spans and the diagnostics found so far."""

    __slots__ = ("breaks", "diagnostics", "lines", "starts", "text")

    def __init__(self, text: str, lines: list[str], breaks: list[str]) -> None:
        self.text = text
        self.lines = lines
        self.breaks = breaks
        lengths = [len(line) + len(newline) for line, newline in zip(lines, breaks, strict=True)]
        self.starts = [0, *accumulate(lengths)]
        """The offset of each line, and the text's length last."""
        self.diagnostics: list[Diagnostic] = []

    def span(self, line: int, column: int, end_line: int, end_column: int) -> Span:
        """The span from (line, column) to (end_line, end_column), 0-based."""
        start = self.starts[line] + column
        end = self.starts[end_line] + end_column
        return new_span(start, end, self.text[start:end], line + 1, column + 1)

    def line_span(self, line: int) -> Span:
        """The span of a line's content, without surrounding white space."""
        raw = self.lines[line]
        column = len(raw) - len(raw.lstrip())
        return self.span(line, column, line, max(column, len(raw.rstrip())))

    def offset_span(self, start: int, end: int) -> Span:
        line = bisect_right(self.starts, start) - 1
        return new_span(start, end, self.text[start:end], line + 1, start - self.starts[line] + 1)

    def diagnose(self, code: str, severity: Severity, message: str, span: Span | None) -> None:
        self.diagnostics.append(new_diagnostic(code, severity, message, span))


def _read_document(text: str, lines: list[str], breaks: list[str], bom: bool) -> Report:
    """Read one document: ``text`` is exactly its ``lines`` with their ``breaks``."""
    doc = _Document(text, lines, breaks)
    stripped = [line.strip() for line in lines]  # once: every stage looks at lines without their white space
    blank, other = BlockKind.BLANK, BlockKind.OTHER
    kinds = [other if line else blank for line in stripped]
    header = read_header(lines, kinds)
    sections = read_sections(lines, stripped, kinds, header.body_start)
    del stripped  # a copy of every line with white space around it: not kept while the objects are made
    drafts = read_notes(lines, sections.note_groups)
    roman = uses_roman_labels([draft.label for draft in drafts])
    callouts, brackets = find_callouts(text, doc.starts, kinds, sections.notes_start, roman)
    resolution = resolve(callouts, drafts)

    notes = _make_notes(doc, drafts, resolution)
    citations = _make_citations(doc, callouts, resolution, notes)
    _diagnose_brackets(doc, brackets)
    for line in sections.stray_lines:
        doc.diagnose(
            "ENDNOTES_STRAY_TEXT", Severity.INFO, "text among the endnotes that is not a note", doc.line_span(line)
        )
    takeaways = _make_takeaways(doc, sections, citations, roman)
    _check_header(doc, kinds, header)
    _check_text(doc)
    doc.diagnostics.sort(key=diagnostic_order)
    return Report(
        title=header.title,
        publisher=header.publisher,
        authors=header.authors,
        published=header.published,
        cutoff=header.cutoff,
        series=header.series,
        url=header.url,
        bom=bom,
        blocks=new_blocks(kinds, lines, breaks),
        takeaways=takeaways,
        citations=citations,
        notes=notes,
        diagnostics=tuple(doc.diagnostics),
    )


def _diagnose_brackets(doc: _Document, brackets: list[Bracket]) -> None:
    """``BRACKET_NOT_CALLOUT`` for each bracket that is not a callout (a scraped report has dozens)."""
    for bracket_text, line, column in brackets:
        inner = bracket_text[1:-1]
        guess = "a unit abbreviation" if inner.isupper() and len(inner) <= 6 else "an editorial insertion"
        span = doc.span(line, column, line, column + len(bracket_text))
        doc.diagnose("BRACKET_NOT_CALLOUT", Severity.INFO, f"{bracket_text} is not a callout (read as {guess})", span)


def _make_notes(doc: _Document, drafts: list[DraftNote], resolution: Resolution) -> tuple[Note, ...]:
    notes = []
    for index, draft in enumerate(drafts):
        span = doc.span(draft.line, draft.column, draft.last_line, max(draft.end_column, draft.column))
        cited_by = tuple(resolution.cited_by[index])
        notes.append(new_note(draft.label, draft.number, span, span.text[len(draft.label) + 2 :].strip(), cited_by))
        if draft.empty:
            doc.diagnose("NOTE_EMPTY", Severity.WARNING, f"note [{draft.label}] is empty", span)
        elif not cited_by:
            doc.diagnose("NOTE_UNUSED", Severity.WARNING, f"no callout uses note [{draft.label}]", span)
    for index in resolution.duplicates:
        note = notes[index]
        doc.diagnose(
            "NOTE_DUPLICATE",
            Severity.WARNING,
            f"a note labelled [{note.label}] came before; callouts use the first",
            note.span,
        )
    for index, first, last in resolution.gaps:
        name = str if notes[index].label.isdigit() else roman_label  # the missing labels in the list's own kind
        missing = f"[{name(first)}]" if first == last else f"[{name(first)}]…[{name(last)}]"
        doc.diagnose(
            "NOTE_GAP", Severity.WARNING, f"the notes skip {missing} before [{notes[index].label}]", notes[index].span
        )
    return tuple(notes)


def _make_citations(
    doc: _Document, callouts: list[Callout], resolution: Resolution, notes: tuple[Note, ...]
) -> tuple[Citation, ...]:
    citations = []
    highest = 0
    seen: set[int] = set()
    text, starts = doc.text, doc.starts
    for index, callout in enumerate(callouts):
        start = starts[callout.line] + callout.column  # doc.span, inlined: a report has hundreds of callouts
        end = start + callout.end - callout.column
        span = new_span(start, end, text[start:end], callout.line + 1, callout.column + 1)
        found = resolution.note_of[index]
        note = None if found is None else notes[found]
        citations.append(new_citation(callout.label, callout.number, span, callout.line, note))
        if note is None:
            why = (
                f"no note is labelled [{callout.label}]"
                if notes
                else f"[{callout.label}] has no note: the report has no endnotes"
            )
            doc.diagnose("CALLOUT_UNRESOLVED", Severity.WARNING, why, span)
        if callout.number <= highest:
            repeated = callout.number in seen
            code = "CALLOUT_REPEATED" if repeated else "CALLOUT_OUT_OF_ORDER"
            message = f"[{callout.label}] comes after [{highest}]" + (" and was used before" if repeated else "")
            doc.diagnose(code, Severity.INFO, message, span)
        highest = max(highest, callout.number)
        seen.add(callout.number)
    if citations and not notes:
        doc.diagnose(
            "ENDNOTES_MISSING", Severity.WARNING, f"{len(citations)} callouts but no endnotes", citations[0].span
        )
    return tuple(citations)


def _make_takeaways(
    doc: _Document, sections: Sections, citations: tuple[Citation, ...], roman: bool
) -> tuple[Takeaway, ...]:
    by_line: dict[int, list[Citation]] = {}
    for citation in citations:
        by_line.setdefault(citation.block, []).append(citation)
    takeaways = []
    for line in sections.takeaway_lines:
        raw = doc.lines[line]
        bullet = BULLET.match(raw)
        column = bullet.end() if bullet else len(raw) - len(raw.lstrip())
        span = doc.span(line, column, line, max(column, len(raw.rstrip())))
        text = strip_callouts(span.text, roman).strip()
        takeaways.append(Takeaway(text=text, span=span, citations=tuple(by_line.get(line, ()))))
    heading = sections.takeaways_heading
    if heading is not None and not takeaways:
        doc.diagnose(
            "TAKEAWAYS_EMPTY", Severity.WARNING, "a Key Takeaways heading with no items", doc.line_span(heading)
        )
    return tuple(takeaways)


def _check_header(doc: _Document, kinds: list[BlockKind], header: Header) -> None:
    first = next((i for i, kind in enumerate(kinds) if kind is not BlockKind.BLANK), None)
    if first is None:
        doc.diagnose("REPORT_EMPTY", Severity.WARNING, "the document holds no text", None)
        return
    top = doc.line_span(first)
    if header.title is None:
        doc.diagnose("REPORT_NO_TITLE", Severity.WARNING, "no title line found", top)
    if header.published is None:
        why = "the title gives no year and no line gives one" if header.year_missing else "no publication date found"
        doc.diagnose("REPORT_NO_DATE", Severity.WARNING, why, top)


def _check_text(doc: _Document) -> None:
    """One diagnostic per kind of suspicious character, at its first occurrence."""
    if _SUSPICIOUS.search(doc.text) is None:  # one scan for the usual clean text
        return
    for pattern, code, message in _CHECKS:
        found = pattern.search(doc.text)
        if found is not None:
            count = len(pattern.findall(doc.text))
            span = doc.offset_span(found.start(), found.end())
            doc.diagnose(code, Severity.WARNING, message.format(char=found.group(), count=count), span)
