"""Publisher pages in: the HTML of a brief turned into its text view, then parsed like any text.

The page is read by lexbor through selectolax (the ``html`` extra): a maintained
HTML5 parser in C that builds the tree the way browsers do, fetches nothing,
runs no script, reads no file and expands no external entity; character
references (``&amp;``, ``&nbsp;``) are decoded as HTML defines them.

Before lexbor reads it, the page's nesting is capped at ``NESTING_LIMIT``
elements by one linear pass (``html_nesting``): deeper tags are read as text, and
the report says so with ``HTML_NESTING_DEEP``, so any page parses in linear time.
Its characters are kept as text keeps them: a NUL (which HTML drops) stays in
the view, and a lone surrogate (which cannot be encoded for lexbor) becomes
U+FFFD; both then get the diagnostics plain text gets.

The text view, one line each, in this order:

- the title: ``h1#page-title`` (old Drupal site) or the first ``h1``;
- the Drupal date line (``.submitted``: ``Dec 14, 2022 - Press ISW``), if any;
- the body (``.field-name-body``, else ``.entry-content``, ``article``, ``main``
  or ``body``): each block element (``p``, ``div``, ``li``, ``h1``–``h6``,
  ``tr`` …) is a paragraph, paragraphs are separated by a blank line, ``<br>``
  starts a new line, a list item starts with ``  • ``. Runs of HTML white space
  become one space; a no-break space and a form feed are kept.

A link keeps all its text. When its last word is its own URL shortened with
``...`` or ``…`` (the start of its ``href``, an http(s) URL), that word is written
as the whole ``href``, so note URLs come out whole. The tree is walked without
recursion.
"""

import re
from typing import Any
from urllib.parse import unquote

import attrs

from briefmodel._errors import ParseError, make_snippet, require
from briefmodel._model.diagnostics import Code, Diagnostic
from briefmodel._model.report import Report
from briefmodel._model.unchecked import new_diagnostic
from briefmodel._read.html_nesting import NESTING_LIMIT, Capped, cap_nesting
from briefmodel._read.pipeline import parse

__all__ = ["NESTING_LIMIT", "html_to_text", "parse_html"]

_BLOCKS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIP = frozenset({"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg", "math"})
_HTML_SPACE = re.compile(r"[ \t\n\r]+")
"""HTML's white space, but the form feed: a control character in text, kept and diagnosed as plain text's are."""
_SHORTENED = ("...", "…")
_BODY_SELECTORS = (".field-name-body", ".entry-content", ".printable-area", "article", "main")
_SURROGATES = re.compile("([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff]")
_NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [chr(p << 16 | 0xFFFE) for p in range(17)]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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
        self.line_number = 0  # lines ended so far: a link's pieces are in ``line`` if none ended since it began
        self.last: tuple[list[str], int, int] | None = None  # the last line with text: its list, index and number

    def text(self, piece: str) -> None:
        self.line.append(piece)

    def newline(self) -> None:
        line = _HTML_SPACE.sub(" ", "".join(self.line)).strip(" ")
        self.lines.append("  " + line if line.startswith("• ") else line)  # a list item keeps its indent
        if line:
            self.last = (self.lines, len(self.lines) - 1, self.line_number)
        self.line = []
        self.line_number += 1

    def paragraph(self) -> None:
        self.newline()
        kept = [line for line in self.lines if line]
        if kept:
            self.paragraphs.append(kept)
            if self.last is not None and self.last[0] is self.lines:
                self.last = (kept, len(kept) - 1, self.last[2])
        self.lines = []

    def mark(self) -> tuple[int, int]:
        """Where a link begins: its line and its first piece in it."""
        return self.line_number, len(self.line)

    def link_end(self, mark: tuple[int, int], href: str) -> None:
        """At a link's end: its last word, when a shortened form of its ``href``, becomes the whole ``href``."""
        line_number, first = mark
        start = first if line_number == self.line_number else 0
        pieces = self.line
        index, size, reach = len(pieces), 0, len(href) + 8  # the word is no longer than the URL and its ellipsis
        while index > start and size <= reach:
            index -= 1
            size += len(pieces[index])
        tail = "".join(pieces[index:])
        words = tail.rstrip(" \t\n\r")
        if not words:  # the link's text ended in a line already done (a block inside the link)
            if index == start and self.last is not None and self.last[2] >= line_number:
                lines, at, _ = self.last
                space = lines[at].rfind(" ")
                if _shortened_form(lines[at][space + 1 :], href):
                    lines[at] = lines[at][: space + 1] + href
            return
        space = max(words.rfind(" "), words.rfind("\t"), words.rfind("\n"), words.rfind("\r"))
        if space < 0 and index > start:
            return  # a word longer than the URL: not a shortened form of it
        word = words[space + 1 :]
        if _shortened_form(word, href):
            pieces[index:] = [words[: space + 1] + href + tail[len(words) :]]


def _shortened_form(word: str, href: str) -> bool:
    """Whether ``word`` is ``href`` (an http(s) URL) cut short with ``...`` or ``…``, as pages print long URLs."""
    if not word.endswith(_SHORTENED) or not href.lower().startswith(("http://", "https://")):
        return False
    stem = word[: -3 if word.endswith("...") else -1]
    if len(stem) < 4 or ("." not in stem and "/" not in stem):
        return False  # "more..." or "...": a word, not a URL
    whole = (href, unquote(href))
    bare = [form.partition("://")[2] for form in whole]
    forms = {*whole, *bare, *(form.removeprefix("www.") for form in bare)}
    stem = stem.removeprefix("www.") if not stem.lower().startswith(("http://", "https://")) else stem
    return any(form.startswith(stem) for form in forms)


def _walk(root: Any, out: _Lines) -> None:
    """Every text of ``root`` in document order, blocks as paragraphs: an iterative walk by parent links."""
    top = root.mem_id  # node objects are made afresh on each access: compare the nodes' ids, not the objects
    links: list[tuple[tuple[int, int], str]] = []  # the links being walked: where each began, and its href
    node = root.child
    while node is not None:
        tag = node.tag or "-"  # a processing instruction (`<?p>`) has no tag: skipped like a comment
        descend = False
        if tag == "-text":
            out.text(node.text_content or "")
        elif tag == "br":
            out.newline()
        elif tag not in _SKIP and not tag.startswith(("_", "-")):
            if tag in _BLOCKS:
                out.paragraph()
                if tag == "li":
                    out.text("  • ")
            descend = node.child is not None
            if descend and tag == "a":
                links.append((out.mark(), (node.attributes.get("href") or "").strip()))
        if descend:
            node = node.child
            continue
        while node is not None and node.mem_id != top and node.next is None:
            node = node.parent
            if node is None or node.mem_id == top:
                break
            tag = node.tag
            if tag == "a" and links:
                mark, href = links.pop()
                out.link_end(mark, href)
            if tag in _BLOCKS:
                out.paragraph()  # leaving a block ends its paragraph
        node = None if node is None or node.mem_id == top else node.next
    out.paragraph()


def _characters(html: str) -> tuple[str, str | None]:
    """The page with its characters made safe for lexbor, and the stand-in its NULs were given (if any).

    lexbor drops a NUL from text, so each one is given a noncharacter the page does not hold, which lexbor keeps,
    and turned back into a NUL in the view. A surrogate cannot be encoded for lexbor: a pair becomes the
    character it encodes, a lone one U+FFFD.
    """
    if "\x00" in html:
        stand_in = next((c for c in _NONCHARACTERS if c not in html), "\ufffd")
        html = html.replace("\x00", stand_in)
    else:
        stand_in = None
    if _SURROGATES.search(html) is not None:
        html = _SURROGATES.sub(_surrogate, html)
    return html, stand_in


def _surrogate(match: "re.Match[str]") -> str:
    pair = match.group(1)
    return pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le") if pair else "\ufffd"


def _view(html: str) -> tuple[str, Capped]:
    """The text view of a page, and what capping its nesting did."""
    safe, stand_in = _characters(html)
    capped = cap_nesting(safe)
    tree = _parser(capped.markup)
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
    view = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
    if stand_in is not None and stand_in != "\ufffd":
        view = view.replace(stand_in, "\x00")
    return view, capped


def html_to_text(html: str) -> str:
    """The text view of a publisher's page (see the module's docs): what ``parse_html`` parses."""
    return _view(html)[0]


def parse_html(html: str, *, strict: bool = False) -> Report:
    """Read a publisher's HTML page; the report's text is the page's text view (see the docs).

    A page nested deeper than ``NESTING_LIMIT`` elements has its deeper tags read as text and the warning
    ``HTML_NESTING_DEEP``; with ``strict=True`` that raises ``ParseError`` at its line and column in the page.
    """
    view, capped = _view(html)
    if not capped.deep:
        return parse(view, strict=strict)
    line, column, line_text = _place(html, capped.first)
    message = (
        f"HTML nested deeper than {NESTING_LIMIT} elements from line {line}, column {column} of the page: "
        f"{capped.deep} tags read as text"
    )
    if strict:
        snippet, caret = make_snippet(line_text, column)
        raise ParseError(Code.HTML_NESTING_DEEP.name, message, line=line, column=column, snippet=snippet, caret=caret)
    report = parse(view)
    deep = new_diagnostic(Code.HTML_NESTING_DEEP, message, None)
    return _with_diagnostic(report, deep)


def _place(html: str, offset: int) -> tuple[int, int, str]:
    """The 1-based line and column of ``offset`` in the page, and that line's text."""
    line, start = 1, 0
    for found in _LINE_BREAK.finditer(html, 0, offset):
        line, start = line + 1, found.end()
    end = _LINE_BREAK.search(html, offset)
    return line, offset - start + 1, html[start : end.start() if end else len(html)]


def _with_diagnostic(report: Report, diagnostic: Diagnostic) -> Report:
    """``report`` with ``diagnostic`` first among its diagnostics (it has no place in the text view)."""
    evolved: Report = attrs.evolve(report, diagnostics=(diagnostic, *report._diagnostics))
    return evolved
