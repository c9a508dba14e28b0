"""The report: one document's metadata, its exact text as blocks, and what was read from it."""

import datetime as dt
import functools
from collections.abc import Iterator

import attrs

from briefmodel._claim_types import Claim, Takeaway
from briefmodel._model import Block, Citation, Diagnostic, Note, Source, Span, no_line_break

__all__ = ["Report"]


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """One document: its metadata, its exact text as blocks, and what was read from it."""

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
    takeaways: tuple[Takeaway, ...] = ()
    """The Key Takeaways items, in order."""
    citations: tuple[Citation, ...] = ()
    """Every callout of the body, in order."""
    notes: tuple[Note, ...] = ()
    """Every endnote, in order, the unused and duplicate ones included."""
    claims: tuple[Claim, ...] = ()
    """The body's sentences as claims, in document order."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """What the parser found wrong, by position."""

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
                seen.setdefault(source.url or source.raw, source)
        return tuple(seen.values())

    def iter_spans(self) -> Iterator[Span]:
        """Every span the report holds, for checks and tools."""
        for group in (self.citations, self.notes, self.takeaways, self.claims):
            for item in group:
                yield item.span
        for diagnostic in self.diagnostics:
            if diagnostic.span is not None:
                yield diagnostic.span

    def __repr__(self) -> str:
        date = self.published.isoformat() if self.published else "no date"
        return (
            f"<Report {self.title!r} ({self.publisher or 'unknown publisher'}, {date}): "
            f"{len(self.citations)} citations, {len(self.notes)} notes, "
            f"{len(self.takeaways)} takeaways, {len(self.diagnostics)} diagnostics>"
        )
