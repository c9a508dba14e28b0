"""Write a report back to text. Reads only the model, never the source text.

Every block renders as its text and its line break; a parsed report therefore
renders byte for byte, and a built report renders in the canonical layout its
builder gave its blocks. The table is keyed by block kind so that other
outputs (Markdown) can give kinds their own rendering.
"""

from collections.abc import Callable
from types import MappingProxyType

from briefmodel._model.report import Report
from briefmodel._model.text import Block, BlockKind

__all__ = ["TEXT_RENDERERS", "render"]


def _verbatim(block: Block) -> str:
    return block.text + block.newline


TEXT_RENDERERS: MappingProxyType[BlockKind, Callable[[Block], str]] = MappingProxyType(
    dict.fromkeys(BlockKind, _verbatim)
)


def render(report: Report) -> str:
    """The report as text: the exact input for a parsed report, the canonical form for a built one."""
    pieces = [TEXT_RENDERERS[block.kind](block) for block in report.blocks]
    if report.bom:
        pieces.insert(0, "\ufeff")
    return "".join(pieces)
