"""Stage 8: the body's sentences as claims, with citations, attribution, stance, hedges and dates.

Per paragraph (a run of body lines, see ``_sentences``): split into sentences;
give each its own callouts and, when it has none, the next callout of its
paragraph (``inferred``: ISW puts one callout after a run of sentences); read
its attribution, hedges and dates; then decide its stance, letting a ``cannot
independently verify`` sentence mark the reported claims it refers to as
unverified. Each stage looks at each sentence once.
"""

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from briefmodel._attribution import read_attribution
from briefmodel._claim_types import (
    AgentKind,
    Attribution,
    Claim,
    ClaimCitation,
    DateMention,
    Hedge,
    HedgeKind,
    Stance,
    Takeaway,
)
from briefmodel._dates import read_dates
from briefmodel._gc import collector_paused
from briefmodel._hedges import CANNOT_VERIFY, read_hedges
from briefmodel._markers import strip_callouts, uses_roman_labels
from briefmodel._model import BlockKind, Citation, Diagnostic, Severity, Span, diagnostic_order, new_span
from briefmodel._sentences import sentence_bounds
from briefmodel._shapes import SENTENCE_END
from briefmodel._support import find_support

if TYPE_CHECKING:
    from briefmodel._report import Report

__all__ = ["CLAIM_CODES", "ClaimProblem", "read_claims", "read_report_claims"]

#: The diagnostics that reading claims adds (all ``info``); the parser's own are the others.
CLAIM_CODES = frozenset({"CLAIM_UNCITED", "DATE_AMBIGUOUS_YEAR", "DATE_AFTER_REPORT", "TAKEAWAY_UNSUPPORTED"})

_CLAIM_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET)
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_COVER_WINDOW = 40
"""How far after ``cannot verify`` the words that name several claims may come."""
_COVERS_ALL = re.compile(r"\b(?:these|any of (?:these|the)|all|such|those)\b|\bclaims\b|\breports\b", re.I)
_CANNOT_VERIFY = frozenset(CANNOT_VERIFY)
_ASSESSING = re.compile(
    r"\b(?:ISW|CTP|ISW-CTP|CTP-ISW) (?:assesses|assessed|assess|previously assessed|continues to assess)\b"
)
_SHOWING_CUES = frozenset({"shows", "showed", "show", "showing", "indicates", "indicated", "confirms", "confirmed"})
"""Footage that *shows* something confirms it; footage ``claiming`` something only relays a claim."""
_CONFIRMING = re.compile(r"\bgeolocated\b|\bconfirmed\b", re.I)

ClaimProblem = tuple[str, str, Span]
"""(code, message, span) of a problem found while reading claims."""


@attrs.define
class _Draft:
    start: int
    sentence: str
    own: list[Citation]
    attribution: Attribution
    hedges: tuple[Hedge, ...]
    dates: tuple[DateMention, ...]
    stance: Stance
    covers_all: bool
    """A ``cannot verify`` sentence that names several claims (``any of these claims``)."""


@collector_paused
def read_report_claims(report: "Report") -> tuple[tuple[Claim, ...], tuple[Takeaway, ...], tuple[Diagnostic, ...]]:
    """A parsed report's claims, its takeaways with their supports, and all its diagnostics."""
    starts = report.line_starts
    text = report.text

    def span_of(start: int, end: int) -> Span:
        line = bisect_right(starts, start) - 1
        return new_span(start, end, text[start:end], line + 1, start - starts[line] + 1)

    takeaways = report._takeaways
    claims, problems = read_claims(
        text,
        [block.text for block in report.blocks],
        [block.kind for block in report.blocks],
        list(starts),
        {takeaway.span.line - 1 for takeaway in takeaways},
        report.citations,
        report.published,
        uses_roman_labels([note.label for note in report.notes]),
        span_of,
    )
    diagnostics = list(report._diagnostics)
    for code, message, span in problems:
        diagnostics.append(Diagnostic(code=code, severity=Severity.INFO, message=message, span=span))
    if report.notes:
        diagnostics.extend(
            _info("CLAIM_UNCITED", "no callout covers this sentence", claim.span)
            for claim in claims
            if not claim.citations
        )
    linked = []
    for takeaway, supports in zip(takeaways, find_support(takeaways, claims), strict=True):
        if not supports:
            diagnostics.append(_info("TAKEAWAY_UNSUPPORTED", "no body sentence restates this takeaway", takeaway.span))
        linked.append(attrs.evolve(takeaway, supports=supports))
    diagnostics.sort(key=diagnostic_order)
    return claims, tuple(linked), tuple(diagnostics)


def _info(code: str, message: str, span: Span) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.INFO, message=message, span=span)


def read_claims(
    text: str,
    lines: list[str],
    kinds: list[BlockKind],
    starts: list[int],
    skip_lines: set[int],
    citations: tuple[Citation, ...],
    published: dt.date | None,
    roman: bool,
    span_of: Callable[[int, int], Span],
) -> tuple[tuple[Claim, ...], list[ClaimProblem]]:
    """The claims of one document, in order, and the problems met reading them.

    ``starts`` are the offsets of ``lines`` in ``text``; ``skip_lines`` the line
    indexes that are not body prose (Key Takeaways items).
    """
    by_line: dict[int, list[Citation]] = {}
    for citation in citations:
        by_line.setdefault(citation.block, []).append(citation)
    claims: list[Claim] = []
    problems: list[ClaimProblem] = []
    for first, last in _paragraphs(lines, kinds, skip_lines):
        cited = [c for line in range(first, last + 1) for c in by_line.get(line, ())]
        claims.extend(
            _read_paragraph(
                text, starts[first], starts[last] + len(lines[last]), cited, published, roman, span_of, problems
            )
        )
    return tuple(claims), problems


def _paragraphs(lines: list[str], kinds: list[BlockKind], skip: set[int]) -> list[tuple[int, int]]:
    """First and last line of each paragraph: body lines, joined while a line does not end a sentence."""
    runs: list[tuple[int, int]] = []
    open_run = False
    for index, kind in enumerate(kinds):
        if kind not in _CLAIM_KINDS or index in skip:
            open_run = False
            continue
        if open_run and kind is BlockKind.PARAGRAPH:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
        tail = lines[index].rstrip()
        open_run = kind is BlockKind.PARAGRAPH and bool(tail) and tail[-1] not in SENTENCE_END
    return runs


def _read_paragraph(
    text: str,
    start: int,
    end: int,
    cited: list[Citation],
    published: dt.date | None,
    roman: bool,
    span_of: Callable[[int, int], Span],
    problems: list[ClaimProblem],
) -> list[Claim]:
    paragraph = text[start:end]
    drafts: list[_Draft] = []
    position = 0
    count = len(cited)
    for a, b in sentence_bounds(paragraph):
        sentence = paragraph[a:b]
        offset = start + a

        def local(s: int, e: int, offset: int = offset) -> Span:
            return span_of(offset + s, offset + e)

        own = []
        while position < count and cited[position].span.start < start + b:
            if cited[position].span.start >= offset:
                own.append(cited[position])
            position += 1
        tokens = set(sentence.split())  # each stage looks its trigger words up here before scanning
        if "[" in sentence:  # "reported.[1]" is the word "reported." followed by a callout
            tokens.update([token.partition("[")[0] for token in tokens if "[" in token])
        attribution, framed = read_attribution(sentence, tokens, local)
        hedges = read_hedges(sentence, tokens, local)
        dates, date_problems = read_dates(sentence, tokens, published, local)
        for code, message, s, e in date_problems:
            problems.append((code, message, local(s, e)))
        stance = _stance(sentence, attribution, hedges, framed)
        covers_all = _covers_all(sentence, offset, hedges)
        drafts.append(_Draft(offset, sentence, own, attribution, hedges, dates, stance, covers_all))
    _mark_unverified(drafts)
    claims = []
    following: list[Citation] = []
    for draft in reversed(drafts):  # a sentence without callouts is covered by the next one that has some
        if draft.own:
            following = draft.own
            references = tuple([ClaimCitation(citation=c) for c in draft.own])
        else:
            references = tuple([ClaimCitation(citation=c, inferred=True) for c in following])
        raw = draft.sentence
        clean = strip_callouts(raw, roman)
        if "\n" in clean or "\r" in clean:
            clean = _LINE_BREAKS.sub(" ", clean)
        claims.append(
            Claim(
                text=clean.strip(),
                span=span_of(draft.start, draft.start + len(raw)),
                citations=references,
                attribution=draft.attribution,
                stance=draft.stance,
                hedges=draft.hedges,
                dates=draft.dates,
            )
        )
    claims.reverse()
    return claims


def _stance(sentence: str, attribution: Attribution, hedges: tuple[Hedge, ...], framed: bool) -> Stance:
    speaker = attribution.speaker
    if speaker is not None:
        if (
            speaker.kind is AgentKind.EVIDENCE
            and attribution.cue in _SHOWING_CUES
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
        and _ASSESSING.search(sentence) is None
    ):
        return Stance.REPORTED  # "Elements of the brigade are reportedly operating near Orikhiv": relayed, unnamed
    if hedges or framed or attribution.cue is not None or _ASSESSING.search(sentence):
        return Stance.ASSESSED
    return Stance.BACKGROUND


def _covers_all(sentence: str, offset: int, hedges: tuple[Hedge, ...]) -> bool:
    """Does a ``cannot verify`` phrase name several claims (``any of these claims``, ``these reports``)?

    Only the words right after the phrase count: ``this claim, ... consistent with reports`` names one.
    """
    for hedge in hedges:
        if hedge.text in _CANNOT_VERIFY:
            at = hedge.span.end - offset
            return _COVERS_ALL.search(sentence, at, at + _COVER_WINDOW) is not None
    return False


def _mark_unverified(drafts: list[_Draft]) -> None:
    """A ``cannot independently verify`` sentence makes the reported claims it refers to unverified.

    A reported sentence that says so itself (``X claimed that ..., but ISW cannot independently verify
    this claim``) is unverified too.
    """
    for index, draft in enumerate(drafts):
        if not any(h.text in _CANNOT_VERIFY for h in draft.hedges):
            continue
        if draft.attribution.speaker is not None:
            if draft.stance is Stance.REPORTED:
                draft.stance = Stance.UNVERIFIED
            continue
        for before in range(index - 1, -1, -1):
            if drafts[before].stance is Stance.REPORTED:
                drafts[before].stance = Stance.UNVERIFIED
                if not draft.covers_all:
                    break
