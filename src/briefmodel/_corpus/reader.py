"""Reading one found file into its reports, as ``briefmodel export`` and ``Corpus`` both read it.

A file is read as ``load_text_file`` reads it (text, or a publisher's page for
``.html``/``.htm``; a file that looks binary refused), with two turns:

- A ``.html`` or ``.htm`` file whose first ``SNIFF_BYTES`` hold no markup is plain
  text saved under the wrong name: it is read as text, and the reading says so
  (``AS_TEXT``). Read as a page, its line breaks, and its endnotes, would be lost.
- A ``.md`` or ``.markdown`` file is a Markdown brief: it is read with
  ``parse_markdown`` (``[^n]`` footnotes), one report per file.
"""

from pathlib import Path
from typing import NamedTuple

from briefmodel._corpus.inputs import HTML_SUFFIXES
from briefmodel._errors import BriefmodelError
from briefmodel._model.report import Report
from briefmodel._read.files import SNIFF_BYTES, decode, load_text_file, looks_like_html, read_bytes, refuse_binary
from briefmodel._read.markdown import parse_markdown
from briefmodel._read.pipeline import parse_all

__all__ = ["AS_TEXT", "MARKDOWN_SUFFIXES", "SNIFF_BYTES", "FileReports", "read_file"]

"""The first bytes of a ``.html``/``.htm`` file searched for markup."""
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
    if lower.endswith(MARKDOWN_SUFFIXES):
        data = read_bytes(path)
        refuse_binary(data, path)
        return FileReports((parse_markdown(decode(data, path).text),))
    if lower.endswith(HTML_SUFFIXES) and not _has_markup(path):
        return FileReports(_load_as_text(path), AS_TEXT)
    return FileReports(load_text_file(path))


def _has_markup(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return looks_like_html(handle.read(SNIFF_BYTES))
    except OSError:
        return True  # the reader names the problem


def _load_as_text(path: str) -> tuple[Report, ...]:
    """A file read as plain text whatever its name (``load`` reads ``.htm`` as HTML)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise BriefmodelError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        raise BriefmodelError(f"{path} is not valid UTF-8: {where} ({error.reason})") from None
    return parse_all(text)  # no NUL byte: looks_like_html sent any file with one to load_text_file
