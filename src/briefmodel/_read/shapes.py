"""The shapes of a brief's lines, as compiled patterns and word lists: date, press, time and title lines,
publishers and series, bullets, note and continuation lines, headings, boilerplate, navigation.

One place for what SHAPES.md describes, so the stages share a single reading of
it. Every pattern here is anchored or bounded and has no nested quantifiers.
"""

import re

from briefmodel._model.text import MAX_LABEL_DIGITS, BlockKind

#: Header lines that carry metadata (a tuple: enums hash slowly, identity is quick).
METADATA_KINDS = (BlockKind.TITLE, BlockKind.DATELINE, BlockKind.PUBLISHER, BlockKind.BYLINE)
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


#: A bullet: optional indent, a bullet character, a space.
BULLET = re.compile(r"[ \t\u00a0]*(?:[•·▪◦‣●○■–*-]|[0-9]{1,2}[.)])[ \t\u00a0]+")
#: A note line: optional indent, then ``[label]``.
NOTE_LINE = re.compile(rf"[ \t\u00a0]*\[(?P<label>[0-9]{{1,{MAX_LABEL_DIGITS}}}|[ivxlcdm]{{1,{MAX_LABEL_DIGITS}}})\]")
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
    "note:",  # "Note: ISW does not receive any classified material", an editor's "Note: ISW will report …"
    "we do not report in detail on russian war crimes",
    "click here to",
    "satellite image ©",
    "correction:",
    "powered by babel street",
    "[source:",
    "the institute for the study of war (isw) and",
    "the critical threats project (ctp) at the american enterprise institute",
    "critical threats project (ctp) at the american enterprise institute",
    "share the post:",
    "sourcing for this assessment is available",
)
SENTENCE_END = frozenset(".!?…\"”’')]:;")


_PREFIX_WINDOW = 2 * max(map(len, BOILERPLATE_PREFIXES))
_PREFIX_FIRST = frozenset(prefix[0] for prefix in BOILERPLATE_PREFIXES)


def is_boilerplate(folded: str) -> bool:
    """Is this (case-folded, stripped) line a known boilerplate paragraph? Runs of white space, no-break
    spaces included (``Click\u00a0here``), compare as one space."""
    if folded.startswith(BOILERPLATE_PREFIXES):
        return True
    if folded[:1] not in _PREFIX_FIRST:
        return False
    head = folded[:_PREFIX_WINDOW]  # only a no-break space or a double space can hide a prefix from the test above
    return ("\u00a0" in head or "  " in head or "\t" in head) and " ".join(head.split()).startswith(
        BOILERPLATE_PREFIXES
    )


def is_prose(stripped: str) -> bool:
    """Does the line read as running text (a sentence or more) rather than a label?"""
    if len(stripped) >= 200:
        return True
    return stripped[-1:] in SENTENCE_END and stripped[-1:] != ":" and stripped.count(" ") >= 5
