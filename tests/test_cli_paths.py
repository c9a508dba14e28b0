"""Every error path of reading files and of the command line: one line, no traceback, nothing lost.

The library part: files in UTF-16 and UTF-32 are read and said so; Word, PDF,
zip and other binary files are named with what to do; ``parse(bytes)`` and
``to_csl_json([reports])`` answer clearly. The command-line part: exit statuses,
``-`` for standard input, ``--version``, many files for ``show``, ``render`` of
bad JSON Lines, outputs replaced only when complete, Ctrl-C, streaming.
"""

import io
import json
import zipfile
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._model.diagnostics import diagnostic_order

from .conftest import SEED, read_exact

# --------------------------------------------------------------------------- library: encodings


ENCODINGS = [
    ("utf-16-le", b"\xff\xfe", "UTF-16 (little-endian)"),
    ("utf-16-be", b"\xfe\xff", "UTF-16 (big-endian)"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    ("utf-32-be", b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
]


@pytest.mark.parametrize(("codec", "mark", "label"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_utf16_and_utf32_files_are_decoded_and_said_so(tmp_path: Path, codec: str, mark: bytes, label: str) -> None:
    text = read_exact(SEED)
    path = tmp_path / "brief.txt"
    path.write_bytes(mark + text.encode(codec))
    reports = bm.load(path)
    plain = bm.parse_all(text)
    assert "".join(bm.render(r) for r in reports) == text  # the decoded text, every character kept
    assert len(reports) == len(plain) == 2
    for report, expected in zip(reports, plain, strict=True):
        decoded = [d for d in report.diagnostics if d.code == "TEXT_DECODED"]
        assert len(decoded) == 1
        (diagnostic,) = decoded
        assert diagnostic.severity is bm.Severity.INFO
        assert diagnostic.message == f"decoded from {label} by its byte-order mark"
        span = diagnostic.span
        assert span is not None and report.text[span.start : span.end] == span.text == report.blocks[0].text.strip()
        assert (span.line, span.column) == (1, 1)
        assert list(report.diagnostics) == sorted(report.diagnostics, key=diagnostic_order)
        others = [d for d in report.diagnostics if d.code != "TEXT_DECODED"]
        assert others == list(expected.diagnostics)  # nothing else changes
        assert report.blocks == expected.blocks and report.citations == expected.citations
        assert bm.from_json(bm.to_json(report)) == report  # the diagnostic survives the JSON round trip
    assert not reports[0].bom  # the mark was the encoding's, not a UTF-8 BOM kept in the text


def test_the_decoded_diagnostic_sits_at_the_first_non_blank_line(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes("\ufeff\r\n\r\n   A Title Line  \r\n\r\nDecember 1, 2024\r\n".encode("utf-16"))
    (report,) = bm.load(path)
    (diagnostic,) = [d for d in report.diagnostics if d.code == "TEXT_DECODED"]
    assert diagnostic.span is not None
    assert (diagnostic.span.text, diagnostic.span.line, diagnostic.span.column) == ("A Title Line", 3, 4)
    assert report.text[diagnostic.span.start : diagnostic.span.end] == "A Title Line"
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\xff\xfe" + "\n\n".encode("utf-16-le"))
    (empty,) = bm.load(blank)
    assert [d.span for d in empty.diagnostics if d.code == "TEXT_DECODED"] == [None]


def test_a_utf16_file_with_a_nul_character_first_is_not_taken_for_utf32(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"\xff\xfe" + "\x00Title\n".encode("utf-16-le"))  # begins \xff\xfe\x00\x00, length 16
    (report,) = bm.load(path)
    assert bm.render(report) == "\x00Title\n"
    assert "UTF-16 (little-endian)" in next(d.message for d in report.diagnostics if d.code == "TEXT_DECODED")


def test_a_bad_utf16_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"\xff\xfeA\x00\x00\xdc")  # a lone low surrogate
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path} begins with the byte-order mark of UTF-16 (little-endian) but is not valid")
    assert "\n" not in message


def test_a_utf8_bom_is_still_kept_as_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(b"\xef\xbb\xbfA Title Line\n")
    (report,) = bm.load(path)
    assert report.bom and not any(d.code == "TEXT_DECODED" for d in report.diagnostics)


# --------------------------------------------------------------------------- library: binary formats named


def _zip(*names: str, first: tuple[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first is not None:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, not compressed: as ODF requires
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


BINARIES = [
    ("docx", _zip("[Content_Types].xml", "word/document.xml"), "a Word document (.docx)", "save it as plain text"),
    ("xlsx", _zip("[Content_Types].xml", "xl/workbook.xml"), "an Excel workbook (.xlsx)", "save it as plain text"),
    ("pptx", _zip("ppt/presentation.xml"), "a PowerPoint presentation (.pptx)", "save it as plain text"),
    (
        "odt",
        _zip("content.xml", first=("mimetype", "application/vnd.oasis.opendocument.text")),
        "an OpenDocument file (.odt)",
        "save it as plain text",
    ),
    ("epub", _zip("content.opf", first=("mimetype", "application/epub+zip")), "an EPUB e-book", "convert it"),
    ("zip", _zip("reports/a.txt"), "a zip archive", "unpack it and read the files inside"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document", "copy its text into a text file"),
    (
        "doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
        "an old Microsoft Office document (.doc, .xls or .ppt)",
        "save it as",
    ),
    ("rtf", b"{\\rtf1\\ansi Hello}", "an RTF document", "save it as plain text"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image", "copy the text out of the image"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image", "copy the text out of the image"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(16), "a gzip-compressed file", "decompress it first"),
]


@pytest.mark.parametrize(("kind", "content", "name", "advice"), BINARIES, ids=[b[0] for b in BINARIES])
def test_binary_formats_are_named_with_what_to_do(
    tmp_path: Path, kind: str, content: bytes, name: str, advice: str
) -> None:
    path = tmp_path / f"brief.{kind}"
    path.write_bytes(content)
    with pytest.raises(bm.BriefmodelError) as caught:
        bm.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path} is {name}, not a text file: ") and advice in message
    cause = message.removeprefix(str(path))
    assert "\n" not in cause and "UTF-8" not in cause and "binary" not in cause


# --------------------------------------------------------------------------- library: other paths


@pytest.mark.parametrize("function", [bm.parse, bm.parse_all])
def test_parse_of_bytes_says_to_decode_them(function: object) -> None:
    with pytest.raises(TypeError, match=r"takes the text as str, not bytes: decode it first") as caught:
        function(b"Title\n\nText.\n")  # type: ignore[operator]
    assert "briefmodel.load" in str(caught.value) and "startswith" not in str(caught.value)
    with pytest.raises(TypeError, match=r"not a path: read the file with briefmodel.load\(path\)"):
        function(SEED)  # type: ignore[operator]
    with pytest.raises(TypeError, match=r"takes the text as str, not NoneType"):
        function(None)  # type: ignore[operator]


def test_to_csl_json_takes_many_reports_one_item_per_source() -> None:
    first = bm.parse(
        "First Title\n\nDecember 1, 2024\n\nA said.[1] B said.[2]\n\n[1] https://t.me/a/1\n[2] https://t.me/b/2\n"
    )
    second = bm.parse("Second Title\n\nDecember 2, 2024\n\nC said.[1]\n\n[1] https://t.me/a/1\n")
    items = json.loads(bm.to_csl_json([first, second]))
    assert [item["URL"] for item in items] == ["https://t.me/a/1", "https://t.me/b/2"]
    assert items[0]["note"] == "Cited in First Title (2024-12-01), endnote 1; Second Title (2024-12-02), endnote 1"
    assert items[1] == bm.csl_items(first)[1]
    assert json.loads(bm.to_csl_json(r for r in [first, second])) == items  # any iterable, read once
    assert json.loads(bm.to_csl_json([])) == []
    assert bm.to_csl_json(first) == json.dumps(bm.csl_items(first), ensure_ascii=False)  # one report as before


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: bm.to_csl_json("a report"), "takes a Report or an iterable of reports, not str"),
        (lambda r: bm.to_csl_json([r, 3]), "not a int among them"),
        (lambda r: bm.csl_items([r]), "csl_items() takes one Report, not list: to_csl_json(reports)"),
    ],
    ids=["str", "list-with-junk", "csl-items-of-a-list"],
)
def test_csl_of_something_else_is_a_clear_type_error(call: object, message: str) -> None:
    report = bm.parse("Title\n")
    with pytest.raises(TypeError) as caught:
        call(report)  # type: ignore[operator]
    assert message in str(caught.value)
