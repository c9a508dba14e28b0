"""Make the model objects of one document from what the stages found: notes, citations, takeaways.

``Document`` holds a document's lines while it is read: the offset of each line
(spans are made by table lookup, never by counting line breaks) and the
diagnostics found so far. The functions here turn the stages' drafts into
``Note``, ``Citation`` and ``Takeaway`` objects and diagnose what they find on
the way (empty, unused, duplicate and missing notes; unresolved, repeated and
out-of-order callouts; an empty Key Takeaways section).
"""

from itertools import accumulate

from briefmodel._model.claims import Takeaway
from briefmodel._model.diagnostics import Code, Diagnostic
from briefmodel._model.notes import Citation, Note, citations_by_block
from briefmodel._model.text import Span
from briefmodel._model.unchecked import new_citation, new_diagnostic, new_note, new_span, span_at
from briefmodel._read.callouts import Callout, strip_callouts
from briefmodel._read.notes import DraftNote, Resolution
from briefmodel._read.roman import roman_label
from briefmodel._read.sections import Sections
from briefmodel._read.shapes import BULLET

__all__ = ["Document", "make_citations", "make_notes", "make_takeaways"]


class Document:
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
        """The span of the text's offsets ``start`` to ``end``."""
        return span_at(self.text, self.starts, start, end)

    def diagnose(self, code: Code, message: str, span: Span | None) -> None:
        """Add a diagnostic of ``code`` (its severity is the code's)."""
        self.diagnostics.append(new_diagnostic(code, message, span))


def make_notes(doc: Document, drafts: list[DraftNote], resolution: Resolution) -> tuple[Note, ...]:
    """The notes, with the callouts that use each; diagnoses empty, unused, duplicate and missing notes."""
    notes = []
    for index, draft in enumerate(drafts):
        span = doc.span(draft.line, draft.column, draft.last_line, max(draft.end_column, draft.column))
        cited_by = tuple(resolution.cited_by[index])
        notes.append(new_note(draft.label, draft.number, span, span.text[len(draft.label) + 2 :].strip(), cited_by))
        if draft.empty:
            doc.diagnose(Code.NOTE_EMPTY, f"note [{draft.label}] is empty", span)
        elif not cited_by:
            doc.diagnose(Code.NOTE_UNUSED, f"no callout uses note [{draft.label}]", span)
    for index in resolution.duplicates:
        note = notes[index]
        why = f"a note labelled [{note.label}] came before; callouts use the first"
        doc.diagnose(Code.NOTE_DUPLICATE, why, note.span)
    for index, first, last in resolution.gaps:
        name = str if notes[index].label.isdigit() else roman_label  # the missing labels in the list's own kind
        missing = f"[{name(first)}]" if first == last else f"[{name(first)}]…[{name(last)}]"
        doc.diagnose(Code.NOTE_GAP, f"the notes skip {missing} before [{notes[index].label}]", notes[index].span)
    return tuple(notes)


def make_citations(
    doc: Document, callouts: list[Callout], resolution: Resolution, notes: tuple[Note, ...]
) -> tuple[Citation, ...]:
    """The citations, each with its note; diagnoses unresolved, repeated and out-of-order callouts."""
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
            doc.diagnose(Code.CALLOUT_UNRESOLVED, why, span)
        if callout.number <= highest:
            repeated = callout.number in seen
            code = Code.CALLOUT_REPEATED if repeated else Code.CALLOUT_OUT_OF_ORDER
            message = f"[{callout.label}] comes after [{highest}]" + (" and was used before" if repeated else "")
            doc.diagnose(code, message, span)
        highest = max(highest, callout.number)
        seen.add(callout.number)
    if citations and not notes:
        doc.diagnose(Code.ENDNOTES_MISSING, f"{len(citations)} callouts but no endnotes", citations[0].span)
    return tuple(citations)


def make_takeaways(
    doc: Document, sections: Sections, citations: tuple[Citation, ...], roman: bool
) -> tuple[Takeaway, ...]:
    """The Key Takeaways items with their own callouts; diagnoses a heading with no items."""
    by_line = citations_by_block(citations)
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
        doc.diagnose(Code.TAKEAWAYS_EMPTY, "a Key Takeaways heading with no items", doc.line_span(heading))
    return tuple(takeaways)
