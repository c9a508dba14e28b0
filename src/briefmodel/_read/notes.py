"""Read the endnotes and resolve the callouts to them.

Notes are looked up by label in one dict. A callout whose label has no note is
kept unresolved (``CALLOUT_UNRESOLVED``); a note no callout uses is kept and
reported (``NOTE_UNUSED``); duplicate labels, gaps in the numbering and empty
notes are diagnosed. Nothing is dropped.
"""

from collections.abc import Sequence
from typing import NamedTuple

import attrs

from briefmodel._read.roman import roman_value, uses_roman_labels
from briefmodel._read.shapes import NOTE_LINE

__all__ = ["DraftNote", "Resolution", "read_notes", "resolve"]


class DraftNote(NamedTuple):
    """A note as read from its lines, before the model object is made."""

    label: str
    number: int | None
    line: int
    column: int
    """0-based column of the opening bracket."""
    last_line: int
    end_column: int
    """0-based column just past the note's last character on ``last_line``."""
    empty: bool


def read_notes(lines: list[str], firsts: Sequence[int], lasts: Sequence[int]) -> list[DraftNote]:
    """One draft per note: its label line (``firsts``), its continuation lines up to its last line (``lasts``).

    The label line is matched again here rather than keeping the sections stage's
    match objects: a report's notes would hold one each until the parse ends.
    """
    notes = []
    for first, last in zip(firsts, lasts, strict=True):
        line = lines[first]
        match = NOTE_LINE.match(line)
        assert match is not None  # the sections stage grouped only note lines
        label = match["label"]
        number = int(label) if label.isdigit() else roman_value(label)
        last_text = lines[last]
        end_column = len(last_text.rstrip())
        empty = first == last and not line[match.end() :].strip()
        notes.append(DraftNote(label, number, first, match.start("label") - 1, last, end_column, empty))
    return notes


@attrs.define
class Resolution:
    """Which note each callout resolves to, and what went wrong."""

    note_of: list[int | None]
    """For each callout, the index of its note."""
    cited_by: list[list[int]]
    """For each note, the indexes of the callouts that use it."""
    duplicates: list[int]
    """Indexes of notes whose label an earlier note already has."""
    gaps: list[tuple[int, int, int]]
    """(note index, first missing number, last missing number)."""


def resolve(labels: list[str], notes: list[DraftNote]) -> Resolution:
    """Resolve the callouts (by their ``labels``) to notes: one dict, linear time."""
    by_label: dict[str, int] = {}
    duplicates = []
    gaps = []
    previous: int | None = None
    decimal = not uses_roman_labels([note.label for note in notes])  # gaps count in the labels' own kind
    for index, note in enumerate(notes):
        if note.label in by_label:
            duplicates.append(index)
        else:
            by_label[note.label] = index
        if note.number is not None and note.label.isdigit() is decimal:
            expected = 1 if previous is None else previous + 1  # the first note is [1] (or [i])
            if note.number > expected:
                gaps.append((index, expected, note.number - 1))
            previous = note.number if previous is None else max(previous, note.number)
    cited_by: list[list[int]] = [[] for _ in notes]
    note_of: list[int | None] = []
    for index, label in enumerate(labels):
        found = by_label.get(label)
        if found is None and label.isdigit():
            found = by_label.get(str(int(label)))  # [01] resolves to [1]
        note_of.append(found)  # the dict's own int objects: 8 bytes a callout
        if found is not None:
            cited_by[found].append(index)
    return Resolution(note_of, cited_by, duplicates, gaps)
