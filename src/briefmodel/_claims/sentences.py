"""The body's sentences, callouts kept with the sentence they follow.

A paragraph is a run of body lines: a line that does not end like a sentence
continues on the next line (scraped pages break lines inside sentences). Within
it a sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes and the
callouts after them) when the next word starts a sentence. No split after an
abbreviation or an initial (``Lt. Gen.``, ``U.S.``, ``N. Korean``), inside a
decimal, before a lowercase word, or inside a quotation that goes on. One
left-to-right pass over each paragraph.
"""

import re

from briefmodel._model.text import MAX_LABEL_DIGITS

__all__ = ["sentence_bounds"]

_END = re.compile(rf"[.!?…]+[\"”“’')\]]*(?:(?:[ \u00a0]|\r\n|\r|\n)?\[[0-9]{{1,{MAX_LABEL_DIGITS}}}\])*")
"""A sentence end: its punctuation, closing quotes, then its callouts, which may follow a line break when a
scrape moved them to the next line."""
_QUOTE = re.compile(r"[“”\"]")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt cpt sgt adm cmdr brig st no nos vol p pp fig jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k u.n e.g i.e vs approx est inc ltd co corp jr sr gov sen rep rev dept
    mt ft pres gov't lt.gen maj.gen col.gen ret""".split()  # not "etc.": it usually ends its sentence
)
_OPENERS = '“"‘([«'


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Start and end offsets in ``text`` of each sentence, without surrounding white space."""
    end = len(text.rstrip())
    first = _END.search(text)
    if first is None or first.end() >= end:  # a bullet, a one-sentence paragraph: no end inside
        start = len(text) - len(text.lstrip())
        return [(start, end)] if end > start else []
    return _bounds(text)


def _bounds(text: str) -> list[tuple[int, int]]:
    """``sentence_bounds`` of a text with a sentence end before its last characters."""
    bounds = []
    start = 0
    length = len(text)
    quotes = _quotes(text)
    last_close = max((position for position, opening in quotes if not opening), default=-1)
    depth = seen = 0
    for match in _END.finditer(text):
        end = match.end()
        ending = match.group()
        while seen < len(quotes) and quotes[seen][0] < end:  # the quotation depth at this end
            depth = depth + 1 if quotes[seen][1] else max(0, depth - 1)
            seen += 1
        if end < length:
            nxt = text[end]
            cited = ending.endswith("]")
            if not (cited and nxt.isalpha() and nxt.isupper()):  # `.[11]Russian` always ends a sentence
                if not nxt.isspace():
                    continue
                rest = end + 1
                while rest < length and text[rest].isspace():
                    rest += 1
                if rest < length and not (text[rest].isupper() or text[rest].isdigit() or text[rest] in _OPENERS):
                    continue
                if not cited and _abbreviation_before(text, match.start()):
                    continue
                if depth and last_close >= end:
                    continue  # inside a quotation that goes on
        bounds.append((start, end))
        start = end
    if start < length:
        bounds.append((start, length))
    trimmed = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


def _quotes(text: str) -> list[tuple[int, bool]]:
    """Each quotation mark and whether it opens: ``“``, or ``”``/``"`` after a space and before a word."""
    marks: list[tuple[int, bool]] = []
    if '"' not in text and "“" not in text and "”" not in text:
        return marks  # most paragraphs quote no one: three C scans instead of a regex pass
    last = len(text) - 1
    for match in _QUOTE.finditer(text):
        at = match.start()
        opening = match.group() == "“" or (
            (at == 0 or text[at - 1].isspace() or text[at - 1] in "([") and at < last and not text[at + 1].isspace()
        )
        marks.append((at, opening))
    return marks


def _abbreviation_before(text: str, position: int) -> bool:
    """Is the period at ``position`` the end of an abbreviation, an initial or a decimal?"""
    word_start = position
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in _OPENERS:
        word_start -= 1
    word = text[word_start:position]
    if not word:
        return False
    if len(word) == 1 and word.isupper() and word != "I":
        return True  # an initial: "Frederick W. Kagan", "N. Korean" (not "World War I.")
    if word.isdigit() and word_start == 0:
        return True  # an enumerated item: "1. The Kremlin ..."
    if word[-1].isdigit() and position + 1 < len(text) and text[position + 1].isdigit():
        return True  # a decimal
    return word.casefold() in _ABBREVIATIONS
