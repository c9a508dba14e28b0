"""The typed model of a brief: frozen, slotted, keyword-only attrs classes.

This module holds data and the invariants of that data (validators), never
parsing logic. Sequences are tuples; edit a value with ``attrs.evolve``.

Positions take part in ``==``: two reports are equal only when their texts are
equal, and then their spans are equal too, so keeping positions in equality
costs nothing and lets tests compare whole reports.
"""

import enum
import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

__all__ = [
    "Block",
    "BlockKind",
    "Citation",
    "Diagnostic",
    "Note",
    "Platform",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
]

#: The most digits a callout label has; ``[1234567890]`` is a bracket, not a callout.
MAX_LABEL_DIGITS = 9
#: A callout as the text format prints it; text fields that are read with the
#: callouts removed can never hold one (the parser would read it as a callout).
CALLOUT_RE = re.compile(rf"\[[0-9]{{1,{MAX_LABEL_DIGITS}}}\]")
_LINE_BREAKS = frozenset({"\r\n", "\n", "\r", ""})


class BlockKind(enum.Enum):
    """What a line of the report's text is, as the parser read it."""

    TITLE = "title"
    DATELINE = "dateline"
    BYLINE = "byline"
    PUBLISHER = "publisher"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    ENDNOTE = "endnote"
    BOILERPLATE = "boilerplate"
    BLANK = "blank"
    OTHER = "other"


class Severity(enum.Enum):
    """How bad a ``Diagnostic`` is. ``strict=True`` raises on warnings and errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Platform(enum.Enum):
    """Where a cited URL lives."""

    TELEGRAM = "telegram"
    X = "x"
    FACEBOOK = "facebook"
    YOUTUBE = "youtube"
    VK = "vk"
    INSTAGRAM = "instagram"
    WEB = "web"


class SourceKind(enum.Enum):
    """What sort of thing a source is."""

    SOCIAL_POST = "social_post"
    NEWS_ARTICLE = "news_article"
    OFFICIAL = "official"
    THINK_TANK = "think_tank"
    ISW_REPORT = "isw_report"
    OTHER = "other"
    TEXT = "text"
    """A note (or part of one) with no URL: a pasted title, prose, a document name."""


def no_line_break(_: object, attribute: "attrs.Attribute[Any]", value: str | None) -> None:
    if value is not None and ("\n" in value or "\r" in value):
        raise ValueError(f"{attribute.name} cannot hold a line break: {value!r}")


def no_callout(_: object, attribute: "attrs.Attribute[Any]", value: str) -> None:
    found = CALLOUT_RE.search(value)
    if found:
        raise ValueError(f"{attribute.name} cannot hold {found.group()!r}: the text format would read it as a callout")


@attrs.frozen(kw_only=True)
class Span:
    """A half-open range of code points in a report's own text, with that text.

    Built with ``end - start == len(text)``, ``start >= 0``, ``line >= 1`` and
    ``column >= 1``, or ``ValueError``.
    """

    start: int
    """Offset of the first code point."""
    end: int
    """Offset just past the last code point."""
    text: str
    """``report.text[start:end]``, kept so a span can be read on its own."""
    line: int
    """1-based line of ``start``; only ``\\n``, ``\\r\\n`` and ``\\r`` end lines."""
    column: int
    """1-based column of ``start``, in code points."""

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: spans are made by the thousand.
        if self.end - self.start != len(self.text) or self.start < 0 or self.line < 1 or self.column < 1:
            raise ValueError(
                f"span {self.start}:{self.end} at {self.line}:{self.column} does not match its text "
                f"of {len(self.text)} code points, or lies before the start"
            )


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A problem the lenient parser found and kept as data."""

    code: str
    """Stable code such as ``CALLOUT_UNRESOLVED``; see the diagnostics page."""
    severity: Severity
    """``error`` or ``warning`` (``strict=True`` raises on these) or ``info``."""
    message: str
    """One line for a person: what was found, and where it points."""
    span: Span | None = None
    """Where the problem is, when it has a place."""


@attrs.frozen(kw_only=True)
class Block:
    """One line of the report's exact text and the kind the parser gave it.

    The blocks of a report, joined in order with their line breaks, are its text.
    Block ``i`` is line ``i + 1``; ``Report.line_starts[i]`` is its offset. Equal
    lines may share one (frozen) block object.
    """

    kind: BlockKind
    text: str
    """The line without its line break; it cannot hold ``\\n`` or ``\\r``."""
    newline: str = "\n"
    """The line break that ends the line: ``\\n``, ``\\r\\n``, ``\\r``, or ``""`` at the very end."""

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: a report has a block per line.
        if self.newline not in _LINE_BREAKS or "\n" in self.text or "\r" in self.text:
            raise ValueError(f"a block is one line ending with one line break: {self.text!r} + {self.newline!r}")


_new = object.__new__


def positional_constructor(cls: type, names: tuple[str, ...]) -> Callable[..., Any]:
    """A function that makes a frozen slotted attrs ``cls`` from all its fields by position, skipping its
    validators and the keyword handling (a third of the time of a checked one).

    Only for values true by construction: the parser's and the claims reader's
    own offsets and texts. The property tests check every span of every parsed
    report against its text, line and column, and run the validators over the
    citations, notes and claims made this way. The function is generated, as
    attrs generates ``__init__``: one plain statement per field.
    """
    if set(names) != {field.name for field in attrs.fields(cls)}:
        raise TypeError(f"{cls.__name__} has the fields {[f.name for f in attrs.fields(cls)]}, not {list(names)}")
    namespace: dict[str, Any] = {"new": _new, "cls": cls}
    namespace.update({f"set_{name}": cls.__dict__[name].__set__ for name in names})
    lines = [f"def new_{cls.__name__.lower()}({', '.join(names)}):", "    made = new(cls)"]
    lines += [f"    set_{name}(made, {name})" for name in names]
    lines.append("    return made")
    exec("\n".join(lines), namespace)  # the source is built here from attrs field names only
    made: Callable[..., Any] = namespace[f"new_{cls.__name__.lower()}"]
    made.__doc__ = f"``{cls.__name__}(...)`` by position ({', '.join(names)}), without its checks."
    return made


new_span: Callable[[int, int, str, int, int], Span] = positional_constructor(
    Span, ("start", "end", "text", "line", "column")
)
new_diagnostic: Callable[[str, Severity, str, Span | None], Diagnostic] = positional_constructor(
    Diagnostic, ("code", "severity", "message", "span")
)


_BLOCK_FIELDS = tuple(Block.__dict__[name].__set__ for name in ("kind", "text", "newline"))


def new_blocks(kinds: list[BlockKind], lines: list[str], breaks: list[str]) -> tuple[Block, ...]:
    """One block per line the parser split itself (one line break each, by construction), made without
    its check; equal blank lines share one frozen block.

    The fields are set here rather than through a positional constructor: a call
    per line cost 3 % of ``parse``.
    """
    set_kind, set_text, set_newline = _BLOCK_FIELDS
    shared: dict[str, Block] = {}
    blocks: list[Block] = []
    for kind, line, newline in zip(kinds, lines, breaks, strict=True):
        key = line + newline if kind is BlockKind.BLANK else None  # a line holds no line break: unambiguous
        block = shared.get(key) if key is not None else None
        if block is None:
            block = _new(Block)
            set_kind(block, kind)
            set_text(block, line)
            set_newline(block, newline)
            if key is not None:
                shared[key] = block
        blocks.append(block)
    return tuple(blocks)


@attrs.frozen(kw_only=True)
class Source:
    """One cited thing: a URL from a note (repaired), or a note's text when it has no URL."""

    raw: str
    """The source as printed in the note."""
    url: str | None = None
    """The repaired URL, or ``None`` for a text source."""
    domain: str | None = None
    """Host without ``www.``, lower case."""
    platform: Platform | None = None
    """Telegram, X, Facebook, YouTube, VK, Instagram, or the web; ``None`` without a URL."""
    kind: SourceKind = SourceKind.TEXT
    """Social post, news article, official, think tank, ISW's own report, other, or text."""
    truncated: bool = False
    """The printed URL was shortened with ``...`` or ``…``; ``url`` is then incomplete."""
    outlet: str | None = None
    """A well-known outlet's name (``Reuters``, ``TASS``, ...)."""
    account: str | None = None
    """Channel or account for Telegram, X, Facebook, VK, Instagram and YouTube URLs."""
    post_id: str | None = None
    """The post's id where the URL carries it."""
    repairs: tuple[str, ...] = ()
    """What was repaired to get ``url``: ``dot``, ``scheme``, ``trailing``, ``space``."""

    @property
    def key(self) -> str:
        """What makes two sources the same source: the repaired URL, or the text of a source without one."""
        return self.url or self.raw


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
        from briefmodel._sources import read_sources

        return read_sources(self.text)


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


new_note: Callable[[str, int | None, Span, str, tuple[int, ...]], Note] = positional_constructor(
    Note, ("label", "number", "span", "text", "cited_by")
)
new_citation: Callable[[str, int | None, Span, int, Note | None], Citation] = positional_constructor(
    Citation, ("label", "number", "span", "block", "note")
)


_FIRST_AT_A_PLACE = {"ENDNOTES_MISSING": 0}


def diagnostic_order(diagnostic: Diagnostic) -> tuple[int, int, str]:
    """Sort key: by place; at one place the diagnostic that explains the others comes first."""
    start = diagnostic.span.start if diagnostic.span else -1
    return (start, _FIRST_AT_A_PLACE.get(diagnostic.code, 1), diagnostic.code)
