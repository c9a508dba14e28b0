"""Speaker keys: one stable, case-folded identity per actor, the same across reports.

A printed speaker becomes its key in steps (the tables are data, in
``aliases.json`` beside this module):

1. case-folded, quotation marks and a possessive ``'s`` dropped (``Ukraine's`` is
   first read as a nationality: ``ukrainian``), and leading determiners and
   quantifiers dropped (``the``, ``a``, ``another``, ``several`` ...);
2. a full name that has an acronym becomes the acronym (``ministry of defense`` →
   ``mod``), and a parenthetical acronym replaces the name before it
   (``Ukraine's Main Military Intelligence Directorate (GUR)`` → ``ukrainian gur``);
3. a group or an anonymous source is named in the singular (``Several Russian
   milbloggers`` and ``A Russian milblogger`` → ``russian milblogger``); evidence is
   named by its head (``Geolocated footage published on February 25`` →
   ``geolocated footage``);
4. within a report, a shorter mention takes the key of the latest fuller one it ends
   (``Zelensky`` after ``Volodymyr Zelensky``, ``the Center`` after ``the Ukrainian
   Resistance Center``, ``The GUR`` after ``Ukraine's ... (GUR)``); else a surname alone
   takes the full name of a well-known actor (``Peskov`` → ``dmitry peskov``), and an
   acronym alone its usual nationality (``The GUR`` → ``ukrainian gur``);
5. a pronoun (``He``) takes the key of the latest speaker before it in the report.
"""

import functools
import json
import re
from importlib import resources

from briefmodel._model.claims import AgentKind

__all__ = ["ALIASES", "SpeakerKeys"]

ALIASES = json.loads(resources.files("briefmodel._claims").joinpath("aliases.json").read_text(encoding="utf-8"))
"""The alias tables: ``acronyms``, ``countries``, ``adjectives``, ``default_nationality``, ``actors``."""

_ACRONYMS: dict[str, str] = ALIASES["acronyms"]
_COUNTRIES: dict[str, str] = ALIASES["countries"]
_ADJECTIVES: dict[str, str] = ALIASES["adjectives"]
_DEFAULT_NATIONALITY: dict[str, str] = ALIASES["default_nationality"]
_ACTORS: dict[str, str] = ALIASES["actors"]
_NATIONALITY_WORDS = frozenset(_COUNTRIES.values()) | frozenset(_ADJECTIVES.values())
_LONGEST_NAME = max(len(name.split()) for name in _ACRONYMS)
_DETERMINERS = frozenset(
    "the a an another other several some one two three four many multiple various numerous both these those "
    "this that its their".split()
)
_PLURAL_KINDS = (AgentKind.GROUP, AgentKind.ANONYMOUS)
_LONGEST_KEY = 12
"""Keys of more words are not shortened: the endings a key registers stay bounded."""
_DESCRIPTIVE_HEADS = frozenset(
    "outlet outlets newswire wire channel agency newspaper broadcaster publication daily website milblogger "
    "blogger journalist".split()
)
"""Words that describe a name printed after them (``Pro-Wagner Russian outlet RIA FAN``)."""
_EVIDENCE_CUT = frozenset("published posted released from on of showing that taken shared circulating".split())
_PARENTHESES = re.compile(r"\(([^()]{1,40})\)")
_QUOTES = str.maketrans({"“": None, "”": None, '"': None, "’": "'", "‘": None})


class SpeakerKeys:
    """The keys of one report's speakers, read in document order."""

    __slots__ = ("_last", "_shorter")

    def __init__(self) -> None:
        self._shorter: dict[tuple[tuple[str, ...], bool], tuple[str, ...]] = {}
        """(a proper ending of a key seen, whether it names a person) → the latest such key: one lookup a mention."""
        self._last: str | None = None

    def key(self, name: str, kind: AgentKind) -> str:
        """The key of an agent printed as ``name``, of this kind, at this point of the report."""
        if kind is AgentKind.PRONOUN:
            return self._last or name.casefold()
        words = _words(name, kind)
        if not words:
            return name.casefold()
        person = kind is AgentKind.PERSON
        fuller = self._fuller(words, person) if _may_shorten(words, kind) else None
        if fuller is not None:
            words = fuller
        elif words[-1] in _ACTORS and (len(words) == 1 or (person and _same_initial(words, _ACTORS[words[-1]]))):
            words = tuple(_ACTORS[words[-1]].split())  # "Peskov", "Sergey Lavrov": the well-known actor's key
        elif len(words) == 1 and words[0] in _DEFAULT_NATIONALITY:
            words = (_DEFAULT_NATIONALITY[words[0]], words[0])
        if 1 < len(words) <= _LONGEST_KEY and "and" not in words and "of" not in words:
            for size in range(1, len(words)):
                self._shorter[(words[-size:], person)] = words
        key = " ".join(words)
        self._last = key
        return key

    def _fuller(self, words: tuple[str, ...], person: bool) -> tuple[str, ...] | None:
        """The latest key seen, of a person when ``person``, that is longer and ends with ``words``."""
        return self._shorter.get((words, person))


def _may_shorten(words: tuple[str, ...], kind: AgentKind) -> bool:
    """Can this mention be a short form of a fuller one (``Zelensky``, ``the Center``, ``The milblogger``)? Not
    evidence (footage is no actor), and not a mention that names its nationality (``Russian sources``)."""
    return kind is not AgentKind.EVIDENCE and words[0] not in _NATIONALITY_WORDS


def _same_initial(words: tuple[str, ...], actor: str) -> bool:
    """``Sergey Lavrov`` and ``sergei lavrov``: the first names start alike."""
    return words[0][:1] == actor[:1]


@functools.lru_cache(maxsize=4096)
def _words(name: str, kind: AgentKind) -> tuple[str, ...]:
    """The words of a printed name, normalized as the module's docs say (steps 1 to 3); the same name in many
    reports is read once (the result is immutable)."""
    printed = name.translate(_QUOTES)
    acronym = None
    found = _PARENTHESES.search(printed)
    if found is not None:
        inner = found.group(1).strip()
        at_end = not printed[found.end() :].strip()
        if at_end and inner.isalpha() and len(inner) <= 8 and not inner.islower():  # "(MoD)": not "(unnamed)"
            acronym = inner.casefold()
        printed = printed[: found.start()] + printed[found.end() :]
    text = printed.casefold()
    words = [_nationality(word) for word in text.replace(",", " ").split()]
    while words and words[0] in _DETERMINERS:
        del words[0]
    if kind is AgentKind.EVIDENCE:
        cut = next((i for i, word in enumerate(words) if i and word in _EVIDENCE_CUT), len(words))
        words = words[:cut]
    if acronym is not None:  # the acronym stands for the name before it, or for the part after an "of"
        short = _abbreviate(words)
        cut = max((i for i, w in enumerate(words) if w == "of"), default=-1)
        if acronym in short:
            words = short[: short.index(acronym) + 1]  # "russian ministry of defense (mod)": "russian mod"
        elif cut >= 0:
            words = [*words[: cut + 1], acronym]  # "territorial defense of the dnr (dnr)"
        else:
            words = [*(w for w in words[:1] if w in _NATIONALITY_WORDS), acronym]
    else:
        words = _abbreviate(_named_tail(printed.split(), words))
    if kind in _PLURAL_KINDS and words and len(words[-1]) > 3 and words[-1].endswith("s") and words[-1][-2] != "s":
        words[-1] = _singular(words[-1])
    return tuple(words)


def _singular(word: str) -> str:
    """``milbloggers`` → ``milblogger``, ``authorities`` → ``authority``, ``officials`` → ``official``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


def _named_tail(printed: list[str], words: list[str]) -> list[str]:
    """For ``Kremlin newswire TASS``, ``Ukrainian defense outlet Militarnyi``: the name after a descriptive head."""
    for index in range(len(printed) - 2, -1, -1):
        if printed[index].casefold() in _DESCRIPTIVE_HEADS:
            tail = printed[index + 1 :]
            if tail and all(word[:1].isupper() for word in tail):
                return [word.casefold() for word in tail]
            break
    return words


def _nationality(word: str) -> str:
    """``ukraine's`` → ``ukrainian`` (any other possessive loses its ``'s``), ``american`` → ``us``."""
    if word.endswith("'s"):
        base = word[:-2]
        return _COUNTRIES.get(base) or _ADJECTIVES.get(base, base)
    return _ADJECTIVES.get(word, word)


def _abbreviate(words: list[str]) -> list[str]:
    """Each full name of the acronym table, in the words, replaced by its acronym (longest first)."""
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(_LONGEST_NAME, len(words) - index), 1, -1):
            acronym = _ACRONYMS.get(" ".join(words[index : index + size]))
            if acronym is not None:
                out.append(acronym)
                index += size
                break
        else:
            out.append(words[index])
            index += 1
    return out
