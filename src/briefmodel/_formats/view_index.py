"""The index page of a folder of reading views: one row per report (date, title linked to its page, series,
file, counts), and the files that could not be read.

It is written from plain entries (``IndexEntry``), so it needs nothing but the
model's values; the command line makes them from a corpus. Like the reading
view, the page fetches nothing: its only style is inline and allowed by its
hash, and it has no script. Titles, series and file names are escaped; the
links are the entries' own relative paths.
"""

import datetime as dt
from collections.abc import Sequence

import attrs

from briefmodel._formats.htmltext import text
from briefmodel._formats.view_assets import PAGE_CSS, csp_hash

__all__ = ["INDEX_POLICY", "IndexEntry", "index_html"]

INDEX_POLICY = f"default-src 'none'; style-src {csp_hash(PAGE_CSS)}; base-uri 'none'; form-action 'none'"
"""The index page's Content-Security-Policy: nothing may load, only its own style may apply, no script."""

COUNTS = ("citations", "resolved", "notes", "sources", "takeaways", "claims", "warnings")
"""The counts of each row, in order."""


@attrs.frozen(kw_only=True)
class IndexEntry:
    """One report of the index: where its page is, its header, where it was read from, and its counts."""

    href: str
    """The report's page, relative to the index (made by the caller from ids, never from report text)."""
    title: str | None
    published: dt.date | None
    series: str | None
    path: str
    """The file the report was read from, as the index shows it (relative to the folder read)."""
    position: int
    """Its place among the reports of that file (0 for the first)."""
    counts: tuple[int, ...]
    """The counts named by ``COUNTS``, in that order."""


def index_html(entries: Sequence[IndexEntry], *, title: str, failed: Sequence[tuple[str, str]] = ()) -> str:
    """The index page of reading views: a table of the reports, linked, and the files not read."""
    head = "".join(f"<th>{name}</th>" for name in ("date", "title", "series", "file")) + "".join(
        f'<th class="bm-n">{name}</th>' for name in COUNTS
    )
    rows = "".join(
        "<tr>"
        f"<td>{text(entry.published.isoformat()) if entry.published else 'no date'}</td>"
        f'<td><a href="{text(entry.href)}">{text(entry.title or "(no title)")}</a></td>'
        f"<td>{text(entry.series or '')}</td>"
        f"<td>{text(entry.path)}{f' (report {entry.position + 1})' if entry.position else ''}</td>"
        + "".join(f'<td class="bm-n">{count}</td>' for count in entry.counts)
        + "</tr>"
        for entry in entries
    )
    dated = sorted(entry.published for entry in entries if entry.published is not None)
    span = f"{dated[0].isoformat()} to {dated[-1].isoformat()}" if dated else "no dates"
    parts = [
        f'<div class="bm-view"><main class="bm-index bm-wide"><h1 class="bm-title">{text(title)}</h1>',
        f'<p class="bm-meta">{len(entries)} report{"s" if len(entries) != 1 else ""} · {text(span)}</p>',
        f'<div class="bm-table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>',
    ]
    if failed:
        items = "".join(f"<li>{text(path)}: {text(reason)}</li>" for path, reason in failed)
        parts.append(f"<h2>Files not read ({len(failed)})</h2><ul>{items}</ul>")
    parts.append("</main></div>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{INDEX_POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f"<title>{text(title)}</title><style>{PAGE_CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
