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
    new_claim,
    new_claim_citation,
)
from briefmodel._dates import read_dates
from briefmodel._gc import collector_paused
from briefmodel._hedges import CANNOT_VERIFY, read_hedges
from briefmodel._markers import strip_callouts, uses_roman_labels
from briefmodel._model import BlockKind, Citation, Diagnostic, Severity, Span, diagnostic_order, new_span
from briefmodel._sentences import sentence_bounds
from briefmodel._shapes import SENTENCE_END, search_word
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
    r"(?:ISW|CTP|ISW-CTP|CTP-ISW) (?:assesses|assessed|assess|previously assessed|continues to assess)\b"
)
"""Searched with ``search_word``, only in sentences that hold ``ISW`` or ``CTP``."""
_SHOWING_CUES = frozenset({"shows", "showed", "show", "showing", "indicates", "indicated", "confirms", "confirmed"})
"""Footage that *shows* something confirms it; footage ``claiming`` something only relays a claim."""
_CONFIRMING = re.compile(r"\bgeolocated\b|\bconfirmed\b", re.I)

ClaimProblem = tuple[str, str, Span]
"""(code, message, span) of a problem found while reading claims."""


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
    indexes that are not body prose (Key Takeaways items); ``span_of(start,
    end)`` makes a span of offsets in ``text``.
    """
    by_line: dict[int, list[Citation]] = {}
    for citation in citations:
        by_line.setdefault(citation.block, []).append(citation)
    claims: list[Claim] = []
    problems: list[ClaimProblem] = []
    for first, last in _paragraphs(lines, kinds, skip_lines):
        if first == last:
            cited = by_line.get(first, [])
            one_line = first + 1
        else:
            cited = [c for line in range(first, last + 1) for c in by_line.get(line, ())]
            one_line = 0
        start = starts[first]
        paragraph = text[start : starts[last] + len(lines[last])]
        _read_paragraph(paragraph, start, one_line, cited, published, roman, span_of, problems, claims)
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
    paragraph: str,
    start: int,
    one_line: int,
    cited: list[Citation],
    published: dt.date | None,
    roman: bool,
    span_of: Callable[[int, int], Span],
    problems: list[ClaimProblem],
    claims: list[Claim],
) -> None:
    """Append the claims of one paragraph (at ``start`` in the text) to ``claims``.

    ``one_line`` is the paragraph's line number when it is one line (its spans
    then need no line lookup), else 0.
    """
    position = 0
    count = len(cited)
    read: list[tuple[Span, str, tuple[Citation, ...], Attribution, tuple[Hedge, ...], tuple[DateMention, ...]]] = []
    stances: list[Stance] = []
    verifying: list[tuple[int, bool]] = []
    """Index of each ``cannot verify`` sentence, and whether it names several claims."""
    for a, b in sentence_bounds(paragraph):
        sentence = paragraph[a:b]
        offset = start + a
        local: Callable[[int, int], Span]
        if one_line:

            def on_line(s: int, e: int, offset: int = offset, column: int = a + 1, sentence: str = sentence) -> Span:
                return new_span(offset + s, offset + e, sentence[s:e], one_line, column + s)

            local = on_line
        else:

            def across_lines(s: int, e: int, offset: int = offset) -> Span:
                return span_of(offset + s, offset + e)

            local = across_lines

        own_start = position
        while position < count and cited[position].span.start < start + b:
            position += 1
        own = tuple([c for c in cited[own_start:position] if c.span.start >= offset]) if position > own_start else ()
        tokens = set(sentence.split())  # each stage looks its trigger words up here before scanning
        if "[" in sentence:  # "reported.[1]" is the word "reported." followed by a callout
            tokens.update([token.partition("[")[0] for token in tokens if "[" in token])
        attribution, framed = read_attribution(sentence, tokens, local)
        hedges = read_hedges(sentence, tokens, local)
        dates, date_problems = read_dates(sentence, tokens, published, local)
        for code, message, s, e in date_problems:
            problems.append((code, message, local(s, e)))
        stance = _stance(sentence, attribution, hedges, framed)
        for hedge in hedges:
            if hedge.text in _CANNOT_VERIFY:
                at = hedge.span.end - offset
                verifying.append((len(read), _COVERS_ALL.search(sentence, at, at + _COVER_WINDOW) is not None))
                break
        read.append((local(0, b - a), sentence, own, attribution, hedges, dates))
        stances.append(stance)
    floor = 0  # every reported sentence before the last one that marked all before it is unverified already
    for index, covers_all in verifying:
        attribution = read[index][3]
        _mark_unverified(index, floor, covers_all, attribution, stances)
        if covers_all and attribution.speaker is None:  # one with a speaker marks only itself
            floor = index
    following: tuple[ClaimCitation, ...] = ()
    made: list[Claim] = []
    for index in range(len(read) - 1, -1, -1):  # a sentence without callouts is covered by the next one that has some
        span, raw, own, attribution, hedges, dates = read[index]
        if own:
            references = tuple([new_claim_citation(c, False) for c in own])
            following = tuple([new_claim_citation(c, True) for c in own])  # frozen: the sentences before share them
        else:
            references = following
        clean = strip_callouts(raw, roman)
        if "\n" in clean or "\r" in clean:
            clean = _LINE_BREAKS.sub(" ", clean)
        made.append(new_claim(clean.strip(), span, references, attribution, stances[index], hedges, dates))
    made.reverse()
    claims.extend(made)


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
        and not _assessing(sentence)
    ):
        return Stance.REPORTED  # "Elements of the brigade are reportedly operating near Orikhiv": relayed, unnamed
    if hedges or framed or attribution.cue is not None or _assessing(sentence):
        return Stance.ASSESSED
    return Stance.BACKGROUND


def _assessing(sentence: str) -> bool:
    """Does the author say it assesses (``ISW assesses``, ``CTP-ISW previously assessed``)?"""
    return ("ISW" in sentence or "CTP" in sentence) and search_word(_ASSESSING, sentence) is not None


def _mark_unverified(index: int, floor: int, covers_all: bool, attribution: Attribution, stances: list[Stance]) -> None:
    """A ``cannot independently verify`` sentence makes the reported claims it refers to unverified.

    A reported sentence that says so itself (``X claimed that ..., but ISW cannot independently verify
    this claim``) is unverified too. Otherwise the reported sentence before it is, and when it names
    several claims (``any of these claims``), every reported sentence before it in the paragraph.
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
