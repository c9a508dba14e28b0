"""Find the callouts (``[12]``) in a body and the brackets that are not callouts.

A callout is ``[`` + 1 to 9 ASCII digits + ``]`` anywhere in a body line (after a
period, a quote or a parenthesis, before the period, glued to the next word, in
runs like ``[8][9]`` or ``[20] [21]``). When the report's endnotes are labelled
with lowercase roman numerals, ``[iv]`` is a callout too. Every other bracket
(``[AC]``, ``[and]``, ``[Source: ...]``) stays text and gets a
``BRACKET_NOT_CALLOUT`` info diagnostic.
"""

import re
from typing import NamedTuple

from briefmodel._model.text import CALLOUT_RE, MAX_LABEL_DIGITS, BlockKind
from briefmodel._read.roman import roman_value
from briefmodel._read.shapes import METADATA_KINDS

__all__ = ["Bracket", "Callout", "find_callouts", "strip_callouts"]

_BRACKET = re.compile(r"\[([^\[\]\r\n]*)\]")
_LABEL = rf"[0-9]{{1,{MAX_LABEL_DIGITS}}}"
_ROMAN_LABEL = rf"(?:{_LABEL}|[ivxlcdm]{{1,{MAX_LABEL_DIGITS}}})"
_CALLOUT_RUN = re.compile(rf"\[{_LABEL}\](?:[ \u00a0]?\[{_LABEL}\])*")
_ROMAN_RUN = re.compile(rf"\[{_ROMAN_LABEL}\](?:[ \u00a0]?\[{_ROMAN_LABEL}\])*")
"""A run of callouts (``[8][9]``, ``[20] [21]``). Led by the literal ``[``, so the engine jumps from one ``[`` to
the next; the space or no-break space before a run is taken with it in Python."""


class Callout(NamedTuple):
    """A callout found in a line, before it is resolved."""

    label: str
    number: int
    line: int
    column: int
    """0-based column in the line."""
    end: int


class Bracket(NamedTuple):
    """A bracket that is not a callout."""

    text: str
    line: int
    column: int


def find_callouts(
    text: str, starts: list[int], kinds: list[BlockKind], hi: int, roman: bool
) -> tuple[list[Callout], list[Bracket]]:
    """The callouts and other brackets of the lines before ``hi``, in order (header metadata lines excepted).

    ``starts`` are the offsets of the lines in ``text``, then its length. One scan
    of the text: a bracket never spans a line break, so each lies on one line,
    found by walking the line offsets forward.
    """
    callouts: list[Callout] = []
    brackets: list[Bracket] = []
    line = 0
    metadata = METADATA_KINDS
    for match in _BRACKET.finditer(text, 0, starts[hi]):
        at, end = match.span()
        while starts[line + 1] <= at:
            line += 1
        if kinds[line] in metadata:
            continue
        base = starts[line]
        label = match.group(1)
        if label.isdigit() and label.isascii() and len(label) <= MAX_LABEL_DIGITS:  # ASCII digits only
            callouts.append(Callout(label, int(label), line, at - base, end - base))
        elif roman and (value := roman_value(label)) is not None:
            callouts.append(Callout(label, value, line, at - base, end - base))
        else:
            brackets.append(Bracket(match.group(), line, at - base))
    return callouts, brackets


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
