"""Find the callouts (``[12]``) in a body and the brackets that are not callouts.

A callout is ``[`` + 1 to 9 ASCII digits + ``]`` anywhere in a body line (after a
period, a quote or a parenthesis, before the period, glued to the next word, in
runs like ``[8][9]`` or ``[20] [21]``). When the report's endnotes are labelled
with lowercase roman numerals, ``[iv]`` is a callout too. Every other bracket
(``[AC]``, ``[and]``, ``[Source: ...]``) stays text and gets a
``BRACKET_NOT_CALLOUT`` info diagnostic.
"""

import re
from array import array
from collections.abc import Sequence
from typing import NamedTuple

from briefmodel._model.text import CALLOUT_RE, MAX_LABEL_DIGITS, BlockKind
from briefmodel._read.caps import CAP
from briefmodel._read.roman import roman_value
from briefmodel._read.shapes import METADATA_KINDS

__all__ = ["Bracket", "Brackets", "Callouts", "find_callouts", "strip_callouts"]

_BRACKET = re.compile(r"\[([^\[\]\r\n]*)\]")
_LABEL = rf"[0-9]{{1,{MAX_LABEL_DIGITS}}}"
_ROMAN_LABEL = rf"(?:{_LABEL}|[ivxlcdm]{{1,{MAX_LABEL_DIGITS}}})"
_CALLOUT_RUN = re.compile(rf"\[{_LABEL}\](?:[ \u00a0]?\[{_LABEL}\])*")
_ROMAN_RUN = re.compile(rf"\[{_ROMAN_LABEL}\](?:[ \u00a0]?\[{_ROMAN_LABEL}\])*")
"""A run of callouts (``[8][9]``, ``[20] [21]``). Led by the literal ``[``, so the engine jumps from one ``[`` to
the next; the space or no-break space before a run is taken with it in Python."""
_SHARED_LABELS = 4_096
"""Distinct labels remembered for sharing; the table starts again when full, so it stays small."""


class Callouts(NamedTuple):
    """The callouts of a body, in order, kept compact: a hostile text holds one every three characters.

    Three parallel sequences rather than an object per callout: ``labels`` as
    printed (equal labels share one string), the 0-based ``lines`` they sit on
    and the ``offsets`` of their ``[`` in the text. A callout's text is
    ``"[" + label + "]"``.
    """

    labels: list[str]
    lines: "array[int]"
    offsets: "array[int]"


class Bracket(NamedTuple):
    """A bracket that is not a callout."""

    text: str
    line: int
    column: int


class Brackets(NamedTuple):
    """The brackets that are not callouts: the first ``CAP + 1`` (one more than the diagnostics keep, for the
    summary's place), and how many in all (``total``)."""

    kept: list[Bracket]
    total: int


def find_callouts(
    text: str, starts: Sequence[int], kinds: list[BlockKind], hi: int, roman: bool
) -> tuple[Callouts, Brackets]:
    """The callouts and other brackets of the lines before ``hi``, in order (header metadata lines excepted).

    ``starts`` are the offsets of the lines in ``text``, then its length. One scan
    of the text: a bracket never spans a line break, so each lies on one line,
    found by walking the line offsets forward. Memory stays in proportion to the
    callouts: 24 bytes each here, equal labels shared (through a bounded table),
    and brackets past the diagnostics' cap only counted.
    """
    labels: list[str] = []
    lines = array("q")
    offsets = array("q")
    brackets: list[Bracket] = []
    count = 0
    keep = CAP + 1
    shared: dict[str, str] = {}
    line = 0
    metadata = METADATA_KINDS
    for match in _BRACKET.finditer(text, 0, starts[hi]):
        at = match.start()
        while starts[line + 1] <= at:
            line += 1
        if kinds[line] in metadata:
            continue
        label = match.group(1)
        if (label.isdigit() and label.isascii() and len(label) <= MAX_LABEL_DIGITS) or (  # ASCII digits only
            roman and roman_value(label) is not None
        ):
            known = shared.get(label)
            if known is None:
                if len(shared) >= _SHARED_LABELS:
                    shared.clear()
                shared[label] = label
            else:
                label = known
            labels.append(label)
            lines.append(line)
            offsets.append(at)
        else:
            count += 1
            if count <= keep:
                brackets.append(Bracket(match.group(), line, at - starts[line]))
    return Callouts(labels, lines, offsets), Brackets(brackets, count)


def strip_callouts(text: str, roman: bool = False) -> str:
    """``text`` with its callouts removed; a callout glued between two words leaves a space.

    The result never holds a callout, even when removing one joins the brackets
    around it into another (``[1[2]]``): such nests are removed whole, in one
    linear pass.
    """
    if "[" not in text:
        return text
    pieces = []
    last = 0
    length = len(text)
    for match in (_ROMAN_RUN if roman else _CALLOUT_RUN).finditer(text):
        start, end = match.span()
        if start > last and text[start - 1] in " \u00a0":
            start -= 1  # the space before the run goes with it: "Pokrovsk [1]." reads "Pokrovsk."
        pieces.append(text[last:start])
        if end < length and start > 0 and text[end].isalnum() and not text[start - 1].isspace():
            pieces.append(" ")  # "Pokrovsk[1]and" reads "Pokrovsk and"
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    result = "".join(pieces)
    return _remove_nested(result) if "[" in result and CALLOUT_RE.search(result) else result


def _remove_nested(text: str) -> str:
    """Remove every ``[digits]`` including those that appear as others are removed, in one pass.

    ``open_at`` holds the output positions of ``[`` that could still close a
    callout: each is followed in the output only by ASCII digits and by the
    brackets above it on the stack. Any other character ends them all.
    """
    out: list[str] = []
    open_at: list[int] = []
    for char in text:
        if char == "]" and open_at:
            start = open_at[-1]
            digits = len(out) - start - 1
            if 1 <= digits <= MAX_LABEL_DIGITS:
                del out[start:]
                open_at.pop()
                continue
            open_at.clear()
        elif char == "[":
            open_at.append(len(out))
        elif not ("0" <= char <= "9"):
            open_at.clear()
        out.append(char)
    return "".join(out)
