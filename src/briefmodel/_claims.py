"""Stage 8: the body's sentences as claims.

A marker-aware sentence splitter for brief prose: callouts after the final
period or quote belong to the sentence before; no split after common
abbreviations and initials (``Gen.``, ``U.S.``, ``N. Korean``), inside decimals,
or before a lowercase word. Each body paragraph or bullet line (Key Takeaways
items excepted) is split on its own; one pass over each line.
"""

import re

from briefmodel._markers import strip_callouts, uses_roman_labels
from briefmodel._model import BlockKind, Citation, Claim, Report, Span

__all__ = ["read_claims", "sentence_bounds"]

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?:[ \u00a0]?\[[0-9]{1,9}\])*")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "cmdr",
        "brig",
        "st",
        "no",
        "nos",
        "vol",
        "p",
        "pp",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "gov",
        "sen",
        "rep",
        "rev",
        "dept",
        "mt",
        "ft",
        "pres",
    ]
)
_CLAIM_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET)


def sentence_bounds(line: str) -> list[tuple[int, int]]:
    """Start and end columns of each sentence in ``line`` (stripped of surrounding space)."""
    bounds = []
    start = 0
    length = len(line)
    for match in _END.finditer(line):
        end = match.end()
        if end < length:
            nxt = line[end]
            glued = nxt.isalpha() and nxt.isupper() and match.group().endswith("]")
            if not glued:
                if not nxt.isspace():
                    continue
                rest = end + 1
                while rest < length and line[rest].isspace():
                    rest += 1
                if rest < length and line[rest].islower():
                    continue
            if not match.group().endswith("]") and _abbreviation_before(line, match.start()):
                continue
        bounds.append((start, end))
        start = end
    if start < length:
        bounds.append((start, length))
    trimmed = []
    for a, b in bounds:
        while a < b and line[a].isspace():
            a += 1
        while b > a and line[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _abbreviation_before(line: str, position: int) -> bool:
    word_start = position
    while word_start > 0 and not line[word_start - 1].isspace() and line[word_start - 1] not in '(“"':
        word_start -= 1
    word = line[word_start:position]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Frederick W. Kagan", "N. Korean"
    if word[-1].isdigit() and position + 1 < len(line) and line[position + 1].isdigit():
        return True  # a decimal
    return word.casefold() in _ABBREVIATIONS


def read_claims(report: Report) -> tuple[Claim, ...]:
    """One claim per sentence of the body's paragraphs and bullets, in document order."""
    text = report.text
    takeaway_lines = {t.span.line for t in report.takeaways}
    by_block: dict[int, list[Citation]] = {}
    for citation in report.citations:
        by_block.setdefault(citation.block, []).append(citation)
    roman = uses_roman_labels([note.label for note in report.notes])
    claims = []
    starts = report.line_starts
    for index, block in enumerate(report.blocks):
        if block.kind not in _CLAIM_KINDS or index + 1 in takeaway_lines:
            continue
        line = block.text
        cited = by_block.get(index, [])
        position = 0
        for a, b in sentence_bounds(line):
            start = starts[index] + a
            end = starts[index] + b
            own = []
            while position < len(cited) and cited[position].span.start < end:
                if cited[position].span.start >= start:
                    own.append(cited[position])
                position += 1
            span = Span(start=start, end=end, text=text[start:end], line=index + 1, column=a + 1)
            claims.append(Claim(text=strip_callouts(span.text, roman).strip(), span=span, citations=tuple(own)))
    return tuple(claims)
