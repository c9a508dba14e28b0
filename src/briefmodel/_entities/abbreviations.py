"""The short forms a report defines in brackets after their full forms, and what each stands for.

ISW prints an acronym after the first full form of a name: ``44th Army Corps
[AC]``, ``Leningrad Military District [LMD]``, ``Ministry of Defense (MoD)``,
``first-person view (FPV)``. A bracket after a name holds an abbreviation when it
holds one word with at least two capitals (``MoD``, ``BTGs``); a callout
(``[12]``, ``[iv]``) or an editorial insertion (``[Ukraine’s]``) is none. The
full form is the shortest tail of the words before whose initials spell the
short form (``Army Corps`` for ``AC`` after ``44th Army Corps``); when no tail
does (``Donetsk People’s Republic [DNR]``, a transliteration), the whole name.
"""

import re

__all__ = ["ACRONYM_AFTER", "BRACKETED", "full_form", "is_acronym"]

ACRONYM_AFTER = re.compile(r"\s?[\[(]([A-Za-z][A-Za-z0-9&\-]{1,11})[\])]")
"""A bracketed acronym right after a name (``" [AC]"``, ``" (CENTCOM)"``, ``"’s (MoD)"`` after the possessive)."""

BRACKETED = re.compile(r"[\[(]([A-Za-z][A-Za-z0-9&\-]{1,11})[\])]")
"""Any bracketed one-word acronym of a sentence."""

_ROMAN = frozenset("IVXLC")
_LOWER_JOINS = frozenset({"of", "and", "for", "the", "on", "in", "al", "ol", "ul", "to", "de", "&"})


def is_acronym(word: str) -> bool:
    """Is ``word`` an acronym (``AC``, ``MoD``, ``BTGs``, ``CENTCOM``), not a word or a roman numeral?"""
    if len(word) < 2 or (not word[1].isupper() and not word[-1].isupper()):
        return False  # "Kherson", "Kupyansk-Vuzlovyi": a second or last capital is where acronyms have one
    capitals = sum(map(str.isupper, word))
    letters = sum(map(str.isalpha, word))
    if capitals < 2 or capitals * 2 < letters:
        return False
    return not (word.isupper() and _ROMAN.issuperset(word) and word not in ("IV", "VI"))


def _letters(short: str) -> str:
    """The letters the initials must spell: a plural ``s`` dropped (``BTGs``), digits and dashes ignored."""
    if len(short) > 2 and short.endswith("s") and short[-2].isupper():
        short = short[:-1]
    return "".join(c for c in short if c.isalpha()).casefold()


def _initials(words: list[str], with_joins: bool) -> str:
    out: list[str] = []
    for word in words:
        if word in _LOWER_JOINS and not with_joins:
            continue
        out.extend(part[0] for part in word.split("-") if part)
    return "".join(out).casefold()


def full_form(words: list[str], short: str) -> str | None:
    """The words the short form stands for: the shortest tail of ``words`` whose initials spell it, or
    ``None`` when none does."""
    letters = _letters(short)
    with_joins = any(c.islower() for c in short.rstrip("s"))  # MoD: the "o" of "of" counts
    for size in range(1, min(len(words), 12) + 1):
        tail = words[len(words) - size :]
        if tail[0] in _LOWER_JOINS:
            continue
        if _initials(tail, with_joins) == letters or (with_joins and _initials(tail, False) == letters):
            return " ".join(tail)
    return None
