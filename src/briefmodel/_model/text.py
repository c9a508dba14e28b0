"""The text of a report as the model holds it: spans, blocks and their kinds, and the checks on text fields.

The model is frozen, slotted, keyword-only attrs classes: data and the
invariants of that data (validators), never parsing logic. Sequences are
tuples; edit a value with ``attrs.evolve``.

Positions take part in ``==``: two reports are equal only when their texts are
equal, and then their spans are equal too, so keeping positions in equality
costs nothing and lets tests compare whole reports.
"""

import enum
import re
from typing import Any

import attrs

__all__ = [
    "CALLOUT_RE",
    "MAX_LABEL_DIGITS",
    "Block",
    "BlockKind",
    "Span",
    "find_callout",
    "has_line_break",
    "no_callout",
    "no_line_break",
]

#: The most digits a callout label has; ``[1234567890]`` is a bracket, not a callout.
MAX_LABEL_DIGITS = 9
#: A callout as the text format prints it; text fields that are read with the
#: callouts removed can never hold one (the parser would read it as a callout).
CALLOUT_RE = re.compile(rf"\[[0-9]{{1,{MAX_LABEL_DIGITS}}}\]")
_LINE_BREAKS = frozenset({"\r\n", "\n", "\r", ""})


class BlockKind(enum.Enum):
    """What a line of the report's text is, as the parser read it."""

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    PUBLISHER = "publisher"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    ENDNOTE = "endnote"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"
    OTHER = "other"


def has_line_break(value: str | None) -> bool:
    """Does a one-line value hold ``\\n`` or ``\\r``?"""
    return value is not None and ("\n" in value or "\r" in value)


def find_callout(value: str) -> str | None:
    """The first callout (``[12]``) in a text read with its callouts removed, or ``None``."""
    found = CALLOUT_RE.search(value)
    return None if found is None else found.group()


def no_line_break(_: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    """Validator: a one-line field holds no line break (the text format gives it one line)."""
    if has_line_break(value):
        raise ValueError(f"{attribute.name} cannot hold a line break: {value!r}")


def no_callout(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    """Validator: a field read with its callouts removed holds no ``[N]`` (the parser would read a callout)."""
    found = find_callout(value)
    if found is not None:
        raise ValueError(f"{attribute.name} cannot hold {found!r}: the text format would read it as a callout")


@attrs.frozen(kw_only=True)
class Span:
    """A half-open range of code points in a report's own text, with that text.

    Built with ``end - start == len(text)``, ``start >= 0``, ``line >= 1`` and
    ``column >= 1``, or ``ValueError``.
    """

    start: int
    """Offset of the first code point."""
    end: int
    """Offset just past the last code point."""
    text: str
    """``report.text[start:end]``, kept so a span can be read on its own."""
    line: int
    """1-based line of ``start``; only ``\\n``, ``\\r\\n`` and ``\\r`` end lines."""
    column: int
    """1-based column of ``start``, in code points."""

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: spans are made by the thousand.
        if self.end - self.start != len(self.text) or self.start < 0 or self.line < 1 or self.column < 1:
            raise ValueError(
                f"span {self.start}:{self.end} at {self.line}:{self.column} does not match its text "
                f"of {len(self.text)} code points, or lies before the start"
            )


@attrs.frozen(kw_only=True)
class Block:
    """One line of the report's exact text and the kind the parser gave it.

    The blocks of a report, joined in order with their line breaks, are its text.
    Block ``i`` is line ``i + 1``; ``Report.line_starts[i]`` is its offset. Equal
    lines may share one (frozen) block object.
    """

    kind: BlockKind
    """What the line is: title, dateline, heading, paragraph, bullet, endnote, ..."""
    text: str
    """The line without its line break; it cannot hold ``\\n`` or ``\\r``."""
    newline: str = "\n"
    """The line break that ends the line: ``\\n``, ``\\r\\n``, ``\\r``, or ``""`` at the very end."""

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: a report has a block per line.
        if self.newline not in _LINE_BREAKS or "\n" in self.text or "\r" in self.text:
            raise ValueError(f"a block is one line ending with one line break: {self.text!r} + {self.newline!r}")
