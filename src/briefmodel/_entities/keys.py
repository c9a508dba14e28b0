"""Keys: one identity for one place or formation across reports, whatever the printed form.

A place's key is its kind and its case-folded name without the article, quotes
or a generic classifier (``settlement:kherson`` for ``Kherson City`` and
``Kherson``; ``region:suwayda`` for ``Suwayda Province`` and ``Suwayda``;
``country:united states`` for ``the U.S.``). A unit's key is its number and its
full name with the report's abbreviations spelled out and the honorifics
``Guards`` and ``Separate`` left out (``1427 motorized rifle regiment`` for
``1427th MRR`` and ``1427th Guards Motorized Rifle Regiment``). Transliteration
variants (``Kupiansk`` and ``Kupyansk``) get different keys: the reports do not
pair them.
"""

import functools
import re

from briefmodel._entities.words import COUNTRIES, UNIT_ACRONYMS
from briefmodel._model.entities import PlaceKind

__all__ = ["place_key", "unit_key"]

_CLASSIFIERS: dict[PlaceKind, tuple[str, ...]] = {
    PlaceKind.SETTLEMENT: (" city",),
    PlaceKind.REGION: (" oblast", " province", " governorate", " krai", " countryside"),
    PlaceKind.DISTRICT: (" district", " raion", " neighborhood", " neighbourhood", " hromada", " microraion"),
    PlaceKind.DIRECTION: (" direction", " axis"),
}
_QUOTES = str.maketrans({"“": None, "”": None, '"': None, "’": "'", "‘": "'"})
_ORDINAL = re.compile(r"(\d{1,4})(?:st|nd|rd|th)\b")
_HONORIFICS = frozenset({"guards", "separate", "guard"})
_SPELLING = {"motor": "motorized", "vdv": "airborne"}
_SPACES = re.compile(r"\s+")
_ALIASES = {
    "wagner": "wagner group",
    "pmc wagner": "wagner group",
    "lebanese hezbollah": "hezbollah",
    "isis": "islamic state",
    "isil": "islamic state",
    "houthis": "ansar allah",
}
"""Named groups printed in two forms (``Wagner`` and ``Wagner Group``): one key."""


def _plain(text: str) -> str:
    text = _SPACES.sub(" ", text.translate(_QUOTES)).strip()
    if text[:4].casefold() == "the ":
        text = text[4:]
    return text


@functools.lru_cache(maxsize=4096)
def place_key(text: str, kind: PlaceKind) -> str:
    """The key of a place printed as ``text``."""
    plain = _plain(text)
    canonical = COUNTRIES.get(plain) if kind is PlaceKind.COUNTRY else None
    name = canonical or plain.casefold()
    for suffix in _CLASSIFIERS.get(kind, ()):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return f"{kind.value}:{name}"


def unit_key(text: str, number: int | None, glossary: dict[str, str], head: str = "") -> str:
    """The key of a unit printed as ``text`` (``head``: the plural head a listed ordinal shares)."""
    plain = _plain(text)
    ordinal = _ORDINAL.match(plain)
    if ordinal is not None:
        plain = plain[ordinal.end() :].strip()
    if head and not plain:
        plain = head
    words: list[str] = []
    for word in plain.replace("(", " ").replace(")", " ").split():
        full = glossary.get(word) or (UNIT_ACRONYMS[word][0] if word in UNIT_ACRONYMS else None)
        for part in (full or word).split():
            folded = part.casefold()
            if folded in _HONORIFICS:
                continue
            folded = _SPELLING.get(folded, folded)
            if folded.endswith(("brigades", "regiments", "divisions", "battalions", "companies")):
                folded = folded[:-3] + "y" if folded.endswith("ies") else folded[:-1]
            elif folded == "armies":
                folded = "army"
            words.append(folded)
    name = " ".join(words)
    if number is not None:
        return f"{number} {name}"
    return _ALIASES.get(name, name)
