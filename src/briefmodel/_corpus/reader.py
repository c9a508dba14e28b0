"""Reading one found file into its reports, as ``briefmodel export`` and ``Corpus`` both read it.

A file is read as ``load_text_file`` reads it: text, or a publisher's page for a
``.html``/``.htm`` file whose first ``SNIFF_BYTES`` hold markup; a file that looks
binary is refused. Two more things:

- A ``.html`` or ``.htm`` file read as text (it holds no markup: plain text saved
  under the wrong name) is said so, with the note ``AS_TEXT``.
- A ``.md`` or ``.markdown`` file is a Markdown brief: it is read with
  ``parse_markdown`` (``[^n]`` footnotes), one report per file.
"""

from typing import NamedTuple

from briefmodel._model.report import Report
from briefmodel._read.files import (
    HTML_SUFFIXES,
    SNIFF_BYTES,
    decode,
    iter_reports,
    looks_like_html,
    read_bytes,
    refuse_binary,
)
from briefmodel._read.markdown import parse_markdown

__all__ = ["AS_TEXT", "MARKDOWN_SUFFIXES", "FileReports", "read_file"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""Files read as Markdown briefs."""
AS_TEXT = "holds no HTML markup: read as plain text"
"""The note on a ``.html``/``.htm`` file read as text."""


class FileReports(NamedTuple):
    """A file's reports, in order, and a note when it was read otherwise than its name says."""

    reports: tuple[Report, ...]
    note: str | None = None


def read_file(path: str) -> FileReports:
    """The reports of one file; ``BriefmodelError`` with a one-line message when it cannot be read."""
    lower = path.lower()
    data = read_bytes(path)
    refuse_binary(data, path)
    if lower.endswith(MARKDOWN_SUFFIXES):
        return FileReports((parse_markdown(decode(data, path).text),))
    named_page = lower.endswith(HTML_SUFFIXES)
    page = named_page and looks_like_html(data[:SNIFF_BYTES])
    reports = tuple(iter_reports(data, path, html=page))
    return FileReports(reports, AS_TEXT if named_page and not page else None)
