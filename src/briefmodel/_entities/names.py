"""The capitalised names of a sentence: the runs of words every place and unit is made of.

One regular expression finds each run (``Velykyi Burluk``, ``Strait of Hormuz``,
``1427th Motorized Rifle Regiment``, ``“Arbat” Special Purpose Battalion``, a bare
ordinal of a list); this module trims it to the name as printed: a leading
``The``, a trailing sentence period, a possessive ``’s``, and an ``of`` that does
not continue a name (``the seizure of Plekhovo`` is not one name, ``Strait of
Hormuz`` is). A sentence with no capital after its first character, no ordinal
and no bracket is not scanned (``worth_reading``).
"""

import re

from briefmodel._entities.words import EVENT_HEADS, OF_HEADS, PLACE_CLASSIFIERS, UNIT_HEADS

__all__ = ["Name", "find_names", "worth_reading"]

_WORD = r"[A-Z][\w’'.\-]*"
_QUOTED = r"[“\"][A-Z][^”“\"\n]{0,40}[”\"]"
_ORDINAL = r"\d{1,4}(?:st|nd|rd|th)\b"
_JOIN = r"(?:of|ol|al|ul|el|e|bin|ibn|for)"
RUN = re.compile(
    rf"(?=[A-Z\d“\"])(?:(?:{_ORDINAL}\s)?(?:{_QUOTED}\s)?{_WORD}"
    rf"(?:\s(?:{_JOIN}\s(?:the\s)?)?(?:{_ORDINAL}\s)?(?:{_QUOTED}\s)?{_WORD})*"
    rf"|{_ORDINAL})"
)
"""A run of capitalised words (with an ordinal, a quoted name, or a joining ``of``/``al``/``ol`` between them),
or a bare ordinal. Each repetition starts with a space and a capital, so a run is read in one pass."""

_GATE = re.compile(r"[A-Z]|\d(?:st|nd|rd|th)\b|[(\[]")
_JOINED = re.compile(r"\s(of|for)\s(?:the\s)?")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+$")
_WORDS = re.compile(r"\S+")
_INNER_POSSESSIVE = re.compile(r"(?<!People)(?<!Workers)[’']s\s")
_BRACKETED = re.compile(r" [(\[][A-Z][A-Za-z]{1,9}[)\]] ")


_MERGING_HEADS = frozenset(UNIT_HEADS) | {w for w, kind in PLACE_CLASSIFIERS.items() if kind.value == "facility"}


def worth_reading(sentence: str) -> bool:
    """Does a sentence have a capital after its first character, an ordinal, or a bracket? One that has none
    names no place and no unit."""
    return _GATE.search(sentence, 1) is not None


class Name:
    """One name of a sentence: its offsets in the sentence, its text and words, and what was trimmed."""

    __slots__ = ("after", "article", "end", "possessive", "start", "text", "words")

    def __init__(self, sentence: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.text = sentence[start:end]
        self.words = self.text.split()
        self.possessive = False
        """It was printed with ``’s`` (``Russia’s``), now trimmed."""
        self.article = -1
        """The offset of a ``the`` printed right before it, or -1."""
        self.after = end
        """Where the text after it starts (past a trimmed possessive)."""

    def __repr__(self) -> str:
        return f"Name({self.text!r}, {self.start}, {self.end})"

    def offsets(self) -> list[int]:
        """The offset of each word in the name's text."""
        return [match.start() for match in _WORDS.finditer(self.text)]

    def cut(self, sentence: str, start: int, end: int) -> "Name":
        """The same name with other offsets (a part of it)."""
        made = Name(sentence, start, end)
        made.after = end if end < self.end else self.after
        made.possessive = self.possessive and end >= self.end
        return made


def find_names(sentence: str, never: frozenset[str] = frozenset()) -> list[Name]:
    """The names of a sentence, in order; a one-word name in ``never`` is left out (``Russian``, ``March``),
    unless a border follows it (``the Belarusian border``)."""
    names: list[Name] = []
    for match in RUN.finditer(sentence):
        start, end = match.span()
        text = match.group()
        if text in never and not sentence.startswith(" border", end):
            continue
        if "’s " in text or "'s " in text:
            for inner in _INNER_POSSESSIVE.finditer(sentence, start, end):
                names.extend(_pieces(sentence, start, inner.end() - 1))
                start = inner.end()
        names.extend(_pieces(sentence, start, end))
    if "(" in sentence or "[" in sentence:
        names = _merged(sentence, names)
    return names


def _pieces(sentence: str, start: int, end: int) -> list[Name]:
    if sentence.find(" of ", start, end) >= 0 or sentence.find(" for ", start, end) >= 0:
        return _split_joins(sentence, start, end)
    name = _trimmed(sentence, start, end)
    return [] if name is None else [name]


def _merged(sentence: str, names: list[Name]) -> list[Name]:
    """Names joined across an acronym in brackets inside them (``11th Airborne (VDV) Brigade``, ``Luhansk
    People’s Republic (LNR) People’s Militia``, ``Law Enforcement Command (LEC) Station 108``): when the part
    after the brackets goes on with a capital word and ends with a formation's or a facility's head noun."""
    merged: list[Name] = []
    index = 0
    count = len(names)
    while index < count:
        name = names[index]
        if index + 2 < count and _BRACKETED.fullmatch(sentence, name.end, names[index + 2].start):
            rest = names[index + 2]
            if rest.text[0].isalpha() and rest.words[-1] in _MERGING_HEADS and not rest.text[0].isdigit():
                whole = Name(sentence, name.start, rest.end)
                whole.article = name.article
                whole.after = rest.after
                whole.possessive = rest.possessive
                merged.append(whole)
                index += 3
                continue
        merged.append(name)
        index += 1
    return merged


def _split_joins(sentence: str, start: int, end: int) -> list[Name]:
    """A run split where ``of`` or ``for`` does not continue a name (``Russia’s seizure of`` never reaches here;
    ``Kremlin for Ukraine`` does): a name goes on after them only from a word of ``OF_HEADS``."""
    found: list[Name] = []
    piece = start
    for join in _JOINED.finditer(sentence, start, end):
        before = sentence[piece : join.start()].rsplit(None, 1)[-1] if join.start() > piece else ""
        if before in OF_HEADS or (join.group(1) == "for" and before in ("Center", "Centre", "Institute")):
            if before in EVENT_HEADS:  # "the Battle of Severodonetsk", "22nd Army Corps Chief of Staff"
                head = join.start() - len(before)
                name = _trimmed(sentence, piece, head - 1) if head - 1 > piece else None
                if name is not None:
                    found.append(name)
                piece = join.end()
            continue
        name = _trimmed(sentence, piece, join.start())
        if name is not None:
            found.append(name)
        piece = join.end()
    name = _trimmed(sentence, piece, end)
    if name is not None:
        found.append(name)
    return found


def _trimmed(sentence: str, start: int, end: int) -> Name | None:
    """The name at ``start:end`` without a leading ``The``, a sentence period or a possessive."""
    if sentence.startswith(("The ", "the "), start):
        article = start
        start += 4
    else:
        article = start - 4 if start >= 4 and sentence.startswith(("the ", "The "), start - 4) else -1
    if start >= end:
        return None
    after = end
    last = sentence[end - 1]
    if last == ".":
        word_start = max(start, sentence.rfind(" ", start, end) + 1)
        if not _INITIALISM.match(sentence, word_start, end):
            end -= 1
            after = end
    elif last in "’'":
        end -= 1
    possessive = False
    if end - start > 2 and sentence[end - 1] == "s" and sentence[end - 2] in "’'":
        end -= 2
        possessive = True
    while end > start and sentence[end - 1] in "-’'":
        end -= 1
    if start >= end:
        return None
    name = Name(sentence, start, end)
    name.article = article
    name.possessive = possessive
    name.after = after
    return name
