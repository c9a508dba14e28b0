"""The constructors that skip a model class's checks, for values true by construction.

The parser and the claims reader make tens of thousands of spans, notes,
citations, diagnostics and claims from offsets and texts they computed
themselves. Each is made here by a function generated from the class's attrs
fields (``positional_constructor``), one plain statement per field, as attrs
generates ``__init__``: a third of the time of a checked one. The property tests
check every span of every parsed report against its text, line and column, and
run each class's validators over the citations, notes and claims made this way.
"""

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from briefmodel._model.claims import Agent, AgentKind, Attribution, Claim, ClaimCitation, DateMention, Hedge, Stance
from briefmodel._model.diagnostics import Code, Diagnostic
from briefmodel._model.notes import Citation, Note
from briefmodel._model.text import Block, BlockKind, Span

__all__ = [
    "new_agent",
    "new_attribution",
    "new_blocks",
    "new_citation",
    "new_claim",
    "new_claim_citation",
    "new_diagnostic",
    "new_note",
    "new_span",
    "positional_constructor",
    "span_at",
]

_new = object.__new__


def positional_constructor(cls: type, names: tuple[str, ...]) -> Callable[..., Any]:
    """A function that makes a frozen slotted attrs ``cls`` from all its fields by position, skipping its
    validators and the keyword handling (a third of the time of a checked one).

    Only for values true by construction: the parser's and the claims reader's
    own offsets and texts. The function is generated, as attrs generates
    ``__init__``: one plain statement per field.
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
_new_diagnostic: Callable[[str, Any, str, Span | None], Diagnostic] = positional_constructor(
    Diagnostic, ("code", "severity", "message", "span")
)
new_note: Callable[[str, int | None, Span, str, tuple[int, ...]], Note] = positional_constructor(
    Note, ("label", "number", "span", "text", "cited_by")
)
new_citation: Callable[[str, int | None, Span, int, Note | None], Citation] = positional_constructor(
    Citation, ("label", "number", "span", "block", "note")
)
new_claim: Callable[
    [str, Span, tuple[ClaimCitation, ...], Attribution, Stance, tuple[Hedge, ...], tuple[DateMention, ...]], Claim
] = positional_constructor(Claim, ("text", "span", "citations", "attribution", "stance", "hedges", "dates"))
"""For the claims reader: its text comes from ``strip_callouts``, which never leaves a callout."""
new_claim_citation: Callable[[Citation, bool], ClaimCitation] = positional_constructor(
    ClaimCitation, ("citation", "inferred")
)
new_agent: Callable[[str, AgentKind, str | None, Span, str], Agent] = positional_constructor(
    Agent, ("name", "kind", "role", "span", "key")
)
new_attribution: Callable[[Agent | None, str | None, Agent | None, tuple[Agent, ...]], Attribution] = (
    positional_constructor(Attribution, ("speaker", "cue", "reporter", "chain"))
)


def new_diagnostic(code: Code, message: str, span: Span | None) -> Diagnostic:
    """A ``Diagnostic`` of a registered code: its severity is the code's, never a literal at the call site."""
    return _new_diagnostic(code.name, code.severity, message, span)


def span_at(text: str, starts: Sequence[int], start: int, end: int) -> Span:
    """The span of ``text[start:end]``; ``starts`` are the offsets of the text's lines (found with ``bisect``)."""
    line = bisect_right(starts, start) - 1
    return new_span(start, end, text[start:end], line + 1, start - starts[line] + 1)


_SHARED_LINE = 16
"""The longest line (besides blank ones) whose block is shared with the equal lines of its kind."""
_SHARED_BLOCKS = 4_096
_BLOCK_FIELDS = tuple(Block.__dict__[name].__set__ for name in ("kind", "text", "newline"))


def new_blocks(kinds: list[BlockKind], lines: list[str], breaks: list[str]) -> tuple[Block, ...]:
    """One block per line the parser split itself (one line break each, by construction), made without
    its check; equal blank lines, and equal short lines of one kind, share one frozen block.

    The fields are set here rather than through a positional constructor: a call
    per line cost 3 % of ``parse``. Sharing keeps text of many short lines (a
    line of ``.`` repeated) from taking a 64-byte block each; the table of
    shared blocks starts again when full, so distinct short lines cost no more.
    """
    set_kind, set_text, set_newline = _BLOCK_FIELDS
    blank = BlockKind.BLANK
    shared: dict[str, Block] = {}
    blocks: list[Block] = []
    for kind, line, newline in zip(kinds, lines, breaks, strict=True):
        key = line + newline if kind is blank or len(line) <= _SHARED_LINE else None  # holds no line break
        block = shared.get(key) if key is not None else None
        if block is None or block.kind is not kind:
            block = _new(Block)
            set_kind(block, kind)
            set_text(block, line)
            set_newline(block, newline)
            if key is not None:
                if len(shared) >= _SHARED_BLOCKS:
                    shared.clear()
                shared[key] = block
        blocks.append(block)
    return tuple(blocks)
