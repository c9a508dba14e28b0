"""Places: which names are places, their kind, the relation printed before them, and the places they are given
relative to.

A name is a place when its own words say so (a classifier: ``Kursk Oblast``,
``Kakhovka HPP``, ``Slovyansk direction``; a country, a capital, a historical
region), when the words before it say so (``near``, ``southeast of``, ``toward``,
``the outskirts of``; ``in``, ``from``, ``to``, ``at`` for a name that is no
acronym, month, outlet or institution), when a parenthetical anchor follows it
(``Plekhovo (south of Sudzha)``), or when the report gives the same name as a
place elsewhere (``to capture Soledar``). The relation is read by walking back
from the name over articles and adjectives to the preposition or compass phrase
that governs it; an area noun passes it on (``in the eastern outskirts of
Soledar`` → ``in``). Anchors come from parentheticals, appositions
(``Blahodatne, about 40km north of Kherson City``), containment (``Crimea,
Ukraine``, ``Kharg Island in Bushehr Province``) and ISW's attack lists
(``northwest of Lyman near Novoselivka, Svyatohirsk`` anchors both to Lyman).
"""

import re

from briefmodel._entities.abbreviations import is_acronym
from briefmodel._entities.context import Context
from briefmodel._entities.names import Name
from briefmodel._entities.words import (
    AREA_NOUNS,
    ATTACK_WORDS,
    BODY_WORDS,
    CAPITALS,
    COMPASS,
    COUNTRIES,
    COUNTRY_ACRONYMS,
    EXCLUDED_NAMES,
    INSTITUTION_WORDS,
    LOWER_CLASSIFIERS,
    MACRO_REGIONS,
    MEDIA_WORDS,
    MONTHS,
    NONSPATIAL_TO,
    PLACE_CLASSIFIERS,
    PLACE_PREFIXES,
    PREPOSITIONS,
    REGIONS,
    SETTLEMENT_NOUNS,
    SHARED_HEADS,
    SKIP_BEFORE,
    STRONG_PREPOSITIONS,
    THE_COUNTRIES,
    TITLE_WORDS,
    is_demonym,
)
from briefmodel._model.entities import PlaceKind

__all__ = ["PlaceDraft", "link_places", "read_place", "relation_before"]

_COMPASS_WORDS = (
    "northeast|northwest|southeast|southwest|north|south|east|west|north-east|north-west|south-east|south-west"
)
_HEDGES = (
    r"(?:(?:about|approximately|roughly|just|some|nearly|around|only|over|under|up to|less than|more than|"
    r"reportedly|also|directly|immediately|located|situated)\s+)*"
)
_DISTANCE = r"(?:\d+(?:[.,]\d+)?(?:\s?-\s?\d+)?\s?(?:km|kilometers|kilometres|miles|mi|meters|m)\s+(?:away\s+)?)?"
_COMPASS_PHRASE = rf"(?:to\s+the\s+)?({_COMPASS_WORDS})(?:\s+(?:and|or)\s+(?:{_COMPASS_WORDS}))?\s+of\s+(?:the\s+)?"
_PAREN_ANCHOR = re.compile(rf"\s?\((?:(both|all)\s+)?{_HEDGES}{_DISTANCE}{_COMPASS_PHRASE}")
_APPOSITION = re.compile(
    rf"(?:,\s+|\s*[—–]\s*|\s+)(?:(?:a|an|the)\s+(?:[a-z]+\s+)?(?:village|town|city|settlement)\s+)?"
    rf"(?:(?:which|that)\s+(?:lies|is|sits)\s+)?{_HEDGES}{_DISTANCE}{_COMPASS_PHRASE}"
)
_AND_COMPASS = re.compile(rf"\s+and\s+{_HEDGES}{_DISTANCE}{_COMPASS_PHRASE}")
_OUTSKIRTS = re.compile(
    r"\s+(on|in|at)\s+the\s+(?:[a-z]+ern\s+)?(?:outskirts|edge|edges|periphery|suburbs)\s+of\s+(?:the\s+)?"
)
_CONTAINED = re.compile(r"(?:\s+in\s+(?:the\s+)?(?:(?:[a-z]+ern|occupied|[A-Za-z]+-occupied)\s+)?|,\s+)")
_OF_IN = re.compile(r"\s+of\s+(?:the\s+)?")
_LOWER = re.compile(
    r"\s(tactical area|tactical direction|operational direction|missile base|air base|naval base|military base|"
    r"industrial plant|metal plant|steel plant|power plant|chemical plant|plant|oil field|gas field|oil refinery|"
    r"refinery|oil depot|airfield|site|"
    r"direction|”direction”|“direction”|axis|front|line|area|district|neighborhood|neighbourhood|microraion|"
    r"hromada|raion|highway|road|airbase|border|oblast|oblasts|provinces|regions|raions|countryside)(?![\w])"
)
_NUMBER = re.compile(r"\s\d{1,4}\b")
_ITSELF = re.compile(r"\s+itself\b")
_RANK = {
    PlaceKind.FACILITY: 0,
    PlaceKind.DISTRICT: 1,
    PlaceKind.SETTLEMENT: 2,
    PlaceKind.OTHER: 3,
    PlaceKind.REGION: 4,
    PlaceKind.COUNTRY: 5,
}
_NOT_ON = frozenset(
    "focus focused focusing focuses rely relied relying depend depends depended based comment commented commenting "
    "remarks remarked impact impacts effect effects pressure sanctions agreement agreements talks negotiations views "
    "position stance emphasis attention reported reporting report reports stated statement statements information "
    "intelligence data reliance dependence dependent spending turn turned turning".split()
)
_ATTRIBUTIVE_NEXT = re.compile(r"\s+(?:(?:and|or)\s+)?([A-Za-z][\w’'-]*)")
_MODIFIED_NOUN = re.compile(r"\s(?:[a-z]+\s)?(?:base|bases|facility|facilities|site|sites|plant|depot|airfield|port)\b")
_NOT_OVER = frozenset(
    "victory control influence concern concerns dispute disputes tension tensions sovereignty power authority "
    "leverage advantage superiority debate debates fight fighting win wins triumph".split()
)
_QUANTIFIERS = frozenset("much most all half some many".split())
_CITY_TITLES = frozenset({"Head", "Mayor", "Deputy"})
_DETERMINERS = frozenset("our their its his her the a an my your".split())
_NOUN_NEXT = frozenset(
    "and or is was has had have will would could can may might must should continues continue continued sent "
    "struck plans said stated announced reported launched to in on at from for with of that which who as after "
    "before since during conducted also did does not remains seeks wants needs intends sought agreed refused "
    "warned threatened began started used uses are were been being".split()
)


class PlaceDraft:
    """A place mention while its sentence is read: offsets in the sentence and the fields of ``Place``."""

    __slots__ = (
        "anchor",
        "anchor_relation",
        "article",
        "end",
        "evidence",
        "joined",
        "kind",
        "modifier",
        "possessive",
        "reach",
        "region",
        "relation",
        "run",
        "shared",
        "start",
        "text",
        "weak",
    )

    def __init__(self, sentence: str, start: int, end: int, kind: PlaceKind) -> None:
        self.start = start
        self.end = end
        self.text = sentence[start:end]
        self.kind = kind
        self.relation: str | None = None
        self.evidence = 0
        """2: the words around it make it a place; 1: a preposition such as ``in`` does, for a name that looks
        like no other thing; 0: only the name itself (a classifier, a country) or the report does."""
        self.joined = False
        """The word before it is a comma, ``and`` or ``or``: it may share the relation of the conjunct before."""
        self.anchor: PlaceDraft | None = None
        self.anchor_relation: str | None = None
        self.modifier = False
        """It only locates another place (``Sudzha`` in ``Plekhovo (south of Sudzha)``): its relation is none."""
        self.region: str | None = None
        self.run = start
        """Where its name's run starts (before a nationality word left out)."""
        self.reach = end
        """Where the text after it starts: past a possessive, a classifier, its parenthetical."""
        self.article = -1
        self.possessive = False
        """Printed with ``’s``: a determiner, which takes no relation from a list (``Syria and Russia’s``)."""
        self.shared = False
        """Printed before a plural head (``Kherson oblasts``): each conjunct of its list is a region."""
        self.weak = False
        """A bare name nothing but a list makes a place: kept only when a conjunct of its list is one."""

    def __repr__(self) -> str:
        anchor = f" @{self.anchor.text}" if self.anchor else ""
        return f"PlaceDraft({self.text!r}, {self.kind.value}, {self.relation}{anchor})"


def relation_before(sentence: str, start: int) -> tuple[str | None, int, bool]:
    """The relation the words before ``start`` give a name: ``(relation, evidence, joined)``.

    ``evidence`` is 2 when the words make the name a place (``near``, a compass phrase, an area noun),
    1 when a preposition of place governs it, 0 otherwise; ``joined`` when the word before is a comma,
    ``and`` or ``or`` (the caller reads the conjunct before).
    """
    low = max(0, start - 100)
    words = sentence[low:start].split()
    if low and words:
        words = words[1:]  # a word cut by the window
    i = len(words) - 1
    while i >= 0 and _skippable(words[i]):
        i -= 1
    if i < 0:
        return None, 0, False
    word = words[i]
    if word[-1] in ",;:(" or word in ("and", "or", "&", "both"):
        return None, 0, word[-1] != ";" and word[-1] != ":" and word[-1] != "("
    if word == "of":
        return _of_relation(words, i - 1)
    if word == "including" or (word == "as" and i and words[i - 1] == "such"):
        return _governing(words, i - 1 if word == "including" else i - 2)
    if word not in PREPOSITIONS:
        return None, 0, False
    relation = PREPOSITIONS[word]
    before = words[i - 1].strip('“”"‘’(') if i else ""
    if i >= 2 and before in ("and", "or") and words[i - 2] in PREPOSITIONS and PREPOSITIONS[words[i - 2]]:
        relation = PREPOSITIONS[words[i - 2]]  # "near and within Kostyantynivka": the first
    elif relation == "to":
        if before in ("close", "next"):
            return "near", 2, False
        if before in NONSPATIAL_TO or before.endswith("’s"):
            return None, 0, False
    elif relation == "on":
        if before in ("drive", "drives", "march", "advance"):
            return "toward", 2, False
        if before in _NOT_ON:
            return None, 0, False
    elif relation == "against":
        if not any(w in ATTACK_WORDS for w in words[max(0, i - 3) : i]):
            return None, 0, False
    elif relation == "over":
        if before in _NOT_OVER:
            return None, 0, False
    elif relation is None:
        if word == "for" and before == "bound":
            return "to", 2, False
        return None, 0, False
    return relation, 2 if relation in STRONG_PREPOSITIONS else 1, False


def _governing(words: list[str], i: int) -> tuple[str | None, int, bool]:
    """The relation of a name given as an example (``strikes on multiple … facilities, including the Imam Ali
    Missile Base``): the preposition that governs the noun it exemplifies."""
    low = max(-1, i - 7)
    while i > low:
        word = words[i].rstrip(",")
        if word in PREPOSITIONS:
            relation, evidence, _ = relation_before(" ".join(words[: i + 1]) + " X", len(" ".join(words[: i + 1])) + 1)
            return relation, min(evidence, 1), False
        if not word[:1].islower():
            break
        i -= 1
    return None, 0, False


def _skippable(word: str) -> bool:
    if word in SKIP_BEFORE:
        return True
    if word.endswith("ern") and word.lower()[:-3] in COMPASS:
        return True
    return is_demonym(word) and not word.endswith((",", ";"))


def _of_relation(words: list[str], i: int) -> tuple[str | None, int, bool]:
    """The relation of a name after ``of``: a compass phrase (the first of two), an area noun's preposition, or
    none (``the seizure of Plekhovo``)."""
    if i < 0:
        return None, 0, False
    word = words[i]
    if word in COMPASS and word.islower():
        first = word
        if i >= 2 and words[i - 1] in ("and", "or") and words[i - 2] in COMPASS:
            first = words[i - 2]
        return COMPASS[first] + " of", 2, False
    if word == "out":
        return "from", 2, False
    if word in _QUANTIFIERS and i >= 1 and words[i - 1] == "of":
        return _of_relation(words, i - 2)  # "out of much of Bakhmutske"
    if word in AREA_NOUNS or word in SETTLEMENT_NOUNS:
        if word == "vicinity":
            return "near", 2, False
        if word == "direction":
            return "toward", 2, False
        j = i - 1
        while j >= 0 and (_skippable(words[j]) or "-" in words[j] or words[j] in COMPASS):
            j -= 1
        if j >= 0 and words[j] in PREPOSITIONS and PREPOSITIONS[words[j]]:
            return PREPOSITIONS[words[j]], 2, False
        return None, 2 if word not in ("part", "parts", "side", "sides", "center", "centre") else 1, False
    return None, 0, False


def _whole_kind(text: str, context: Context) -> PlaceKind | None:
    """The kind a whole name has by itself (a country, a capital, a region, a macro-region), or ``None``."""
    if text in COUNTRIES:
        return PlaceKind.COUNTRY
    if text in MACRO_REGIONS:
        last = text.rsplit(None, 1)[-1]
        return (
            PlaceKind.WATER
            if PLACE_CLASSIFIERS.get(last) is PlaceKind.WATER or text == "Mediterranean"
            else (PlaceKind.OTHER)
        )
    if text in REGIONS:
        return PlaceKind.REGION
    if text in CAPITALS:
        return PlaceKind.SETTLEMENT
    return None


def _attributive(sentence: str, end: int) -> bool:
    """Is a country acronym at ``end`` used as a modifier (``US forces``, ``the PRC consulate``, ``the US and
    Syrian government``)?"""
    following = _ATTRIBUTIVE_NEXT.match(sentence, end)
    if following is None:
        return False
    word = following.group(1)
    if sentence.startswith((" and ", " or "), end):
        return is_demonym(word) or (word[0].islower() and word not in _DETERMINERS)
    if word[0].isupper():
        return True
    return word not in _NOUN_NEXT


def read_place(name: Name, sentence: str, context: Context) -> PlaceDraft | None:
    """The place a name is, with its relation, or ``None``; a bare name only a list could make a place comes
    back ``weak``."""
    text = name.text
    words = name.words
    if text in EXCLUDED_NAMES:
        return None
    kind = _whole_kind(text, context)
    lead = 0
    if kind is None:
        while lead < len(words) and is_demonym(words[lead]):
            lead += 1
        if lead == len(words):
            return _demonym_border(name, sentence)
        if lead:
            kind = _whole_kind(" ".join(words[lead:]), context)
    offsets = name.offsets() if lead or len(words) > 1 else [0]
    start = name.start + offsets[lead]
    end = name.end
    core = words[lead:]
    classified = kind is not None
    shared = False
    if kind is PlaceKind.COUNTRY and core[-1] in COUNTRY_ACRONYMS and _attributive(sentence, name.after):
        return None
    if kind is None:
        found = _classified(core, offsets[lead:], name, sentence, context)
        if found is None:
            return None
        kind, size = found
        classified = size != 0
        shared = size < 0
        size = abs(size)
        if size > 0:
            end = name.start + offsets[lead + size - 1] + len(core[size - 1])
        core = core[:size] if size else core
    draft = PlaceDraft(sentence, start, end, kind)
    draft.shared = shared
    draft.run = name.start
    draft.reach = name.after if end == name.end else end
    if kind is PlaceKind.FACILITY and end == name.end:
        number = _NUMBER.match(sentence, end)
        if number is not None and core[-1] in ("Station", "Base", "Complex", "Zone", "Site"):
            draft.end = draft.reach = number.end()
            draft.text = sentence[start : number.end()]
    if not lead and name.article >= 0 and _keeps_article(draft.text, kind):
        draft.article = name.article
    if end == name.end and not name.possessive and _lower_classifier(draft, sentence, context, classified):
        classified = True
    relation, evidence, joined = relation_before(sentence, name.start)
    if name.possessive:
        relation = "near" if sentence.startswith(" vicinity", name.after) else None
        evidence = 2 if relation else evidence
    elif classified and draft.end == name.end and _MODIFIED_NOUN.match(sentence, draft.end):
        relation = None  # "strikes on the Yazd Province missile base": the province only names the base's place
    draft.relation, draft.evidence, draft.joined = relation, evidence, joined
    draft.possessive = name.possessive
    if classified:
        return draft
    if _ITSELF.match(sentence, draft.reach) or _PAREN_ANCHOR.match(sentence, draft.reach):
        draft.evidence = 2
    if draft.text in context.known:
        draft.kind = context.known[draft.text]
        return draft
    if not _looks_like_a_place(core, draft, sentence):
        return None
    if draft.evidence == 0:
        draft.weak = True
    return draft


def _keeps_article(text: str, kind: PlaceKind) -> bool:
    if kind is PlaceKind.WATER:
        return True
    if kind is PlaceKind.COUNTRY:
        return text in THE_COUNTRIES
    return "People’s Republic" in text or "People's Republic" in text or text in MACRO_REGIONS


def _demonym_border(name: Name, sentence: str) -> PlaceDraft | None:
    """``the Belarusian border``: a border named after the territory it divides (kind other)."""
    if len(name.words) == 1 and "-" not in name.text and sentence.startswith(" border", name.end):
        draft = PlaceDraft(sentence, name.start, name.end + 7, PlaceKind.OTHER)
        draft.relation, draft.evidence, draft.joined = relation_before(sentence, name.start)
        draft.reach = name.end + 7
        return draft
    return None


def _classified(
    core: list[str], offsets: list[int], name: Name, sentence: str, context: Context
) -> tuple[PlaceKind, int] | None:
    """The kind of a name by its classifier and how many of its words are the place (a title or a body after
    it left out: ``Luhansk Oblast Head Serhiy Haidai``); size 0 for a bare name (no classifier), a negative size
    for a shared plural head left out (``Kherson Oblasts``)."""
    first = core[0]
    if first in EXCLUDED_NAMES and first not in PLACE_CLASSIFIERS and first not in TITLE_WORDS:
        return None  # "Telegram Channel"
    if (
        first in COUNTRIES
        and first not in COUNTRY_ACRONYMS  # "US National Security Council": a modifier, no place
        and len(core) > 1
        and core[1] not in PLACE_CLASSIFIERS
        and core[1] not in ("of", "Republic")
        and not any(w in INSTITUTION_WORDS or w in MEDIA_WORDS for w in core)
    ):
        return PlaceKind.COUNTRY, 1  # "Russia Rodion Miroshnik": the country, then a person
    if (first in PLACE_PREFIXES and len(core) > 1 and first not in PLACE_CLASSIFIERS) or (
        first in ("Strait", "Sea", "Gulf", "Port") and len(core) > 2 and core[1] == "of"
    ):
        return PLACE_PREFIXES[first], len(core)
    for index in range(1, len(core)):
        word = core[index]
        kind = PLACE_CLASSIFIERS.get(word)
        if kind is None:
            if word in BODY_WORDS:
                prefix = " ".join(core[:index])
                known = _whole_kind(prefix, context) or context.known.get(prefix)
                if known is not None:
                    if word.startswith("Governor") and known is PlaceKind.SETTLEMENT and prefix not in CAPITALS:
                        known = PlaceKind.REGION
                    return known, index
                if name.start == 0 or any(w in INSTITUTION_WORDS or w in MEDIA_WORDS for w in core):
                    return None
            continue
        if word == "City" and index + 1 < len(core) and core[index + 1] in _CITY_TITLES:
            return PlaceKind.SETTLEMENT, index  # "Avdiivka City Head …": the title is "City Head"
        if word in ("Oblasts", "Provinces") and index + 1 == len(core):
            return kind, -index  # "Luhansk, Kharkiv, and Kherson Oblasts": a shared head, not in the text
        size = index + 1
        while size < len(core) and core[size] in PLACE_CLASSIFIERS:
            size += 1  # "Air Base", "Industrial Zone" end with a classifier too
        if index + 1 < len(core) and core[index + 1] == "of":
            return kind, len(core)  # "Republic of …"
        return kind, size
    if any(w in INSTITUTION_WORDS or w in MEDIA_WORDS for w in core):
        return None
    if len(core) > 1 and core[-1] in MONTHS:
        return None
    return PlaceKind.SETTLEMENT, 0


def _lower_classifier(draft: PlaceDraft, sentence: str, context: Context, classified: bool) -> bool:
    """A lower-case classifier after the name (``Slovyansk direction``, ``Lyman district``, ``Kherson
    oblasts``): part of the text, or a shared plural head that is not."""
    found = _LOWER.match(sentence, draft.end)
    if found is None:
        return False
    word = found.group(1)
    if word in SHARED_HEADS or word == "oblast":
        if word == "countryside" or not classified or draft.kind is PlaceKind.SETTLEMENT:
            draft.kind = PlaceKind.DISTRICT if word == "raions" else PlaceKind.REGION
            draft.shared = word != "countryside"
            draft.evidence = 2
            return True
        return False
    if word in ("area", "line") and "-" not in draft.text:
        return False  # "the Bakhmut area": an area noun, not a sector's name
    kind = LOWER_CLASSIFIERS.get(word, PlaceKind.FACILITY)
    if word == "border":
        if "-" not in draft.text and draft.kind is not PlaceKind.COUNTRY:
            return False
    elif kind is PlaceKind.FACILITY and (classified or draft.text in context.known):
        return False  # "the Yazd Province missile base" is only the province
    draft.kind = kind
    draft.end = draft.reach = found.end()
    draft.text = sentence[draft.start : draft.end]
    draft.evidence = 2
    return True


def _looks_like_a_place(core: list[str], draft: PlaceDraft, sentence: str) -> bool:
    """May a bare name (no classifier, not in any list) be a place, given the words around it?"""
    first = core[0]
    if first in EXCLUDED_NAMES or first in MONTHS or core[-1] in MONTHS or not TITLE_WORDS.isdisjoint(core):
        return False
    if len(core) == 1 and first in PLACE_CLASSIFIERS:
        return False  # a classifier cut from its name ("Oblast" after a line break)
    if "-" in first and all(part in COUNTRIES or is_demonym(part) for part in first.split("-")):
        return False  # "Israel-Lebanon", "US-Iran": names inside a compound
    if any(c.isdigit() for c in first):
        return False  # "S-300": equipment
    if len(core) == 1 and is_acronym(first) and first not in COUNTRIES:
        return False
    if any(w in MEDIA_WORDS or w in INSTITUTION_WORDS for w in core) or first[0].isdigit():
        return False
    if draft.evidence == 1 and draft.relation in ("to", "from", "at", "on", "over", "against") and draft.run == 0:
        return False
    if draft.relation == "on" and draft.evidence == 1:
        before = sentence[max(0, draft.run - 40) : draft.run].split()
        if len(before) < 2 or before[-2] not in ATTACK_WORDS:
            return False  # "the Convention on the Prevention …": only an attack's "on" makes a name a place
    return not (draft.run == 0 and draft.evidence == 0 and not draft.joined)


def link_places(sentence: str, places: list[PlaceDraft]) -> list[PlaceDraft]:
    """Anchor, relate and keep the places of a sentence; returns those kept, in order."""
    by_start: dict[int, PlaceDraft] = {}
    for place in places:
        by_start[place.start] = place
        if place.article >= 0:
            by_start[place.article] = place
    _shared_heads(sentence, places)
    for place in reversed(places):  # right to left: a chain's later links are read first
        if place.anchor is None:
            _anchor_after(sentence, place, places, by_start)
    _coordinate(sentence, places)
    return [place for place in places if not place.weak]


def _anchor_after(sentence: str, place: PlaceDraft, places: list[PlaceDraft], by_start: dict[int, PlaceDraft]) -> None:
    """The anchor printed after a place: a parenthetical, an apposition, the outskirts of, containment."""
    reach = place.reach
    found = _PAREN_ANCHOR.match(sentence, reach)
    if found is not None:
        anchor = by_start.get(found.end())
        close = sentence.find(")", found.end())
        if anchor is not None:
            relation = COMPASS[found.group(2).replace("-", "")] + " of"
            _set_anchor(place, anchor, relation)
            place.weak = False
            if found.group(1):
                _anchor_conjuncts(sentence, place, places, anchor, relation, found.group(1) == "all")
        if close > 0:
            place.reach = close + 1
        return
    if sentence.startswith(" (", reach):
        anchor = by_start.get(reach + 2)
        if anchor is not None and sentence.startswith(")", anchor.reach) and not place.modifier:
            contains = _RANK.get(anchor.kind, -1) > _RANK.get(place.kind, 9)
            _set_anchor(place, anchor, "in" if contains else None)
            place.reach = anchor.reach + 1
        return
    if place.modifier and place.anchor is None:
        _contained(sentence, place, places, by_start)
        return
    found = _APPOSITION.match(sentence, reach)
    if (
        found is not None
        and (sentence[reach] != " " or place.kind not in (PlaceKind.REGION, PlaceKind.COUNTRY))
        and not (sentence[reach] == "," and place.relation is not None and place.relation.endswith(" of"))
    ):
        anchor = by_start.get(found.end())
        if anchor is not None:
            _set_anchor(place, anchor, COMPASS[found.group(1).replace("-", "")] + " of")
            place.weak = False
            more = _AND_COMPASS.match(sentence, anchor.reach)
            while more is not None:
                other = by_start.get(more.end())
                if other is None:
                    break
                other.modifier = True
                other.relation = None
                more = _AND_COMPASS.match(sentence, other.reach)
            return
    found = _OUTSKIRTS.match(sentence, reach)
    if found is not None:
        anchor = by_start.get(found.end())
        if anchor is not None:
            _set_anchor(place, anchor, found.group(1))
            place.weak = False
            return
    _contained(sentence, place, places, by_start)


def _contained(sentence: str, place: PlaceDraft, places: list[PlaceDraft], by_start: dict[int, PlaceDraft]) -> None:
    """Containment: ``Sheikh Maqsoud neighborhood of Aleppo City``, ``Kharg Island in Bushehr Province``,
    ``Crimea, Ukraine`` (a comma apposition after a list anchors every conjunct)."""
    reach = place.reach
    if place.text.endswith(("neighborhood", "district", "neighbourhood", "Raion", "District")):
        found = _OF_IN.match(sentence, reach)
        if found is not None:
            anchor = by_start.get(found.end())
            if anchor is not None:
                _set_anchor(place, anchor, "in")
                return
    found = _CONTAINED.match(sentence, reach)
    if found is None:
        return
    anchor = by_start.get(found.end())
    if anchor is None or _RANK.get(anchor.kind, -1) <= _RANK.get(place.kind, 9):
        return
    comma = found.group().startswith(",")
    if comma and anchor.kind not in (PlaceKind.REGION, PlaceKind.COUNTRY):
        return
    _set_anchor(place, anchor, "in")
    if comma and not place.modifier:
        _anchor_conjuncts(sentence, place, places, anchor, "in", True, loose=False)


def _set_anchor(place: PlaceDraft, anchor: PlaceDraft, relation: str | None) -> None:
    place.anchor = anchor
    place.anchor_relation = relation
    anchor.modifier = True
    anchor.relation = None
    anchor.weak = False
    if anchor.reach > place.reach:
        place.reach = anchor.reach


_GAP_WORDS = frozenset({",", "and", "or", "the", "of", *PREPOSITIONS, *COMPASS})


def _conjunct_gap(gap: str, loose: bool = False) -> bool:
    """Is the text between two places a coordination (``, ``, `` and ``, ``, and the ``, `` and eastern ``)?
    ``loose``: a repeated relation may stand in it too (``west of A, and west of B``)."""
    words = gap.replace(",", " , ").split()
    if not words:
        return False
    conjunctions = 0
    for word in words:
        if word in ("and", "or"):
            conjunctions += 1
        elif word != "," and not _skippable(word) and not (loose and word in _GAP_WORDS):
            return False
    return conjunctions <= 1 or loose


def _anchor_conjuncts(
    sentence: str,
    place: PlaceDraft,
    places: list[PlaceDraft],
    anchor: PlaceDraft,
    relation: str | None,
    every: bool,
    loose: bool = True,
) -> None:
    """``(both …)`` anchors the conjunct before too, ``(all …)`` and a containment apposition every conjunct of
    the list."""
    index = places.index(place)
    current = place
    count = 0
    for before in reversed(places[:index]):
        if before.modifier:
            continue
        if before.anchor is not None or not _conjunct_gap(sentence[before.reach : current.run], loose=loose):
            break
        before.anchor = anchor
        before.anchor_relation = relation
        before.weak = False
        current = before
        count += 1
        if not every and count == 1:
            break


_FRAME_WORDS = frozenset({",", "and", "or", "near", "toward", "towards", "the"})


def _shared_heads(sentence: str, places: list[PlaceDraft]) -> None:
    """``Luhansk, Donetsk, … and Kherson oblasts``: each conjunct before a plural head is a region."""
    for index in range(len(places) - 1, -1, -1):
        place = places[index]
        if not place.shared:
            continue
        current = place
        for before in reversed(places[:index]):
            if not _conjunct_gap(sentence[before.reach : current.run]):
                break
            before.kind = PlaceKind.REGION
            before.weak = False
            before.shared = True
            current = before


def _coordinate(sentence: str, places: list[PlaceDraft]) -> None:
    """Conjuncts share the relation of the first (``near A, B and C``); in ``<direction> of Y near A, B``, A and
    B are anchored to Y with that direction."""
    previous: PlaceDraft | None = None
    frame: PlaceDraft | None = None
    for place in places:
        if place.modifier:
            continue
        gap = sentence[previous.reach : place.run] if previous is not None else ""
        if previous is not None and place.joined and _conjunct_gap(gap, loose=True):
            if place.relation is None and not place.possessive:
                place.relation = previous.relation
            if place.weak and (previous.relation is not None or previous.shared) and not previous.weak:
                place.weak = False
                if previous.kind is PlaceKind.DISTRICT:
                    place.kind = PlaceKind.DISTRICT  # "in Sheikh Maqsoud and neighboring Ashrafieh"
        if frame is not None:
            words = gap.replace(",", " , ").split()
            if not words or not all(w in _FRAME_WORDS for w in words) or ";" in gap:
                frame = None
        if place.relation is not None and place.relation.endswith(" of"):
            frame = place if sentence.startswith((" near ", " toward ", " towards "), place.reach) else None
        elif frame is not None and place.anchor is None:
            place.anchor = frame
            place.anchor_relation = frame.relation
            place.weak = False
        previous = place
