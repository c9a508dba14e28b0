"""Split a document's body into its parts.

Finds the endnotes (after an ``Endnotes`` heading, after a ``Note:`` line that
the notes follow, or else the tail where note lines are the majority), groups
the note lines with their continuation lines, finds the Key Takeaways items,
and gives every body line its block kind (heading, paragraph, bullet,
boilerplate, endnote, other).
"""

from array import array

import attrs

from briefmodel._model.text import BlockKind
from briefmodel._read.shapes import (
    BULLET,
    CONTINUATION,
    ENDNOTES_HEADINGS,
    NAVIGATION,
    NOTE_LINE,
    SENTENCE_END,
    TAKEAWAYS_HEADINGS,
    TOPLINES_HEADINGS,
    is_boilerplate,
    is_prose,
)

__all__ = ["Sections", "read_sections"]

_KNOWN_HEADINGS = TAKEAWAYS_HEADINGS | TOPLINES_HEADINGS | ENDNOTES_HEADINGS
_FOLD = 100
_LONGEST_HEADING = max(map(len, ENDNOTES_HEADINGS))
_OPEN_ENDINGS = frozenset("the a an of to in on at by for from with and or that told".split())
"""Last words that leave a line open: no heading ends with them."""


@attrs.define
class Sections:
    """Where the parts of a body are, as line indexes."""

    notes_start: int
    """First line of the endnotes region (the document's length when there is none)."""
    note_firsts: "array[int]"
    """Each note's label line."""
    note_lasts: "array[int]"
    """Each note's last line (its label line, or its last continuation line)."""
    takeaways_heading: int | None
    takeaway_lines: list[int]
    stray_lines: list[int]
    """Lines in the endnotes region that are neither notes nor continuations."""


def _find_notes_start(lines: list[str], stripped_lines: list[str], body_start: int) -> tuple[int, int | None]:
    """The first line of the endnotes region and the index of its heading, if any.

    One pass from the end: the last endnotes heading wins; else a ``Note:`` line
    right above note lines; else the tail from the first note line on which note
    lines (with their continuation lines) are at least half the text lines.
    """
    heading = None
    note_after: int | None = None
    notes = others = 0
    start = len(lines)
    for i in range(len(lines) - 1, body_start - 1, -1):
        stripped = stripped_lines[i]
        if not stripped:
            continue
        line = lines[i]
        if len(stripped) <= _LONGEST_HEADING and stripped.casefold() in ENDNOTES_HEADINGS:
            return i + 1, i  # casefold never shortens a text: a longer line is no heading
        if stripped[0] == "[" and NOTE_LINE.match(line):  # a note line starts with "[" once stripped
            note_after = i
            notes += 1
            if notes >= others:
                start = i
            continue
        if note_after is not None and heading is None and stripped[:8].casefold().startswith("note:"):
            heading = i
        note_after = None
        if CONTINUATION.match(line):
            notes += 1
        else:
            others += 1
    if heading is not None:
        return heading + 1, None
    return start, None


def _heading_like(stripped: str) -> bool:
    """Short, and not ending like a sentence (a trailing colon is a heading's), nor with a word that needs
    the next line (``… told the``: a sentence a scrape broke across lines)."""
    if len(stripped) > 150 or (stripped[-1] in SENTENCE_END and stripped[-1] != ":"):
        return False
    return stripped.rpartition(" ")[2] not in _OPEN_ENDINGS


def _goes_on(stripped_lines: list[str], after: int, stop: int) -> bool:
    """Does the line after ``after`` go on with a lowercase word (``The Telegraph`` / ``reported on March 4 …``)?"""
    following = after + 1
    return following < stop and stripped_lines[following][:1].islower()


def read_sections(lines: list[str], stripped_lines: list[str], kinds: list[BlockKind], body_start: int) -> Sections:
    """Read the body's parts; set the kinds of the body's lines in place (``stripped_lines`` are the lines
    without surrounding white space)."""
    end = len(lines)
    notes_start, heading = _find_notes_start(lines, stripped_lines, body_start)
    takeaways_heading = None
    after_sentence = True
    for i in range(body_start, notes_start):
        line = lines[i]
        stripped = stripped_lines[i]
        if not stripped:
            kinds[i] = BlockKind.BLANK
            after_sentence = True
            continue
        folded = stripped[:_FOLD].casefold()  # enough for the headings and boilerplate prefixes
        if folded in _KNOWN_HEADINGS:
            kind = BlockKind.HEADING
            if folded in TAKEAWAYS_HEADINGS and takeaways_heading is None:
                takeaways_heading = i
        elif is_boilerplate(folded):
            kind = BlockKind.BOILERPLATE
        elif BULLET.match(line):
            kind = BlockKind.BULLET
        elif (
            after_sentence
            and _heading_like(stripped)
            and not is_prose(stripped)
            and folded not in NAVIGATION
            and not _goes_on(stripped_lines, i, notes_start)
        ):
            kind = BlockKind.HEADING
        elif folded in NAVIGATION:
            kind = BlockKind.OTHER
        else:
            kind = BlockKind.PARAGRAPH
        kinds[i] = kind
        after_sentence = kind is not BlockKind.PARAGRAPH or stripped[-1] in SENTENCE_END
    if heading is not None:
        kinds[heading] = BlockKind.HEADING

    firsts = array("q")  # 8 bytes a note, not a list of line numbers each
    lasts = array("q")
    stray: list[int] = []
    in_note = False
    current_empty = False
    for i in range(notes_start, end):
        line = lines[i]
        stripped = stripped_lines[i]
        if not stripped:
            kinds[i] = BlockKind.BLANK
            continue
        match = NOTE_LINE.match(line) if stripped[0] == "[" else None
        if match is not None:
            in_note = True
            current_empty = not line[match.end() :].strip()
            firsts.append(i)
            lasts.append(i)
            kinds[i] = BlockKind.ENDNOTE
        elif in_note and ((current_empty and stripped.casefold() not in NAVIGATION) or CONTINUATION.match(line)):
            lasts[-1] = i
            current_empty = False
            kinds[i] = BlockKind.ENDNOTE
        else:
            in_note = False
            stray.append(i)
            kinds[i] = BlockKind.BOILERPLATE if stripped.casefold() in NAVIGATION else BlockKind.OTHER

    takeaway_lines = _takeaway_lines(lines, kinds, takeaways_heading, notes_start)
    return Sections(notes_start, firsts, lasts, takeaways_heading, takeaway_lines, stray)


def _takeaway_lines(lines: list[str], kinds: list[BlockKind], heading: int | None, stop: int) -> list[int]:
    """The items under a Key Takeaways heading: its bullets, or else its sentence lines."""
    if heading is None:
        return []
    items: list[int] = []
    bullets: bool | None = None
    for i in range(heading + 1, stop):
        kind = kinds[i]
        if kind is BlockKind.BLANK:
            continue
        if kind is BlockKind.BULLET:
            if bullets is False:
                break
            bullets = True
            items.append(i)
            continue
        if bullets:
            break
        stripped = lines[i].strip()
        if kind is BlockKind.HEADING:
            if stripped.endswith(":") and stripped.casefold() not in TAKEAWAYS_HEADINGS:
                continue
            break
        if kind is not BlockKind.PARAGRAPH:
            break
        bullets = False
        items.append(i)
    return items
