"""What the fuzz harnesses check for each input; also replayed over every kept finding by ``test_fuzz_findings``.

Each check takes the raw bytes a fuzzer made and raises ``AssertionError`` (or
any other exception) when a contract breaks.
"""

import contextlib
import os
import tempfile

import briefmodel as bm

_FILE = os.path.join(tempfile.gettempdir(), f"briefmodel-fuzz-{os.getpid()}")


def check_parse(data: bytes) -> None:
    """The lenient parse never raises and round-trips; claims and sources read; strict raises only ParseError."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "replace")
    reports = bm.parse_all(text)
    assert "".join(bm.render(report) for report in reports) == text
    for report in reports:
        assert isinstance(report.claims, tuple) and isinstance(report.takeaways, tuple)
        assert all(isinstance(note.sources, tuple) for note in report.notes)
        assert bm.from_json(bm.to_json(report)) == report
    with contextlib.suppress(bm.ParseError):  # anything else fails the check
        bm.parse(text, strict=True)


def check_load(data: bytes) -> None:
    """``load`` of any bytes gives reports that render back to those bytes, or a one-line ``BriefmodelError``."""
    suffix = ".html" if data[:1] == b"<" else ".txt"
    path = _FILE + suffix
    with open(path, "wb") as handle:
        handle.write(data)
    try:
        reports = bm.load(path)
    except bm.BriefmodelError as error:
        assert "\n" not in str(error)
        return
    finally:
        os.unlink(path)
    if suffix == ".txt":
        assert "".join(bm.render(report) for report in reports).encode("utf-8") == data


def check_html(data: bytes) -> None:
    """``parse_html`` reads any markup: its report is the page's text view, which round-trips like plain text."""
    html = data.decode("utf-8", "replace")
    report = bm.parse_html(html)
    text = bm.html_to_text(html)
    assert bm.render(report) == text
    assert bm.render(bm.parse(text)) == text
    assert isinstance(report.claims, tuple)
    assert all(isinstance(note.sources, tuple) for note in report.notes)
