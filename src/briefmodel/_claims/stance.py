"""How the author stands to each claim: assessed, reported, unverified, confirmed, or background.

A sentence's stance follows from its attribution and hedges; a ``cannot
independently verify`` sentence then marks the reported sentences it refers to
as unverified (``mark_unverified``).
"""

import re

from briefmodel._claims.cues import SHOWING_CUES
from briefmodel._claims.words import search_word
from briefmodel._model.claims import AgentKind, Attribution, Hedge, HedgeKind, Stance

__all__ = ["COVER_WINDOW", "covers_all", "mark_unverified", "stance_of"]

COVER_WINDOW = 40
"""How far after ``cannot verify`` the words that name several claims may come."""
_COVERS_ALL = re.compile(r"\b(?:these|any of (?:these|the)|all|such|those)\b|\bclaims\b|\breports\b", re.I)
_ASSESSING = re.compile(
    r"(?:ISW|CTP|ISW-CTP|CTP-ISW) (?:assesses|assessed|assess|previously assessed|continues to assess)\b"
)
"""Searched with ``search_word``, only in sentences that hold ``ISW`` or ``CTP``."""
_CONFIRMING = re.compile(r"\bgeolocated\b|\bconfirmed\b", re.I)


def stance_of(sentence: str, attribution: Attribution, hedges: tuple[Hedge, ...], framed: bool) -> Stance:
    """The stance of one sentence, before any ``cannot verify`` sentence is taken into account."""
    speaker = attribution.speaker
    if speaker is not None:
        if (
            speaker.kind is AgentKind.EVIDENCE
            and attribution.cue in SHOWING_CUES
            and not any(h.kind is HedgeKind.EVIDENTIAL for h in hedges)
        ):
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
    return Stance.BACKGROUND


def _assessing(sentence: str) -> bool:
    """Does the author say it assesses (``ISW assesses``, ``CTP-ISW previously assessed``)?"""
    return ("ISW" in sentence or "CTP" in sentence) and search_word(_ASSESSING, sentence) is not None


def covers_all(sentence: str, at: int) -> bool:
    """Do the words just after ``cannot verify`` (ending at ``at``) name several claims (``any of these claims``)?"""
    return _COVERS_ALL.search(sentence, at, at + COVER_WINDOW) is not None


def mark_unverified(index: int, floor: int, covers_all: bool, attribution: Attribution, stances: list[Stance]) -> None:
    """A ``cannot independently verify`` sentence makes the reported claims it refers to unverified.

    A reported sentence that says so itself (``X claimed that ..., but ISW cannot independently verify
    this claim``) is unverified too. Otherwise the reported sentence before it is, and when it names
    several claims (``any of these claims``), every reported sentence before it in the paragraph, down
    to ``floor``.
    """
    if attribution.speaker is not None:
        if stances[index] is Stance.REPORTED:
            stances[index] = Stance.UNVERIFIED
        return
    for before in range(index - 1, floor - 1, -1):
        if stances[before] is Stance.REPORTED:
            stances[before] = Stance.UNVERIFIED
            if not covers_all:
                break
