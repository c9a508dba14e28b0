"""Reading files (bytes kept exactly) and the command line."""

import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._cli import main

from .conftest import SEED


@pytest.mark.parametrize(
    "raw",
    [
        b"\xef\xbb\xbfA Title Line\r\n\r\nDecember 1, 2024\r\n\r\nRussian forces advanced.[1]\r\n\r\n[1] https://t.me/a/1\r\n",
        b"A Title Line\rDecember 1, 2024\rRussian forces advanced near Kreminna.[1]\r[1] https://t.me/a/1",
        b"",
        b"\xef\xbb\xbf",
    ],
    ids=["bom-crlf", "cr-no-final-newline", "empty", "bom-only"],
)
def test_load_keeps_every_byte(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(raw)
    reports = bm.load(path)
    assert "".join(bm.render(r) for r in reports).encode("utf-8") == raw
    assert reports[0].bom == raw.startswith(b"\xef\xbb\xbf")
    assert not any(r.text.startswith("\ufeff") for r in reports)


def test_load_resolves_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes(
        b"A Title Line\r\n\r\nDecember 1, 2024\r\n\r\nRussian forces advanced.[1]\r\n\r\n[1] https://t.me/a/1\r\n"
    )
    (report,) = bm.load(path)
    assert report.citations[0].note is report.notes[0]
    assert report.notes[0].text == "https://t.me/a/1"
    assert report.citations[0].span.line == 5


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"A Title Line\n\nbad \xff byte\n")
    with pytest.raises(bm.BriefmodelError, match=r"not valid UTF-8: byte 0xff at offset 18"):
        bm.load(path)


def test_missing_file_is_a_briefmodel_error(tmp_path: Path) -> None:
    with pytest.raises(bm.BriefmodelError, match="cannot read"):
        bm.load(tmp_path / "nope.txt")


def test_show_prints_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Title:     N. Korean soldiers ’taking part’ in offensive operations in Kursk" in out
    assert "Publisher: Institute for the Study of War" in out
    assert "Published: 2024-12-14" in out
    assert "Counts:    22 citations, 0 notes, 0 sources, 8 takeaways," in out
    assert "Resolved:  0 of 22 citations (0%)" in out
    assert "  8. Russian President Vladimir Putin continues to exalt" in out
    assert "CALLOUT_UNRESOLVED (warning) x22" in out
    assert "BRACKET_NOT_CALLOUT (info) x6" in out
    assert "report 2 of 2" in out and "Publisher: Wilson Center" in out and "REPORT_NO_DATE (warning) x1" in out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "cannot read"),
        (lambda p: p.mkdir(), "cannot read"),
        (lambda p: p.write_bytes(b"\x80\x81 binary"), "not valid UTF-8"),
    ],
    ids=["missing", "directory", "not-utf8"],
)
def test_bad_input_is_one_line_and_status_2(tmp_path: Path, setup: object, message: str) -> None:
    path = tmp_path / "input.txt"
    setup(path)  # type: ignore[operator]
    run = subprocess.run([sys.executable, "-m", "briefmodel", "show", str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and message in run.stderr
    assert "Traceback" not in run.stderr


def test_usage_errors_exit_2() -> None:
    run = subprocess.run([sys.executable, "-m", "briefmodel"], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
