"""How the author stands to each claim: assessed, reported, unverified, confirmed, or background.

A sentence's stance follows from its attribution and hedges; a ``cannot
independently verify`` sentence then marks the reported sentences it refers to
as unverified (``mark_unverified``).
"""

import re
from typing import NamedTuple

from briefmodel._claims.cues import SHOWING_CUES
from briefmodel._claims.words import search_word, token_forms
from briefmodel._model.claims import AgentKind, Attribution, Hedge, HedgeKind, Stance

__all__ = [
    "COVER_WINDOW",
    "Disclaimer",
    "author_infers",
    "disclaimer",
    "mark_unverified",
    "run_in_unconfirmed",
    "stance_of",
]

COVER_WINDOW = 40
"""How far after ``cannot verify`` the words that name several claims may come."""
_COVERS_ALL = re.compile(r"\b(?:these|any of (?:these|the)|all|such|those)\b|\bclaims\b|\breports\b", re.I)
_ASSESSING = re.compile(
    r"(?:ISW|CTP|ISW-CTP|CTP-ISW) (?:assesses|assessed|assess|previously assessed|continues to assess)\b"
)
"""Searched with ``search_word``, only in sentences that hold ``ISW`` or ``CTP``."""
_CONFIRMING = re.compile(r"\bgeolocated\b|\bconfirmed\b", re.I)
_FACTIVE = frozenset({"confirmed", "confirms", "confirm"})
"""``The IDF confirmed that …``: an official body or evidence that confirms, confirms."""
_CONFIRMERS = (AgentKind.GOVERNMENT, AgentKind.ORGANIZATION, AgentKind.EVIDENCE)
_RELAYED_WITH_EVIDENCE = re.compile(r"\b(?:reports|claims|statements|residents|sources|posts)\b", re.I)
"""``Social media footage and reports from residents … showed``: the evidence comes with relayed content."""
_EVALUATIVE = re.compile(
    r"\b(?:is|are|was|were|remains|remain|would be)\s+"
    r"(?:(?:a|an|the|also|particularly|especially|increasingly)\s+){0,2}"
    r"(?:notable|noteworthy|significant|critical|crucial|consistent with|inconsistent with|reflective of|"
    r"indicative of|sensible|unusual|unprecedented|important|telling|striking|remarkable)\b"
)
"""The author judges: ``X is notable``, ``X remains a critical enabler``, ``X is consistent with``."""
_EVALUATIVE_TRIGGERS = frozenset(
    token_forms(
        "notable noteworthy significant critical crucial consistent inconsistent reflective indicative sensible "
        "unusual unprecedented important telling striking remarkable".split()
    )
)
"""The tokens that hold an evaluative word: without one, ``_EVALUATIVE`` is not searched."""
_APPENDED_INFERENCE = re.compile(r", (?:indicating|suggesting) that\b|, which (?:likely|suggests|indicates)\b")
"""The author's inference appended to what evidence shows: ``…, indicating that …``."""
_QUALIFIED = re.compile(
    r"\b(?:these|those|such|all)\s+(?P<qualifier>[A-Z][\w-]{2,30})\s+(?:claims|reports|statements)\b"
)
"""``these Russian claims``: the disclaimer names whose claims it means."""
_UNCONFIRMED_LABEL = "unconfirmed claims:"
"""The run-in label by which a report lists claims it has not confirmed (``Unconfirmed claims: A milblogger …``)."""


class Disclaimer(NamedTuple):
    """What a ``cannot independently verify`` sentence refers to."""

    covers_all: bool
    """It names several claims (``any of these claims``, ``those reports``), not only the one before."""
    qualifier: str | None
    """The word that says whose claims (``Russian`` in ``these Russian claims``), if any."""


def stance_of(
    sentence: str, tokens: set[str], attribution: Attribution, hedges: tuple[Hedge, ...], framed: bool
) -> Stance:
    """The stance of one sentence (``tokens``: its words), before any ``cannot verify`` sentence is taken into
    account."""
    speaker = attribution.speaker
    if speaker is not None:
        if speaker.kind is AgentKind.EVIDENCE and _RELAYED_WITH_EVIDENCE.search(speaker.span.text):
            return Stance.REPORTED
        if (
            speaker.kind is AgentKind.EVIDENCE
            and attribution.cue in SHOWING_CUES
            and not any(h.kind is HedgeKind.EVIDENTIAL for h in hedges)
        ):
            return Stance.CONFIRMED
        if attribution.cue in _FACTIVE and speaker.kind in _CONFIRMERS:
            return Stance.CONFIRMED
        if _CONFIRMING.search(speaker.span.text):
            return Stance.CONFIRMED
        return Stance.REPORTED
    if (
        hedges
        and not framed
        and attribution.cue is None
        and all(h.kind is HedgeKind.EVIDENTIAL for h in hedges)
        and not _assessing(sentence)
    ):
        return Stance.REPORTED  # "Elements of the brigade are reportedly operating near Orikhiv": relayed, unnamed
    if hedges or framed or attribution.cue is not None or _assessing(sentence):
        return Stance.ASSESSED
    if not _EVALUATIVE_TRIGGERS.isdisjoint(tokens) and _EVALUATIVE.search(sentence) is not None:
        return Stance.ASSESSED  # "Atrash's appearance at the exchange is notable given that …"
    return Stance.BACKGROUND


def author_infers(sentence: str, attribution: Attribution, hedges: tuple[Hedge, ...]) -> bool:
    """Is what evidence shows the author's inference: a likelihood hedge on it (``The footage indicates that
    Russian forces likely seized …``) or an inference appended to it (``…, indicating that …``)? Then the
    author speaks, not the footage: the sentence is assessed and has no speaker."""
    speaker = attribution.speaker
    if speaker is None or speaker.kind is not AgentKind.EVIDENCE or attribution.cue not in SHOWING_CUES:
        return False
    if _RELAYED_WITH_EVIDENCE.search(speaker.span.text):
        return False
    return any(h.kind is HedgeKind.LIKELIHOOD for h in hedges) or _APPENDED_INFERENCE.search(sentence) is not None


def _assessing(sentence: str) -> bool:
    """Does the author say it assesses (``ISW assesses``, ``CTP-ISW previously assessed``)?"""
    return ("ISW" in sentence or "CTP" in sentence) and search_word(_ASSESSING, sentence) is not None


def disclaimer(sentence: str, at: int) -> Disclaimer:
    """What the ``cannot verify`` phrase ending at ``at`` refers to, read from the words just after it."""
    window = sentence[at : at + COVER_WINDOW]
    qualified = _QUALIFIED.search(window)
    return Disclaimer(_COVERS_ALL.search(window) is not None, qualified["qualifier"] if qualified else None)


def run_in_unconfirmed(sentence: str) -> bool:
    """Does the sentence open with the run-in label ``Unconfirmed claims:``?"""
    return sentence[:1] in "Uu" and sentence[: len(_UNCONFIRMED_LABEL)].casefold() == _UNCONFIRMED_LABEL


def mark_unverified(
    index: int, floor: int, scope: Disclaimer, attributions: list[Attribution], stances: list[Stance]
) -> None:
    """A ``cannot independently verify`` sentence makes the reported claims it refers to unverified.

    A reported sentence that says so itself (``X claimed that ..., but ISW cannot independently verify
    this claim``) is unverified alone. Otherwise the disclaimer reaches back over the run of relayed
    claims before it, down to ``floor``: the reported sentence before it, or, when it names several
    claims (``any of these claims``), every reported sentence of the run. Evidence the author confirms
    (``Geolocated footage shows``) keeps its label and does not end the run; the author's own sentence
    (assessed or background) ends it, and so does, for ``these Russian claims``, a reported sentence
    whose speaker is not Russian.
    """
    if attributions[index].speaker is not None:
        if stances[index] is Stance.REPORTED:
            stances[index] = Stance.UNVERIFIED
        return
    qualifier = scope.qualifier.casefold() if scope.qualifier else None
    for before in range(index - 1, floor - 1, -1):
        stance = stances[before]
        if stance is Stance.CONFIRMED or stance is Stance.UNVERIFIED:
            continue
        if stance is not Stance.REPORTED:
            break
        speaker = attributions[before].speaker
        if qualifier is not None and (speaker is None or qualifier not in speaker.span.text.casefold()):
            break
        stances[before] = Stance.UNVERIFIED
        if not scope.covers_all:
            break
