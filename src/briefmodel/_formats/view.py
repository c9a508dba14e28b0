"""The reading view: a report as one self-contained HTML page (``to_html``), for a browser, a file or an email.

The page holds its style and its script inline and fetches nothing: its
Content-Security-Policy (``default-src 'none'``) allows only those two blocks, by
their SHA-256 hashes, so no other script, style, font, image or frame can run or
load, whatever the report's text holds. Every piece of report text is escaped
(``htmltext``), and only a whole http(s) URL becomes a link.

Without its script the page is a static document with everything shown: the
claims table and the notes are lists with anchors, and each mark links to them.
The script adds a side panel (a claim's details, a callout's note and sources),
the highlighting of a takeaway's support, and the filters.
"""

from collections import Counter
from collections.abc import Sequence

from briefmodel._formats.htmltext import text
from briefmodel._formats.view_assets import PAGE_CSS, PAGE_SCRIPT, VIEW_CSS, csp_hash
from briefmodel._formats.view_body import body_html, speaker_key
from briefmodel._formats.view_parts import (
    STANCES,
    Anchors,
    claim_cells,
    diagnostics_html,
    header_html,
    notes_html,
    takeaways_html,
)
from briefmodel._model.claims import Stance
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["CONTENT_SECURITY_POLICY", "page_html", "to_html"]

CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {csp_hash(PAGE_CSS)}; script-src {csp_hash(PAGE_SCRIPT)}; "
    "base-uri 'none'; form-action 'none'"
)
"""The page's policy: nothing may load, and only the page's own style and script (by their hashes) may apply."""


def to_html(report: Report, *, standalone: bool = True) -> str:
    """The reading view of a report as HTML.

    With ``standalone=True`` (the default), a whole page: its style and script
    inline, a strict Content-Security-Policy, nothing fetched from anywhere. It
    shows the header and the Key Takeaways (each linked to the claims that
    support it, or marked unsupported); the body as printed, each claim marked
    by its stance (a tint, a letter and a line style, with a legend), speakers
    and cues underlined, hedges and dates marked; each callout linked to its
    note and the note's sources; a table of the claims; the sources grouped by
    platform and outlet; and the diagnostics with their lines. Its script adds
    a side panel, the takeaways' highlighting and filters (stance, speaker,
    citations); without it the page reads as a static document.

    With ``standalone=False``, the same view as a fragment to put into another
    page: a ``<div>`` with its scoped ``<style>``, and no script (the static
    document).

    Every piece of report text is escaped, and a source's URL is a link only
    when it is whole (not ``truncated``) and ``http://`` or ``https://``.
    """
    return page_html([report], title=report.title, standalone=standalone)


def page_html(
    reports: Sequence[Report], *, title: str | None = None, standalone: bool = True, index: str | None = None
) -> str:
    """The reading view of several reports on one page (a file that holds several), each under its own header;
    ``index``: the address of an index page to link back to (the command line's, never report text)."""
    articles = [
        _article(report, Anchors(report, f"r{number}-"), script=standalone)
        for number, report in enumerate(reports, start=1)
    ]
    contents = _contents(reports) if len(reports) > 1 else ""
    view = (
        '<div class="bm-view">'
        + ('<a class="bm-skip" href="#r1-text">Skip to the text</a>' if reports else "")
        + (f'<nav class="bm-index"><a class="bm-up" href="{text(index)}">← All reports</a></nav>' if index else "")
        + contents
        + "".join(articles)
        + (_PANEL if standalone else "")
        + "</div>"
    )
    if not standalone:
        return f"<style>{VIEW_CSS}</style>{view}"
    heading = title or (reports[0].title if reports else None) or "briefmodel reading view"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        '<meta name="generator" content="briefmodel">'
        f"<title>{text(heading)}</title>"
        f"<style>{PAGE_CSS}</style></head>"
        f"<body>{view}<script>{PAGE_SCRIPT}</script></body></html>\n"
    )


_PANEL = (
    '<aside class="bm-panel" id="bm-panel" hidden tabindex="-1" role="dialog" aria-modal="false" '
    'aria-labelledby="bm-panel-title"><div class="bm-panel-head"><h2 id="bm-panel-title">Details</h2>'
    '<button type="button" id="bm-panel-close" aria-label="Close the panel">Close ✕</button></div>'
    '<div id="bm-panel-body"></div></aside>'
)


def _contents(reports: Sequence[Report]) -> str:
    items = "".join(
        f'<li><a href="#r{number}-report">{text(report.title or "(no title)")}</a> '
        f'<span class="bm-meta">{text(report.published.isoformat() if report.published else "no date")}</span></li>'
        for number, report in enumerate(reports, start=1)
    )
    return (
        f'<nav class="bm-index" aria-label="Reports in this file"><h2>{len(reports)} reports</h2><ol>{items}</ol></nav>'
    )


def _article(report: Report, anchors: Anchors, *, script: bool) -> str:
    claims = report.claims
    resolved = sum(c.note is not None for c in report.citations)
    counts = [
        (len(report.citations), "citations"),
        (resolved, "resolved"),
        (len(report.notes), "notes"),
        (len(report.sources), "sources"),
        (len(report.takeaways), "takeaways"),
        (len(claims), "claims"),
        (len(report.diagnostics), "diagnostics"),
    ]
    parts = [
        f'<article class="bm-report" id="{anchors.report()}">',
        "<header>" + header_html(report, "h1", counts) + "</header>",
        _LEGEND,
        _filters(report) if script and claims else "",
        takeaways_html(report, anchors, anchors.claim, "h2"),
        f'<h2 id="{anchors.section("text")}">Text</h2><div class="bm-body">{body_html(report, anchors)}</div>',
        _claims_table(report, anchors),
        f'<section id="{anchors.section("notes")}">'
        + notes_html(report, anchors, range(len(report.notes)), "h2", backlinks=True)
        + "</section>",
        _sources(report, anchors),
        diagnostics_html(report.diagnostics, "h2", lambda d: _where(d, anchors)),
        "</article>",
    ]
    return "".join(parts)


_LEGEND = (
    '<div class="bm-legend bm-report" role="note" aria-label="Legend">'
    + "".join(
        f'<span><span class="bm-claim bm-s-{stance.value}"><span class="bm-tag bm-s-{stance.value}">{letter}</span>'
        f"{stance.value}</span></span>"
        for stance, (letter, _) in STANCES.items()
    )
    + '<span><span class="bm-speaker">speaker</span></span><span><span class="bm-cue">cue</span></span>'
    '<span><span class="bm-hedge">hedge</span></span><span><span class="bm-date">date</span></span>'
    '<span><span class="bm-place">place</span></span><span><span class="bm-unit">unit</span></span>'
    '<span><span class="bm-callout">[1]</span> callout</span>'
    '<span><span class="bm-callout bm-unresolved">[2]<span class="bm-q">?</span></span> unresolved</span>'
    "</div>"
)
"""What each mark means: the stances (tint, letter, line style), speaker, cue, hedge, date, place, unit and
callouts."""


def _filters(report: Report) -> str:
    """The filters: hidden until the script shows them (without it they could do nothing)."""
    stances = Counter(claim.stance for claim in report.claims)
    speakers = Counter(speaker_key(claim) for claim in report.claims)
    authored = speakers.pop("", 0)
    stance_options = "".join(
        f'<option value="{stance.value}">{stance.value} ({stances[stance]})</option>'
        for stance in Stance
        if stances[stance]
    )
    speaker_options = (
        f'<option value="author">the author: no speaker ({authored})</option>' if authored else ""
    ) + "".join(
        f'<option value="k:{text(key)}">{text(key)} ({count})</option>'
        for key, count in sorted(speakers.items(), key=lambda item: (-item[1], item[0]))
    )
    return (
        '<form class="bm-filters" hidden aria-label="Filter the claims">'
        f'<label>Stance<select name="stance"><option value="">any</option>{stance_options}</select></label>'
        f'<label>Speaker<select name="speaker"><option value="">anyone</option>{speaker_options}</select></label>'
        '<label>Citations<select name="cited"><option value="">with or without</option>'
        '<option value="1">with citations</option><option value="0">without citations</option></select></label>'
        '<button type="reset">Show all</button>'
        '<p class="bm-shown" aria-live="polite"></p></form>'
    )


def _claims_table(report: Report, anchors: Anchors) -> str:
    if not report.claims:
        return ""
    rows = []
    head = ""
    for index, claim in enumerate(report.claims):
        cells = claim_cells(index, claim, anchors, compact=False, number_href=anchors.claim(index))
        if not head:
            head = "".join(f"<th>{name}</th>" for name, _ in cells)
        rows.append(
            f'<tr id="{anchors.claim_row(index)}" data-claim="{index}" data-stance="{claim.stance.value}" '
            f'data-speaker="{text(speaker_key(claim))}" data-cited="{1 if claim.citations else 0}">'
            + "".join(f"<td>{cell}</td>" for _, cell in cells)
            + "</tr>"
        )
    return (
        f'<h2 id="{anchors.section("claims")}">Claims</h2>'
        f'<div class="bm-table"><table class="bm-claims"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _group_name(source: Source) -> str:
    """The second level of the sources panel: the outlet, else the account, else the domain."""
    return source.outlet or source.account or source.domain or "(no address)"


def _sources(report: Report, anchors: Anchors) -> str:
    """The report's sources grouped by platform and outlet (or account, or domain), with counts and the notes
    that cite each group."""
    if not report.sources:
        return ""
    groups: dict[str, dict[str, tuple[set[str], list[int]]]] = {}
    for index, note in enumerate(report.notes):
        for source in note.sources:
            platform = source.platform.value if source.platform is not None else "text (no URL)"
            keys, notes = groups.setdefault(platform, {}).setdefault(_group_name(source), (set(), []))
            keys.add(source.key)
            if not notes or notes[-1] != index:
                notes.append(index)
    items = []
    for platform, outlets in sorted(
        groups.items(), key=lambda item: (-sum(len(k) for k, _ in item[1].values()), item[0])
    ):
        total = sum(len(keys) for keys, _ in outlets.values())
        rows = []
        for name, (keys, notes) in sorted(outlets.items(), key=lambda item: (-len(item[1][0]), item[0])):
            links = " ".join(f'<a href="#{anchors.note(i)}">[{text(report.notes[i].label)}]</a>' for i in notes)
            rows.append(f'<li>{text(name)}: {len(keys)} <span class="bm-cited-by">{links}</span></li>')
        items.append(f"<li><strong>{text(platform)}</strong>: {total}<ul>{''.join(rows)}</ul></li>")
    return (
        f'<h2 id="{anchors.section("sources")}">Sources</h2>'
        f'<p class="bm-meta">{len(report.sources)} distinct sources (by Source.key), by platform and outlet; '
        "each group lists the notes that cite it.</p>"
        f'<ul class="bm-groups">{"".join(items)}</ul>'
    )


def _where(diagnostic: Diagnostic, anchors: Anchors) -> str:
    span = diagnostic.span
    if span is None:
        return "the report"
    where = f"line {span.line}, column {span.column}"
    note = anchors.note_at(span.start)
    target = anchors.line(span.line) if note is None else anchors.note(note)  # an endnote's line: the note
    return f'<a href="#{target}">{where}</a>'
