"""Cap the nesting depth of a page before lexbor reads it: one linear pass over its tags.

An HTML5 tree builder looks through its stack of open elements for most tags it
reads (is a ``p`` open to close? which ``li`` does this one end?), so a page nested
n deep costs n² in lexbor: 50,000 nested ``<ul><li>`` took 52 s. This pass reads
the tags as the HTML5 tokenizer does and follows the tree builder's stack in
constant time a tag, and hands lexbor the markup unchanged except in three ways:

- where HTML closes elements without an end tag (an open ``p`` before a ``div``,
  an ``li`` before the next, the cells of a table...) or this pass closes them,
  their end tags are written out, so that lexbor never keeps open an element
  this pass has closed and its stack stays within a small multiple of the limit;
- a start tag that would open an element deeper than ``NESTING_LIMIT`` is written
  as text (its ``<`` as ``&lt;``), and so is an end tag that closes such a tag
  while the nesting stays at the limit: the page's deepest parts read as their
  markup, and every word of them is kept;
- a tag left open at the end of the page (``<p>last words <b``), which HTML
  drops, is kept as text.

The pass tokenizes as HTML5 does, because a tag it missed could nest without
bound: comments, ``<!DOCTYPE>``, bogus comments, ``CDATA`` in SVG and MathML,
quoted attribute values holding ``>``, and the raw text of ``script`` (with its
escapes), ``style``, ``textarea``, ``title``, ``xmp``, ``iframe``, ``noembed``,
``noframes`` and ``plaintext``; it follows the namespaces of SVG and MathML, their
integration points, and the tags that break out of them.
"""

import re
from bisect import bisect_right
from html import unescape
from typing import NamedTuple

__all__ = ["NESTING_LIMIT", "Capped", "cap_nesting"]

NESTING_LIMIT = 512
"""The deepest an element of a page is read as markup (as browsers cap their trees: Blink at 512)."""

_WS = "\t\n\f\r "
_TAG = re.compile(
    # one atomic lookahead (Python 3.10 has no possessive quantifiers): the tag is read once, never backtracked
    r"<(?=(/?)([A-Za-z][^\t\n\f\r />]*)"
    r"((?:[\t\n\f\r ]+|/(?!>)"
    r"|[^\t\n\f\r />][^\t\n\f\r />=]*"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|[^\t\n\f\r >\"'][^\t\n\f\r >]*|(?=>)))?"
    r")*))\1\2\3(/?)>"
)
"""A start or end tag as the HTML5 tokenizer reads it: end mark, name, attributes, self-closing mark. No match at
a ``<`` and a letter means the tag runs to the end of the page."""
_COMMENT_END = re.compile(r"--!?>")
_ATTRIBUTE = re.compile(
    r"([^\t\n\f\r />][^\t\n\f\r />=]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"([^\"]*)\"?|'([^']*)'?|([^\t\n\f\r >\"'][^\t\n\f\r >]*)|))?"
)
_HTML_ENCODINGS = frozenset({"text/html", "application/xhtml+xml"})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _raw_end(name: str) -> "re.Pattern[str]":
    return re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE | re.ASCII)


_RAW_ENDS = {name: _raw_end(name) for name in ("style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")}
_SCRIPT_STATES = (
    re.compile(r"</script[\t\n\f\r />]|<!--", re.IGNORECASE | re.ASCII),  # script data
    re.compile(r"-->|</script[\t\n\f\r />]|<script[\t\n\f\r />]", re.IGNORECASE | re.ASCII),  # escaped
    re.compile(r"-->|</script[\t\n\f\r />]", re.IGNORECASE | re.ASCII),  # double escaped
)

# The sets the tree builder's scope checks and rules name (HTML namespace unless said).
_SCOPE_BASE = frozenset("applet caption html table td th marquee object template select".split())
"""The elements that bound a scope; lexbor counts a select among them (nothing outside it closes from inside)."""
_SPECIAL = frozenset(
    "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup "
    "dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head "
    "header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes "
    "noscript object ol p param plaintext pre script search section select source style summary table tbody td "
    "template textarea tfoot th thead title tr track ul wbr xmp".split()
)
_MARKERS = frozenset("applet marquee object template td th caption".split())
_MODES = frozenset("td th tr tbody thead tfoot caption colgroup table select template".split())
_VOID = frozenset(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr".split()
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header "
    "hgroup main menu nav ol p search section summary ul pre listing h1 h2 h3 h4 h5 h6".split()
)
_BLOCK_ENDS = frozenset(
    "address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer "
    "header hgroup listing main menu nav ol pre search section summary ul applet marquee object".split()
)
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_TABLE_PARTS = frozenset("caption col colgroup tbody td tfoot th thead tr".split())
_TABLE_ENDS = frozenset("table tbody thead tfoot tr td th caption".split())
_SECTIONS = ("tbody", "thead", "tfoot")
_IMPLIED = frozenset("dd dt li optgroup option p rb rp rt rtc".split())
_BREAKOUT = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing "
    "menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var".split()
)
"""The HTML tags that close SVG and MathML around them; and ``font`` with a ``color``, ``face`` or ``size``."""
_FONT_BREAKOUT = re.compile("color|face|size", re.IGNORECASE | re.ASCII)
"""Anywhere in the tag: a value that holds one only makes this pass close the SVG, and write its end tag."""
_SVG_POINTS = frozenset({"foreignobject", "desc", "title"})
_MATH_TEXT = frozenset({"mi", "mo", "mn", "ms", "mtext"})

# The entries' kinds: how the tags inside an element are read.
_HTML, _FOREIGN, _HTML_POINT, _MATH_TEXT_POINT, _ANNOTATION = range(5)
# The sets whose nearest member the scope checks need, each kept as a stack of indices.
_SCOPE, _LIST, _BUTTON, _TABLE, _SPECIAL_SET, _LI_STOP, _MARKER, _FOREIGN_SET = range(8)
_SET_COUNT = 8
_GONE = "#"
"""The key of an entry lexbor has taken out of the middle of its stack (the adoption agency's): no end tag."""


def _html_sets(name: str) -> tuple[int, ...]:
    sets = []
    if name in _SCOPE_BASE:
        sets += [_SCOPE, _LIST, _BUTTON]
    elif name in ("ol", "ul"):
        sets.append(_LIST)
    elif name == "button":
        sets.append(_BUTTON)
    if name in ("html", "table", "template"):
        sets.append(_TABLE)
    if name in _SPECIAL:
        sets.append(_SPECIAL_SET)
        if name not in ("address", "div", "p"):
            sets.append(_LI_STOP)
    if name in _MARKERS:
        sets.append(_MARKER)
    return tuple(sets)


_HTML_SETS = {
    name: _html_sets(name) for name in _SCOPE_BASE | _SPECIAL | _MARKERS | {"ol", "ul", "button", "html", "template"}
}
"""The sets of each HTML element in one; any other is in none (made once: a page's own names are not kept)."""
_FOREIGN_SETS = (_FOREIGN_SET,)
_FOREIGN_POINT_SETS = (_SCOPE, _LIST, _BUTTON, _SPECIAL_SET, _LI_STOP, _FOREIGN_SET)


class Capped(NamedTuple):
    """The markup to hand lexbor, and what capping it did."""

    markup: str
    deep: int
    """Tags written as text because they lie deeper than the limit."""
    first: int
    """Offset in the page of the first such tag (-1 when none)."""


def cap_nesting(markup: str, limit: int = NESTING_LIMIT) -> Capped:
    """``markup`` with its nesting capped at ``limit`` (see the module's docs); the same string when nothing changes."""
    capper = _Capper(markup, limit)
    capper.run()
    if not capper.out:
        return Capped(markup, capper.deep, capper.first)
    capper.out.append(markup[capper.copied :])
    return Capped("".join(capper.out), capper.deep, capper.first)


class _Capper:
    """The pass: the tokenizer's position, the tree builder's stack as this pass follows it, and the output."""

    def __init__(self, markup: str, limit: int) -> None:
        self.markup = markup
        self.limit = limit
        self.out: list[str] = []
        self.copied = 0  # markup before this offset is in ``out`` (when ``out`` is not empty)
        self.deep = 0
        self.first = -1
        self.pending: dict[str, int] = {}  # tags written as text at the limit, by key, whose end tags are text too
        self.keys: list[str] = []  # the stack: an HTML element's name, or "~" and a foreign element's name
        self.info: list[tuple[int, int, tuple[int, ...], str, int]] = []
        """For each entry: its kind, its namespace (0 HTML, 1 SVG, 2 MathML), the sets it is in, the insertion
        mode (the nearest table part, select or template at or below it), and where its run of SVG or MathML
        entries begins."""
        self.where: dict[str, list[int]] = {}
        self.sets: list[list[int]] = [[] for _ in range(_SET_COUNT)]
        self.form = False  # HTML's form element pointer is set: from a <form> to the next </form>
        self.quirks = True
        self.seen_element = False
        self.tag_end = 0  # the end of the tag being read
        self.attributes = ""  # its attributes

    # -- the stack ------------------------------------------------------------------------------------------

    def nearest(self, which: int) -> int:
        members = self.sets[which]
        return members[-1] if members else -1

    def top_of(self, key: str) -> int:
        at = self.where.get(key)
        return at[-1] if at else -1

    def push(self, key: str, kind: int, space: int, sets: tuple[int, ...]) -> None:
        index = len(self.keys)
        below = self.info[-1] if self.info else None
        if space:
            mode = below[3] if below else "body"
            run = below[4] if below and below[1] else index
        else:
            mode = key if key in _MODES else below[3] if below else "body"
            run = index
        self.keys.append(key)
        self.info.append((kind, space, sets, mode, run))
        at = self.where.get(key)
        if at is None:
            self.where[key] = [index]
        else:
            at.append(index)
        for which in sets:
            self.sets[which].append(index)

    def push_html(self, name: str) -> None:
        self.push(name, _HTML, 0, _HTML_SETS.get(name, ()))

    def pop(self) -> str:
        key = self.keys.pop()
        if key != _GONE:
            self.where[key].pop()
        for which in self.info.pop()[2]:
            self.sets[which].pop()
        if self.pending and len(self.keys) < self.limit:
            self.pending.clear()  # back below the limit: later end tags close real elements
        return key

    def pop_to(self, index: int, at: int, *, with_end_tag: bool) -> None:
        """Pop down to the entry at ``index``, writing the end tags of those above it (and of it if asked) at ``at``."""
        closing = []
        while len(self.keys) - 1 > index:
            closing.append(self.pop())
        if with_end_tag:
            closing.append(self.pop())
        else:
            self.pop()
        self.close(at, closing)

    def close(self, at: int, keys: list[str]) -> None:
        """Write at ``at`` the end tags of the entries just popped.

        None for those lexbor has taken out, nor for a form: HTML closes it with what it sits in, and keeps it as
        the page's form until a ``</form>`` (a form inside is ignored), which an end tag written here would end.
        """
        tags = "".join(f"</{key.lstrip('~')}>" for key in keys if key not in (_GONE, "form"))
        if tags:
            self.emit(at, tags)

    def gone(self, index: int) -> None:
        """Take the topmost entry of its name, at ``index``, out of the middle of the stack, as lexbor does.

        It keeps its place (and counts towards the depth) but no rule sees it, and no end tag is written for it.
        """
        self.where[self.keys[index]].pop()
        self.keys[index] = _GONE
        kind, space, sets, mode, run = self.info[index]
        for which in sets:
            self.sets[which].remove(index)  # at most once an element, over a stack within the limit
        self.info[index] = (kind, space, (), mode, run)

    def pop_while(self, names: frozenset[str] | tuple[str, ...], at: int, *, until: bool = False) -> None:
        """Pop (writing end tags) while the current node is in ``names`` (or, with ``until``, is not)."""
        closing = []
        while self.keys and ((self.keys[-1] in names) != until):
            closing.append(self.pop())
        self.close(at, closing)

    def in_scope(self, key: str, which: int) -> int:
        """The index of the topmost ``key`` if it is in the scope ``which``, else -1."""
        index = self.top_of(key)
        return index if index >= 0 and index >= self.nearest(which) else -1

    def select_in_scope(self) -> int:
        """The index of the select in select scope (only options and option groups above it), else -1."""
        index = len(self.keys) - 1
        while index >= len(self.keys) - 4 and index >= 0 and self.keys[index] in ("option", "optgroup"):
            index -= 1  # options do not nest in a select: a few steps at most (past them, lexbor's own rules)
        return index if index >= 0 and self.keys[index] == "select" else -1

    def close_p(self, at: int) -> None:
        index = self.in_scope("p", _BUTTON)
        if index >= 0:
            self.pop_to(index, at, with_end_tag=True)

    def mode(self) -> str:
        return self.info[-1][3] if self.info else "body"

    # -- output ---------------------------------------------------------------------------------------------

    def emit(self, at: int, text: str) -> None:
        self.out.append(self.markup[self.copied : at])
        self.out.append(text)
        self.copied = at

    def as_text(self, at: int, key: str | None) -> None:
        """Write the tag at ``at`` as text; a start tag's ``key`` makes its end tag text too while at the limit."""
        self.write_as_text(at, self.tag_end)
        self.deep += 1
        if self.first < 0:
            self.first = at
        if key is not None:
            self.pending[key] = self.pending.get(key, 0) + 1

    def write_as_text(self, at: int, end: int) -> None:
        """Write ``markup[at:end]`` as text: each ``<`` in it (a tag's name or attributes can hold one) as ``&lt;``."""
        self.emit(at, self.markup[at:end].replace("<", "&lt;"))
        self.copied = end

    def room(self, entries: int) -> bool:
        return len(self.keys) + entries <= self.limit

    # -- the tokenizer --------------------------------------------------------------------------------------

    def run(self) -> None:
        markup = self.markup
        find = markup.find
        size = len(markup)
        pos = 0
        while True:
            at = find("<", pos)
            if at < 0 or at + 1 >= size:
                return
            after = markup[at + 1]
            if (after.isascii() and after.isalpha()) or (after == "/" and at + 2 < size and _is_letter(markup[at + 2])):
                tag = _TAG.match(markup, at)
                if tag is None:  # the tag runs to the end of the page: HTML drops it; keep it as text
                    self.write_as_text(at, size)
                    return
                pos = self.tag_end = tag.end()
                self.attributes = tag.group(3)
                name = tag.group(2)
                name = name.translate(_ASCII_LOWER) if not name.isascii() else name.lower()
                if tag.group(1):
                    self.end_tag(name, at)
                else:
                    pos = self.start_tag(name, bool(tag.group(4)), at, pos)
                    if pos < 0:
                        return
            elif after == "!":
                if markup.startswith("<!--", at):
                    pos = self.comment_end(at + 4)
                elif markup.startswith("[CDATA[", at + 2) and self.info and self.info[-1][1]:
                    end = find("]]>", at + 9)
                    pos = size if end < 0 else end + 3
                else:
                    end = find(">", at + 2)
                    if not self.seen_element and markup[at + 2 : at + 9].lower() == "doctype":
                        self.quirks = _quirks(markup[at : size if end < 0 else end + 1])
                    pos = size if end < 0 else end + 1
            elif after == "?" or after == "/":
                if markup.startswith("</>", at):
                    pos = at + 3
                else:
                    end = find(">", at + 2)
                    pos = size if end < 0 else end + 1
            else:
                pos = at + 1

    def comment_end(self, start: int) -> int:
        if self.markup.startswith(">", start):
            return start + 1
        if self.markup.startswith("->", start):
            return start + 2
        found = _COMMENT_END.search(self.markup, start)
        return len(self.markup) if found is None else found.end()

    def skip_raw(self, name: str, pos: int) -> int:
        """The offset after the raw text of ``name`` opened before ``pos`` and its end tag (-1: to the end)."""
        if name == "script":
            return self.skip_script(pos)
        found = _RAW_ENDS[name].search(self.markup, pos)
        return -1 if found is None else self.skip_end_tag(found.start())

    def skip_script(self, pos: int) -> int:
        state = 0
        while True:
            found = _SCRIPT_STATES[state].search(self.markup, pos)
            if found is None:
                return -1
            text = found.group()
            if text.startswith("</"):
                if state != 2:
                    return self.skip_end_tag(found.start())
                state, pos = 1, found.end()
            elif text == "<!--":
                state, pos = 1, found.start() + 2  # the dashes of "<!--" may end it: "<!-->"
            elif text == "-->":
                state, pos = 0, found.end()
            else:  # "<script" inside an escape
                state, pos = 2, found.end()

    def skip_end_tag(self, at: int) -> int:
        tag = _TAG.match(self.markup, at)
        return -1 if tag is None else tag.end()

    # -- the tree builder: start tags -----------------------------------------------------------------------

    def start_tag(self, name: str, self_closing: bool, at: int, pos: int) -> int:
        """Follow a start tag; the offset to read on from (-1: the rest of the page is text)."""
        self.seen_element = True
        if self.info and self.info[-1][0] != _HTML:
            kind = self.info[-1][0]
            html_rules = (
                kind == _HTML_POINT
                or (kind == _MATH_TEXT_POINT and name not in ("mglyph", "malignmark"))
                or (kind == _ANNOTATION and name == "svg")
            )
            if not html_rules:
                if name in _BREAKOUT or (name == "font" and _FONT_BREAKOUT.search(self.markup, at, self.tag_end)):
                    self.breakout(at)
                else:
                    self.foreign(name, self_closing, self.info[-1][1], at)
                    return pos
        return self.html_start(name, self_closing, at, pos)

    def breakout(self, at: int) -> None:
        """Pop the foreign elements an HTML tag inside SVG or MathML closes, down to HTML or an integration point."""
        closing = []
        while self.info and self.info[-1][0] in (_FOREIGN, _ANNOTATION):
            closing.append(self.pop())
        self.close(at, closing)

    def foreign(self, name: str, self_closing: bool, space: int, at: int) -> None:
        if self_closing:
            return
        if not self.room(1):
            self.as_text(at, "~" + name)
            return
        kind = _FOREIGN
        sets: tuple[int, ...] = _FOREIGN_SETS
        if space == 1 and name in _SVG_POINTS:
            kind, sets = _HTML_POINT, _FOREIGN_POINT_SETS
        elif space == 2 and name in _MATH_TEXT:
            kind, sets = _MATH_TEXT_POINT, _FOREIGN_POINT_SETS
        elif space == 2 and name == "annotation-xml":
            encoding = _attribute(self.attributes, "encoding")
            html = encoding is not None and unescape(encoding).translate(_ASCII_LOWER) in _HTML_ENCODINGS
            kind, sets = (_HTML_POINT if html else _ANNOTATION), _FOREIGN_POINT_SETS
        self.push("~" + name, kind, space, sets)

    def html_start(self, name: str, self_closing: bool, at: int, pos: int) -> int:
        if name in ("html", "body", "head", "frameset", "frame"):
            return pos  # one each, or ignored (a frameset page ignores every other tag: nothing there nests)
        if name in ("svg", "math"):
            self.foreign(name, self_closing, 1 if name == "svg" else 2, at)
            return pos
        mode = self.mode()
        if mode != "body" and not self.table_start(name, mode, at):
            return pos
        return self.body_start(name, at, pos)

    def table_start(self, name: str, mode: str, at: int) -> bool:
        """The rules of the table and select modes; ``False`` when they dealt with the tag."""
        while True:
            if mode in ("td", "th", "caption"):
                if name not in _TABLE_PARTS:
                    return True
                index = max(self.in_scope("td", _TABLE), self.in_scope("th", _TABLE), self.in_scope("caption", _TABLE))
                if index < 0:
                    return False
                self.pop_to(index, at, with_end_tag=True)
                mode = self.mode()
                continue
            if mode == "select":
                if name == "select":  # closes the open select, as its end tag would, and opens none
                    index = self.in_scope("select", _SCOPE)
                    if index >= 0:
                        self.pop_to(index, at, with_end_tag=False)
                    return False
                if name in ("option", "optgroup"):
                    self.pop_while(("option",) if name == "option" else ("option", "optgroup"), at)
                    return self.push_or_text(name, at)
                return True
            if mode == "colgroup":
                if name == "col":
                    return False
                if self.keys[-1] != "colgroup":
                    return True
                self.pop_to(len(self.keys) - 1, at, with_end_tag=True)
                mode = self.mode()
                continue
            if mode == "template":  # a template's table parts go in as they are, with no parts implied
                if name not in _TABLE_PARTS or name == "col":
                    return name != "col"
                return self.push_or_text(name, at)
            return self.table_body_start(name, mode, at)

    def table_body_start(self, name: str, mode: str, at: int) -> bool:
        """The rules of the in table, in table body and in row modes."""
        while True:
            if mode == "tr":
                if name in ("td", "th"):
                    self.pop_while(("tr", "template", "html"), at, until=True)
                    return self.push_or_text(name, at)
                if name in _TABLE_PARTS or name == "table":
                    self.pop_to(self.top_of("tr"), at, with_end_tag=True)
                    mode = self.mode()
                    continue
                return True
            if mode in _SECTIONS:
                if name in ("tr", "td", "th"):
                    self.pop_while(("tbody", "thead", "tfoot", "template", "html"), at, until=True)
                    if name == "tr":
                        return self.push_or_text("tr", at)
                    if not self.room(2):
                        self.as_text(at, name)
                        return False
                    self.push_html("tr")  # implied
                    self.push_html(name)
                    return False
                if name in _TABLE_PARTS or name == "table":
                    self.pop_while(("tbody", "thead", "tfoot", "template", "html"), at, until=True)
                    if self.keys and self.keys[-1] in _SECTIONS:
                        self.pop_to(len(self.keys) - 1, at, with_end_tag=True)
                    mode = self.mode()
                    continue
                return True
            if mode != "table":
                return True
            if name in _TABLE_PARTS:
                self.pop_while(("table", "template", "html"), at, until=True)
                if name in ("caption", "colgroup") or name in _SECTIONS:
                    return self.push_or_text(name, at)
                if name == "col":
                    return False  # void; the column group lexbor implies is one a table
                if not self.room(3 if name != "tr" else 2):
                    self.as_text(at, name)
                    return False
                self.push_html("tbody")  # implied
                mode = "tbody"
                continue
            if name == "table":
                index = self.in_scope("table", _TABLE)
                if index < 0:
                    return False
                self.pop_to(index, at, with_end_tag=True)
                return True  # the new table, read as in the mode below
            return name != "form"  # a form here is inserted and closed at once, or ignored

    def push_or_text(self, name: str, at: int) -> bool:
        if self.room(1):
            self.push_html(name)
        else:
            self.as_text(at, name)
        return False

    def body_start(self, name: str, at: int, pos: int) -> int:
        """The rules of the in body mode, for the tags whose handling changes the stack."""
        if name in _VOID:
            if name == "hr":
                self.close_p(at)
            return pos
        if name in _RAW_ENDS or name == "script":
            if name == "xmp":
                self.close_p(at)
            end = self.skip_raw(name, pos)
            return end if end >= 0 else -1
        if name in _TABLE_PARTS:
            return pos  # ignored outside a table
        if name in _CLOSES_P:
            self.close_p(at)
            if name in _HEADINGS and self.keys and self.keys[-1] in _HEADINGS:
                self.pop_to(len(self.keys) - 1, at, with_end_tag=True)
        elif name == "form":
            if self.form and self.top_of("template") < 0:
                return pos  # a form inside a form is ignored
            self.close_p(at)
        elif name in ("li", "dd", "dt"):
            self.close_item(name, at)
        elif name == "button":
            index = self.in_scope("button", _SCOPE)
            if index >= 0:
                self.pop_to(index, at, with_end_tag=True)
        elif name in ("a", "nobr"):
            self.close_formatting(name, at)
        elif name == "table":
            if not self.quirks:
                self.close_p(at)
        elif name in ("option", "optgroup"):
            if self.keys and self.keys[-1] == "option":
                self.pop_to(len(self.keys) - 1, at, with_end_tag=True)
        elif name in ("rb", "rtc", "rp", "rt"):
            if self.in_scope("ruby", _SCOPE) >= 0:
                implied = _IMPLIED if name in ("rb", "rtc") else _IMPLIED - {"rtc"}
                self.pop_while(implied, at)
        elif name == "plaintext":
            self.close_p(at)
        if not self.room(1):
            self.as_text(at, name)
            return pos
        self.push_html(name)
        if name == "form":
            self.form = True
        return -1 if name == "plaintext" else pos

    def close_item(self, name: str, at: int) -> None:
        """An ``li`` closes the open ``li`` (a ``dd`` or ``dt`` the open ``dd`` or ``dt``) but across a block."""
        index = self.top_of("li") if name == "li" else max(self.top_of("dd"), self.top_of("dt"))
        if index >= 0 and index >= self.nearest(_LI_STOP):
            self.pop_to(index, at, with_end_tag=True)
        self.close_p(at)

    def close_formatting(self, name: str, at: int) -> None:
        """An ``a`` (``nobr``) inside an open one closes it (HTML's adoption agency, as for its end tag)."""
        index = self.top_of(name)
        if index < 0 or index <= self.nearest(_MARKER) or index < self.nearest(_SCOPE):
            return
        if index > self.nearest(_SPECIAL_SET):
            self.pop_to(index, at, with_end_tag=True)  # what lexbor does: pop to it
        elif not self.adoption(index, at):  # SVG or MathML between blocks inside: all closed, end tags written
            self.pop_to(index, at, with_end_tag=True)

    def adoption(self, index: int, at: int) -> bool:
        """Follow HTML's adoption agency on the formatting element at ``index`` with a block above it; ``False`` when
        it cannot be followed (SVG or MathML between the blocks above it).

        lexbor moves the blocks into copies of the element, takes it (and the inline elements between the
        blocks) out of the middle of its stack, and pops what lies above the last block: this pass takes the
        element out, writes the end tags of what lies above the last block, and keeps the inline elements (so
        it counts no fewer). Elements of another namespace taken out would leave lexbor's namespace and this
        pass's apart, hence ``False`` then.
        """
        foreign = self.sets[_FOREIGN_SET]
        block = self.nearest(_SPECIAL_SET)
        lowest = bisect_right(foreign, index)
        if lowest < len(foreign) and foreign[lowest] < block:
            return False
        if block < len(self.keys) - 1:
            self.pop_to(block + 1, at, with_end_tag=True)
        self.gone(index)
        return True

    # -- the tree builder: end tags -------------------------------------------------------------------------

    def end_tag(self, name: str, at: int) -> None:
        if self.pending:
            for key in (name, "~" + name):
                if self.pending.get(key):
                    self.pending[key] -= 1
                    self.as_text(at, None)
                    return
        if self.info and self.info[-1][1]:
            if name in ("br", "p"):
                self.breakout(at)
            else:
                index = self.top_of("~" + name)
                if index >= 0 and index >= self.info[-1][4]:  # in the run of foreign elements at the top
                    self.pop_to(index, at, with_end_tag=False)
                    return
        self.html_end(name, at)

    def html_end(self, name: str, at: int) -> None:
        index = -1
        if name in ("html", "body", "head", "br", "frameset"):
            return
        if name == "p":
            index = self.in_scope("p", _BUTTON)
        elif name == "li":
            index = self.in_scope("li", _LIST)
        elif name in ("dd", "dt"):
            index = self.in_scope(name, _SCOPE)
        elif name in _HEADINGS:
            index = max(self.top_of(heading) for heading in _HEADINGS)
            index = index if index >= 0 and index >= self.nearest(_SCOPE) else -1
        elif name in _BLOCK_ENDS:
            index = self.in_scope(name, _SCOPE)
        elif name == "template":
            index = self.top_of("template")
        elif name == "form":
            index = self.in_scope("form", _SCOPE) if self.form else -1
            self.form = False
            if 0 <= index < len(self.keys) - 1:  # HTML takes it out of the stack and keeps open what is inside
                self.gone(index)
                return
        elif name in _TABLE_ENDS:
            index = self.in_scope(name, _TABLE)
        elif name == "colgroup" or (name in ("option", "optgroup") and self.mode() == "select"):
            if name == "optgroup" and self.keys[-1] == "option" and len(self.keys) > 1 and self.keys[-2] == name:
                self.pop_to(len(self.keys) - 1, at, with_end_tag=True)
            index = len(self.keys) - 1 if self.keys and self.keys[-1] == name else -1
        elif name == "select":
            index = self.select_in_scope()
        elif name in _FORMATTING:
            index = self.top_of(name)
            if index >= 0 and index >= self.nearest(_SCOPE) and index < self.nearest(_SPECIAL_SET):
                # a block inside the element: HTML's adoption agency moves nodes and takes the element (and
                # others) out of the middle of lexbor's stack; this pass keeps them, and so counts no fewer
                if not self.adoption(index, at):  # left out: the formatting lasts, and no text moves
                    self.emit(at, "")
                    self.copied = self.tag_end
                return
            if index >= 0 and index < self.nearest(_SCOPE):
                index = -1
        else:
            index = self.top_of(name)
            if index < self.nearest(_SPECIAL_SET):
                index = -1
        if index >= 0:
            self.pop_to(index, at, with_end_tag=False)


def _attribute(attributes: str, wanted: str) -> str | None:
    """The value of the attribute named ``wanted`` (its first, as HTML keeps), read as the tokenizer reads it."""
    pos, size = 0, len(attributes)
    while pos < size:
        if attributes[pos] in _WS or attributes[pos] == "/":
            pos += 1
            continue
        found = _ATTRIBUTE.match(attributes, pos)
        if found is None:  # cannot happen on what _TAG matched; read no further
            return None
        if found.group(1).translate(_ASCII_LOWER) == wanted:
            return found.group(2) or found.group(3) or found.group(4) or ""
        pos = found.end()
    return None


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _quirks(doctype: str) -> bool:
    """Whether a page with this ``<!DOCTYPE>`` is read in quirks mode, where a table does not close a paragraph."""
    text = doctype.lower()
    if not re.match(r"<!doctype[\t\n\f\r ]+html[\t\n\f\r ]*(?:>|$|public|system)", text):
        return True
    if "public" not in text:
        return False
    legacy = ("html 3", "html 2", "-//ietf//", "html 4.0 transitional", "html 4.0 frameset", "-//w3o//", "-//ms//")
    if any(mark in text for mark in legacy):
        return True
    return ("transitional" in text or "frameset" in text) and "http" not in text
