"""Reading reports from files: bytes in, every byte kept."""

import os
from pathlib import Path

from briefmodel._errors import BriefmodelError
from briefmodel._model.report import Report
from briefmodel._read.html import parse_html
from briefmodel._read.pipeline import parse_all

__all__ = ["BINARY_PROBE", "load", "load_text_file"]

HTML_SUFFIXES = (".html", ".htm")
"""Files read as a publisher's page (``parse_html``, the ``html`` extra) rather than as text."""
BINARY_PROBE = 8192
"""A NUL byte among a file's first bytes marks it as binary (a PDF, an image), not a brief."""


def load(path: "str | os.PathLike[str]", *, strict: bool = False) -> tuple[Report, ...]:
    """Read the reports in a UTF-8 text file, keeping its bytes exactly.

    A BOM becomes ``Report.bom`` on the first report; CRLF and CR line ends are
    kept. A ``.html`` or ``.htm`` file is read as one publisher's page with
    ``parse_html`` (the ``html`` extra); its report's text is the page's text
    view. A file that cannot be read or is not valid UTF-8 raises
    ``BriefmodelError`` with a one-line message (naming the byte offset for bad
    UTF-8).
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise BriefmodelError(f"cannot read {os.fspath(path)}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        raise BriefmodelError(f"{os.fspath(path)} is not valid UTF-8: {where} ({error.reason})") from None
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        return (parse_html(text.removeprefix("\ufeff"), strict=strict),)
    return parse_all(text, strict=strict)


def load_text_file(path: "str | os.PathLike[str]", *, strict: bool = False) -> tuple[Report, ...]:
    """``load`` for the command line: a file that looks binary is refused too, with a one-line message.

    ``load`` itself reads any valid UTF-8, NUL bytes included (they become a
    ``TEXT_CONTROL_CHARACTER`` diagnostic); a command run over a folder should
    rather skip a PDF that happens to decode.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(BINARY_PROBE)
    except OSError:
        head = b""  # load names the problem
    if b"\x00" in head:
        raise BriefmodelError(f"{os.fspath(path)} looks binary: a NUL byte at offset {head.index(0)}")
    return load(path, strict=strict)
