"""A report's places, units and abbreviations, read from the claims and takeaways the claims reader made.

Two passes over the report's sentences, in document order. The first finds each
sentence's names, the abbreviations it defines and the places its own words
make sure of; what it learns is the report's (``Context``): the glossary, and
the names it gives as places (``near Soledar``, ``Azovstal Steel Plant``), which
are places wherever else the report prints them (``to capture Soledar``, ``the
Azovstal defenders``). The second reads the units, keeps the places, links
anchors and parents, and makes the model's objects, their spans in the report's
text. ``read_report_entities`` is what ``Report.abbreviations`` and the claims'
``places`` and ``units`` run on first use; ``read_item_entities`` reads a claim or
takeaway made in code, alone.
"""

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from briefmodel._entities.abbreviations import ACRONYM_AFTER, BRACKETED, full_form, is_acronym
from briefmodel._entities.context import Context
from briefmodel._entities.keys import place_key, unit_key
from briefmodel._entities.names import Name, find_names, worth_reading
from briefmodel._entities.places import PlaceDraft, link_places, read_place
from briefmodel._entities.units import UnitDraft, link_units, read_unit, shared_head_units
from briefmodel._entities.words import DEMONYMS, EXCLUDED_NAMES, MONTHS, PLACE_CLASSIFIERS, is_demonym
from briefmodel._gc import collector_paused
from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.entities import (
    Abbreviation,
    EntitiesReading,
    EntitySource,
    Mentions,
    Place,
    PlaceKind,
    Side,
    Unit,
)
from briefmodel._model.text import Block, BlockKind, Span
from briefmodel._model.unchecked import positional_constructor, span_at

__all__ = ["read_item_entities", "read_report_entities", "read_sentences"]

_new_place: Callable[..., Place] = positional_constructor(
    Place, ("text", "span", "kind", "relation", "anchor", "anchor_relation", "region", "key")
)
_new_unit: Callable[..., Unit] = positional_constructor(
    Unit, ("text", "span", "number", "echelon", "side", "abbreviation", "parent", "key")
)
_new_abbreviation: Callable[..., Abbreviation] = positional_constructor(Abbreviation, ("short", "full", "span"))
_NOTHING = Mentions((), ())
_HEADING_REGION = re.compile(
    r"(?:(?:Northern|Southern|Eastern|Western|Northeastern|Northwestern|Southeastern|Southwestern|Central) )?"
    r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?) (Oblast|Province|Governorate)"
)
_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th)$")
_BASE_KINDS = {
    "Province": PlaceKind.REGION,
    "Governorate": PlaceKind.REGION,
    "Oblast": PlaceKind.SETTLEMENT,
    "City": PlaceKind.SETTLEMENT,
    "direction": PlaceKind.SETTLEMENT,
    "neighborhood": PlaceKind.DISTRICT,
    "neighbourhood": PlaceKind.DISTRICT,
    "microraion": PlaceKind.DISTRICT,
}
_REGION_KINDS = frozenset({PlaceKind.REGION, PlaceKind.COUNTRY})
_BRACKET_WORD = re.compile(r"[\[(][A-Za-z]")
_NEVER = EXCLUDED_NAMES | MONTHS | DEMONYMS
"""One-word names that are never a place or a unit (``Russian``, ``March``, ``Kremlin``), skipped at once."""

SpanOf = Callable[[int, int], Span]


class _Sentence(NamedTuple):
    """A sentence of the report: its text, where it starts in the report's text, its section's region."""

    text: str
    offset: int
    region: str | None
    """The region of the section it sits in (``Kharkiv Oblast`` from a heading), or ``None``."""


class _Read(NamedTuple):
    """What reading a sentence gave, and what later sentences may change."""

    sentence: "_Sentence"
    places: list[PlaceDraft]
    units: list[UnitDraft]
    unread: frozenset[str]
    """Its names that were read as no place: a later sentence may give one as a place."""


@collector_paused
def read_report_entities(source: EntitySource) -> EntitiesReading:
    """A parsed report's abbreviations and the places and units of its claims and takeaways, from its text and
    the spans of its claims and takeaways."""
    text = source.text
    starts = source.line_starts

    def span_of(start: int, end: int) -> Span:
        return span_at(text, starts, start, end)

    headings = _heading_regions(source.blocks, starts) if len(source.blocks) else []
    spans = (*source.claims, *source.takeaways)
    context = Context(_default_side(source.series, source.title))
    mentions, abbreviations = read_sentences(
        [(span.text, span.start, _region_at(headings, span.start) if headings else None) for span in spans],
        context,
        span_of,
    )
    count = len(source.claims)
    return EntitiesReading(tuple(mentions[:count]), tuple(mentions[count:]), tuple(abbreviations))


@collector_paused
def read_item_entities(item: Claim | Takeaway) -> Mentions:
    """The places and units of one claim or takeaway read alone (one made in code, or one whose report is gone)."""
    span = item.span
    local = span.text
    breaks = [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", local))]

    def span_of(start: int, end: int) -> Span:
        relative = start - span.start
        line = 0
        while line + 1 < len(breaks) and breaks[line + 1] <= relative:
            line += 1
        column = relative - breaks[line] + (span.column if line == 0 else 1)
        return Span(start=start, end=end, text=local[relative : end - span.start], line=span.line + line, column=column)

    mentions, _ = read_sentences([(local, span.start, None)], Context(Side.UNKNOWN), span_of)
    return mentions[0]


def read_sentences(
    sentences: Sequence[tuple[str, int, str | None]], context: Context, span_of: SpanOf
) -> tuple[list[Mentions], list[Abbreviation]]:
    """The mentions of each sentence (its text, its offset in the report, its section's region) and the
    abbreviations they define, read with ``context``.

    Each sentence is read once, in order, with what the sentences before taught the context; a sentence one of
    whose names a later sentence gives as a place is read again at the end.
    """
    abbreviations: list[Abbreviation] = []
    read: list[_Read | None] = []
    for text, offset, region in sentences:
        if not worth_reading(text):
            read.append(None)
            continue
        read.append(_read_sentence(_Sentence(text, offset, region), context, span_of, abbreviations))
    known = context.known
    final: list[_Read | None] = []
    for found in read:
        if found is not None and found.unread and not found.unread.isdisjoint(known):
            found = _read_sentence(found.sentence, context, span_of, None)
        final.append(found)
    mentions = [
        _NOTHING
        if found is None
        else Mentions(
            _places(found.places, found.sentence, span_of, context),
            _units(found.units, found.sentence, context, span_of),
        )
        for found in final
    ]
    return mentions, abbreviations


def _read_sentence(
    sentence: _Sentence, context: Context, span_of: SpanOf, abbreviations: list[Abbreviation] | None
) -> _Read:
    """The places and units of one sentence; the first time (``abbreviations`` given), also the abbreviations it
    defines and the places it teaches the context."""
    text = sentence.text
    names = find_names(text, _NEVER)
    skip = _definitions(text, sentence.offset, names, context, abbreviations, span_of)
    units: list[UnitDraft] = []
    places: list[PlaceDraft] = []
    ordinals: list[Name] = []
    unread: list[str] = []
    never = _NEVER
    for name in names:
        if name.start in skip or (name.text in never and not text.startswith(" border", name.end)):
            continue
        unit = read_unit(name, text, context)
        if unit is not None:
            units.append(unit)
            continue
        if _ORDINAL.match(name.text):
            ordinals.append(name)
            continue
        place = read_place(name, text, context)
        if place is not None:
            places.append(place)
        if place is None or place.weak:
            unread.append(name.text)
            words = name.words
            if len(words) > 1:  # "Suwayda Governor …": a bare place before a title
                unread.append(words[0])
                unread.append(f"{words[0]} {words[1]}")
    if ordinals and units:
        units = sorted([*units, *shared_head_units(text, ordinals, units)], key=lambda unit: unit.start)
    if units:
        link_units(text, units)
    kept = link_places(text, places) if places else []
    if abbreviations is not None:
        _learn(kept, context)
    if kept:
        _regions(kept, sentence, context)
    return _Read(sentence, kept, units, frozenset(unread))


def _default_side(series: str | None, title: str | None) -> Side:
    series = (series or "") + " " + (title or "")
    if "Iran" in series or "Middle East" in series:
        return Side.OTHER
    if "Russia" in series or "Ukrain" in series:
        return Side.RUSSIAN
    return Side.UNKNOWN


def _heading_regions(blocks: tuple[Block, ...], starts: tuple[int, ...]) -> list[tuple[int, str | None]]:
    found: list[tuple[int, str | None]] = []
    for block, start in zip(blocks, starts, strict=True):
        if block.kind is BlockKind.HEADING:
            match = _HEADING_REGION.search(block.text)
            found.append((start, f"{match.group(1)} {match.group(2)}" if match else None))
    return found


def _region_at(headings: list[tuple[int, str | None]], start: int) -> str | None:
    region = None
    for offset, named in headings:
        if offset > start:
            break
        region = named
    return region


def _definitions(
    text: str, offset: int, names: list[Name], context: Context, found: list[Abbreviation] | None, span_of: SpanOf
) -> set[int]:
    """Record the abbreviations a sentence defines (when ``found`` is given); the starts of the names that are
    those short forms."""
    skip: set[int] = set()
    if _BRACKET_WORD.search(text) is None:
        return skip  # no bracket holds a word: callouts only
    by_start = {name.start: name for name in names}
    defined: set[int] = set()
    for name in names:
        match = ACRONYM_AFTER.match(text, name.after)
        if match is None or not is_acronym(match.group(1)):
            continue
        short = match.group(1)
        words = [w for w in name.words if not _ORDINAL.match(w)]
        while len(words) > 1 and is_demonym(words[0]):
            words = words[1:]
        if found is not None:
            spelled = full_form(words, short) or " ".join(words)
            _define(short, spelled, offset + match.start(1), offset + match.end(1), context, found, span_of)
        defined.add(match.start(1))
        if match.start(1) in by_start:
            skip.add(match.start(1))
    if found is None:
        return skip
    for match in BRACKETED.finditer(text):
        short = match.group(1)
        if match.start(1) in defined or not is_acronym(short):
            continue
        words = text[max(0, match.start() - 80) : match.start()].split()[-8:]
        full = full_form([w.strip(',;:“”"') for w in words], short)
        if full is not None:
            _define(short, full, offset + match.start(1), offset + match.end(1), context, found, span_of)
    return skip


def _define(
    short: str, full: str, start: int, end: int, context: Context, found: list[Abbreviation], span_of: SpanOf
) -> None:
    if short not in context.glossary:
        context.glossary[short] = full
        found.append(_new_abbreviation(short, full, span_of(start, end)))


def _learn(places: list[PlaceDraft], context: Context) -> None:
    """Remember the names a sentence gives as places, and the bare names inside names with a classifier
    (``Azovstal`` of ``Azovstal Steel Plant``, ``Suwayda`` of ``Suwayda Province``)."""
    known = context.known
    for place in places:
        text = place.text
        if text.startswith(("the ", "The ")):
            text = text[4:]
        known.setdefault(text, place.kind)
        head, _, last = text.rpartition(" ")
        if not head:
            continue
        kind = _BASE_KINDS.get(last)
        if kind is None and PLACE_CLASSIFIERS.get(last) is PlaceKind.FACILITY and " " not in head:
            kind = PlaceKind.FACILITY
        if kind is None and last == "Plant" and head.endswith(" Steel"):
            head, kind = head[:-6], PlaceKind.FACILITY
        if kind is PlaceKind.REGION:
            if known.get(head) is not PlaceKind.COUNTRY:
                known[head] = kind
        elif kind is not None:
            known.setdefault(head, kind)


def _regions(drafts: list[PlaceDraft], sentence: _Sentence, context: Context) -> None:
    """The region of each place the sentence puts in one (its anchor's, or the region it is in), remembered for
    the place's other mentions in the report."""
    in_sentence = next(
        (d.text for d in drafts if d.kind is PlaceKind.REGION and (d.relation in ("in", "within") or d.modifier)),
        None,
    )
    learned = context.regions
    for draft in _anchors_first(drafts):
        if draft.kind in _REGION_KINDS:
            continue
        anchor = draft.anchor
        if anchor is not None and anchor.kind is PlaceKind.REGION:
            draft.region = anchor.text
        elif anchor is not None and anchor.region is not None:
            draft.region = anchor.region
        else:
            draft.region = in_sentence
        if draft.region is not None:
            learned.setdefault(draft.text, draft.region)


def _places(drafts: list[PlaceDraft], sentence: _Sentence, span_of: SpanOf, context: Context) -> tuple[Place, ...]:
    if not drafts:
        return ()
    offset = sentence.offset
    learned = context.regions
    made: dict[int, Place] = {}
    for draft in _anchors_first(drafts):
        anchor = made.get(id(draft.anchor)) if draft.anchor is not None else None
        start = draft.article if draft.article >= 0 else draft.start
        region = draft.region
        if region is None and draft.kind not in _REGION_KINDS:
            region = learned.get(draft.text) or sentence.region
        text = sentence.text[start : draft.end]
        made[id(draft)] = _new_place(
            text,
            span_of(offset + start, offset + draft.end),
            draft.kind,
            draft.relation,
            anchor,
            draft.anchor_relation if anchor is not None else None,
            region,
            place_key(text, draft.kind),
        )
    return tuple(made[id(draft)] for draft in drafts)


def _anchors_first(drafts: list[PlaceDraft]) -> list[PlaceDraft]:
    """The drafts ordered so that each comes after its anchor (a cycle, which no rule makes, drops the anchor)."""
    ordered: list[PlaceDraft] = []
    placed: set[int] = set()
    kept = {id(d) for d in drafts}
    for draft in drafts:
        chain = []
        current: PlaceDraft | None = draft
        while current is not None and id(current) not in placed and current not in chain:
            chain.append(current)
            current = current.anchor if current.anchor is not None and id(current.anchor) in kept else None
        if current is not None and current in chain:
            current.anchor = None
        for each in reversed(chain):
            if id(each) not in placed:
                placed.add(id(each))
                ordered.append(each)
    return ordered


def _units(drafts: list[UnitDraft], sentence: _Sentence, context: Context, span_of: SpanOf) -> tuple[Unit, ...]:
    if not drafts:
        return ()
    offset = sentence.offset
    text = sentence.text
    fallback = _sentence_side(text, context)
    made: dict[int, Unit] = {}
    order: list[UnitDraft] = []
    placed: set[int] = set()
    for draft in drafts:
        chain: list[UnitDraft] = []
        current: UnitDraft | None = draft
        while current is not None and id(current) not in placed and current not in chain:
            chain.append(current)
            current = current.parent
        if current is not None and current in chain:
            current.parent = None
        for each in reversed(chain):
            if id(each) not in placed:
                placed.add(id(each))
                order.append(each)
    for draft in order:
        parent = made.get(id(draft.parent)) if draft.parent is not None else None
        made[id(draft)] = _new_unit(
            draft.text,
            span_of(offset + draft.start, offset + draft.end),
            draft.number,
            draft.echelon,
            draft.side or fallback,
            draft.abbreviation,
            parent,
            unit_key(draft.text, draft.number, context.glossary, draft.full),
        )
    return tuple(made[id(draft)] for draft in drafts if id(draft) in made)


def _sentence_side(text: str, context: Context) -> Side:
    """The side of a unit no word of its own tells: the sentence's, else the report's."""
    if context.default_side is Side.RUSSIAN or context.default_side is Side.UNKNOWN:
        if "Ukrainian " in text and "Russian " not in text:
            return Side.UKRAINIAN
        if "Russian " in text:
            return Side.RUSSIAN
    return context.default_side
