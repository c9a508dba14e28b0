"""The front of the flow: text → lines → documents → header → sections → callouts ⇄ notes → Report.

``parse`` and ``parse_all`` never raise on a ``str`` unless ``strict=True``;
problems become diagnostics on the report. Sources and claims are read lazily
from the finished report (``Note.sources``, ``Report.claims``).
"""

import re

from briefmodel._documents import split_documents
from briefmodel._errors import ParseError, make_snippet
from briefmodel._header import read_header
from briefmodel._lines import split_lines
from briefmodel._markers import find_callouts, strip_callouts
from briefmodel._model import (
    Block,
    BlockKind,
    Citation,
    Diagnostic,
    Note,
    Report,
    Severity,
    Span,
    Takeaway,
)
from briefmodel._notes import read_notes, resolve
from briefmodel._sections import read_sections
from briefmodel._shapes import BULLET

__all__ = ["parse", "parse_all"]

BOM = "\ufeff"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_CHECKS = (
    (_CONTROL, "TEXT_CONTROL_CHARACTER", "control character {char!r} in the text ({count} in all)"),
    (_BIDI, "TEXT_BIDI_CONTROL", "bidirectional control {char!r} in the text ({count} in all)"),
    (re.compile("\ufffd"), "TEXT_REPLACEMENT_CHARACTER", "U+FFFD (text damaged by decoding) in the text ({count} in all)"),
)
_BLOCKING = (Severity.ERROR, Severity.WARNING)


def parse(text: str, *, strict: bool = False) -> Report:
    """Read ``text`` as one report.

    With ``strict=True`` the first warning or error raises :class:`ParseError`.
    """
    bom = text.startswith(BOM)
    lines, breaks = split_lines(text[1:] if bom else text)
    report = _read_document(lines, breaks, bom)
    if strict:
        _raise_first(report)
    return report


def parse_all(text: str, *, strict: bool = False) -> tuple[Report, ...]:
    """Read a text holding one or more documents; rendering them in order gives ``text`` back."""
    bom = text.startswith(BOM)
    lines, breaks = split_lines(text[1:] if bom else text)
    ranges = split_documents(lines) if lines else [(0, 0)]
    reports = tuple(
        _read_document(lines[a:b], breaks[a:b], bom and k == 0) for k, (a, b) in enumerate(ranges)
    )
    if strict:
        for report in reports:
            _raise_first(report)
    return reports


def _raise_first(report: Report) -> None:
    for diagnostic in report.diagnostics:
        if diagnostic.severity in _BLOCKING:
            span = diagnostic.span
            line, column = (span.line, span.column) if span else (1, 1)
            text = report.text
            start = span.start - span.column + 1 if span else 0
            end = text.find("\n", start)
            line_text = text[start : end if end >= 0 else len(text)].rstrip("\r").split("\r", 1)[0]
            snippet, caret = make_snippet(line_text, column)
            raise ParseError(diagnostic.code, diagnostic.message, line=line, column=column, snippet=snippet) from None


class _Spans:
    """Makes spans for one document from line indexes and columns."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts

    def at(self, line: int, column: int, end_line: int, end_column: int) -> Span:
        start = self.starts[line] + column
        end = self.starts[end_line] + end_column
        return Span(start=start, end=end, text=self.text[start:end], line=line + 1, column=column + 1)

    def of_offset(self, start: int, end: int, line: int) -> Span:
        return Span(start=start, end=end, text=self.text[start:end], line=line + 1, column=start - self.starts[line] + 1)


def _read_document(lines: list[str], breaks: list[str], bom: bool) -> Report:
    starts = []
    offset = 0
    for line, newline in zip(lines, breaks):
        starts.append(offset)
        offset += len(line) + len(newline)
    text = "".join([piece for pair in zip(lines, breaks) for piece in pair])
    spans = _Spans(text, starts)
    kinds = [BlockKind.OTHER if line.strip() else BlockKind.BLANK for line in lines]
    diagnostics: list[Diagnostic] = []

    def diagnose(code: str, severity: Severity, message: str, span: Span | None) -> None:
        diagnostics.append(Diagnostic(code=code, severity=severity, message=message, span=span))

    header = read_header(lines, kinds)
    sections = read_sections(lines, kinds, header.body_start)
    drafts = read_notes(lines, sections.note_groups)
    roman = bool(drafts) and sum(not d.label.isdigit() for d in drafts) * 2 > len(drafts)
    callouts, brackets = find_callouts(lines, kinds, sections.notes_start, roman)
    resolution = resolve(callouts, drafts)

    notes = []
    for index, draft in enumerate(drafts):
        span = spans.at(draft.line, draft.column, draft.last_line, max(draft.end_column, draft.column))
        notes.append(
            Note(
                label=draft.label,
                number=draft.number,
                span=span,
                text=span.text[len(draft.label) + 2 :].strip(),
                cited_by=tuple(resolution.cited_by[index]),
            )
        )
        if draft.empty:
            diagnose("NOTE_EMPTY", Severity.WARNING, f"note [{draft.label}] is empty", span)
        elif not resolution.cited_by[index]:
            diagnose("NOTE_UNUSED", Severity.WARNING, f"no callout uses note [{draft.label}]", span)
    for index in resolution.duplicates:
        diagnose("NOTE_DUPLICATE", Severity.WARNING, f"a note labelled [{notes[index].label}] came before; callouts use the first", notes[index].span)
    for index, first, last in resolution.gaps:
        missing = f"[{first}]" if first == last else f"[{first}]…[{last}]"
        diagnose("NOTE_GAP", Severity.WARNING, f"the notes skip {missing} before [{notes[index].label}]", notes[index].span)

    citations = []
    by_line: dict[int, list[Citation]] = {}
    highest = 0
    seen: set[int] = set()
    for index, callout in enumerate(callouts):
        span = spans.at(callout.line, callout.column, callout.line, callout.end)
        found = resolution.note_of[index]
        citation = Citation(
            label=callout.label,
            number=callout.number,
            span=span,
            block=callout.line,
            note=None if found is None else notes[found],
        )
        citations.append(citation)
        by_line.setdefault(callout.line, []).append(citation)
        if found is None and drafts:
            diagnose("CALLOUT_UNRESOLVED", Severity.WARNING, f"no note is labelled [{callout.label}]", span)
        elif found is None:
            diagnose("CALLOUT_UNRESOLVED", Severity.WARNING, f"[{callout.label}] has no note: the report has no endnotes", span)
        if callout.number <= highest:
            repeated = callout.number in seen
            diagnose(
                "CALLOUT_REPEATED" if repeated else "CALLOUT_OUT_OF_ORDER",
                Severity.INFO,
                f"[{callout.label}] comes after [{highest}]" + (" and was used before" if repeated else ""),
                span,
            )
        highest = max(highest, callout.number)
        seen.add(callout.number)
    if callouts and not drafts:
        diagnose("ENDNOTES_MISSING", Severity.WARNING, f"{len(callouts)} callouts but no endnotes", citations[0].span)
    for bracket in brackets:
        kind = "a unit abbreviation" if bracket.text[1:-1].isupper() and len(bracket.text) <= 8 else "an editorial insertion"
        span = spans.at(bracket.line, bracket.column, bracket.line, bracket.column + len(bracket.text))
        diagnose("BRACKET_NOT_CALLOUT", Severity.INFO, f"{bracket.text} is not a callout (read as {kind})", span)
    for line in sections.stray_lines:
        stripped = lines[line].strip()
        column = lines[line].index(stripped[0])
        diagnose("ENDNOTES_STRAY_TEXT", Severity.INFO, "text among the endnotes that is not a note", spans.at(line, column, line, column + len(stripped)))

    takeaways = []
    for line in sections.takeaway_lines:
        raw = lines[line]
        bullet = BULLET.match(raw)
        column = bullet.end() if bullet else len(raw) - len(raw.lstrip())
        span = spans.at(line, column, line, max(column, len(raw.rstrip())))
        takeaways.append(
            Takeaway(text=strip_callouts(span.text, roman).strip(), span=span, citations=tuple(by_line.get(line, ())))
        )
    if sections.takeaways_heading is not None and not takeaways:
        heading = sections.takeaways_heading
        diagnose("TAKEAWAYS_EMPTY", Severity.WARNING, "a Key Takeaways heading with no items", spans.at(heading, 0, heading, len(lines[heading])))

    first = next((i for i, kind in enumerate(kinds) if kind is not BlockKind.BLANK), None)
    if first is None:
        diagnose("REPORT_EMPTY", Severity.WARNING, "the document holds no text", None)
    else:
        top = spans.at(first, 0, first, len(lines[first]))
        if header.title is None:
            diagnose("REPORT_NO_TITLE", Severity.WARNING, "no title line found", top)
        if header.published is None:
            why = "the title gives no year and no line gives one" if header.year_missing else "no publication date found"
            diagnose("REPORT_NO_DATE", Severity.WARNING, why, top)
    for pattern, code, message in _CHECKS:
        found_char = pattern.search(text)
        if found_char is not None:
            count = len(pattern.findall(text))
            position = found_char.start()
            line_index = _line_of(starts, position)
            diagnose(code, Severity.WARNING, message.format(char=found_char.group(), count=count), spans.of_offset(position, position + 1, line_index))

    diagnostics.sort(key=_diagnostic_order)
    blocks = tuple(
        Block(kind=kinds[i], text=lines[i], newline=breaks[i], start=starts[i], line=i + 1) for i in range(len(lines))
    )
    return Report(
        title=header.title,
        publisher=header.publisher,
        authors=header.authors,
        published=header.published,
        cutoff=header.cutoff,
        series=header.series,
        url=header.url,
        bom=bom,
        blocks=blocks,
        takeaways=tuple(takeaways),
        citations=tuple(citations),
        notes=tuple(notes),
        diagnostics=tuple(diagnostics),
    )


def _line_of(starts: list[int], position: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, position) - 1


_FIRST_AT_A_PLACE = {"ENDNOTES_MISSING": 0}


def _diagnostic_order(diagnostic: Diagnostic) -> tuple[int, int, str]:
    """By place; at one place the diagnostic that explains the others comes first."""
    start = diagnostic.span.start if diagnostic.span else -1
    return (start, _FIRST_AT_A_PLACE.get(diagnostic.code, 1), diagnostic.code)
