"""The textual shapes of briefs, as compiled patterns and word lists.

One place for what SHAPES.md describes, so the stages share a single reading of
it. Every pattern here is anchored or bounded and has no nested quantifiers.
"""

import datetime as dt
import functools
import re
from collections.abc import Iterable

from dateutil import parser as dateparser

from briefmodel._model import BlockKind

#: Header lines that carry metadata (a tuple: enums hash slowly, identity is quick).
METADATA_KINDS = (BlockKind.TITLE, BlockKind.DATELINE, BlockKind.PUBLISHER, BlockKind.BYLINE)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6})\.?"
_DAY = r"(?P<day>[0-9]{1,2})"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"

#: ``Dec 14, 2022 - Press ISW``
PRESS_LINE = re.compile(rf"{_MONTH} {_DAY}, {_YEAR} [-–—] Press(?: ISW)?")
#: ``December 14, 2024``, ``Dec 14, 2022``, ``Monday, December 14, 2024`` (month first only)
DATE_LINE = re.compile(rf"(?:[A-Z][a-z]+day, )?{_MONTH} {_DAY},? {_YEAR}")
#: ``December 14, 7:30 pm ET``, ``February 28, 3:30pm EST``, ``Data Cutoff: 2:00 PM ET``
TIME_LINE = re.compile(
    rf"(?:{_MONTH} {_DAY}(?:, {_YEAR})?,? |Data [Cc]ut-?off: )"
    r"[0-9]{1,2}(?::[0-9]{2})?(?: ?[aApP]\.?[mM]\.?(?: [A-Z]{2,4})?| (?:ET|EST|EDT|UTC|GMT|CET|MSK))"
)
#: A series title line: ``Russian Offensive Campaign Assessment, December 14[, 2022]``.
SERIES_TITLE = re.compile(
    r"(?:[-*] )?(?:#{1,6} )?(?P<title>(?P<series>Russian Offensive Campaign Assessment|Iran Update|"
    r"Russia-Ukraine Warning Update|Russian Occupation Update|China-Taiwan Weekly Update|"
    r"Africa File|Salafi-Jihadi Movement Weekly Update|Adversary Entente Task Force Update)"
    rf"(?P<extra>[^,\n]{{0,60}}), {_MONTH} {_DAY}(?:, {_YEAR})?)"
)
#: ``Institute for the Study of War: <headline>``
PUBLISHER_PREFIX = re.compile(r"(?P<publisher>[^:|]{2,80}?)\s*[:|]\s+(?P<title>\S.*)")
PUBLISHERS = {
    name.casefold(): name
    for name in (
        "Institute for the Study of War",
        "Critical Threats Project",
        "ISW",
        "CTP",
        "ISW-CTP",
        "CTP-ISW",
        "Wilson Center",
        "Atlantic Council",
        "Carnegie Endowment for International Peace",
        "Center for Strategic and International Studies",
        "CSIS",
        "RAND",
        "Royal United Services Institute",
        "Chatham House",
        "Brookings",
        "Council on Foreign Relations",
        "American Enterprise Institute",
        "Foundation for Defense of Democracies",
        "Washington Institute for Near East Policy",
        "International Crisis Group",
    )
}
SERIES_PUBLISHERS = {
    "Iran Update": "Institute for the Study of War and Critical Threats Project",
    "Africa File": "Critical Threats Project",
    "Salafi-Jihadi Movement Weekly Update": "Critical Threats Project",
}
DEFAULT_SERIES_PUBLISHER = "Institute for the Study of War"

#: One author's name: capitalized words, initials allowed (``Frederick W. Kagan``).
_NAME = r"[A-Z][A-Za-z'’.\-]*(?: (?:[A-Z][A-Za-z'’.\-]*|de|van|von|al|bin))*"
BYLINE_SPLIT = re.compile(r",? (?:and|&) |, ")
NAME = re.compile(_NAME)

#: A bullet: optional indent, a bullet character, a space.
BULLET = re.compile(r"[ \t\u00a0]*(?:[•·▪◦‣●○■–*-]|[0-9]{1,2}[.)])[ \t\u00a0]+")
#: A note line: optional indent, then ``[label]``.
NOTE_LINE = re.compile(r"[ \t\u00a0]*\[(?P<label>[0-9]{1,9}|[ivxlcdm]{1,9})\]")
#: What may continue a note on the next line: a URL, or a separator then a URL.
CONTINUATION = re.compile(r"[ \t\u00a0]*[,;]?[ \t\u00a0]*(?:h?t?tps?://|www\.|[a-z0-9-]+(?:\.| dot )[a-z]{2,}/)", re.I)

ENDNOTES_HEADINGS = frozenset({"endnotes", "endnotes:", "footnotes", "footnotes:", "references", "notes:"})
TAKEAWAYS_HEADINGS = frozenset({"key takeaways", "key takeaways:"})
TOPLINES_HEADINGS = frozenset({"toplines", "topline", "toplines:"})
#: Lines that end a document in aggregator copies (the seed's ``Share the Post:``).
DOCUMENT_END = frozenset({"share the post:", "share this post:", "share this:", "share this article:"})
NAVIGATION = frozenset(
    {"previous", "next", "jump to", "options", "download page", "print page", "share", "menu", "donate"}
)
#: Boilerplate paragraphs, by how they begin (compared case-folded).
BOILERPLATE_PREFIXES = (
    "note: isw does not receive any classified material",
    "note:  isw does not receive any classified material",
    "we do not report in detail on russian war crimes",
    "click here to",
    "satellite image ©",
    "correction:",
    "note: isw and ctp will not publish",
    "powered by babel street",
    "[source:",
    "the institute for the study of war (isw) and",
    "the critical threats project (ctp) at the american enterprise institute",
    "critical threats project (ctp) at the american enterprise institute",
    "share the post:",
    "sourcing for this assessment is available",
)
SENTENCE_END = frozenset(".!?…\"”’')]:;")

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_CANONICAL = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def roman_value(label: str) -> int | None:
    """The value of a lowercase roman numeral in canonical form, else ``None``."""
    if not label or not _ROMAN_CANONICAL.fullmatch(label):
        return None
    total = 0
    for i, ch in enumerate(label):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(label) and _ROMAN[label[i + 1]] > value else value
    return total


_ROMAN_DIGITS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman_label(value: int) -> str:
    """The canonical lowercase roman numeral of a positive number (``roman_value``'s inverse)."""
    digits = []
    for step, numeral in _ROMAN_DIGITS:
        count, value = divmod(value, step)
        digits.append(numeral * count)
    return "".join(digits)


@functools.lru_cache(maxsize=256)
def month_number(month: str) -> int | None:
    """The month a name or abbreviation names (``"Dec."``, ``"Sept"``, ``"December"``), read by
    python-dateutil once per spelling, or ``None``."""
    try:
        return dateparser.parse(f"{month} 1 2000").month
    except (ValueError, OverflowError):
        return None


def make_date(year: int | str, month: str, day: int | str) -> dt.date | None:
    """A date from the pieces a pattern matched (``"Dec."``, ``"14"``, ``"2022"``), or ``None`` for no real day.

    The patterns find the pieces; python-dateutil reads the month (names and
    abbreviations with or without a period, ``Sept``; once per spelling), and the
    date itself refuses February 30.
    """
    number = month_number(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except (ValueError, OverflowError):
        return None


def is_boilerplate(folded: str) -> bool:
    """Is this (case-folded, stripped) line a known boilerplate paragraph?"""
    return folded.startswith(BOILERPLATE_PREFIXES)


_NOT_IN_NAMES = frozenset("the a an of for to in on at with from by your our my we us is are this that".split())


def read_byline(stripped: str) -> tuple[str, ...] | None:
    """The authors of a byline (``A, B, and C``; ``By A and B``), or ``None`` if it is not one."""
    if len(stripped) > 400:
        return None
    body = stripped[3:] if stripped.startswith(("By ", "by ")) else stripped
    names = BYLINE_SPLIT.split(body)
    if len(names) < 2 and body is stripped:
        return None
    for name in names:
        words = name.split()
        if not NAME.fullmatch(name) or not 2 <= len(words) <= 5 or any(w.lower() in _NOT_IN_NAMES for w in words):
            return None  # two to five words, none of them a function word: "Secure Your Legacy" is no name

    return tuple(names)


def is_prose(stripped: str) -> bool:
    """Does the line read as running text (a sentence or more) rather than a label?"""
    if len(stripped) >= 200:
        return True
    return stripped[-1:] in SENTENCE_END and stripped[-1:] != ":" and stripped.count(" ") >= 5


_EDGES = ("", ",", ".", ";", ":", ")", "”", "’", ".”", ",”")


def token_forms(words: Iterable[str]) -> dict[str, str]:
    """Each form a word takes as a white-space separated token (trailing punctuation, capital) → the word.

    The claim stages split a sentence into tokens once and look them up here:
    a dict lookup per token instead of a regex alternation scanning the text.
    """
    forms: dict[str, str] = {}
    for word in words:
        first = word.split()[0]
        for variant in (first, first[:1].upper() + first[1:], "(" + first, "“" + first):
            for edge in _EDGES:
                forms.setdefault(variant + edge, word)
    return forms


@functools.lru_cache(maxsize=2048)
def words_pattern(words: frozenset[str]) -> "re.Pattern[str]":
    """A pattern for these words or phrases only, longest first, with a word boundary after (cached).

    Search it with ``search_word``, which checks the boundary before: a pattern
    that opens with ``\\b`` makes the engine try every position, while one led
    by its words jumps to their first letters (2.5 times as fast on a sentence).
    Each word must start with a word character.
    """
    if not all(w[:1].isalnum() for w in words):
        raise ValueError(f"words_pattern needs words that start with a letter or digit: {sorted(words)}")
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")


def search_word(pattern: "re.Pattern[str]", text: str, position: int = 0) -> "re.Match[str] | None":
    """``pattern.search(text, position)`` for a match that starts a word: as a leading ``\\b`` would, but fast."""
    while True:
        match = pattern.search(text, position)
        if match is None:
            return None
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            return match
        position = start + 1
