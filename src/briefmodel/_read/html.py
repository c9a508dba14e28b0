"""Publisher pages in: the HTML of a brief turned into its text view, then parsed like any text.

The page is read by lexbor through selectolax (the ``html`` extra): a maintained
HTML5 parser in C that builds the tree the way browsers do, fetches nothing,
runs no script, reads no file and expands no external entity; character
references (``&amp;``, ``&nbsp;``) are decoded as HTML defines them.

The text view, one line each, in this order:

- the title: ``h1#page-title`` (old Drupal site) or the first ``h1``;
- the Drupal date line (``.submitted``: ``Dec 14, 2022 - Press ISW``), if any;
- the body (``.field-name-body``, else ``.entry-content``, ``article``, ``main``
  or ``body``): each block element (``p``, ``div``, ``li``, ``h1``–``h6``,
  ``tr`` …) is a paragraph, paragraphs are separated by a blank line, ``<br>``
  starts a new line, a list item starts with ``  • ``. Runs of HTML white space
  become one space; a no-break space is kept.

A link whose visible text is shortened with ``...`` or ``…`` is written as its
``href`` (when that is an http(s) URL), so note URLs come out whole. The tree
is walked without recursion, so nesting of any depth keeps its text.
"""

import re
from typing import Any

from briefmodel._errors import require
from briefmodel._model.report import Report
from briefmodel._read.pipeline import parse

__all__ = ["html_to_text", "parse_html"]

_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIP = frozenset({"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg", "math"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_SHORTENED = ("...", "…")
_BODY_SELECTORS = (".field-name-body", ".entry-content", ".printable-area", "article", "main")


def _parser(html: str) -> Any:
    return require("selectolax.lexbor", extra="html", purpose="reading HTML").LexborHTMLParser(html)


def _node_text(node: Any) -> str:
    return _HTML_SPACE.sub(" ", node.text(deep=True) or "").strip(" ")


class _Lines:
    """The text view being built: paragraphs of lines, each line a list of pieces."""

    def __init__(self) -> None:
        self.paragraphs: list[list[str]] = []
        self.line: list[str] = []
        self.lines: list[str] = []

    def text(self, piece: str) -> None:
        self.line.append(piece)

    def newline(self) -> None:
        line = _HTML_SPACE.sub(" ", "".join(self.line)).strip(" ")
        self.lines.append("  " + line if line.startswith("• ") else line)  # a list item keeps its indent
        self.line = []

    def paragraph(self) -> None:
        self.newline()
        kept = [line for line in self.lines if line]
        if kept:
            self.paragraphs.append(kept)
        self.lines = []


def _walk(root: Any, out: _Lines) -> None:
    """Every text of ``root`` in document order, blocks as paragraphs: an iterative walk by parent links."""
    top = root.mem_id  # node objects are made afresh on each access: compare the nodes' ids, not the objects
    node = root.child
    while node is not None:
        tag = node.tag or "-"  # a processing instruction (`<?p>`) has no tag: skipped like a comment
        descend = False
        if tag == "-text":
            out.text(node.text_content or "")
        elif tag == "br":
            out.newline()
        elif tag == "a" and _shortened_link(node, out):
            pass
        elif tag not in _SKIP and not tag.startswith(("_", "-")):
            if tag in _BLOCKS:
                out.paragraph()
                if tag == "li":
                    out.text("  • ")
            descend = node.child is not None
        if descend:
            node = node.child
            continue
        while node is not None and node.mem_id != top and node.next is None:
            node = node.parent
            if node is not None and node.mem_id != top and node.tag in _BLOCKS:
                out.paragraph()  # leaving a block ends its paragraph
        node = None if node is None or node.mem_id == top else node.next
    out.paragraph()


def _shortened_link(node: Any, out: _Lines) -> bool:
    """Write a link shortened with ``...`` as its full ``href``; ``False`` for any other link."""
    shown = _node_text(node)
    href = (node.attributes.get("href") or "").strip()
    if shown.endswith(_SHORTENED) and href.lower().startswith(("http://", "https://")):
        out.text(href)
        return True
    return False


def html_to_text(html: str) -> str:
    """The text view of a publisher's page (see the module's docs): what ``parse_html`` parses."""
    tree = _parser(html)
    header: list[str] = []
    title = tree.css_first("h1#page-title") or tree.css_first("h1")
    if title is not None:
        header.append(_node_text(title))
    submitted = tree.css_first(".submitted")
    if submitted is not None and _node_text(submitted):
        header.append(_node_text(submitted))
    body = next((found for s in _BODY_SELECTORS if (found := tree.css_first(s)) is not None), None) or tree.body
    out = _Lines()
    if body is not None:
        if title is not None and tree.body is not None and body.mem_id == tree.body.mem_id:
            title.decompose()  # the title is in the header already
        _walk(body, out)
    paragraphs = [line for line in header if line] + ["\n".join(lines) for lines in out.paragraphs]
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def parse_html(html: str, *, strict: bool = False) -> Report:
    """Read a publisher's HTML page; the report's text is the page's text view (see the docs)."""
    return parse(html_to_text(html), strict=strict)
