"""Reading reports from files: bytes in, every byte kept; other encodings and file formats named.

A file is UTF-8 (a UTF-8 BOM is kept as ``Report.bom``), or UTF-16 or UTF-32
with a byte-order mark: then it is decoded by its mark, and each report says
so with a ``TEXT_DECODED`` diagnostic. A file that is a known binary format (a
Word document, a PDF, a zip archive, an image, ...) is refused with a one-line
``BriefmodelError`` that names the format and what to do, before any decoding.
"""

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import attrs

from briefmodel._errors import BriefmodelError
from briefmodel._model.diagnostics import Code, diagnostic_order
from briefmodel._model.report import Report
from briefmodel._model.unchecked import new_diagnostic, new_span
from briefmodel._read.html import parse_html
from briefmodel._read.pipeline import iter_all

__all__ = [
    "BINARY_PROBE",
    "HTML_SUFFIXES",
    "SNIFF_BYTES",
    "decode",
    "iter_reports",
    "load",
    "load_text_file",
    "looks_like_html",
    "read_bytes",
]

HTML_SUFFIXES = (".html", ".htm")
"""Files read as a publisher's page (``parse_html``, the ``html`` extra) rather than as text, when they hold markup."""
SNIFF_BYTES = 65_536
"""How much of a ``.html``/``.htm`` file ``looks_like_html`` reads to decide."""


_TAG_START = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!/?")


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a ``.html``/``.htm`` file hold markup: a ``<`` followed by a tag's first character.

    Text that cannot be judged this way (a NUL byte, a UTF-16 byte order mark)
    counts as markup, so the HTML reader names the problem.
    """
    if b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    position = head.find(b"<")
    while position != -1:
        if head[position + 1 : position + 2] and head[position + 1] in _TAG_START:
            return True
        position = head.find(b"<", position + 1)
    return False


BINARY_PROBE = 8192
"""A NUL byte among a file's first bytes marks it as binary (a PDF, an image), not a brief."""

_BOMS = (
    # UTF-32 first: its little-endian mark begins with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian)"),
)
"""The byte-order marks a text file may begin with besides UTF-8's, the codec of each, and its name."""

_SAVE_AS_TEXT = "save it as plain text or HTML first"
_MAGIC = (
    (b"%PDF-", "a PDF document", "copy its text into a text file (or save the page as HTML) first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls or .ppt)", _SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document", _SAVE_AS_TEXT),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file", "decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "a zstd-compressed file", "decompress it first (unzstd)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and read the files inside"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it and read the files inside"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "briefmodel reads text; copy the text out of the image first"),
    (b"\xff\xd8\xff", "a JPEG image", "briefmodel reads text; copy the text out of the image first"),
    (b"GIF87a", "a GIF image", "briefmodel reads text; copy the text out of the image first"),
    (b"GIF89a", "a GIF image", "briefmodel reads text; copy the text out of the image first"),
    (b"II*\x00", "a TIFF image", "briefmodel reads text; copy the text out of the image first"),
    (b"MM\x00*", "a TIFF image", "briefmodel reads text; copy the text out of the image first"),
    (b"SQLite format 3\x00", "an SQLite database", "export the reports' text from it first"),
    (b"PAR1", "a Parquet file", "read it with pandas or pyarrow; briefmodel reads the reports' text"),
    (b"\x7fELF", "a program (ELF executable)", "give the reports' text files instead"),
)
"""Leading bytes of binary formats a brief might be mistaken for: the format's name and what to do."""
_ZIP = b"PK\x03\x04", b"PK\x05\x06"
_ZIP_KINDS = (
    ("word/", "a Word document (.docx)"),
    ("xl/", "an Excel workbook (.xlsx)"),
    ("ppt/", "a PowerPoint presentation (.pptx)"),
)
_OPEN_DOCUMENT = b"mimetypeapplication/vnd.oasis.opendocument."
_EPUB = b"mimetypeapplication/epub+zip"


def _zip_kind(data: bytes) -> tuple[str, str]:
    """What a zip file holds: an Office or OpenDocument file, an e-book, or files."""
    if data[30:].startswith(_OPEN_DOCUMENT):  # the first entry, stored: its name, then its content
        return "an OpenDocument file (.odt)", _SAVE_AS_TEXT
    if data[30:].startswith(_EPUB):
        return "an EPUB e-book", "convert it to plain text or HTML first"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        names = []
    for prefix, kind in _ZIP_KINDS:
        if any(name.startswith(prefix) for name in names):
            return kind, _SAVE_AS_TEXT
    return "a zip archive", "unpack it and read the files inside"


def _binary_format(data: bytes) -> tuple[str, str] | None:
    """The name of the binary format ``data`` begins with, and what to do; ``None`` for none known."""
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "a bzip2-compressed file", "decompress it first (bunzip2)"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image", "briefmodel reads text; copy the text out of the image first"
    for magic, kind, advice in _MAGIC:
        if data.startswith(magic) and (magic != b"PAR1" or data.endswith(magic)):  # Parquet ends as it begins
            return kind, advice
    return None


def _utf16_without_mark(head: bytes) -> str | None:
    """``little-endian`` or ``big-endian`` when ``head`` reads as UTF-16 text without its mark (NUL bytes on
    one side of most pairs: the high bytes of ASCII characters), else ``None``."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    odd, even = head[1 : 2 * pairs : 2].count(0), head[0 : 2 * pairs : 2].count(0)
    if odd * 2 >= pairs and even * 10 <= odd:
        return "little-endian"
    if even * 2 >= pairs and odd * 10 <= even:
        return "big-endian"
    return None


@attrs.frozen
class Decoded:
    """A file's text and, when it was not UTF-8, the encoding named by its byte-order mark."""

    text: str
    encoding: str | None = None


def decode(data: bytes, name: str) -> Decoded:
    """The text of a file's bytes: UTF-8 (its BOM kept as the text's first character), or UTF-16 or UTF-32
    decoded by its byte-order mark; a known binary format or bytes that do not decode raise
    ``BriefmodelError`` naming ``name``, the cause and what to do."""
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark) :].decode(codec), label)
            except UnicodeDecodeError as error:
                if codec == "utf-32-le":  # UTF-16 text whose first character is U+0000
                    continue
                where = f"offset {error.start + len(mark)}"
                raise BriefmodelError(
                    f"{name} begins with the byte-order mark of {label} but is not valid {label.split()[0]}: "
                    f"{error.reason} at {where}"
                ) from None
    known = _binary_format(data)
    if known is not None:
        kind, advice = known
        raise BriefmodelError(f"{name} is {kind}, not a text file: {advice}")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        raise BriefmodelError(f"{name} is not valid UTF-8: {where} ({error.reason})") from None


def read_bytes(path: "str | os.PathLike[str]") -> bytes:
    """A file's bytes, or ``BriefmodelError`` with a one-line message naming it and the cause."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise BriefmodelError(f"cannot read {os.fspath(path)}: {error.strerror or error}") from None
    except MemoryError:
        raise BriefmodelError(f"cannot read {os.fspath(path)}: not enough memory to hold it") from None


def refuse_binary(data: bytes, name: str) -> None:
    """Raise ``BriefmodelError`` for bytes that look binary: a NUL byte among the first ``BINARY_PROBE`` (UTF-16
    and UTF-32 with their byte-order marks, and known formats, are left to ``decode``)."""
    if any(data.startswith(mark) for mark, _, _ in _BOMS) or _binary_format(data) is not None:
        return
    head = data[:BINARY_PROBE]
    if b"\x00" not in head:
        return
    order = _utf16_without_mark(head)
    if order is not None:
        raise BriefmodelError(
            f"{name} looks like UTF-16 ({order}) without a byte-order mark: save it as UTF-8 (or as UTF-16 with "
            "its byte-order mark) first"
        )
    raise BriefmodelError(f"{name} looks binary: a NUL byte at offset {head.index(0)}")


def _said_decoded(report: Report, encoding: str) -> Report:
    """The report with a ``TEXT_DECODED`` diagnostic at its first non-blank line (or none, for a blank text)."""
    span = None
    offset = 0
    for line, block in enumerate(report.blocks, start=1):
        content = block.text.strip()
        if content:
            column = len(block.text) - len(block.text.lstrip())
            start = offset + column
            span = new_span(start, start + len(content), content, line, column + 1)
            break
        offset += len(block.text) + len(block.newline)
    message = f"decoded from {encoding} by its byte-order mark"
    diagnostics = sorted((*report._diagnostics, new_diagnostic(Code.TEXT_DECODED, message, span)), key=diagnostic_order)
    return attrs.evolve(report, diagnostics=tuple(diagnostics))


def iter_reports(data: bytes, name: str, *, strict: bool = False, html: bool = False) -> Iterator[Report]:
    """The reports of a file's bytes, one at a time (one report's objects in memory at a time).

    ``html`` reads the text as one publisher's page with ``parse_html``.
    ``name`` names the file in errors.
    """
    decoded = decode(data, name)
    del data  # the caller's copy is its own; this frame keeps only the text
    text, encoding = decoded.text, decoded.encoding
    del decoded
    if html:
        reports: Iterator[Report] = iter((parse_html(text.removeprefix("\ufeff"), strict=strict),))
    else:
        reports = iter_all(text, strict=strict)
    del text
    for report in reports:
        yield report if encoding is None else _said_decoded(report, encoding)


def load(path: "str | os.PathLike[str]", *, strict: bool = False) -> tuple[Report, ...]:
    """Read the reports in a text file, keeping its bytes exactly.

    The file is UTF-8: a BOM becomes ``Report.bom`` on the first report, and CRLF
    and CR line ends are kept. A UTF-16 or UTF-32 file with its byte-order mark is
    decoded by the mark, and each report gets a ``TEXT_DECODED`` diagnostic
    naming the encoding (``render`` gives the decoded text, as UTF-8). A ``.html``
    or ``.htm`` file whose text begins with a tag is read as one publisher's page
    with ``parse_html`` (the ``html`` extra), its report's text the page's text
    view; one that does not is read as plain text.

    A file that cannot be read, that is a known binary format (a Word document,
    a PDF, a zip archive, an image, ...: the message names it and says what to
    do), or that is not valid UTF-8 (the message names the byte and its offset)
    raises ``BriefmodelError`` with a one-line message.
    """
    name = os.fspath(path)
    data = read_bytes(path)
    return tuple(iter_reports(data, name, strict=strict, html=_is_page(name, data)))


def load_text_file(path: "str | os.PathLike[str]", *, strict: bool = False) -> tuple[Report, ...]:
    """``load`` for the command line: a file that looks binary is refused too, with a one-line message.

    ``load`` itself reads any valid UTF-8, NUL bytes included (they become a
    ``TEXT_CONTROL_CHARACTER`` diagnostic); a command run over a folder should
    rather skip a file of an unknown binary format that happens to decode.
    """
    name = os.fspath(path)
    data = read_bytes(path)
    refuse_binary(data, name)
    return tuple(iter_reports(data, name, strict=strict, html=_is_page(name, data)))


def _is_page(name: str, data: bytes) -> bool:
    """A ``.html`` or ``.htm`` file with markup in its first ``SNIFF_BYTES``: a page, not a text named so."""
    return Path(name).suffix.lower() in HTML_SUFFIXES and looks_like_html(data[:SNIFF_BYTES])
