"""The report: one document's metadata, its exact text as blocks, and what was read from it."""

import datetime as dt
import functools
from collections.abc import Iterator

import attrs

from briefmodel._model import deferred
from briefmodel._model.claims import Claim, ClaimsReading, Takeaway
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.entities import Abbreviation, EntitiesReading
from briefmodel._model.notes import Citation, Note
from briefmodel._model.sources import Source
from briefmodel._model.text import Block, Span, no_line_break

__all__ = ["Report"]


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """One document: its metadata, its exact text as blocks, and what was read from it.

    ``parse`` reads the structure (blocks, citations, notes, takeaways) at once;
    ``claims``, the takeaways' ``supports`` and the diagnostics they add are read
    together on first use of ``claims``, ``takeaways`` or ``diagnostics``.
    Equality compares the stored fields; what is read from them follows.
    """

    title: str | None = attrs.field(default=None, validator=no_line_break)
    """The headline, cleaned of a publisher prefix."""
    publisher: str | None = attrs.field(default=None, validator=no_line_break)
    """From a publisher line, a publisher prefix on the title, or the series."""
    authors: tuple[str, ...] = ()
    """The names of the byline, in order."""
    published: dt.date | None = None
    """The publication date, from the title, a ``Press ISW`` line or a date line."""
    cutoff: str | None = None
    """The time or data cut-off line as printed (``December 14, 7:30 pm ET``)."""
    series: str | None = None
    """``Russian Offensive Campaign Assessment``, ``Iran Update``, ..."""
    url: str | None = None
    """The page's address, when the text names it (crawler metadata)."""
    bom: bool = False
    """The text began with a byte order mark (not part of ``text``; ``render`` writes it back)."""
    blocks: tuple[Block, ...] = ()
    """The exact text, one block per line; ``render`` joins them."""
    _takeaways: tuple[Takeaway, ...] = attrs.field(default=(), alias="takeaways")
    """The Key Takeaways items as parsed; ``takeaways`` adds the claims each restates."""
    citations: tuple[Citation, ...] = ()
    """Every callout of the body, in order."""
    notes: tuple[Note, ...] = ()
    """Every endnote, in order, the unused and duplicate ones included."""
    _diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), alias="diagnostics")
    """What the parser found, by position; ``diagnostics`` adds what reading the claims found."""

    @functools.cached_property
    def text(self) -> str:
        """The report's own text (without the BOM); every span indexes into it."""
        return "".join([piece for block in self.blocks for piece in (block.text, block.newline)])

    @functools.cached_property
    def line_starts(self) -> tuple[int, ...]:
        """The offset in ``text`` of each block (line ``i + 1`` starts at ``line_starts[i]``)."""
        starts = []
        offset = 0
        for block in self.blocks:
            starts.append(offset)
            offset += len(block.text) + len(block.newline)
        return tuple(starts)

    @functools.cached_property
    def sources(self) -> tuple[Source, ...]:
        """Each distinct source of the notes once, in order of first appearance."""
        seen: dict[str, Source] = {}
        for note in self.notes:
            for source in note.sources:
                seen.setdefault(source.key, source)
        return tuple(seen.values())

    @functools.cached_property
    def _reading(self) -> ClaimsReading:
        return deferred.report_claims(self)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The body's sentences as claims, in document order (read on first use, with ``takeaways``' support)."""
        return self._reading.claims

    @property
    def takeaways(self) -> tuple[Takeaway, ...]:
        """The Key Takeaways items, each with the body claims it restates (``Takeaway.supports``)."""
        return self._reading.takeaways

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every problem found, by position: the parser's, then those of reading claims and dates."""
        return self._reading.diagnostics

    @functools.cached_property
    def _entities(self) -> EntitiesReading:
        return deferred.report_entities(self)

    @property
    def abbreviations(self) -> tuple[Abbreviation, ...]:
        """The short forms the report defines in brackets after their full forms (``44th Army Corps [AC]``,
        ``Ministry of Defense (MoD)``), in order; derived from the claims on first use, not stored."""
        return self._entities.abbreviations

    def iter_spans(self) -> Iterator[Span]:
        """Every span the report holds, for checks and tools: those of its citations, notes, takeaways and
        claims, of each claim's agents, hedges and dates, and of its diagnostics."""
        for group in (self.citations, self.notes, self.takeaways):
            for item in group:
                yield item.span
        for claim in self.claims:
            yield claim.span
            for agent in claim.attribution.chain:
                yield agent.span
            for hedge in claim.hedges:
                yield hedge.span
            for date in claim.dates:
                yield date.span
        for diagnostic in self.diagnostics:
            if diagnostic.span is not None:
                yield diagnostic.span

    def _repr_html_(self) -> str:
        """The notebook view: metadata, takeaways, claims with their sources linked, diagnostics (all escaped)."""
        return deferred.report_html(self)

    def __repr__(self) -> str:
        date = self.published.isoformat() if self.published else "no date"
        return (
            f"<Report {self.title!r} ({self.publisher or 'unknown publisher'}, {date}): "
            f"{len(self.citations)} citations, {len(self.notes)} notes, "
            f"{len(self._takeaways)} takeaways>"
        )
