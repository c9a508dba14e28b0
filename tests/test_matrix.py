"""The Unicode and line-end matrix: every combination of line end, BOM, final line end and payload round-trips.

Each case is one small brief (title, date line, a sentence with a callout, the
endnotes) whose lines are joined by one kind of line end and which carries one
payload in its title, its sentence and its note. For every combination: the text
renders back exactly (and, where it can be encoded, its UTF-8 bytes load back);
spans tell the truth, with lines counted at ``\\n``, ``\\r\\n`` and ``\\r`` only;
callouts resolve when the line ends are real ones; and no digit but ASCII makes
a callout.
"""

import itertools
from pathlib import Path

import pytest

import briefmodel as bm

from .test_properties import _check_spans

LINE_ENDS = {
    "LF": "\n",
    "CRLF": "\r\n",
    "CR": "\r",
    "mixed": None,  # LF, CRLF and CR in turn, never a CR before an empty line's LF (that is one CRLF)
    "VT": "\v",
    "FF": "\f",
    "FS": "\x1c",
    "GS": "\x1d",
    "RS": "\x1e",
    "NEL": "\x85",
    "LS": "\u2028",
    "PS": "\u2029",
}
REAL_ENDS = {"LF", "CRLF", "CR", "mixed"}
"""The only line ends: the others are characters inside a line."""
PAYLOADS = {
    "none": "",
    "NBSP": "\u00a0",
    "NNBSP": "\u202f",
    "ZWSP": "\u200b",
    "ZWJ": "\u200d",
    "WJ": "\u2060",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "combining accent": "e\u0301",
    "fullwidth digits in brackets": "[\uff11]",
    "Arabic-Indic digits in brackets": "[\u0661]",
    "NUL": "\x00",
    "lone surrogate": "\ud800",
}
LINES = [
    "Russian Offensive Campaign Assessment{p}, December 14, 2024",
    "",
    "December 14, 2024",
    "",
    "Russian forces{p} advanced near Pokrovsk on December 13.[1]",
    "",
    "Endnotes",
    "[1] https://t.me/rybar/1{p} ",
]


def _brief(end: str, payload: str, bom: bool, final: bool) -> str:
    lines = [line.format(p=payload) for line in LINES]
    if LINE_ENDS[end] is None:
        breaks = ["\n", "\r\n", "\r", "\r\n", "\n", "\r", "\r\n"]
        text = "".join(map(str.__add__, lines[:-1], breaks)) + lines[-1] + ("\r\n" if final else "")
    else:
        newline = LINE_ENDS[end]
        text = newline.join(lines) + (newline if final else "")
    return ("\ufeff" if bom else "") + text


CASES = list(itertools.product(LINE_ENDS, PAYLOADS, [False, True], [False, True]))


def test_the_matrix_is_whole() -> None:
    assert len(CASES) == 12 * 13 * 2 * 2


@pytest.mark.parametrize(("end", "payload", "bom", "final"), CASES)
def test_every_combination_round_trips(end: str, payload: str, bom: bool, final: bool, tmp_path: Path) -> None:
    text = _brief(end, PAYLOADS[payload], bom, final)
    report = bm.parse(text)
    assert bm.render(report) == text
    assert "".join(bm.render(r) for r in bm.parse_all(text)) == text
    _check_spans(report)
    assert bm.from_json(bm.to_json(report)) == report
    assert all(c.span.text.isascii() for c in report.citations)  # marker digits are ASCII only
    if end in REAL_ENDS:
        assert [c.label for c in report.citations] == ["1"]
        assert report.citations[0].note is not None
        assert report.published is not None and report.published.isoformat() == "2024-12-14"
        assert len(report.blocks) == len(LINES)
        assert bool(report.blocks[-1].newline) is final
    else:
        assert len(report.blocks) == 1  # one line: no callout can resolve to a note on the same line
    if payload != "lone surrogate":  # the one payload UTF-8 cannot carry
        path = tmp_path / "brief.txt"
        path.write_bytes(text.encode("utf-8"))
        (loaded,) = bm.load(path)
        assert bm.render(loaded) == text
        assert path.read_bytes() == bm.render(loaded).encode("utf-8")
