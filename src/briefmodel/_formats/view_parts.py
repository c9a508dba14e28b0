"""The pieces of HTML the reading view and the notebook view share: the header, the Key Takeaways, the claims
table, the notes with their sources, the diagnostics, and the names, labels and anchors they use.

Every piece of report text goes through ``htmltext.text``, and a source's URL
becomes a link only through ``htmltext.link_url``. Element ids are made from a
prefix (one per report on a page) and numbers only, never from report text.
"""

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from briefmodel._formats.htmltext import link_url, safe_href, text
from briefmodel._model.claims import Claim, DateMention, Hedge, Precision, Stance, Takeaway
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.entities import Place, Unit
from briefmodel._model.notes import Citation, Note
from briefmodel._model.report import Report
from briefmodel._model.sources import Source
from briefmodel._model.text import BlockKind

__all__ = [
    "STANCES",
    "Anchors",
    "citation_html",
    "claim_cells",
    "claim_summary",
    "date_text",
    "diagnostics_html",
    "header_html",
    "hedge_text",
    "is_list_item",
    "notes_html",
    "page_prefix",
    "place_text",
    "source_html",
    "takeaways_html",
    "unit_text",
]

STANCES: dict[Stance, tuple[str, str]] = {
    Stance.ASSESSED: ("A", "the author's own assessment"),
    Stance.REPORTED: ("R", "relayed from a named or described source"),
    Stance.UNVERIFIED: ("U", "relayed, and the author cannot verify it"),
    Stance.CONFIRMED: ("C", "confirmed: geolocated footage or an explicit confirmation"),
    Stance.BACKGROUND: ("B", "plain narration, neither attributed nor judged"),
}
"""Each stance's letter (printed beside each claim, so the stance survives grey-scale printing) and meaning."""

LIST_ITEM_WORDS = 8
"""A bullet line that is one whole sentence of at most this many words, with no callout, is a list item."""


def page_prefix(report: Report) -> str:
    """An id prefix for a report shown alone (a notebook output): ``bm-`` and 10 hex digits of the SHA-1 of its
    text, so two reports in one notebook never share an id, and the same report always gets the same ids."""
    digest = hashlib.sha1(report.text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()
    return f"bm-{digest[:10]}-"


class Anchors:
    """The element ids of one report's view, and the indexes that find them (a note's place, a citation's)."""

    def __init__(self, report: Report, prefix: str) -> None:
        self.prefix = prefix
        self._notes: dict[int, int] = {}
        self._notes_by_value: dict[Note, int] = {}
        for index, note in enumerate(report.notes):
            self._notes.setdefault(id(note), index)
            self._notes_by_value.setdefault(note, index)
        self._citations: dict[int, int] = {}
        self._citations_by_value: dict[Citation, int] = {}
        for index, citation in enumerate(report.citations):
            self._citations.setdefault(id(citation), index)
            self._citations_by_value.setdefault(citation, index)
        self._note_spans = sorted((note.span.start, note.span.end, index) for index, note in enumerate(report.notes))
        self._note_starts = [start for start, _, _ in self._note_spans]

    def report(self) -> str:
        return f"{self.prefix}report"

    def claim(self, index: int) -> str:
        """The claim's first piece in the body."""
        return f"{self.prefix}claim-{index + 1}"

    def claim_row(self, index: int) -> str:
        """The claim's row in the claims table."""
        return f"{self.prefix}claim-row-{index + 1}"

    def note(self, index: int) -> str:
        return f"{self.prefix}note-{index + 1}"

    def cite(self, index: int) -> str:
        """A callout in the body."""
        return f"{self.prefix}cite-{index + 1}"

    def line(self, number: int) -> str:
        return f"{self.prefix}L{number}"

    def section(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def note_index(self, note: Note | None) -> int | None:
        """The note's place in ``Report.notes`` (by identity, else by value), or ``None``."""
        if note is None:
            return None
        found = self._notes.get(id(note))
        return found if found is not None else self._notes_by_value.get(note)

    def citation_index(self, citation: Citation) -> int | None:
        """The citation's place in ``Report.citations`` (by identity, else by value), or ``None``."""
        found = self._citations.get(id(citation))
        return found if found is not None else self._citations_by_value.get(citation)

    def note_at(self, offset: int) -> int | None:
        """The place in ``Report.notes`` of the note whose span holds the offset, or ``None``."""
        place = bisect_right(self._note_starts, offset) - 1
        if place < 0:
            return None
        _, end, index = self._note_spans[place]
        return index if offset < end else None


def header_html(report: Report, heading: str, counts: Iterable[tuple[int, str]]) -> str:
    """The title, the publisher, date, authors and cut-off, the page's address, and the counts."""
    date = report.published.isoformat() if report.published else "no date"
    meta = [report.publisher or "unknown publisher", date]
    if report.authors:
        meta.append(", ".join(report.authors))
    parts = [
        f'<{heading} class="bm-title">{text(report.title or "(no title)")}</{heading}>',
        '<p class="bm-meta">' + " · ".join(text(item) for item in meta) + "</p>",
    ]
    if report.cutoff:
        parts.append(f'<p class="bm-meta">Cut-off: {text(report.cutoff)}</p>')
    if report.url:
        href = safe_href(report.url)
        shown = text(report.url)
        address = (
            f'<a href="{text(href)}" rel="noopener noreferrer">{shown}</a>'
            if href
            else f'<span class="bm-url">{shown}</span>'
        )
        parts.append(f'<p class="bm-meta">Page: {address}</p>')
    parts.append('<p class="bm-counts">' + " · ".join(f"{count} {text(name)}" for count, name in counts) + "</p>")
    return "".join(parts)


def citation_html(citation: Citation, anchors: Anchors, *, inferred: bool = False, body: bool = False) -> str:
    """One callout label: a link to its note, or marked unresolved. ``body``: the callout as printed in the body
    (it takes the citation's id, so a note can link back to it)."""
    index = anchors.citation_index(citation)
    own_id = f' id="{anchors.cite(index)}"' if body and index is not None else ""
    label = f"[{text(citation.label)}]" + ("*" if inferred else "")
    note = anchors.note_index(citation.note)
    if note is None or citation.note is None:
        title = f"unresolved: no note is labelled [{citation.label}]"
        return (
            f'<span class="bm-callout bm-unresolved"{own_id} tabindex="0" role="button" '
            f'data-label="{text(citation.label)}" title="{text(title)}">{label}<span class="bm-q">?</span></span>'
        )
    title = "covered by the next callout of its paragraph" if inferred else f"note [{citation.note.label}]"
    return (
        f'<a class="bm-callout"{own_id} href="#{anchors.note(note)}" data-note="{anchors.note(note)}" '
        f'title="{text(title)}">{label}</a>'
    )


def takeaways_html(report: Report, anchors: Anchors, target: Callable[[int], str], heading: str) -> str:
    """The Key Takeaways, each with its own callouts and a link to each claim it restates (``target(index)``
    gives the id to link to), or marked unsupported."""
    takeaways: tuple[Takeaway, ...] = report.takeaways
    if not takeaways:
        return ""
    items = []
    for takeaway in takeaways:
        cited = "".join(citation_html(c, anchors) for c in takeaway.citations)
        if takeaway.supports:
            claims = " ".join(str(s.claim) for s in takeaway.supports)
            links = ", ".join(
                f'<a class="bm-support" href="#{target(s.claim)}" data-claims="{text(claims)}" '
                f'title="similarity {s.score:.2f}">(restates claim {s.claim + 1})</a>'
                for s in takeaway.supports
            )
            support = f" {links}"
        else:
            support = ' <span class="bm-badge bm-unsupported">unsupported: no claim of the body restates it</span>'
        items.append(f'<li class="bm-takeaway">{text(takeaway.text)}{cited}{support}</li>')
    return f'<{heading}>Key Takeaways</{heading}><ol class="bm-takeaways">' + "".join(items) + "</ol>"


def hedge_text(hedge: Hedge) -> str:
    """``likely (likelihood, ICD 203: 55–80 %)``, as plain text."""
    detail = hedge.kind.value
    if hedge.low is not None and hedge.high is not None:
        detail += f", ICD 203: {hedge.low * 100:.0f}–{hedge.high * 100:.0f} %"
    return f"{hedge.text} ({detail})"


def date_text(date: DateMention) -> str:
    """``December 12 and 13 → 2024-12-12 to 2024-12-13 (day, event)``, as plain text."""
    if date.start is None:
        resolved = "no dates" if date.precision is Precision.VAGUE else "not resolved"
    elif date.end is None or date.end == date.start:
        resolved = date.start.isoformat()
    else:
        resolved = f"{date.start.isoformat()} to {date.end.isoformat()}"
    return f"{date.text} → {resolved} ({date.precision.value}, {date.role.value})"


def place_text(place: Place) -> str:
    """``place: Plekhovo (settlement; relation: near; south of Sudzha; region: Kursk Oblast) [settlement:plekhovo]``,
    as plain text."""
    facts = [place.kind.value]
    if place.relation:
        facts.append(f"relation: {place.relation}")
    if place.anchor is not None:
        facts.append(f"{place.anchor_relation or 'given by'} {place.anchor.text}")
    if place.region:
        facts.append(f"region: {place.region}")
    return f"place: {place.text} ({'; '.join(facts)})" + (f" [{place.key}]" if place.key else "")


def unit_text(unit: Unit) -> str:
    """``unit: 1427th MRR (regiment; russian; under 20th CAA) [1427 motorized rifle regiment]``, as plain text."""
    facts = [unit.echelon.value, unit.side.value]
    if unit.parent is not None:
        facts.append(f"under {unit.parent.text}")
    return f"unit: {unit.text} ({'; '.join(facts)})" + (f" [{unit.key}]" if unit.key else "")


def _speaker(claim: Claim) -> str:
    who = claim.attribution
    if who.speaker is None:
        return ""
    name = who.speaker.span.text + (f" [{who.speaker.key}]" if who.speaker.key else "")
    if who.reporter is not None and who.reporter is not who.speaker:
        name += f", via {who.reporter.span.text}"
    return name


def claim_summary(number: int, claim: Claim) -> str:
    """A claim's attribution, stance, hedges and dates on one line of plain text (a tooltip)."""
    parts = [f"claim {number}", claim.stance.value]
    if claim.attribution.speaker is not None:
        parts.append("speaker: " + _speaker(claim))
    if claim.attribution.cue:
        parts.append("cue: " + claim.attribution.cue)
    if claim.hedges:
        parts.append("hedges: " + "; ".join(hedge_text(h) for h in claim.hedges))
    if claim.dates:
        parts.append("dates: " + "; ".join(date_text(d) for d in claim.dates))
    if not claim.citations:
        parts.append("no citation")
    return " · ".join(parts)


def stance_html(stance: Stance) -> str:
    """The stance's letter tag and name."""
    letter, meaning = STANCES[stance]
    return (
        f'<span class="bm-tag bm-s-{stance.value}" title="{text(meaning)}">{letter}</span> '
        f'<span class="bm-stance">{stance.value}</span>'
    )


def claim_cells(
    index: int, claim: Claim, anchors: Anchors, *, compact: bool, number_href: str | None = None
) -> list[tuple[str, str]]:
    """The cells of a claim's row, as (column name, HTML): the compact set for the notebook, the full set (with
    the line, hedges and every date) for the reading view. ``number_href``: where the claim's number links."""
    number = str(index + 1)
    number_cell = f'<a href="#{number_href}">{number}</a>' if number_href else number
    cited = " ".join(citation_html(c.citation, anchors, inferred=c.inferred) for c in claim.citations)
    speaker = text(_speaker(claim))
    cue = text(claim.attribution.cue or "")
    if compact:
        dates = ", ".join(text(d.text) for d in claim.dates if d.precision is not Precision.VAGUE)
        return [
            ("#", number_cell),
            ("stance", stance_html(claim.stance)),
            ("speaker", speaker),
            ("cue", cue),
            ("claim", text(claim.text)),
            ("dates", dates),
            ("citations", cited),
        ]
    line = claim.span.line
    return [
        ("#", number_cell),
        ("line", f'<a href="#{anchors.line(line)}">{line}</a>'),
        ("stance", stance_html(claim.stance)),
        ("speaker", speaker),
        ("cue", cue),
        ("hedges", "<br>".join(text(hedge_text(h)) for h in claim.hedges)),
        ("dates", "<br>".join(text(date_text(d)) for d in claim.dates)),
        (
            "places and units",
            "<br>".join(text(m) for m in [*map(place_text, claim.places), *map(unit_text, claim.units)]),
        ),
        ("citations", cited),
        ("claim", text(claim.text)),
    ]


_LIST_MARK = re.compile(r"[\s\u00a0]*(?:(?:[•·▪‣◦*–-]|[0-9]+[.)]|[ivx]+[.)])[\s\u00a0]*)*", re.IGNORECASE)
"""What may come before a list item on its line: spaces, and bullets or numbers (``•``, ``4.``, ``1)``, ``iv.``)."""


def is_list_item(report: Report, claim: Claim) -> bool:
    """A contents bullet rather than a claim: a bullet line that is one whole sentence (its bullet or number aside)
    of at most ``LIST_ITEM_WORDS`` words, with no callout (``Supporting effort 3—Southern axis.``,
    ``2. Degrading Iranian retaliatory capabilities.``)."""
    if claim.citations or len(claim.text.split()) > LIST_ITEM_WORDS:
        return False
    line = claim.span.line - 1
    if not 0 <= line < len(report.blocks) or report.blocks[line].kind is not BlockKind.BULLET:
        return False
    text_of_line = report.blocks[line].text
    begin = claim.span.start - report.line_starts[line]
    end = claim.span.end - report.line_starts[line]
    if not 0 <= begin <= end <= len(text_of_line):
        return False
    return _LIST_MARK.fullmatch(text_of_line, 0, begin) is not None and not text_of_line[end:].strip()


def source_html(source: Source) -> str:
    """A source: platform, kind, outlet, account and post id, and its URL as a link only when whole and http(s);
    else as text, with its flag (truncated, not a web address)."""
    facts = []
    if source.platform is not None:
        facts.append(source.platform.value)
    facts.append(source.kind.value.replace("_", " "))
    for name, value in (("outlet", source.outlet), ("account", source.account), ("post", source.post_id)):
        if value:
            facts.append(f"{name} {value}")
    described = '<span class="bm-facts">' + text(" · ".join(facts)) + "</span>"
    if source.url is None:
        return f'<li class="bm-source">{described} <span class="bm-raw">{text(source.raw)}</span></li>'
    href = link_url(source)
    if href is not None:
        shown = f'<a href="{text(href)}" rel="noopener noreferrer" target="_blank">{text(source.url)}</a>'
    else:
        flag = "truncated: the printed URL was cut short" if source.truncated else "not an http(s) address"
        printed = source.raw if source.truncated else source.url  # a cut URL as printed, with its dots
        shown = f'<span class="bm-url">{text(printed)}</span> <span class="bm-badge">{text(flag)}</span>'
    return f'<li class="bm-source">{described} {shown}</li>'


def notes_html(report: Report, anchors: Anchors, shown: Iterable[int], heading: str, *, backlinks: bool) -> str:
    """The notes at the given places of ``Report.notes``: label, text, sources, and (``backlinks``) the callouts
    that cite each."""
    items = []
    for index in shown:
        note = report.notes[index]
        sources = "".join(source_html(s) for s in note.sources)
        back = ""
        if backlinks and note.cited_by:
            links = " ".join(
                f'<a href="#{anchors.cite(i)}">↩ line {report.citations[i].span.line}</a>'
                for i in note.cited_by
                if 0 <= i < len(report.citations)
            )
            back = f'<p class="bm-cited-by">Cited by {links}</p>'
        elif backlinks:
            back = '<p class="bm-cited-by">No callout cites it.</p>'
        items.append(
            f'<li class="bm-note" id="{anchors.note(index)}"><span class="bm-label">[{text(note.label)}]</span> '
            f'<span class="bm-note-text">{text(note.text)}</span>'
            + (f'<ul class="bm-sources-of">{sources}</ul>' if sources else "")
            + back
            + "</li>"
        )
    if not items:
        return ""
    return f'<{heading}>Notes</{heading}><ol class="bm-notes">' + "".join(items) + "</ol>"


def diagnostics_html(
    diagnostics: tuple[Diagnostic, ...], heading: str, where: Callable[[Diagnostic], str], limit: int | None = None
) -> str:
    """The diagnostics as a table: severity, code, where (``where(d)`` gives the cell's HTML), message."""
    if not diagnostics:
        return ""
    shown = diagnostics if limit is None else diagnostics[:limit]
    rows = "".join(
        f'<tr class="bm-{d.severity.value}"><td>{text(d.severity.value)}</td><td><code>{text(d.code)}</code></td>'
        f"<td>{where(d)}</td><td>{text(d.message)}</td></tr>"
        for d in shown
    )
    head = "".join(f"<th>{name}</th>" for name in ("severity", "code", "where", "message"))
    more = len(diagnostics) - len(shown)
    return (
        f"<{heading}>Diagnostics</{heading}>"
        f'<table class="bm-diagnostics"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        + (f"<p>… and {more} more</p>" if more > 0 else "")
    )
