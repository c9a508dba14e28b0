"""Strict mode: each invalid fixture raises ParseError with its code, line and column."""

import pickle
import re
from pathlib import Path

import pytest

import briefmodel as bm

_CASE = re.compile(
    r"^## (?P<name>[^\n]+)\n(?P<code>[A-Z_]+) (?P<line>\d+):(?P<column>\d+)\n\.\n(?P<text>.*?)^\.$", re.M | re.S
)
_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|([nrtv]))")
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)) if (m[1] or m[2]) else _SIMPLE[m[3]], text)


def _cases() -> list[tuple[str, str, int, int, str]]:
    source = (Path(__file__).parent / "fixtures" / "strict.txt").read_text(encoding="utf-8")
    cases = []
    for match in _CASE.finditer(source):
        text = match["text"]
        text = _unescape(text[:-1] if "\\r" in text else text)
        cases.append((match["name"], match["code"], int(match["line"]), int(match["column"]), text))
    return cases


CASES = _cases()


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 40
    assert len({code for _, code, *_ in CASES}) >= 12


@pytest.mark.parametrize(("name", "code", "line", "column", "text"), CASES, ids=[c[0] for c in CASES])
def test_strict_raises_with_code_line_and_column(name: str, code: str, line: int, column: int, text: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.parse(text, strict=True)
    error = caught.value
    assert (error.code, error.line, error.column) == (code, line, column), str(error)
    assert isinstance(error, ValueError) and isinstance(error, bm.BriefmodelError)
    lines = str(error).split("\n")
    assert lines[0].startswith(f"{code}: ")
    if len(lines) == 3:  # message, the line, the caret under the column
        assert len(lines[1]) <= 4 + 120
        assert lines[2].index("^") - 4 == error.column - 1 or len(lines[1]) - 4 == 120
    # lenient mode keeps the same problem as data and round-trips
    report = bm.parse(text)
    assert any(d.code == code for d in report.diagnostics)
    assert bm.render(report) == text


def test_parse_error_pickles() -> None:
    error = bm.ParseError("CALLOUT_UNRESOLVED", "no note", line=3, column=7, snippet="abc [2]")
    again = pickle.loads(pickle.dumps(error))
    assert (again.code, again.line, again.column, again.snippet, str(again)) == (
        error.code,
        error.line,
        error.column,
        error.snippet,
        str(error),
    )


def test_strict_accepts_a_clean_report() -> None:
    text = "A Title Line\n\nDecember 1, 2024\n\nRussian forces advanced near Pokrovsk on December 1.[1]\n\nEndnotes\n[1] https://t.me/rybar/1\n"
    report = bm.parse(text, strict=True)
    assert [c.note.label for c in report.citations if c.note] == ["1"]


def test_strict_parse_all_raises_on_the_seed(seed_text: str) -> None:
    with pytest.raises(bm.ParseError) as caught:
        bm.parse_all(seed_text, strict=True)
    assert caught.value.code == "ENDNOTES_MISSING"
