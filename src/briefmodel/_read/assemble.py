"""Make the model objects of one document from what the stages found: notes, citations, takeaways.

``Document`` holds a document's lines while it is read: the offset of each line
(spans are made by table lookup, never by counting line breaks) and the
diagnostics found so far. The functions here turn the stages' drafts into
``Note``, ``Citation`` and ``Takeaway`` objects and diagnose what they find on
the way (empty, unused, duplicate and missing notes; unresolved, repeated and
out-of-order callouts; an empty Key Takeaways section).
"""

from array import array
from itertools import accumulate
from operator import add

from briefmodel._model.claims import Takeaway
from briefmodel._model.diagnostics import Code, Diagnostic, diagnostic_order
from briefmodel._model.notes import Citation, Note, citations_by_block
from briefmodel._model.text import Span
from briefmodel._model.unchecked import new_citation, new_note, new_span, span_at
from briefmodel._read.callouts import Callouts, strip_callouts
from briefmodel._read.caps import Diagnostics
from briefmodel._read.notes import DraftNote, Resolution
from briefmodel._read.roman import roman_label, roman_value
from briefmodel._read.sections import Sections
from briefmodel._read.shapes import BULLET

__all__ = ["Document", "make_citations", "make_notes", "make_takeaways"]


_SHARED_TEXTS = 4_096
"""Distinct callout labels whose number and printed text are remembered for sharing (the table starts again
when full)."""


class Document:
    """One document's lines while it is read: offsets, spans and the diagnostics found so far."""

    __slots__ = ("breaks", "diagnostics", "lines", "starts", "text")

    def __init__(self, text: str, lines: list[str], breaks: list[str]) -> None:
        self.text = text
        self.lines = lines
        self.breaks = breaks
        self.starts = array("q", accumulate(map(add, map(len, lines), map(len, breaks)), initial=0))
        """The offset of each line, and the text's length last (8 bytes a line, not an int object each)."""
        self.diagnostics = Diagnostics()
        """What was found so far: at most ``caps.CAP`` of each code kept."""

    def span(self, line: int, column: int, end_line: int, end_column: int) -> Span:
        """The span from (line, column) to (end_line, end_column), 0-based."""
        start = self.starts[line] + column
        end = self.starts[end_line] + end_column
        whole = self.lines[line] if line == end_line and column == 0 else None
        text = whole if whole is not None and len(whole) == end_column else self.text[start:end]  # no copy
        return new_span(start, end, text, line + 1, column + 1)

    def line_span(self, line: int) -> Span:
        """The span of a line's content, without surrounding white space."""
        raw = self.lines[line]
        column = len(raw) - len(raw.lstrip())
        return self.span(line, column, line, max(column, len(raw.rstrip())))

    def offset_span(self, start: int, end: int) -> Span:
        """The span of the text's offsets ``start`` to ``end``."""
        return span_at(self.text, self.starts, start, end)

    def diagnose(self, code: Code, message: str, span: Span | None) -> None:
        """Add a diagnostic of ``code`` (its severity is the code's), or count it past the cap."""
        self.diagnostics.add(code, message, span)

    def finish(self) -> tuple[Diagnostic, ...]:
        """The diagnostics found, by place, with a ``DIAGNOSTICS_CAPPED`` for each code past the cap."""
        found = self.diagnostics.finish()
        found.sort(key=diagnostic_order)
        return tuple(found)


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
    doc: Document, callouts: Callouts, resolution: Resolution, notes: tuple[Note, ...]
) -> tuple[Citation, ...]:
    """The citations, each with its note; diagnoses unresolved, repeated and out-of-order callouts.

    A hostile text holds a callout every three characters, so each citation
    takes no more than its own objects: equal labels share their number and
    printed text (with their note's label and number, when resolved), the
    callouts of one line share their line numbers, a callout right after
    another starts at the other's end object, and the diagnostics past the cap
    are only counted.
    """
    citations = []
    highest = 0
    seen: set[int] = set()
    starts, diagnostics = doc.starts, doc.diagnostics
    unresolved = diagnostics.tally(Code.CALLOUT_UNRESOLVED)
    repeated = diagnostics.tally(Code.CALLOUT_REPEATED)
    out_of_order = diagnostics.tally(Code.CALLOUT_OUT_OF_ORDER)
    keep = diagnostics.keep
    shared: dict[str, tuple[int, str]] = {}
    block = line_number = base = -1
    end = -1
    for label, line, start, found in zip(
        callouts.labels, callouts.lines, callouts.offsets, resolution.note_of, strict=True
    ):
        known = shared.get(label)
        if known is None:
            if len(shared) >= _SHARED_TEXTS:
                shared.clear()
            value = int(label) if label.isdigit() else roman_value(label)
            assert value is not None  # find_callouts took only digits and roman numerals
            known = shared[label] = (value, f"[{label}]")
        number, printed = known
        if line != block:
            block, line_number, base = line, line + 1, starts[line] - 1
        if start == end:
            start = end  # the same int object: the callout before ends where this one starts
        end = start + len(printed)
        span = new_span(start, end, printed, line_number, start - base)
        note = None if found is None else notes[found]
        if note is not None and note.label == label:
            citations.append(new_citation(note.label, note.number, span, block, note))  # one label object
        else:
            citations.append(new_citation(label, number, span, block, note))
        if note is None and unresolved.takes(span):
            why = f"no note is labelled [{label}]" if notes else f"[{label}] has no note: the report has no endnotes"
            keep(Code.CALLOUT_UNRESOLVED, why, span)
        if number <= highest:
            if number in seen:
                if repeated.takes(span):
                    why = f"[{label}] comes after [{highest}] and was used before"
                    keep(Code.CALLOUT_REPEATED, why, span)
            elif out_of_order.takes(span):
                keep(Code.CALLOUT_OUT_OF_ORDER, f"[{label}] comes after [{highest}]", span)
        else:
            highest = number
        seen.add(number)
    if citations and not notes:
        doc.diagnose(Code.ENDNOTES_MISSING, f"{len(citations)} callouts but no endnotes", citations[0].span)
    return tuple(citations)


def make_takeaways(
    doc: Document, sections: Sections, citations: tuple[Citation, ...], roman: bool
) -> tuple[Takeaway, ...]:
    """The Key Takeaways items with their own callouts; diagnoses a heading with no items."""
    items = set(sections.takeaway_lines)
    by_line = citations_by_block(tuple(c for c in citations if c.block in items)) if items else {}
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
