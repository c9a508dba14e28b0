"""Military units: which names are formations, their echelon, number, side and abbreviation, and the chains of
superiors that link them.

A name is a unit when its head noun is a formation's (``Regiment``, ``Grouping of
Forces``, ``Military District``, ``Fleet``, ``Command``, ``Detachment``, ...), when
it is a known armed group or starts like one (``Kataib …``, ``Saraya …``), or when
it is an acronym the report or the vocabulary spells out as a unit (``SMD``,
``CENTCOM``). Ministries, staffs, directorates, services, police bodies and firms
never are. Superiors are read from the parenthetical chain (``22nd Motorized
Rifle Regiment (72nd Motorized Rifle Division, 44th Army Corps [AC], …)``: each
element the parent of the one before), ``X of the Y``, and ``Y, including its X``.
"""

import re

from briefmodel._entities.abbreviations import ACRONYM_AFTER, is_acronym
from briefmodel._entities.context import Context
from briefmodel._entities.names import Name
from briefmodel._entities.words import (
    ARMED_GROUP_PREFIXES,
    ARMED_GROUPS,
    DEMONYM_SIDES,
    INSTITUTION_WORDS,
    PLACE_CLASSIFIERS,
    RUSSIAN_WORDS,
    UKRAINIAN_WORDS,
    UNIT_ACRONYMS,
    UNIT_HEADS,
    UNIT_WORDS,
    is_demonym,
)
from briefmodel._model.entities import Echelon, Side

__all__ = ["UnitDraft", "link_units", "read_unit", "shared_head_units"]

_ORDINAL = re.compile(r"(\d{1,4})(?:st|nd|rd|th)$")
_NUMBERED = re.compile(r"[A-Za-z]+-(\d{1,4})$")
_TYPE_ACRONYMS = frozenset({"CAA", "GTA", "TA", "AC", "MRR", "MRD", "MRB", "NIB", "TD", "MD"})
_GENERIC = frozenset(
    "Armed Forces Force Defense Defence Democratic Arab Central Command Army Navy Air National Guard Ground "
    "Naval Special Operations Republican Popular Mobilization Security Space Aerospace Marine Corps".split()
)
_LOWER_HEADS = re.compile(r" (?:drone |assault |reconnaissance |special )?(detachment|battalion|unit)\b")
_CHAIN_LEADS = (
    "reportedly ",
    "a mobilized element of the ",
    "an element of the ",
    "a unit of the ",
    "part of the ",
    "under operational control of the ",
    "under the operational control of the ",
    "subordinate to the ",
    "subordinated to the ",
    "of the ",
    "the ",
    "elements of the ",
    "likely ",
)
_CENTER_WORDS = frozenset({"Unmanned", "Drone", "Drones", "Combat", "Spetsnaz", "Assault", "Special"})
_OTHERS = frozenset({"IRGC", "Israeli", "US", "Iraqi", "Syrian", "Lebanese", "Islamic", "Iranian", "Artesh"})
_PROXIES = frozenset({"DNR", "LNR", "(DNR)", "(LNR)", "DPR", "LPR", "(DPR)", "(LPR)"})
_TITLES = frozenset(
    "Commander Commanders Chief Deputy Head Spokesperson Spokesman Colonel General Lieutenant Major Captain "
    "Sergeant Admiral Officer Officers Press Service Leader Leaders Commanders".split()
)
_PLURAL_HEADS = frozenset(
    {"Brigades", "Regiments", "Divisions", "Battalions", "Armies", "Corps", "Companies", "Fleets", "Districts"}
)


class UnitDraft:
    """A unit mention while its sentence is read: offsets in the sentence and the fields of ``Unit``."""

    __slots__ = ("abbreviation", "after", "echelon", "end", "full", "number", "parent", "side", "start", "text")

    def __init__(self, sentence: str, start: int, end: int, echelon: Echelon, number: int | None) -> None:
        self.start = start
        self.end = end
        self.text = sentence[start:end]
        self.echelon = echelon
        self.number = number
        self.side: Side | None = None
        self.abbreviation: str | None = None
        self.parent: UnitDraft | None = None
        self.after = end
        """Where the text after it starts (past its bracketed abbreviation)."""
        self.full = ""
        """Its name with abbreviations spelled out, for its key."""

    def __repr__(self) -> str:
        return f"UnitDraft({self.text!r}, {self.echelon.value})"


def _echelon(words: list[str], head: int, numbered: bool) -> Echelon | None:
    """The echelon of a name whose head noun is ``words[head]``, or ``None`` when that head makes no unit."""
    word = words[head]
    before = words[head - 1] if head else ""
    echelon = UNIT_HEADS[word]
    military = numbered or any(w in UNIT_WORDS for w in words)
    if echelon is Echelon.DISTRICT:
        return Echelon.DISTRICT if before in ("Military", "Naval") else None
    if word in ("Center", "Centre"):
        return echelon if not _CENTER_WORDS.isdisjoint(words) else None
    if word in ("Company", "Companies", "Group", "Groups", "Unit"):
        return echelon if military or " ".join(words) in ARMED_GROUPS else None
    if (
        echelon in (Echelon.REGIMENT, Echelon.BRIGADE, Echelon.DIVISION, Echelon.BATTALION)
        and not numbered
        and all(w in UNIT_WORDS for w in words[:head])
    ):
        return None  # "a Motor Rifle Regiment", "Battalion Tactical Groups": no name
    if echelon is Echelon.ARMY:
        if numbered or before in ("Tank", "Arms", "Defense", "Air"):
            return Echelon.ARMY if numbered else Echelon.OTHER
        return Echelon.OTHER if (head and not is_demonym(before)) or head >= 2 else None
    if echelon is Echelon.CORPS:
        return Echelon.CORPS if numbered or before in ("Army", "Africa") else Echelon.OTHER if head else None
    if word == "Guard":
        if before == "Border":
            return None
        state = any(is_demonym(w) or w in ("Republican", "Coast", "Presidential", "IRGC") for w in words[:head])
        return Echelon.OTHER if state else Echelon.GROUP
    if not numbered and all(w in ("Armed", "Brigade", "Forces") for w in words[:head]):
        return None  # "Brigade", "Forces", "Command", "Armed Forces" alone name nothing
    return echelon


def _strip_nationality(words: list[str]) -> int:
    """How many leading nationality words to leave out of a unit's text: those that only tell its side
    (``Russian 1427th …``, ``Chechen 78th …``), none when the rest would be generic (``Ukrainian Armed
    Forces``, ``US Central Command``, ``Syrian Arab Army``)."""
    lead = 0
    while lead < len(words) - 1 and (is_demonym(words[lead]) or words[lead] in ("US", "U.S.", "UK")):
        lead += 1
    if lead and all(w in _GENERIC for w in words[lead:]):
        return 0
    return lead


_TRIGGERS = frozenset(UNIT_HEADS) | ARMED_GROUP_PREFIXES | frozenset(w for name in ARMED_GROUPS for w in name.split())


def could_be_unit(name: Name, sentence: str) -> bool:
    """A quick test that lets most names skip ``read_unit``: a unit's name has an ordinal, a formation's head
    noun, an armed group's word, or is an acronym, or a lower-case head noun follows it."""
    words = name.words
    if not _TRIGGERS.isdisjoint(words):
        return True
    for word in words:
        if word[0].isdigit() or word[-1].isupper() or "-" in word:
            return True  # "1427th", "MRR", "BARS-31"
    return _LOWER_HEADS.match(sentence, name.end) is not None


def read_unit(name: Name, sentence: str, context: Context) -> UnitDraft | None:
    """The unit a name is, or ``None``."""
    words = name.words
    if not words or not could_be_unit(name, sentence):
        return None
    lead = _strip_nationality(words)
    core = words[lead:]
    numbered = _ORDINAL.match(core[0]) is not None
    last = core[-1]
    if last in PLACE_CLASSIFIERS and last not in UNIT_HEADS and _armed_group(core) is None:
        return None  # "4th Artesh Ground Forces Aviation Base" is a facility
    echelon, size = _head(core, numbered, context)
    lower = None
    if echelon is None and not numbered and size == len(core):
        lower = _LOWER_HEADS.match(sentence, name.end)
        if lower is not None:
            echelon = UNIT_HEADS[lower.group(1)] if lower.group(1) != "unit" else Echelon.OTHER
    if echelon is None:
        return None
    if any(w in INSTITUTION_WORDS for w in core[:size]) and _armed_group(core) is None:
        return None
    offsets = name.offsets()
    start = name.start + offsets[lead]
    end = name.start + offsets[lead + size - 1] + len(core[size - 1])
    if lower is not None:
        end = lower.end()
    number: int | None = None
    if numbered:
        number = int(core[0][:-2])
    else:
        hyphened = _NUMBERED.match(core[0])
        if hyphened is not None and core[size - 1] in ("Detachment", "Unit", "Group"):
            number = int(hyphened.group(1))
    draft = UnitDraft(sentence, start, end, echelon, number)
    draft.side = _side(words[:lead], core, sentence, name.start)
    if end == name.end:
        draft.after = name.after
        found_short = ACRONYM_AFTER.match(sentence, name.after)
        if found_short is not None and is_acronym(found_short.group(1)):
            draft.abbreviation = found_short.group(1)
            draft.after = found_short.end()
    elif lower is not None:
        draft.after = end
    return draft


def _head(core: list[str], numbered: bool, context: Context) -> tuple[Echelon | None, int]:
    """The echelon of a name and how many of its words the unit's text keeps (titles after the head noun
    left out: ``22nd Army Corps Chief``)."""
    found = _armed_group(core)
    if found is not None:
        return found, len(core)
    for grouping in ("Grouping", "Group"):
        if grouping in core:
            index = core.index(grouping)
            if core[index + 1 : index + 3] == ["of", "Forces"] and index:
                return Echelon.GROUP, index + 3  # "Southern Grouping of Forces", "Eastern Group of Forces"
    for index in range(len(core) - 1, -1, -1):
        word = core[index]
        if word not in UNIT_HEADS:
            continue
        if (
            index + 1 < len(core)
            and word not in ("Center", "Centre")
            and not any(w in _TITLES for w in core[index + 1 :])
        ):
            break  # "Russian Combat Army Reserve": the head noun is "Reserve", no formation's
        echelon = _echelon(core, index, numbered)
        if echelon is not None:
            return echelon, len(core) if word in ("Center", "Centre") else index + 1
        break
    if numbered and len(core) >= 2:
        return _acronym_echelon(core[1], context), 2
    if len(core) == 1 and not numbered:
        return _acronym_unit(core[0], context), 1
    return None, len(core)


def _offset(words: list[str], lead: int) -> int:
    return sum(len(w) + 1 for w in words[:lead])


def _armed_group(core: list[str]) -> Echelon | None:
    joined = " ".join(core)
    if joined in ARMED_GROUPS:
        return ARMED_GROUPS[joined]
    if len(core) >= 2 and core[0] in ARMED_GROUP_PREFIXES:
        return Echelon.GROUP
    return None


def _acronym_echelon(word: str, context: Context) -> Echelon | None:
    """The echelon an acronym after an ordinal names (``36th CAA``, ``1427th MRR``), or ``None``."""
    full = context.glossary.get(word)
    if full is not None:
        heads = [w for w in full.split() if w in UNIT_HEADS]
        if heads:
            last = heads[-1]
            return _echelon(full.split(), full.split().index(last), True)
    known = UNIT_ACRONYMS.get(word)
    return known[1] if known is not None else None


def _acronym_unit(word: str, context: Context) -> Echelon | None:
    """The echelon of a bare acronym that names one formation (``SMD``, ``CENTCOM``), or ``None``."""
    if not is_acronym(word) or word in _TYPE_ACRONYMS:
        return None
    full = context.glossary.get(word)
    if full is not None:
        words = full.split()
        if any(w in INSTITUTION_WORDS for w in words):
            return None
        for index in range(len(words) - 1, -1, -1):
            if words[index] in UNIT_HEADS:
                return _echelon(words, index, False) if index else None
        found = _armed_group(words)
        if found is not None:
            return found
        if word not in UNIT_ACRONYMS:
            return None
    known = UNIT_ACRONYMS.get(word)
    return known[1] if known is not None else None


def _side(lead: list[str], core: list[str], sentence: str, start: int) -> Side | None:
    """The side the words show: a nationality word before it, a possessive country, its own words; ``None``
    when they show none (the report's default then applies)."""
    for word in lead or core[:1]:
        if is_demonym(word):
            named = DEMONYM_SIDES.get(word)
            return Side(named) if named else Side.OTHER
    before = sentence[max(0, start - 12) : start]
    for word, side in (("Ukraine’s ", Side.UKRAINIAN), ("Russia’s ", Side.RUSSIAN), ("Ukrainian ", Side.UKRAINIAN)):
        if before.endswith(word):
            return side
    if core[0] in _OTHERS or core[0] in ARMED_GROUP_PREFIXES:
        return Side.OTHER
    if any(w in RUSSIAN_WORDS for w in core) or not _PROXIES.isdisjoint(core):
        return Side.RUSSIAN
    if any(w in UKRAINIAN_WORDS for w in core):
        return Side.UKRAINIAN
    return None


def shared_head_units(sentence: str, ordinals: list[Name], units: list[UnitDraft]) -> list[UnitDraft]:
    """The units of a list that shares one plural head (``the 810th and 155th Naval Infantry Brigades``): each
    bare ordinal before the last conjunct is a unit of the head's echelon, its text the ordinal alone; the last
    conjunct, likewise, its ordinal alone."""
    made: list[UnitDraft] = []
    for unit in units:
        words = unit.text.split()
        if unit.number is None or words[-1] not in _PLURAL_HEADS:
            continue
        chain: list[Name] = []
        edge = unit.start
        for ordinal in reversed(ordinals):
            if ordinal.end > edge:
                continue
            gap = sentence[ordinal.end : edge]
            if gap not in (", ", " and ", ", and ", " or ", ", or "):
                break
            chain.append(ordinal)
            edge = ordinal.start
        if not chain:
            continue
        for ordinal in reversed(chain):
            draft = UnitDraft(sentence, ordinal.start, ordinal.end, unit.echelon, int(ordinal.text[:-2]))
            draft.side = unit.side
            draft.full = " ".join(words[1:])
            made.append(draft)
        first = _ORDINAL.match(words[0])
        if first is not None:
            unit.full = " ".join(words[1:])
            unit.end = unit.start + len(words[0])
            unit.text = words[0]
    return made


def link_units(sentence: str, units: list[UnitDraft]) -> None:
    """Set each unit's parent from the chains in parentheses, ``X of the Y`` and ``Y, including its X``."""
    by_start = {unit.start: unit for unit in units}
    for index, unit in enumerate(units):
        after = unit.after
        if sentence.startswith(" (", after):
            _chain(sentence, unit, after + 2, units, by_start)
        elif sentence.startswith(" of the ", after):
            parent = by_start.get(after + 8)
            if parent is not None and parent is not unit:
                unit.parent = parent
        for phrase in (", including its ", " and its ", ", and its ", " including its "):
            if sentence.startswith(phrase, after):
                child = by_start.get(after + len(phrase))
                if child is not None and index + 1 < len(units):
                    child.parent = unit
    for unit in units:  # a chain shares its first element's side
        parent = unit.parent
        while parent is not None and parent.side is None:
            parent.side = unit.side
            parent = parent.parent


def _chain(sentence: str, unit: UnitDraft, start: int, units: list[UnitDraft], by_start: dict[int, UnitDraft]) -> None:
    """Read the parenthetical chain that opens at ``start``: each comma-separated element's unit is the parent of
    the element before (the first, of ``unit``)."""
    depth = 1
    position = start
    elements: list[tuple[int, int]] = []
    element_start = start
    limit = min(len(sentence), start + 400)
    while position < limit:
        char = sentence[position]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                break
        elif char == "," and depth == 1:
            elements.append((element_start, position))
            element_start = position + 2
        position += 1
    else:
        return
    elements.append((element_start, position))
    previous: UnitDraft | None = unit
    for first, last in elements:
        found = _element_unit(sentence, first, last, by_start)
        if previous is not None and found is not None and previous.parent is None:
            previous.parent = found
        previous = found


def _element_unit(sentence: str, first: int, last: int, by_start: dict[int, UnitDraft]) -> UnitDraft | None:
    """The unit an element of a chain names, when it names nothing else first (a gloss such as ``Russian Combat
    Army Reserve`` names none)."""
    position = first
    moved = True
    while moved:
        moved = False
        for lead in _CHAIN_LEADS:
            if sentence.startswith(lead, position):
                position += len(lead)
                moved = True
    found = by_start.get(position)
    if found is not None:
        return found
    for unit in by_start.values():  # a nationality word or an affiliation (a place) before it
        if position < unit.start < last and unit.end <= last:
            between = sentence[position : unit.start].split()
            if all(is_demonym(w) or w[:1].isupper() or w.startswith("[") for w in between):
                return unit
    return None
