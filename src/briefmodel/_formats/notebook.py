"""The notebook view of a report: ``Report._repr_html_``.

Report text is untrusted (scraped pages, pasted notes), so every piece of it is
escaped with ``html.escape(quote=True)``, in text and in attributes alike, and a
source becomes a link only when its URL is ``http://`` or ``https://`` and holds
no white space or control character: ``javascript:`` and ``data:`` URLs are
shown as text, never made links. No script, style or event attribute is ever
written.
"""

import html

from briefmodel._model.claims import Claim
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["MAX_ROWS", "report_html"]

MAX_ROWS = 200
"""Claims and diagnostics shown in full; the rest are counted."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _safe_href(url: str | None) -> str | None:
    """The URL, if it may be a link: http(s), and nothing in it that could break out of the attribute."""
    if url is None or not url.lower().startswith(("http://", "https://")):
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return None
    return url


def _source_link(label: str, sources: tuple[Source, ...]) -> str:
    links = []
    for source in sources:
        href = _safe_href(source.url)
        title = _e(source.url or source.raw)
        if href is None:
            links.append(f'<span title="{title}">[{_e(label)}]</span>')
        else:
            links.append(
                f'<a href="{_e(href)}" title="{title}" rel="noopener noreferrer" target="_blank">[{_e(label)}]</a>'
            )
    return "".join(links) if links else f"[{_e(label)}]"


def _claim_row(number: int, claim: Claim) -> str:
    who = claim.attribution
    speaker = f"{who.speaker.span.text} [{who.speaker.key}]" if who.speaker else ""
    cited = " ".join(_source_link(c.label, c.sources) + ("*" if c.inferred else "") for c in claim.citations)
    dates = ", ".join(d.text for d in claim.dates)
    cells = [str(number), claim.stance.value, speaker, who.cue or "", claim.text, dates]
    return "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in cells) + f"<td>{cited}</td></tr>"


def _diagnostic_row(diagnostic: Diagnostic) -> str:
    where = f"{diagnostic.span.line}:{diagnostic.span.column}" if diagnostic.span else ""
    cells = [diagnostic.severity.value, diagnostic.code, where, diagnostic.message]
    return "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in cells) + "</tr>"


def _more(count: int) -> str:
    return f"<p>… and {count} more</p>" if count > 0 else ""


def report_html(report: Report) -> str:
    """An HTML summary of a report: metadata, takeaways, a claims table with linked sources, diagnostics."""
    date = report.published.isoformat() if report.published else "no date"
    parts = [
        '<div class="briefmodel-report">',
        f"<h3>{_e(report.title or '(no title)')}</h3>",
        f"<p>{_e(report.publisher or 'unknown publisher')} · {_e(date)}"
        + (f" · {_e(', '.join(report.authors))}" if report.authors else "")
        + "</p>",
        f"<p>{len(report.citations)} citations · {len(report.notes)} notes · {len(report.sources)} sources · "
        f"{len(report.takeaways)} takeaways · {len(report.claims)} claims · "
        f"{len(report.diagnostics)} diagnostics</p>",
    ]
    if report.takeaways:
        items = []
        for takeaway in report.takeaways:
            support = f" <small>(restates claim {takeaway.supports[0].claim + 1})</small>" if takeaway.supports else ""
            items.append(f"<li>{_e(takeaway.text)}{support}</li>")
        parts.append("<h4>Key Takeaways</h4><ol>" + "".join(items) + "</ol>")
    if report.claims:
        head = "".join(f"<th>{name}</th>" for name in ("#", "stance", "speaker", "cue", "claim", "dates", "sources"))
        rows = "".join(_claim_row(i, c) for i, c in enumerate(report.claims[:MAX_ROWS], start=1))
        parts.append(f"<h4>Claims</h4><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        parts.append(_more(len(report.claims) - MAX_ROWS))
        if any(c.inferred for claim in report.claims for c in claim.citations):
            parts.append("<p><small>* covered by the next callout of its paragraph</small></p>")
    if report.diagnostics:
        head = "".join(f"<th>{name}</th>" for name in ("severity", "code", "where", "message"))
        rows = "".join(_diagnostic_row(d) for d in report.diagnostics[:MAX_ROWS])
        parts.append(f"<h4>Diagnostics</h4><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        parts.append(_more(len(report.diagnostics) - MAX_ROWS))
    parts.append("</div>")
    return "".join(parts)
