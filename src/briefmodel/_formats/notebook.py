"""The notebook view of a report: ``Report._repr_html_``, the compact form of the reading view.

It shows the header, the Key Takeaways (each linked to the claim it restates),
a table of the claims (one label per citation, each a link to its note), the
notes those labels link to with their sources, and the diagnostics. It is made
of the reading view's own pieces (``view_parts``), with a small style sheet
scoped to the view and made of translucent tints, so it sits in Jupyter's light
and dark themes alike; it holds no script (notebooks drop or distrust them).

Report text is untrusted (scraped pages, pasted notes): every piece of it is
escaped with ``html.escape(quote=True)``, in text and in attributes alike, and
a source becomes a link only when its URL is whole (not ``truncated``) and
``http://`` or ``https://``: ``javascript:`` and ``data:`` URLs are shown as
text. Element ids are made of a prefix from the report's text and numbers, so
two reports in one notebook never share one.
"""

from briefmodel._formats.htmltext import text
from briefmodel._formats.view_assets import NOTEBOOK_CSS
from briefmodel._formats.view_parts import (
    Anchors,
    claim_cells,
    diagnostics_html,
    header_html,
    is_list_item,
    notes_html,
    page_prefix,
    takeaways_html,
)
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.report import Report

__all__ = ["MAX_ROWS", "report_html"]

MAX_ROWS = 200
"""Claims and diagnostics shown in full; the rest are counted."""


def _more(count: int, what: str) -> str:
    return f"<p>… and {count} more {what}</p>" if count > 0 else ""


def _where(diagnostic: Diagnostic) -> str:
    return text(f"{diagnostic.span.line}:{diagnostic.span.column}") if diagnostic.span else ""


def report_html(report: Report) -> str:
    """An HTML summary of a report: header, takeaways, a claims table with linked notes and sources, diagnostics."""
    anchors = Anchors(report, page_prefix(report))
    claims = report.claims
    counts = [
        (len(report.citations), "citations"),
        (len(report.notes), "notes"),
        (len(report.sources), "sources"),
        (len(report.takeaways), "takeaways"),
        (len(claims), "claims"),
        (len(report.diagnostics), "diagnostics"),
    ]
    parts = [
        f'<div class="bm-report bm-compact" id="{anchors.report()}"><style>{NOTEBOOK_CSS}</style>',
        header_html(report, "h3", counts),
        takeaways_html(report, anchors, anchors.claim_row, "h4"),
    ]
    listed = [i for i, claim in enumerate(claims) if not is_list_item(report, claim)]
    shown = listed[:MAX_ROWS]
    cited_notes: set[int] = set()
    if shown:
        rows = []
        head = ""
        for index in shown:
            cells = claim_cells(index, claims[index], anchors, compact=True)
            head = head or "".join(f"<th>{name}</th>" for name, _ in cells)
            rows.append(f'<tr id="{anchors.claim_row(index)}">' + "".join(f"<td>{c}</td>" for _, c in cells) + "</tr>")
            for cited in claims[index].citations:
                note = anchors.note_index(cited.citation.note)
                if note is not None:
                    cited_notes.add(note)
        parts.append(f"<h4>Claims</h4><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
        parts.append(_more(len(listed) - len(shown), "claims"))
        if any(c.inferred for index in shown for c in claims[index].citations):
            parts.append("<p><small>* covered by the next callout of its paragraph</small></p>")
    if len(listed) < len(claims):
        skipped = len(claims) - len(listed)
        parts.append(
            f"<p><small>{skipped} list item{'s' if skipped != 1 else ''} (short bullet lines with no callout, such "
            "as a list of the sections below) not shown as claims</small></p>"
        )
    for takeaway in report.takeaways:
        for citation in takeaway.citations:
            note = anchors.note_index(citation.note)
            if note is not None:
                cited_notes.add(note)
    parts.append(notes_html(report, anchors, sorted(cited_notes), "h4", backlinks=False))
    parts.append(diagnostics_html(report.diagnostics, "h4", _where, limit=MAX_ROWS))
    parts.append("</div>")
    return "".join(parts)
