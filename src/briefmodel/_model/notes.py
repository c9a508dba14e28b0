"""Endnotes and the in-text callouts (citations) that resolve to them."""

import functools

import attrs

from briefmodel._model import deferred
from briefmodel._model.sources import Source
from briefmodel._model.text import Span

__all__ = ["Citation", "Note", "citations_by_block"]


@attrs.frozen(kw_only=True)
class Note:
    """One endnote: its label, its exact text and the sources it lists."""

    label: str
    """As printed between the brackets: ``"12"``, ``"iv"``."""
    number: int | None
    """The label's value (roman labels too); ``None`` if it has none."""
    span: Span
    """From the opening bracket to the last character of the note, continuation lines included."""
    text: str
    """The note after its label, stripped; continuation lines keep their line breaks."""
    cited_by: tuple[int, ...] = ()
    """Indexes into ``Report.citations`` of the callouts that use this note."""

    @functools.cached_property
    def sources(self) -> tuple[Source, ...]:
        """The sources the note lists, read on first use."""
        return deferred.note_sources(self.text)


@attrs.frozen(kw_only=True)
class Citation:
    """One in-text callout such as ``[12]`` and the note it resolves to."""

    label: str
    """As printed between the brackets."""
    number: int | None
    """The label's value (roman labels too)."""
    span: Span
    """The callout, brackets included."""
    block: int
    """Index into ``Report.blocks`` of the line it sits on."""
    note: Note | None = None
    """The resolved note, or ``None`` (with a ``CALLOUT_UNRESOLVED`` diagnostic)."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources behind this callout (none when unresolved)."""
        return () if self.note is None else self.note.sources


def citations_by_block(citations: tuple[Citation, ...]) -> dict[int, list[Citation]]:
    """The citations of each line (block index), in order; a line without callouts is not a key."""
    by_block: dict[int, list[Citation]] = {}
    for citation in citations:
        by_block.setdefault(citation.block, []).append(citation)
    return by_block
