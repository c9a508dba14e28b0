"""Who a sentence attributes its content to, by which cue, and through whom.

Patterns, not a grammar: the first reporting verb (cue) whose left side reads as
a noun phrase names the speaker; a ``that`` clause with its own cue nests a
second speaker inside the first (``Reuters reported that an official stated``:
speaker the official, reporter Reuters); ``X told Reuters`` and ``X amplified
sources claiming`` name the reporter too. The author's own voice (``ISW
assesses``) has no speaker. Each sentence is scanned once from left to right.
"""

import re
from collections.abc import Callable
from typing import NamedTuple

from briefmodel._claims.cues import CALLING, CUE_WORDS, PARTICIPLE_CUES, SHOWING, SPEECH_PARTICIPLES
from briefmodel._claims.words import search_word, token_forms, words_pattern
from briefmodel._model.claims import AgentKind, Attribution
from briefmodel._model.text import MAX_LABEL_DIGITS, Span
from briefmodel._model.unchecked import new_agent, new_attribution

__all__ = ["AUTHOR_NAMES", "read_attribution"]

_PARTICIPLE_SET = frozenset(PARTICIPLE_CUES)
_PARTICIPLE = re.compile(r"(?:" + "|".join(PARTICIPLE_CUES) + r")\b")
_CUE_FORMS = token_forms(CUE_WORDS)
_CUE_KEYS = frozenset(_CUE_FORMS)
_RELAYING = frozenset({"amplified", "amplifies", "cited", "cites", "quoted", "quotes", "relayed", "relays"})
_NOT_BEFORE_VERB = frozenset(
    "the these those this a an any such their its his her our of as in to for by with from about on at "
    "when while after before without since than "
    "conflicting unconfirmed similar other further new previous earlier recent multiple several many some".split()
)
_AUXILIARIES = frozenset("has have had has also have also also".split())
_PRONOUNS = frozenset({"he", "she", "they", "it", "i"})
"""Subject pronouns a speaker may be (``we`` is the author's)."""
_DISCOURSE = frozenset({"however", "meanwhile", "though", "too", "instead", "nonetheless", "nevertheless"})
"""Discourse adverbs between a speaker and its cue (``Peskov, however, stated``): no part of the speaker."""
_NOT_A_NAME = frozenset(
    "the a an this that these those russian ukrainian iranian israeli syrian american chinese belarusian other "
    "some several many".split()
)
"""A phrase of one of these words alone is a fragment, not a speaker."""
_ASPECT = frozenset("continued continue continues began begin begins started start starts".split())
"""Verbs before ``to`` and a cue that leave the cue's subject before them (``continued to accuse``)."""
_ADVERBS = frozenset(
    "recently reportedly also similarly previously notably additionally separately subsequently later then "
    "still further first purportedly allegedly reportedly likely publicly explicitly officially reportedly "
    "repeatedly again initially".split()
)
_CLAUSE_VERBS = frozenset(
    "is are was were be been being remains remain continues continue appears seems will would can could should "
    "must have has had".split()
)
_BARE = frozenset("claim report state say show note assess claims reports states notes observed assessed".split())
"""Forms that are cues only before ``that`` (``milbloggers claim that``), not as nouns or adjectives
(``state media``, ``claims of territorial gains``, ``the daily observed indicators``)."""
_SHOWING = re.compile(r"\b(?:" + "|".join(sorted(SHOWING, key=lambda word: (-len(word), word))) + r")\b")
_COORDINATION = frozenset({"and", "but", "or"})
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose", "its", "his", "her", "their"})
"""Words that open an appositive after a comma (``Mohammed Sabra, a Syrian politician``), not a list's next item."""
_SENTENCE_TAIL = re.compile(rf"[\s.!?”\"’')]*(?:\[[0-9ivxlcdm]{{1,{MAX_LABEL_DIGITS}}}\][\s.]*)*")
"""What may follow a cue that ends its sentence: closing punctuation and callouts."""
_RELATIVE = frozenset({"as", "which"})
_LY_NOUNS = frozenset("family assembly supply ally rally monopoly anomaly reply italy daily weekly".split())
_PAST = frozenset("said told wrote took made gave held sent began spoke met left struck".split())
_WORDS = re.compile(r"\S+")
_CLAUSE_OPENERS = frozenset("while whereas although though but and or as because since when that who if".split())
"""Words that open a clause of their own: a phrase they start is no speaker."""
_CUT_AT = frozenset("who which stationed based operating located speaking serving whose".split())
AUTHOR_NAMES = frozenset(
    {"isw", "ctp", "isw-ctp", "ctp-isw", "we", "isw and ctp", "the institute for the study of war"}
)
_EVIDENCE = frozenset("footage video videos imagery images photos photographs photo image satellite".split())
_MEDIA = frozenset("outlet newswire newspaper channel agency broadcaster media reuters tass interfax ria".split())
_GOVERNMENT = frozenset(
    "ministry general staff gur mod kremlin government directorate command forces military army navy "
    "administration council office service committee parliament duma security".split()
)
_TITLES = frozenset(
    "president minister spokesperson spokesman spokeswoman commander chief head governor mayor secretary "
    "ambassador director general colonel lieutenant major admiral deputy advisor adviser envoy prime speaker "
    "chairman chair leader officer ombudsman prosecutor".split()
)
_GROUP_WORDS = frozenset("milbloggers sources officials bloggers residents reports media analysts authorities".split())
_ONE = frozenset({"a", "an", "one", "another"})
_UNNAMED = frozenset({"unnamed", "unspecified", "senior"})
_OBJECT_END = re.compile(r"\s(?:on|in|that|claiming|stating|reporting|saying|showing|about|as|after)\b|[,;]")

_ACCORDING_FORMS = frozenset({"according to", "According to"})
_CITED_BY = re.compile(r"\s(?:cited|quoted) by\s")
_SOURCE_END = re.compile(r"[,;:(\[]|[.!?](?=\s|$|[”\"\[])|\s(?:on|in|that|as|after|about|when|while)\s")

SpanOf = Callable[[int, int], Span]
KeyOf = Callable[[str, AgentKind], str]
"""The key of a speaker printed as ``name``, of a kind, at this point of the report (``SpeakerKeys.key``)."""


class _Found(NamedTuple):
    """An agent as the patterns read it, before it is keyed: only the final chain's agents are."""

    name: str
    kind: AgentKind
    role: str | None
    span: Span


_DATE_BEFORE_PARTICIPLE = re.compile(r"\s+(?:on|in)\s+[^,]{0,40}?\s(?=claiming|stating|reporting|saying|showing)|\s+")


_NOBODY = Attribution()


def read_attribution(text: str, tokens: set[str], span_of: SpanOf, key_of: KeyOf) -> tuple[Attribution, bool]:
    """The attribution of one sentence, and whether it speaks of reporting at all.

    ``tokens`` are the sentence's white-space separated words: a sentence with no
    cue among them is read no further. ``span_of(start, end)`` makes spans of
    offsets in ``text``; ``key_of`` keys the agents of the attribution made, in
    order (the reporter first). The flag is true
    when a reporting verb has no speaker the patterns can name (``This is the
    first time a Ukrainian official has reported ...``): the author frames
    others' words.
    """
    present = tokens & _CUE_KEYS
    if not present:
        return _NOBODY, False
    cues = frozenset([_CUE_FORMS[token] for token in present])
    if "according to" in cues:
        cues |= _ACCORDING_FORMS
    pattern = words_pattern(cues)
    quoted = "“" in text or '"' in text
    chain: list[_Found] = []
    cue = None
    position = 0
    clause_start = 0
    framed = False
    while True:
        match = search_word(pattern, text, position)
        if match is None:
            break
        word = match.group()
        cue_start = match.start()
        position = match.end()
        if word in _ACCORDING_FORMS:
            according = _according_attribution(text, position, span_of, key_of, chain)
            if according is None:
                continue
            return according, False
        if _not_reporting(text, word, cue_start, position, quoted):
            continue
        found = _speaker_phrase(text, word, cue_start, position, clause_start, bool(chain))
        if found is None:
            framed = framed or not (chain or _is_noun_use(text, cue_start))
            continue
        start, end = found
        if (
            word in ("published", "posted", "released")
            and _evidence_before(text, end)
            and _SHOWING.search(text, position)
        ):
            continue  # "Geolocated footage published on December 14 shows ...": the participle describes the footage
        agent = _agent(text, start, end, span_of)
        if agent.name.casefold() in AUTHOR_NAMES:
            return Attribution(cue=word), False
        chain.append(agent)
        cue = word
        if word in _RELAYING:
            relayed = _relayed_speaker(text, position, span_of)
            if relayed is not None:
                chain.append(relayed.agent)
                cue = relayed.cue
                break
        if word in ("told", "tells"):
            reporter = _told_reporter(text, position, span_of)
            if reporter is not None:
                chain.insert(0, reporter)
            break
        that = text.find(" that ", position, position + 60)
        if that < 0:
            break
        clause_start = position = that + 6
    if not chain:
        return _NOBODY, framed
    return _attribution(chain, cue, key_of), False


def _attribution(chain: list[_Found], cue: str | None, key_of: KeyOf) -> Attribution:
    """The attribution of a chain of agents, keyed outermost first, the speaker last and the reporter before it."""
    agents = tuple([new_agent(a.name, a.kind, a.role, a.span, key_of(a.name, a.kind)) for a in chain])
    return new_attribution(agents[-1], cue, agents[-2] if len(agents) > 1 else None, agents)


def _according_attribution(
    text: str, start: int, span_of: SpanOf, key_of: KeyOf, chain: list[_Found]
) -> Attribution | None:
    """The attribution an ``according to`` ending at ``start`` completes, or ``None`` when no source follows it.

    The source's agents follow those of ``chain`` (the cues read before); a
    source that is the author gives no speaker.
    """
    according = _according_to(text, start, span_of)
    if according is None:
        return None
    if according[-1].name.casefold() in AUTHOR_NAMES:
        return Attribution(cue="according to")
    return _attribution(chain + according, "according to", key_of)


def _not_reporting(text: str, word: str, cue_start: int, cue_end: int, quoted: bool) -> bool:
    """Whether a cue reports nothing here: inside a quotation, a noun or adjective form, or a passive participle."""
    return (
        (quoted and _inside_quotation(text, cue_start))
        or (word in _BARE and not text.startswith(" that", cue_end))
        or (word in CALLING and not text.startswith(" for ", cue_end))
        or text.startswith(" by ", cue_end)  # "the timeframe suggested by officials": a passive participle
    )


def _speaker_phrase(
    text: str, word: str, cue_start: int, cue_end: int, clause_start: int, nested: bool
) -> tuple[int, int] | None:
    """The offsets of the phrase that names the speaker of a cue, or ``None`` if no phrase reads as one.

    ``nested`` is true for a cue inside the ``that`` clause of an earlier one.
    """
    if not nested and _SENTENCE_TAIL.fullmatch(text, cue_end):
        after = _after_comma(text, cue_start)
        if after is not None:
            return after  # "Russian forces advanced near Pokrovsk, the Ukrainian General Staff reported."
    found: tuple[int, int] | None
    if word in _PARTICIPLE_SET and not nested and text.endswith(", ", 0, cue_start):
        # "Peskov dismissed the report, claiming that": the subject speaks; ", suggesting that": the author infers
        found = _doer(text, clause_start, cue_start - 2) if word in SPEECH_PARTICIPLES else None
    else:
        found = _speaker_before(text, clause_start, cue_start, nested=nested)
    if found is None and not nested and text[max(0, cue_start - 5) : cue_start] == " and ":
        # "X continues to contest ... and stated that": the subject of the first verb speaks
        return _doer(text, clause_start, cue_start - 5) or _subject(text, clause_start)
    return found


class _Relayed(NamedTuple):
    """A source that a relaying verb passes on, and the participle that makes it speak."""

    agent: _Found
    cue: str
    """The participle: ``claiming`` in ``amplified sources claiming``."""


def _relayed_speaker(text: str, cue_end: int, span_of: SpanOf) -> _Relayed | None:
    """The source after a relaying verb that a participle makes speak (``amplified sources claiming``), or ``None``."""
    relayed = _object(text, cue_end)
    if relayed is None:
        return None
    follow = _PARTICIPLE.match(text, _skip_to_participle(text, relayed[1]))
    if follow is None:
        return None
    return _Relayed(_agent(text, relayed[0], relayed[1], span_of), follow.group())


def _told_reporter(text: str, cue_end: int, span_of: SpanOf) -> _Found | None:
    """Whom a speaker ``told`` (``X told Reuters``): the reporter, if the phrase after the cue is capitalized."""
    told = _object(text, cue_end)
    if told is None or not text[told[0]].isupper():
        return None
    return _agent(text, told[0], told[1], span_of)


def _according_to(text: str, start: int, span_of: SpanOf) -> list[_Found] | None:
    """The agents of ``according to X`` (the reporter first when ``X cited by Y``), or ``None``.

    The source is the phrase after the cue, up to a comma, a clause, a
    preposition of time or place, or the end of the sentence.
    """
    while start < len(text) and text[start].isspace():
        start += 1
    stop = _SOURCE_END.search(text, start)
    end = stop.start() if stop else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not (text[start].isalpha() or text[start] in '“"'):
        return None
    cited = _CITED_BY.search(text, start, end)
    if cited is None:
        return [_agent(text, start, end, span_of)]
    return [_agent(text, cited.end(), end, span_of), _agent(text, start, cited.start(), span_of)]


def _inside_quotation(text: str, position: int) -> bool:
    return text.count("“", 0, position) > text.count("”", 0, position) or text.count('"', 0, position) % 2 == 1


def _evidence_before(text: str, end: int) -> bool:
    words = text[max(0, end - 20) : end].split()
    return bool(words) and words[-1].strip('“”"').casefold() in _EVIDENCE


def _is_noun_use(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start].split()
    return bool(before) and before[-1].casefold() in _NOT_BEFORE_VERB


_ADVERBIAL_OPENERS = frozenset({"On", "In", "However,", "Meanwhile,", "Separately,"})


def _speaker_before(text: str, clause_start: int, cue_start: int, nested: bool) -> tuple[int, int] | None:
    """The noun phrase between the clause start and a cue, or ``None`` if that text is no noun phrase.

    A phrase inside a ``that`` clause (``nested``) must be short and hold no verb
    in ``-ed``: there the cue often belongs to the outer speaker.
    """
    segment = text[clause_start:cue_start]
    words = segment.split()
    if ":" in segment:
        label = max((i for i, w in enumerate(words) if w.endswith(":")), default=-1)
        words = words[label + 1 :]  # a run-in label is no part of the speaker: "Unconfirmed claims: A milblogger"
    while words:
        last = words[-1].casefold().rstrip(",")
        if last == "to" and len(words) > 1 and words[-2].casefold() in _ASPECT:
            del words[-2:]  # "Russian officials have continued to deny": the cue's subject is before
            continue
        if not (last in _ADVERBS or last in _AUXILIARIES or last in _DISCOURSE or _is_adverb(words[-1])):
            break
        words.pop()
    if not words or len(words) > 25:
        return None
    last = words[-1].casefold()
    if last in _NOT_BEFORE_VERB:
        return None
    if last in _COORDINATION:
        return None  # "... and noted that": the same subject goes on
    if "," in segment:
        # a leading adverbial phrase closed by a comma: "On December 13, the GUR stated"
        cut = next((i for i, w in enumerate(words[:6]) if w.endswith(",")), None)  # not "a,b": no comma ends a word
        if (
            cut is not None
            and not any("“" in w or '"' in w for w in words[:6])
            and ((cut < 5 and not words[0][0].isupper()) or words[0] in _ADVERBIAL_OPENERS)
        ):
            words = words[cut + 1 :]
    if not words or words[0].casefold() in _CLAUSE_OPENERS:
        return None  # "…, while Y claimed": a clause of its own, not a speaker inside the first one's words
    kept: list[str] = _quoted_phrase(words) if '"' in text or "“" in text else _plain_phrase(words)
    if kept and kept[-1].endswith(",") and len(kept[-1]) > 1:
        kept = [*kept[:-1], kept[-1][:-1]]  # "Some milbloggers, who …": the comma before the cut is not the name's
    if not kept or (len(kept) == 1 and kept[0].casefold() in _NOT_A_NAME):
        return None
    if len(kept) > 12 or (not kept[0][:1].isalpha() and kept[0][:1] not in '“"'):
        return None
    if nested and (len(kept) > 10 or any(w.islower() and w.endswith("ed") for w in kept)):
        return None
    start = text.find(kept[0], clause_start, cue_start)
    end = text.find(kept[-1], start, cue_start) + len(kept[-1])
    if start < 0 or end <= start:
        return None
    return start, end


def _is_adverb(word: str) -> bool:
    """A lowercase word in ``-ly`` that is not a noun (``seemingly``, not ``family``)."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in _LY_NOUNS


def _plain_phrase(words: list[str]) -> list[str]:
    """The words of a phrase with no quotation marks that can name a speaker: up to a cut, or none."""
    for index, word in enumerate(words):
        bare = word.strip(",()").casefold()
        if bare in _CLAUSE_VERBS:
            return []
        if index and bare in _CUT_AT:
            return words[:index]
        if index and word[-1] == ",":
            rest = words[index + 1 :]
            if (rest and rest[0].casefold() in _COORDINATION) or (
                rest and rest[0].casefold() not in _APPOSITIVE_OPENERS and any(w in _COORDINATION for w in rest)
            ):
                continue  # a list of speakers: "Milbloggers, war correspondents, and other groups criticized"
            # an appositive follows ("Mohammed Sabra, a Syrian politician who ..."), unless a clause does
            for later in rest:
                bare_later = later.strip(",()").casefold()
                if bare_later in _CUT_AT:
                    break
                if bare_later in _CLAUSE_VERBS:
                    return []
            return [*words[:index], word[:-1]]
    return words


def _quoted_phrase(words: list[str]) -> list[str]:
    """As ``_plain_phrase``, for a phrase with quotation marks: nothing inside a quotation cuts it."""
    depth = straight = 0
    kept: list[str] = []
    for word in words:
        bare = word.strip(',“”"()').casefold()
        in_quote = depth > 0 or straight % 2 == 1
        if not in_quote and (bare in _CLAUSE_VERBS or (bare in _CUT_AT and kept)):
            if bare in _CUT_AT:
                break
            return []
        kept.append(word)
        depth += word.count("“") - word.count("”")
        straight += word.count('"')
        in_quote = depth > 0 or straight % 2 == 1
        if not in_quote and word.endswith(",") and len(kept) > 1:
            kept[-1] = word[:-1]  # an appositive follows: "Mohammed Sabra, a Syrian politician who ..."
            break
    return kept


def _after_comma(text: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase between the last comma and a cue that ends the sentence, if it reads as one."""
    comma = text.rfind(", ", 0, cue_start)
    if comma < 0:
        return None
    start, end = comma + 2, cue_start - 1
    words = text[start:end].split()
    while words and (words[-1].casefold() in _ADVERBS or _is_adverb(words[-1])):
        words.pop()
    if not words or len(words) > 8 or any(w.strip(",()").casefold() in _CLAUSE_VERBS for w in words):
        return None
    if words[0].casefold() in _RELATIVE and len(words) > 1:
        start = text.find(words[1], start + len(words[0]), cue_start)  # ", as the GUR reported": the GUR
        words = words[1:]
    elif words[0].casefold() in _CLAUSE_OPENERS:
        return None  # ", while milbloggers claimed": a clause of its own
    end = text.find(words[-1], start, cue_start) + len(words[-1])
    return start, end


def _doer(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause before ``, claiming``: its words up to the first verb.

    ``US President Donald Trump responded to the attack, stating …`` gives ``US
    President Donald Trump``. Without a verb in ``-ed`` or a form of *be* or
    *have*, there is no subject to take, and ``None`` is returned.
    """
    words = list(_WORDS.finditer(text, start, end))
    for index, word in enumerate(words):
        bare = word.group().casefold()
        if index and (bare in _CLAUSE_VERBS or bare in _PAST or (bare.endswith("ed") and len(bare) > 3)):
            kept = words[:index]
            while kept and kept[-1].group().casefold() in _ADVERBS:
                kept.pop()
            if not kept or len(kept) > 12 or not kept[0].group()[:1].isupper():
                return None
            return kept[0].start(), kept[-1].end()
    return None


def _subject(text: str, start: int) -> tuple[int, int] | None:
    """The capitalized words that open a sentence: its subject when it names someone."""
    end = start
    for word in text[start:].split(" "):
        if not word or not (word[0].isupper() or word in ("of", "al", "the", "de")):
            break
        end += len(word) + 1
    end -= 1
    return (start, end) if end > start and text[start].isupper() else None


def _object(text: str, start: int) -> tuple[int, int] | None:
    """The noun phrase after a verb, up to a preposition, ``that``, a participle or a comma."""
    while start < len(text) and text[start].isspace():
        start += 1
    stop = _OBJECT_END.search(text, start)
    end = stop.start() if stop else len(text)
    return (start, end) if end > start else None


def _skip_to_participle(text: str, position: int) -> int:
    """Skip a date phrase such as `` on December 14`` between an object and its participle."""
    match = _DATE_BEFORE_PARTICIPLE.match(text, position)
    return match.end() if match else position


def _agent(text: str, start: int, end: int, span_of: SpanOf) -> _Found:
    phrase = text[start:end]
    words = phrase.split()
    folded = [w.strip('“”"(),').casefold() for w in words]
    present = set(folded)
    role = None
    name = phrase
    titled = False  # a title, then a name: "Head of the Chechen Republic Ramzan Kadyrov"
    if not present.isdisjoint(_TITLES) and folded[-1] not in _GOVERNMENT:  # "the General Staff" is a body
        title_at = max(i for i, w in enumerate(folded) if w in _TITLES)
        if title_at < len(words) - 1 and all(w[:1].isupper() for w in words[title_at + 1 :]):
            role = " ".join(words[: title_at + 1])
            name = " ".join(words[title_at + 1 :])
        titled = title_at < len(words) - 2 and words[-1][:1].isupper() and words[-2][:1].isupper()
    group = not present.isdisjoint(_GROUP_WORDS)
    if len(folded) == 1 and folded[0] in _PRONOUNS:
        kind = AgentKind.PRONOUN
    elif not present.isdisjoint(_EVIDENCE):
        kind = AgentKind.EVIDENCE
    elif role is not None or titled:
        kind = AgentKind.PERSON
    elif not group and (folded[0] in _ONE or not present.isdisjoint(_UNNAMED)):
        kind = AgentKind.ANONYMOUS
    elif group:
        kind = AgentKind.GROUP
    elif not present.isdisjoint(_MEDIA):
        kind = AgentKind.MEDIA
    elif not present.isdisjoint(_GOVERNMENT):
        kind = AgentKind.GOVERNMENT
    elif len(words) <= 3 and all(w[:1].isupper() for w in words) and not phrase.isupper():
        kind = AgentKind.ORGANIZATION if folded[0] == "the" else AgentKind.PERSON
    else:
        kind = AgentKind.ORGANIZATION
    return _Found(name, kind, role, span_of(start, end))
