"""The summary of a corpus: ``Corpus.__repr__`` and the notebook view ``Corpus._repr_html_``.

Report text is untrusted, and so are file names: the HTML view escapes every
piece of either with the escaping of the report views (``_formats/htmltext.py``:
``html.escape(quote=True)`` in text and attributes alike, control and
bidirectional characters shown as marks), and links a title only to a URL that
``safe_href`` lets be a link: a whole ``http://`` or ``https://`` URL with a host
and no white space or control character (``javascript:`` and ``data:`` URLs are
shown as text). No script, style or event attribute is ever written.
"""

from collections import Counter
from collections.abc import Sequence

from briefmodel._corpus.passes import Summary
from briefmodel._formats.htmltext import safe_href
from briefmodel._formats.htmltext import text as escape

__all__ = ["SHOWN", "corpus_html", "corpus_repr"]

SHOWN = 20
"""Reports (and files not read) listed in the notebook view; the rest are counted."""


def _span(entries: Sequence[Summary]) -> str:
    dated = [entry.published for entry in entries if entry.published is not None]
    undated = len(entries) - len(dated)
    if not dated:
        span = "no dates"
    elif min(dated) == max(dated):
        span = min(dated).isoformat()
    else:
        span = f"{min(dated).isoformat()} to {max(dated).isoformat()}"
    return span + (f" ({undated} undated)" if undated and dated else "")


def _files(files: int) -> str:
    return f"{files} file" + ("" if files == 1 else "s")


def corpus_repr(entries: Sequence[Summary], files: int, failed: int, skipped: int) -> str:
    """One line: how many reports in how many files, their dates, and what was not read."""
    reports = f"{len(entries)} report" + ("" if len(entries) == 1 else "s")
    line = f"<Corpus: {reports} in {_files(files - failed)}, {_span(entries)}"
    if failed:
        line += f"; {_files(failed)} not read (see .failed)"
    if skipped:
        line += f"; {skipped} paths passed over (see .skipped)"
    return line + ">"


def corpus_html(
    entries: Sequence[Summary], files: int, failed: Sequence[tuple[str, str]], skipped: Sequence[tuple[str, str]]
) -> str:
    """An HTML summary: counts, dates, the series, the first reports, the files not read (all escaped)."""
    copies = sum(count - 1 for count in Counter(entry.text_hash for entry in entries).values() if count > 1)
    parts = [
        '<div class="briefmodel-corpus">',
        f"<h3>Corpus: {len(entries)} reports</h3>",
        f"<p>{escape(_files(files - len(failed)))} read · {escape(_span(entries))}"
        + (f" · {len(failed)} not read" if failed else "")
        + (f" · {len(skipped)} passed over" if skipped else "")
        + (f" · {copies} copies of a text another file holds" if copies else "")
        + "</p>",
    ]
    series = Counter(entry.series or "(no series)" for entry in entries)
    if series:
        rows = "".join(
            f"<tr><td>{escape(name)}</td><td>{count}</td></tr>"
            for name, count in sorted(series.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        parts.append(f"<table><thead><tr><th>series</th><th>reports</th></tr></thead><tbody>{rows}</tbody></table>")
    if entries:
        head = "".join(f"<th>{name}</th>" for name in ("date", "title", "publisher", "citations", "file"))
        rows = "".join(_report_row(entry) for entry in entries[:SHOWN])
        parts.append(f"<h4>Reports</h4><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        if len(entries) > SHOWN:
            parts.append(f"<p>… and {len(entries) - SHOWN} more</p>")
    if failed:
        rows = "".join(f"<tr><td>{escape(path)}</td><td>{escape(reason)}</td></tr>" for path, reason in failed[:SHOWN])
        head = "<tr><th>file</th><th>why it was not read</th></tr>"
        parts.append(f"<h4>Files not read</h4><table><thead>{head}</thead><tbody>{rows}</tbody></table>")
        if len(failed) > SHOWN:
            parts.append(f"<p>… and {len(failed) - SHOWN} more</p>")
    parts.append("</div>")
    return "".join(parts)


def _report_row(entry: Summary) -> str:
    title = escape(entry.title or "(no title)")
    href = safe_href(entry.url)
    if href is not None:
        title = f'<a href="{escape(href)}" rel="noopener noreferrer" target="_blank">{title}</a>'
    where = entry.path + (f" #{entry.position + 1}" if entry.position else "")
    cells = [
        escape(entry.published.isoformat() if entry.published else "no date"),
        title,
        escape(entry.publisher or ""),
        str(entry.citations),
        escape(where),
    ]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"
