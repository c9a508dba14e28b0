"""Every error path of reading files and of the command line: one line, no traceback, nothing lost.

The library part: files in UTF-16 and UTF-32 are read and said so; Word, PDF,
zip and other binary files are named with what to do; ``parse(bytes)`` and
``to_csl_json([reports])`` answer clearly. The command-line part: exit statuses,
``-`` for standard input, ``--version``, many files for ``show``, ``render`` of
bad JSON Lines, outputs replaced only when complete, Ctrl-C, streaming.
"""

import errno
import importlib.metadata
import io
import json
import os
import shlex
import signal
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

import briefmodel as bm
from briefmodel._cli import main, reading
from briefmodel._model.diagnostics import CLAIM_CODES, Code, diagnostic_order

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


# --------------------------------------------------------------------------- command line: helpers

CLEAN = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[1]\n\n"
    "Endnotes\n[1] https://t.me/GeneralStaffZSU/1\n"
)
SECOND = (
    "Russian Offensive Campaign Assessment, December 15, 2024\n\n"
    "Russian forces advanced near Kupyansk on December 15, the Ukrainian General Staff reported.[1]\n\n"
    "Endnotes\n[1] https://t.me/GeneralStaffZSU/2\n"
)


def run(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    result = subprocess.run(
        [sys.executable, "-m", "briefmodel", *args],
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=environment,
    )
    assert "Traceback" not in result.stderr
    return result


def run_bytes(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run([sys.executable, "-m", "briefmodel", *args], input=stdin, capture_output=True)
    assert b"Traceback" not in result.stderr
    return result


def one_error(stderr: str) -> str:
    """The one line of an error on standard error, checked to be one line in the usual form."""
    assert stderr.count("\n") == 1 and stderr.startswith("briefmodel: "), stderr
    return stderr.rstrip("\n")


def jsonl(*texts: str) -> str:
    return "".join(bm.to_json(bm.parse(text)) + "\n" for text in texts)


def no_partial_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".partial")]


# --------------------------------------------------------------------------- command line: bad input is one line


@pytest.mark.parametrize("command", ["show", "parse", "check"])
@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (None, "cannot read"),
        (b"\x80 not UTF-8\n", "is not valid UTF-8: byte 0x80 at offset 0"),
        (b"GARBAGE\x01\x02\x00\x03 and more", "looks binary: a NUL byte at offset 9"),
        (
            "Title line\n\nText here.\n".encode("utf-16-le"),
            "looks like UTF-16 (little-endian) without a byte-order mark",
        ),
        (BINARIES[0][1], "is a Word document (.docx), not a text file: save it as plain text or HTML first"),
        (BINARIES[6][1], "is a PDF document, not a text file"),
        (BINARIES[5][1], "is a zip archive, not a text file: unpack it"),
    ],
    ids=["missing", "not-utf8", "nul", "utf16-no-mark", "docx", "pdf", "zip"],
)
def test_bad_input_is_one_line_naming_the_file_and_status_2(
    tmp_path: Path, command: str, content: bytes | None, cause: str
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run(command, str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert one_error(result.stderr).startswith("briefmodel: error: ") and str(path) in result.stderr
    assert cause in result.stderr


def test_many_files_go_on_past_a_bad_one(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CLEAN, encoding="utf-8")
    docx = tmp_path / "report.docx"
    docx.write_bytes(BINARIES[0][1])
    result = run("parse", "--json", str(docx), str(good))
    assert result.returncode == 2
    assert [bm.from_json(line) for line in result.stdout.splitlines()] == [bm.parse(CLEAN)]
    assert "report.docx is a Word document" in one_error(result.stderr)


@pytest.mark.parametrize(
    ("args", "cause"),
    [
        (["parse", "-o", "{folder}"], "cannot write {folder}: it is a folder"),
        (
            ["parse", "-o", "{folder}/missing/out.txt"],
            "cannot write {folder}/missing/out.txt: No such file or directory",
        ),
        (["render", "-o", "{folder}"], "cannot write {folder}: it is a folder"),
    ],
    ids=["parse-to-a-folder", "parse-below-a-missing-folder", "render-to-a-folder"],
)
def test_an_output_that_cannot_be_written_is_one_line(tmp_path: Path, args: list[str], cause: str) -> None:
    source = tmp_path / "in.txt"
    source.write_text(CLEAN, encoding="utf-8")
    if args[0] == "render":
        source = tmp_path / "in.jsonl"
        source.write_text(jsonl(CLEAN), encoding="utf-8")
    result = run(*[a.format(folder=tmp_path) for a in args], str(source))
    assert result.returncode == 2 and result.stdout == ""
    assert one_error(result.stderr) == f"briefmodel: error: {cause.format(folder=tmp_path)}"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk_behind_standard_output_is_one_line() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "briefmodel", "parse", "--json", str(SEED)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert one_error(result.stderr) == "briefmodel: error: cannot write standard output: No space left on device"


def test_a_bug_is_one_line_with_status_70(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("something\nunexpected")

    monkeypatch.setattr("briefmodel._cli.commands.text_reports", broken)
    assert main(["check", str(SEED)]) == 70
    line = one_error(capsys.readouterr().err)
    assert line.startswith("briefmodel: internal error: ValueError: something unexpected (a bug in briefmodel")
    assert "BRIEFMODEL_TRACEBACK=1" in line
    monkeypatch.setenv("BRIEFMODEL_TRACEBACK", "1")
    with pytest.raises(ValueError, match="something"):
        main(["check", str(SEED)])


def test_usage_errors_are_status_2_without_a_traceback() -> None:
    result = run("parse")
    assert result.returncode == 2 and "the following arguments are required: FILE" in result.stderr
    result = run("render", "--to", "pdf", str(SEED))
    assert result.returncode == 2 and "invalid choice: 'pdf'" in result.stderr


# --------------------------------------------------------------------------- command line: Ctrl-C


def test_ctrl_c_is_one_line_status_130_and_the_old_output_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text(SECOND, encoding="utf-8")
    real = reading.text_reports

    def interrupted(path: str, **kwargs: bool) -> object:
        if path == str(second):
            raise KeyboardInterrupt
        return real(path, **kwargs)

    monkeypatch.setattr("briefmodel._cli.commands.text_reports", interrupted)
    assert main(["parse", "--json", str(SEED), str(second), "-o", str(out)]) == 130
    assert capsys.readouterr().err == "briefmodel: interrupted\n"
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert no_partial_files(tmp_path)


def test_ctrl_c_during_render_leaves_the_old_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl(CLEAN, SECOND, CLEAN), encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("the previous output\n", encoding="utf-8")
    calls = []

    def interrupted(data: object) -> bm.Report:
        calls.append(data)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return bm.from_json(data)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "from_json", interrupted)
    assert main(["render", str(source), "-o", str(out)]) == 130
    assert capsys.readouterr().err == "briefmodel: interrupted\n"
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert no_partial_files(tmp_path)


def test_a_real_sigint_is_status_130_and_leaves_the_old_output(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((CLEAN + "\n" + SECOND + "\n") * 3000, encoding="utf-8")  # 6,000 reports: many seconds of JSON
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "parse", "--json", str(big), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until it is writing: its temporary file has reports in it
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
        if partial and partial[0].stat().st_size > 0:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert (stdout, stderr) == ("", "briefmodel: interrupted\n")
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert no_partial_files(tmp_path)


# --------------------------------------------------------------------------- command line: render


def test_render_writes_every_good_report_and_lists_the_bad_lines(tmp_path: Path) -> None:
    good_first, good_last = jsonl(CLEAN).rstrip("\n"), jsonl(SECOND).rstrip("\n")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join([good_first, '{"schema_version": 1, "notes": 3}', "", "not json", good_last]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    result = run("render", str(source), "-o", str(out))
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"briefmodel: error: {source} line 2 is not a report: ") and "$.notes" in lines[0]
    assert lines[1].startswith(f"briefmodel: error: {source} line 4 is not a report: ")
    assert out.read_text(encoding="utf-8") == CLEAN + SECOND  # every good report, in order
    to_stdout = run("render", str(source))
    assert (to_stdout.returncode, to_stdout.stdout, to_stdout.stderr) == (2, CLEAN + SECOND, result.stderr)


def test_render_of_an_array_lists_the_bad_items(tmp_path: Path) -> None:
    items = [bm.to_dict(bm.parse(CLEAN)), {"schema_version": 7}, bm.to_dict(bm.parse(SECOND))]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(items, indent=2), encoding="utf-8")
    result = run("render", str(source))
    assert result.returncode == 2 and result.stdout == CLEAN + SECOND
    assert one_error(result.stderr).startswith(f"briefmodel: error: {source}[1] is not a report: ")


@pytest.mark.parametrize("content", ["", "\n\n  \n", "[]"], ids=["empty", "blank-lines", "empty-array"])
def test_render_of_no_report_is_bad_input_and_keeps_the_old_output(tmp_path: Path, content: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    result = run("render", str(source), "-o", str(out))
    assert result.returncode == 2 and result.stdout == ""
    assert one_error(result.stderr) == f"briefmodel: error: {source} holds no report: it is empty"
    assert out.read_text(encoding="utf-8") == "old\n" and no_partial_files(tmp_path)


def test_render_of_a_missing_file_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    result = run("render", str(tmp_path / "typo.jsonl"), "-o", str(out))
    assert result.returncode == 2 and "cannot read" in one_error(result.stderr)
    assert out.read_text(encoding="utf-8") == "old\n" and no_partial_files(tmp_path)


def test_a_surrogate_is_refused_with_one_line_and_never_truncates(tmp_path: Path) -> None:
    odd = bm.parse("A Title Line\n\nBad \udc80 byte.\n")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(bm.to_dict(odd)) + "\n", encoding="ascii")  # \udc80 escaped: valid JSON
    assert bm.from_json(source.read_bytes()) == odd
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    result = run("render", str(source), "-o", str(out))
    assert result.returncode == 2
    assert one_error(result.stderr) == (
        f"briefmodel: error: {source} line 1 cannot be written as UTF-8: its text holds U+DC80 "
        "(a lone surrogate) at line 3, column 5"
    )
    assert out.read_text(encoding="utf-8") == "old\n" and no_partial_files(tmp_path)
    source.write_text(jsonl(CLEAN) + json.dumps(bm.to_dict(odd)) + "\n" + jsonl(SECOND), encoding="utf-8")
    result = run("render", str(source), "-o", str(out))
    assert result.returncode == 2 and "line 2 cannot be written as UTF-8" in one_error(result.stderr)
    assert out.read_text(encoding="utf-8") == CLEAN + SECOND


@pytest.mark.parametrize(
    ("encode", "shape"),
    [
        (lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), "bom"),
        (lambda text: text.encode("utf-16"), "utf-16"),
        (lambda text: text.encode("utf-16-be"), "utf-16-be-no-mark"),
        (lambda text: text.encode("utf-32"), "utf-32"),
    ],
    ids=["utf8-bom", "utf16", "utf16be", "utf32"],
)
@pytest.mark.parametrize("layout", ["object", "indented", "lines"])
def test_render_reads_what_from_json_reads(tmp_path: Path, encode: object, shape: str, layout: str) -> None:
    report = bm.parse(CLEAN)
    text = {"object": bm.to_json(report), "indented": bm.to_json(report, indent=2), "lines": jsonl(CLEAN, SECOND)}[
        layout
    ]
    data = encode(text)  # type: ignore[operator]
    source = tmp_path / "in.json"
    source.write_bytes(data)
    result = run("render", str(source))
    if layout != "lines":
        assert bm.from_json(data) == report  # the library reads it, so the command line does
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (CLEAN + SECOND if layout == "lines" else CLEAN)


def test_json_nested_too_deep_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "deep.jsonl"
    source.write_text(jsonl(CLEAN) + '{"a": ' * 100_000 + "\n", encoding="utf-8")
    result = run("render", str(source))
    assert result.returncode == 2 and result.stdout == CLEAN
    assert one_error(result.stderr).startswith(f"briefmodel: error: {source} line 2 is not a report: ")
    array = tmp_path / "deep.json"
    array.write_text("[" * 100_000, encoding="utf-8")
    result = run("render", str(array))
    assert result.returncode == 2 and one_error(result.stderr).startswith(f"briefmodel: error: {array} is not a report")


# --------------------------------------------------------------------------- command line: -, --version, show


@pytest.mark.parametrize("command", ["show", "parse", "check"])
def test_dash_reads_standard_input(command: str) -> None:
    data = SEED.read_bytes()
    from_file = run(command, str(SEED))
    from_stdin = run(command, "-", stdin=data)
    assert from_stdin.returncode == from_file.returncode
    assert from_stdin.stdout == from_file.stdout.replace(str(SEED), "<stdin>")


def test_dash_reads_standard_input_for_render_and_parse_json_round_trips() -> None:
    data = SEED.read_bytes()
    lines = run_bytes("parse", "--json", "-", stdin=data)
    assert lines.returncode == 0
    again = run_bytes("render", "-", stdin=lines.stdout)
    assert (again.returncode, again.stdout, again.stderr) == (0, data, b"")


def test_dash_names_standard_input_in_errors_and_is_read_once() -> None:
    result = run_bytes("check", "-", stdin=BINARIES[6][1])
    assert one_error(result.stderr.decode()).startswith("briefmodel: error: <stdin> is a PDF document")
    twice = run("parse", "-", "-", stdin=b"x")
    assert twice.returncode == 2
    assert one_error(twice.stderr) == "briefmodel: error: - (standard input) is named more than once"


def test_version_prints_the_installed_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"briefmodel {importlib.metadata.version('briefmodel')}\n")


def test_show_takes_many_files(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    result = run("show", str(clean), str(tmp_path / "missing.txt"), str(SEED))
    assert result.returncode == 2 and "missing.txt" in one_error(result.stderr)
    assert result.stdout.startswith(f"==> {clean} <==\nTitle:     Russian Offensive Campaign Assessment, December 14")
    assert f"\n\n==> {SEED} <==\n-------- report 1 of 2 --------\n" in result.stdout
    assert f"==> {tmp_path / 'missing.txt'} <==" in result.stdout
    alone = run("show", str(clean))
    assert alone.stdout.startswith("Title:") and "==>" not in alone.stdout


def test_the_command_line_reads_utf16_as_the_library_does(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(read_exact(SEED).encode("utf-16"))
    check = run("check", "--info", str(path))
    assert f"{path}:1:1: info TEXT_DECODED: decoded from UTF-16 (little-endian) by its byte-order mark" in check.stdout
    assert "TEXT_DECODED (info) x1" in run("show", str(path)).stdout
    lines = run_bytes("parse", "--json", str(path))
    assert [bm.from_json(line) for line in lines.stdout.splitlines()] == list(bm.load(path))
    assert run_bytes("render", "-", stdin=lines.stdout).stdout == SEED.read_bytes()  # the decoded text, as UTF-8


# --------------------------------------------------------------------------- command line: streaming and check


def test_parse_json_writes_each_report_before_reading_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "many.txt"
    path.write_text((CLEAN + "\n" + SECOND + "\n") * 3, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    real = reading.iter_reports
    written = []

    def watched(*args: object, **kwargs: bool) -> Iterator[bm.Report]:
        for report in real(*args, **kwargs):  # type: ignore[arg-type]
            (partial,) = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
            written.append(partial.read_bytes().count(b"\n"))
            yield report

    monkeypatch.setattr(reading, "iter_reports", watched)
    monkeypatch.setattr("briefmodel._cli.output._BUFFER", 0)  # unbuffered: the file shows what was written
    assert main(["parse", "--json", str(path), "-o", str(out)]) == 0
    assert written == [0, 1, 2, 3, 4, 5]  # each report was out before the next one was read
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


def _peak(function: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_render_of_json_lines_holds_one_report_at_a_time(tmp_path: Path) -> None:
    one = bm.to_json(bm.parse(read_exact(SEED))) + "\n"
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text(one * 2, encoding="utf-8")
    large.write_text(one * 40, encoding="utf-8")
    out = tmp_path / "out.txt"
    peaks = [_peak(lambda source=source: main(["render", str(source), "-o", str(out)])) for source in (small, large)]
    assert out.read_bytes() == SEED.read_bytes() * 40
    assert peaks[1] < 3 * peaks[0], peaks  # 20x the reports: about the same memory


def test_parse_json_of_many_documents_holds_one_report_at_a_time(tmp_path: Path) -> None:
    seed = read_exact(SEED)
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(seed * 10, encoding="utf-8")  # 20 reports
    large.write_text(seed * 100, encoding="utf-8")  # 200 reports
    out = tmp_path / "out.jsonl"
    main(["parse", "--json", str(small), "-o", str(out)])  # the tables read on first use are loaded
    streamed = [
        _peak(lambda path=path: main(["parse", "--json", str(path), "-o", str(out)])) for path in (small, large)
    ]

    def held(path: Path) -> None:
        reports = bm.load(path)
        _ = [bm.to_json(report) for report in reports]

    all_at_once = [_peak(lambda path=path: held(path)) for path in (small, large)]
    grown = large.stat().st_size - small.stat().st_size
    # streaming grows with the text and its lines (a few bytes a byte), holding every report with much more
    assert streamed[1] - streamed[0] < 7 * grown, (streamed, grown)
    assert all_at_once[1] - all_at_once[0] > 2 * (streamed[1] - streamed[0]), (all_at_once, streamed)


def test_check_without_info_reads_no_claims(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = run("check", str(SEED))

    def no_claims(report: object) -> None:
        raise AssertionError("check read the claims")

    monkeypatch.setattr("briefmodel._model.deferred.report_claims", no_claims)
    assert main(["check", str(SEED)]) == expected.returncode == 1
    assert capsys.readouterr().out == expected.stdout
    # reading claims adds only diagnostics of severity info: without --info, nothing is missed
    assert all(Code[name].severity is bm.Severity.INFO for name in CLAIM_CODES)


def test_sigterm_is_status_143_and_leaves_the_old_output(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((CLEAN + "\n" + SECOND + "\n") * 3000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefmodel", "parse", "--json", str(big), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
        if partial and partial[0].stat().st_size > 0:
            break
        time.sleep(0.02)
    process.terminate()
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (143, "", "briefmodel: stopped by SIGTERM\n")
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert no_partial_files(tmp_path)


def test_closed_standard_input_is_one_line() -> None:
    command = f"exec {shlex.quote(sys.executable)} -m briefmodel show - <&-"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True)
    assert result.returncode == 2
    assert one_error(result.stderr) == "briefmodel: error: cannot read <stdin>: standard input is closed"


def test_a_terminal_that_cannot_show_a_character_gets_it_escaped() -> None:
    result = run("show", str(SEED), PYTHONIOENCODING="ascii")
    assert result.returncode == 0 and result.stderr == ""
    assert "Title:     N. Korean soldiers \\u2019taking part\\u2019 in offensive operations in Kursk" in result.stdout


def test_a_full_disk_under_an_output_file_is_one_line_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("the previous output\n", encoding="utf-8")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("briefmodel._cli.output.os.fsync", full)
    assert main(["parse", "--json", str(SEED), "-o", str(out)]) == 2
    assert one_error(capsys.readouterr().err) == f"briefmodel: error: cannot write {out}: No space left on device"
    assert out.read_text(encoding="utf-8") == "the previous output\n" and no_partial_files(tmp_path)


def test_an_output_below_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("parse", str(SEED), "-o", str(tmp_path / "file" / "out.txt"))
    assert result.returncode == 2
    assert (
        one_error(result.stderr) == f"briefmodel: error: cannot write {tmp_path / 'file' / 'out.txt'}: Not a directory"
    )


def test_an_output_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run("parse", str(SEED), "-o", str(out)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_text(encoding="utf-8").count("<Report") == 2
    fresh = tmp_path / "fresh.txt"
    assert run("parse", str(SEED), "-o", str(fresh)).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_utf16_page_is_decoded_and_read_as_html(tmp_path: Path) -> None:
    pytest.importorskip("selectolax.lexbor")
    page = "<html><body><h1>Iran Update, December 15, 2024</h1><p>Officials said so.[1]</p><p>[1] https://t.me/a/1</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16"))
    (report,) = bm.load(path)
    assert report == attrs.evolve(bm.parse_html(page), diagnostics=report._diagnostics)
    assert [d.code for d in report.diagnostics if d.code == "TEXT_DECODED"] == ["TEXT_DECODED"]
    assert [d for d in report._diagnostics if d.code != "TEXT_DECODED"] == list(bm.parse_html(page)._diagnostics)


def test_an_output_that_is_a_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run("parse", str(SEED), "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").count("<Report") == 2


def test_an_array_is_read_as_strictly_as_from_json(tmp_path: Path) -> None:
    item = bm.to_json(bm.parse(CLEAN))
    duplicated = item.replace('{"schema_version": 1,', '{"schema_version": 1, "schema_version": 1,', 1)
    with pytest.raises(bm.DataError, match="duplicate"):
        bm.from_json(duplicated)
    source = tmp_path / "in.json"
    source.write_text(f"[{item}, {duplicated}]", encoding="utf-8")
    result = run("render", str(source))
    assert result.returncode == 2 and result.stdout == ""
    line = one_error(result.stderr)
    assert line.startswith(f"briefmodel: error: {source} is not a report: ") and "duplicate" in line and "$[1]" in line
