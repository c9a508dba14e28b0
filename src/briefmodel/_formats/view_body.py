"""The body of the reading view: the report's lines as printed, each claim marked by its stance, its speaker and
cue underlined, its hedges and dates marked, and every callout a link to its note.

Marks are ranges of the report's text (the model's spans). Each line is cut at
every mark's start and end, and the marks are opened and closed around the
pieces as a stack: a mark that crosses another's end is closed and opened
again, so the markup always nests. Text is escaped piece by piece
(``htmltext.text``); the marks' tags are the module's own, with ids made of
numbers and attributes of escaped text. One pass over the lines and one over
the marks (sorted once per line): time linear in the text and its marks.

Lines the parser read as page furniture (``other`` and ``boilerplate`` lines,
runs of at least ``FOLD_LINES`` with no callout) are kept in a closed
``<details>``; the endnotes are shown under Notes, and their lines point there.
"""

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator

import attrs

from briefmodel._formats.htmltext import text
from briefmodel._formats.view_parts import STANCES, Anchors, claim_summary, place_text, unit_text
from briefmodel._model.claims import Agent, Claim
from briefmodel._model.notes import Citation
from briefmodel._model.report import Report
from briefmodel._model.text import BlockKind, Span

__all__ = ["FOLD_LINES", "body_html", "entity_marks", "speaker_key"]

FOLD_LINES = 5
"""Page-furniture lines in a run (blank lines not counted) from which the run is folded."""

_FURNITURE = (BlockKind.OTHER, BlockKind.BOILERPLATE, BlockKind.BLANK)

# How deep a mark sits: a claim holds its agents, its cue, its hedges and dates, and its callouts.
_CLAIM, _AGENT, _CUE, _WORDS, _CALLOUT = range(5)


@attrs.frozen
class _Mark:
    """One mark on one line: where (offsets into the report's text), how deep, and its tags."""

    start: int
    end: int
    depth: int
    open: str
    reopen: str
    close: str


def speaker_key(claim: Claim) -> str:
    """The key the speaker filter uses: the speaker's key (its printed name, case-folded, when it has none), or
    ``""`` when the author says it."""
    speaker = claim.attribution.speaker
    if speaker is None:
        return ""
    return speaker.key or speaker.span.text.casefold()


@functools.lru_cache(maxsize=1024)
def _cue_pattern(cue: str) -> "re.Pattern[str]":
    words = r"\s+".join(re.escape(word) for word in cue.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _cue_range(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's cue is printed: searched in the sentence after its speaker, then in the whole sentence
    (``Attribution.cue`` is the cue's text, lower case, without a span)."""
    cue = claim.attribution.cue
    if not cue or not cue.split():
        return None
    pattern = _cue_pattern(cue)
    sentence = claim.span.text
    speaker = claim.attribution.speaker
    after = 0
    if speaker is not None and claim.span.start <= speaker.span.start <= claim.span.end:
        after = speaker.span.end - claim.span.start
    found = pattern.search(sentence, min(max(after, 0), len(sentence))) or pattern.search(sentence)
    if found is None:
        return None
    return claim.span.start + found.start(), claim.span.start + found.end()


def entity_marks(claim: Claim) -> tuple[tuple[Span, str, str], ...]:
    """The places and military units a claim names (``Claim.places``, ``Claim.units``): each mention's span
    (inside the claim's), its class (``bm-place`` or ``bm-unit``) and its tooltip (``place_text``,
    ``unit_text``)."""
    places = tuple((place.span, "bm-place", place_text(place)) for place in claim.places)
    return places + tuple((unit.span, "bm-unit", unit_text(unit)) for unit in claim.units)


class _Lines:
    """The report's line starts, to cut a range into its pieces line by line."""

    def __init__(self, report: Report) -> None:
        self.starts = report.line_starts
        self.lengths = [len(block.text) for block in report.blocks]

    def pieces(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(line index, start, end) of each line's part of ``[start, end)``, line breaks left out."""
        if end <= start or not self.starts:
            return
        line = max(bisect_right(self.starts, start) - 1, 0)
        while line < len(self.starts) and self.starts[line] < end:
            begin = max(start, self.starts[line])
            stop = min(end, self.starts[line] + self.lengths[line])
            if begin < stop:
                yield line, begin, stop
            line += 1


class _Marks:
    """The marks of every line, gathered from the claims and the callouts."""

    def __init__(self, report: Report, anchors: Anchors) -> None:
        self.by_line: dict[int, list[_Mark]] = {}
        self._lines = _Lines(report)
        for index, claim in enumerate(report.claims):
            self._claim(index, claim, anchors)
        for index, citation in enumerate(report.citations):
            self._callout(index, citation, anchors)

    def add(self, start: int, end: int, depth: int, open_: str, close: str, reopen: str | None = None) -> None:
        first = True
        for line, begin, stop in self._lines.pieces(start, end):
            self.by_line.setdefault(line, []).append(
                _Mark(begin, stop, depth, open_ if first else (reopen or open_), reopen or open_, close)
            )
            first = False

    def _claim(self, index: int, claim: Claim, anchors: Anchors) -> None:
        stance = claim.stance.value
        attributes = (
            f'class="bm-claim bm-s-{stance}" data-claim="{index}" data-stance="{stance}" '
            f'data-speaker="{text(speaker_key(claim))}" data-cited="{1 if claim.citations else 0}" '
            f'title="{text(claim_summary(index + 1, claim))}"'
        )
        letter = STANCES[claim.stance][0]
        tag = (
            f'<a class="bm-claim-tag bm-s-{stance}" href="#{anchors.claim_row(index)}" data-claim="{index}" '
            f'aria-label="claim {index + 1}, {stance}: details">{letter}</a>'
        )
        self.add(
            claim.span.start,
            claim.span.end,
            _CLAIM,
            f'<span id="{anchors.claim(index)}" {attributes}>{tag}',
            "</span>",
            f"<span {attributes}>",
        )
        who = claim.attribution
        agents: list[Agent] = list(who.chain) or [a for a in (who.reporter, who.speaker) if a is not None]
        for agent in dict.fromkeys(agents):  # each once, in order
            kind = "bm-speaker" if agent == who.speaker else "bm-agent"
            role = "speaker" if agent == who.speaker else "reporter"
            self.add(agent.span.start, agent.span.end, _AGENT, f'<span class="{kind}" title="{role}">', "</span>")
        cue = _cue_range(claim)
        if cue is not None:
            self.add(cue[0], cue[1], _CUE, '<span class="bm-cue" title="cue">', "</span>")
        for hedge in claim.hedges:
            self.add(hedge.span.start, hedge.span.end, _WORDS, '<span class="bm-hedge" title="hedge">', "</span>")
        for date in claim.dates:
            self.add(date.span.start, date.span.end, _WORDS, '<span class="bm-date" title="date">', "</span>")
        for span, kind, title in entity_marks(claim):
            self.add(span.start, span.end, _WORDS, f'<span class="{kind}" title="{text(title)}">', "</span>")

    def _callout(self, index: int, citation: Citation, anchors: Anchors) -> None:
        note = anchors.note_index(citation.note)
        if note is None:
            what = text(f"unresolved: no note is labelled [{citation.label}]")
            attributes = (
                f'class="bm-callout bm-unresolved" tabindex="0" role="button" data-label="{text(citation.label)}" '
                f'title="{what}"'
            )
            self.add(
                citation.span.start,
                citation.span.end,
                _CALLOUT,
                f'<span id="{anchors.cite(index)}" {attributes}>',
                '<span class="bm-q">?</span></span>',
                f"<span {attributes}>",
            )
            return
        attributes = f'class="bm-callout" href="#{anchors.note(note)}" data-note="{anchors.note(note)}"'
        self.add(
            citation.span.start,
            citation.span.end,
            _CALLOUT,
            f'<a id="{anchors.cite(index)}" {attributes}>',
            "</a>",
            f"<a {attributes}>",
        )


def _marked(line: str, offset: int, marks: list[_Mark]) -> str:
    """A line's text with its marks opened and closed around the pieces (escaped)."""
    if not marks:
        return text(line)
    starting: dict[int, list[_Mark]] = {}
    cuts = {0, len(line)}
    for mark in marks:
        begin, stop = mark.start - offset, mark.end - offset
        starting.setdefault(begin, []).append(mark)
        cuts.add(begin)
        cuts.add(stop)
    out: list[str] = []
    stack: list[_Mark] = []
    at = 0
    for cut in sorted(cuts):
        out.append(text(line[at:cut]))
        at = cut
        if any(mark.end - offset == cut for mark in stack):
            reopen = []
            while any(mark.end - offset == cut for mark in stack):
                mark = stack.pop()
                out.append(mark.close)
                if mark.end - offset != cut:
                    reopen.append(mark)
            for mark in reversed(reopen):
                out.append(mark.reopen)
                stack.append(mark)
        for mark in sorted(starting.get(cut, ()), key=lambda m: (m.depth, -m.end)):
            out.append(mark.open)
            stack.append(mark)
    while stack:
        out.append(stack.pop().close)
    return "".join(out)


def _line_html(report: Report, index: int, anchors: Anchors, marks: _Marks) -> str:
    block = report.blocks[index]
    number = index + 1
    own = f'id="{anchors.line(number)}" data-ln="{number}"'
    if block.kind is BlockKind.BLANK and not block.text.strip():
        return f'<div class="bm-blank" {own}></div>'
    content = _marked(block.text, report.line_starts[index], marks.by_line.get(index, []))
    if block.kind is BlockKind.HEADING:
        return f'<h3 class="bm-line bm-k-heading" {own}>{content}</h3>'
    return f'<p class="bm-line bm-k-{block.kind.value}" {own}>{content}</p>'


def _runs(report: Report, marks: _Marks) -> Iterator[tuple[str, int, int]]:
    """The lines in runs: ("endnotes", first, last), ("fold", first, last) for page furniture, ("line", i, i)."""
    blocks = report.blocks
    index = 0
    while index < len(blocks):
        kind = blocks[index].kind
        if kind is BlockKind.ENDNOTE:
            last = index
            while last + 1 < len(blocks) and blocks[last + 1].kind is BlockKind.ENDNOTE:
                last += 1
            yield "endnotes", index, last
            index = last + 1
            continue
        if kind in _FURNITURE and index not in marks.by_line:
            last = index
            while last + 1 < len(blocks) and blocks[last + 1].kind in _FURNITURE and (last + 1) not in marks.by_line:
                last += 1
            shown = sum(blocks[i].kind is not BlockKind.BLANK for i in range(index, last + 1))
            if shown >= FOLD_LINES:
                yield "fold", index, last
            else:
                for line in range(index, last + 1):
                    yield "line", line, line
            index = last + 1
            continue
        yield "line", index, index
        index += 1


def body_html(report: Report, anchors: Anchors) -> str:
    """The report's lines as printed, with the marks of its claims and callouts."""
    marks = _Marks(report, anchors)
    out: list[str] = []
    for what, first, last in _runs(report, marks):
        if what == "line":
            out.append(_line_html(report, first, anchors, marks))
        elif what == "fold":
            count = sum(report.blocks[i].kind is not BlockKind.BLANK for i in range(first, last + 1))
            out.append(
                f'<details class="bm-fold"><summary>Lines {first + 1}–{last + 1}: {count} lines read as page '
                "furniture (navigation, metadata, boilerplate)</summary>"
            )
            out.extend(_line_html(report, i, anchors, marks) for i in range(first, last + 1))
            out.append("</details>")
        else:
            targets = "".join(f'<span id="{anchors.line(i + 1)}"></span>' for i in range(first + 1, last + 1))
            out.append(
                f'<p class="bm-line bm-k-endnotes" id="{anchors.line(first + 1)}" data-ln="{first + 1}">{targets}'
                f"Lines {first + 1}–{last + 1}: the endnotes, shown under "
                f'<a href="#{anchors.section("notes")}">Notes</a>.</p>'
            )
    return "".join(out)
