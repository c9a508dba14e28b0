"""The body's sentences as claims, with citations, attribution, stance, hedges and dates.

Per paragraph (a run of body lines that do not end a sentence, see
``_paragraphs``): split into sentences; give each its own callouts and, when it
has none, the next callout of its paragraph (``inferred``: ISW puts one callout
after a run of sentences); read its attribution, hedges and dates; then decide
its stance, letting a ``cannot independently verify`` sentence mark the
reported claims it refers to as unverified. Each reader looks at each sentence
once. ``read_report_claims`` is what ``Report.claims`` runs on first use.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

import attrs

from briefmodel._claims.assertions import not_a_claim
from briefmodel._claims.attribution import read_attribution
from briefmodel._claims.dates import read_dates
from briefmodel._claims.hedges import CANNOT_VERIFY, read_hedges
from briefmodel._claims.sentences import sentence_bounds
from briefmodel._claims.speakers import SpeakerKeys
from briefmodel._claims.stance import (
    Disclaimer,
    author_infers,
    disclaimer,
    mark_unverified,
    run_in_unconfirmed,
    stance_of,
)
from briefmodel._claims.support import find_support
from briefmodel._gc import collector_paused
from briefmodel._model.claims import (
    Attribution,
    Claim,
    ClaimCitation,
    ClaimsReading,
    DateMention,
    Hedge,
    Stance,
)
from briefmodel._model.diagnostics import Code, diagnostic_order
from briefmodel._model.notes import Citation, citations_by_block
from briefmodel._model.report import Report
from briefmodel._model.text import CALLOUT_RE, Block, BlockKind, Span
from briefmodel._model.unchecked import (
    new_claim,
    new_claim_citation,
    new_span,
    span_at,
)
from briefmodel._read.callouts import strip_callouts
from briefmodel._read.caps import Diagnostics
from briefmodel._read.roman import uses_roman_labels
from briefmodel._read.shapes import SENTENCE_END

__all__ = ["read_report_claims"]

_CLAIM_KINDS = (BlockKind.PARAGRAPH, BlockKind.BULLET)
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")
_CANNOT_VERIFY = frozenset(CANNOT_VERIFY)
_AUTHOR = Attribution()

SpanOf = Callable[[int, int], Span]


class _Context(NamedTuple):
    """What every paragraph of one report is read with."""

    published: dt.date | None
    """The report's date, to resolve dates against."""
    roman: bool
    """The notes are labelled with roman numerals, so ``[iv]`` is a callout."""
    span_of: SpanOf
    """Makes a span of offsets in the report's text."""
    keys: SpeakerKeys
    """The report's speaker keys, read in document order."""


class _Sentence(NamedTuple):
    """One sentence as its readers found it, before its stance is final and its claim is made."""

    span: Span
    text: str
    own: tuple[Citation, ...]
    """Its own callouts."""
    attribution: Attribution
    hedges: tuple[Hedge, ...]
    dates: tuple[DateMention, ...]
    stance: Stance
    """Its stance read from itself alone."""
    verifies: Disclaimer | None
    """What its ``cannot verify`` phrase refers to; ``None`` without one."""


class _Problem(NamedTuple):
    """A problem found while reading claims."""

    code: Code
    message: str
    span: Span


@collector_paused
def read_report_claims(report: Report) -> ClaimsReading:
    """A parsed report's claims, its takeaways with their supports, and all its diagnostics."""
    starts = report.line_starts
    text = report.text

    def span_of(start: int, end: int) -> Span:
        return span_at(text, starts, start, end)

    roman = uses_roman_labels([note.label for note in report.notes])
    context = _Context(report.published, roman, span_of, SpeakerKeys())
    takeaways = report._takeaways
    by_line = citations_by_block(report.citations)
    skip = {takeaway.span.line - 1 for takeaway in takeaways}  # the Key Takeaways items are not body prose
    claims: list[Claim] = []
    problems: list[_Problem] = []
    blocks = report.blocks
    for first, last in _paragraphs(blocks, skip):
        if first == last:
            cited = by_line.get(first, [])
            one_line = first + 1
        else:
            cited = [c for line in range(first, last + 1) for c in by_line.get(line, ())]
            one_line = 0
        start = starts[first]
        paragraph = text[start : starts[last] + len(blocks[last].text)]
        made, found = _read_paragraph(paragraph, start, one_line, cited, context)
        claims.extend(made)
        problems.extend(found)
    return _reading(report, tuple(claims), problems)


def _reading(report: Report, claims: tuple[Claim, ...], problems: list[_Problem]) -> ClaimsReading:
    """The claims with the takeaways they support, and the parser's diagnostics with those of the claims (at
    most ``caps.CAP`` of each code, the rest counted in one ``DIAGNOSTICS_CAPPED``)."""
    found = Diagnostics()
    found.extend(problems)
    if report.notes:
        uncited = found.tally(Code.CLAIM_UNCITED)
        for claim in claims:
            if not claim.citations and uncited.takes(claim.span):
                found.keep(Code.CLAIM_UNCITED, "no callout covers this sentence", claim.span)
    takeaways = report._takeaways
    linked = []
    for takeaway, supports in zip(takeaways, find_support(takeaways, claims), strict=True):
        if not supports:
            found.add(Code.TAKEAWAY_UNSUPPORTED, "no body sentence restates this takeaway", takeaway.span)
        linked.append(attrs.evolve(takeaway, supports=supports))
    diagnostics = [*report._diagnostics, *found.finish()]
    diagnostics.sort(key=diagnostic_order)
    return ClaimsReading(claims, tuple(linked), tuple(diagnostics))


def _paragraphs(blocks: tuple[Block, ...], skip: set[int]) -> list[tuple[int, int]]:
    """First and last line of each paragraph: body lines, joined while a line does not end a sentence."""
    runs: list[tuple[int, int]] = []
    open_run = False
    for index, block in enumerate(blocks):
        kind = block.kind
        if kind not in _CLAIM_KINDS or index in skip:
            open_run = False
            continue
        if kind is BlockKind.PARAGRAPH and (open_run or _opens_with_callout(block.text, runs, index)):
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
        tail = block.text.rstrip()
        open_run = kind is BlockKind.PARAGRAPH and bool(tail) and tail[-1] not in SENTENCE_END
    return runs


def _opens_with_callout(line: str, runs: list[tuple[int, int]], index: int) -> bool:
    """Does a line that follows a paragraph's last line open with a callout? A scrape moved the callout that
    closes the sentence before to the start of the next line (``… on February 25.`` / ``[80] The Syrian …``)."""
    if not runs or runs[-1][1] != index - 1 or "[" not in line[:12]:
        return False
    start = len(line) - len(line.lstrip())
    return CALLOUT_RE.match(line, start) is not None


def _read_paragraph(
    paragraph: str, start: int, one_line: int, cited: list[Citation], context: _Context
) -> tuple[list[Claim], list[_Problem]]:
    """The claims of one paragraph (at ``start`` in the text) and the problems met reading them.

    ``one_line`` is the paragraph's line number when it is one line (its spans
    then need no line lookup), else 0; ``cited`` are its citations, in order.
    """
    sentences, problems = _read_sentences(paragraph, start, one_line, cited, context)
    stances = _stances(sentences)
    return _make_claims(sentences, stances, context.roman), problems


def _read_sentences(
    paragraph: str, start: int, one_line: int, cited: list[Citation], context: _Context
) -> tuple[list[_Sentence], list[_Problem]]:
    """Each sentence of a paragraph with its own callouts, attribution, hedges and dates."""
    position = 0
    count = len(cited)
    sentences: list[_Sentence] = []
    problems: list[_Problem] = []
    for a, b in sentence_bounds(paragraph):
        sentence = paragraph[a:b]
        offset = start + a
        local = _local_spans(offset, a, sentence, one_line, context.span_of)
        own_start = position
        while position < count and cited[position].span.start < start + b:
            position += 1
        own = tuple([c for c in cited[own_start:position] if c.span.start >= offset]) if position > own_start else ()
        if not_a_claim(sentence) is not None:
            continue  # a label, an empty line or an instruction to the reader: kept as text, not a claim
        tokens = set(sentence.split())  # each reader looks its trigger words up here before scanning
        if "[" in sentence:  # "reported.[1]" is the word "reported." followed by a callout
            tokens.update([token.partition("[")[0] for token in tokens if "[" in token])
        attribution, framed = read_attribution(sentence, tokens, local, context.keys.key)
        hedges = read_hedges(sentence, tokens, local)
        dates, date_problems = read_dates(sentence, tokens, context.published, local)
        for code, message, s, e in date_problems:
            problems.append(_Problem(code, message, local(s, e)))
        if author_infers(sentence, attribution, hedges):
            attribution, stance = _AUTHOR, Stance.ASSESSED  # "Geolocated footage shows …, indicating that …"
        else:
            stance = stance_of(sentence, tokens, attribution, hedges, framed)
        if stance is Stance.REPORTED and run_in_unconfirmed(sentence):
            stance = Stance.UNVERIFIED  # "Unconfirmed claims: A Russian milblogger claimed …"
        verifies = (
            next((disclaimer(sentence, h.span.end - offset) for h in hedges if h.text in _CANNOT_VERIFY), None)
            if hedges
            else None
        )
        sentences.append(_Sentence(local(0, b - a), sentence, own, attribution, hedges, dates, stance, verifies))
    return sentences, problems


def _local_spans(offset: int, column: int, sentence: str, one_line: int, span_of: SpanOf) -> SpanOf:
    """A function making spans of offsets in the sentence at ``offset`` (at ``column`` on line ``one_line``
    when its paragraph is one line: no line lookup then)."""
    if one_line:

        def on_line(s: int, e: int) -> Span:
            return new_span(offset + s, offset + e, sentence[s:e], one_line, column + 1 + s)

        return on_line

    def across_lines(s: int, e: int) -> Span:
        return span_of(offset + s, offset + e)

    return across_lines


def _stances(sentences: list[_Sentence]) -> list[Stance]:
    """The final stances: each ``cannot verify`` sentence marks the reported sentences it refers to."""
    stances = [sentence.stance for sentence in sentences]
    attributions = [sentence.attribution for sentence in sentences]
    floor = 0  # every reported sentence before the last one that marked all before it is unverified already
    for index, sentence in enumerate(sentences):
        if sentence.verifies is None:
            continue
        mark_unverified(index, floor, sentence.verifies, attributions, stances)
        if (
            sentence.verifies.covers_all and sentence.attribution.speaker is None
        ):  # one with a speaker marks only itself
            floor = index
    return stances


def _make_claims(sentences: list[_Sentence], stances: list[Stance], roman: bool) -> list[Claim]:
    """The claims of a paragraph; a sentence without callouts is covered by the next one that has some."""
    following: tuple[ClaimCitation, ...] = ()
    cover: tuple[Citation, ...] = ()  # the callouts of the nearest sentence after that has some
    made: list[Claim] = []
    for index in range(len(sentences) - 1, -1, -1):
        sentence = sentences[index]
        if sentence.own:
            references = tuple([new_claim_citation(c, False) for c in sentence.own])
            cover, following = sentence.own, ()
        else:
            if cover and not following:  # made once, when a sentence before needs them; frozen, so shared
                following = tuple([new_claim_citation(c, True) for c in cover])
            references = following
        clean = strip_callouts(sentence.text, roman)
        if "\n" in clean or "\r" in clean:
            clean = _LINE_BREAKS.sub(" ", clean)
        made.append(
            new_claim(
                clean.strip(),
                sentence.span,
                references,
                sentence.attribution,
                stances[index],
                sentence.hedges,
                sentence.dates,
            )
        )
    made.reverse()
    return made
