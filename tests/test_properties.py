"""The contracts as properties: lossless, meaning round trip, JSON round trip, truthful spans, lenient parse."""

import re

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import briefmodel as bm

from .strategies import any_texts, brief_texts, report_parts

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Line and column by a different method than the parser's: count breaks before the offset."""
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    # a CRLF split by the offset would count its CR alone; spans never start between CR and LF
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def _check_spans(report: bm.Report) -> None:
    text = report.text
    for span in report.iter_spans():
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert (span.line, span.column) == _line_and_column(text, span.start)
    for item in (*report.citations, *report.notes, *report.claims):
        attrs.validate(item)  # the parser makes these without their validators: they must hold anyway
    assert len(report.line_starts) == len(report.blocks)
    for index, (block, start) in enumerate(zip(report.blocks, report.line_starts, strict=True)):
        assert text[start : start + len(block.text) + len(block.newline)] == block.text + block.newline
        assert _line_and_column(text, start) == (index + 1, 1)


@given(any_texts)
@example("")
@example("\ufeff")
@example("\r\n\r")
@example("[1]\n[1]")
@example("x.[1[2]]\n\n[1] a")
@example("Key Takeaways\n  • A takeaway.[1[2]]\n")
@example("Share the Post:\nWilson Center\n")
def test_lossless_for_any_text(text: str) -> None:
    reports = bm.parse_all(text)
    assert "".join(bm.render(r) for r in reports) == text
    assert bm.render(bm.parse(text)) == text
    assert sum(len(r.text) + r.bom for r in reports) == len(text)


@given(any_texts)
def test_lenient_parse_never_raises_and_reads_everything(text: str) -> None:
    for report in bm.parse_all(text):
        for note in report.notes:
            assert isinstance(note.sources, tuple)
        assert isinstance(report.claims, tuple)
        assert isinstance(report.sources, tuple)
        repr(report)


@given(brief_texts())
def test_every_span_tells_the_truth(text: str) -> None:
    for report in bm.parse_all(text):
        _check_spans(report)


@given(brief_texts())
def test_strict_raises_only_parse_error(text: str) -> None:
    try:
        bm.parse_all(text, strict=True)
    except bm.ParseError as error:
        assert error.line >= 1 and error.column >= 1
        assert any(d.code == error.code for r in bm.parse_all(text) for d in r.diagnostics)


@given(report_parts())
def test_a_built_report_carries_its_meaning_and_parses_back_equal(parts: dict[str, object]) -> None:
    report = bm.build_report(**parts)  # type: ignore[arg-type]
    assert report.title == parts["title"]
    assert report.authors == parts["authors"]
    assert report.published == parts["published"]
    assert [t.text for t in report.takeaways] == parts["takeaways"]
    assert [n.text for n in report.notes] == parts["notes"]
    assert [b.text for b in report.blocks if b.kind is bm.BlockKind.PARAGRAPH] == parts["paragraphs"]
    assert bm.parse(bm.render(report)) == report
    _check_spans(report)


@given(brief_texts())
def test_json_round_trip_of_parsed_reports(text: str) -> None:
    for report in bm.parse_all(text):
        assert bm.from_json(bm.to_json(report)) == report


@given(report_parts())
@example(  # a sentence of capitalized words joined by "and" read as a byline
    {
        "title": None,
        "publisher": None,
        "authors": (),
        "published": None,
        "paragraphs": ["Russian Russian Russian and Russian Russian."],
        "takeaways": [],
        "notes": [],
    }
)
def test_json_round_trip_of_built_reports(parts: dict[str, object]) -> None:
    report = bm.build_report(**parts)  # type: ignore[arg-type]
    again = bm.from_json(bm.to_json(report))
    assert again == report
    assert all(c.note is None or c.note in again.notes for c in again.citations)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "Two\nlines", "line break"),
        ("title", "Two\rlines", "line break"),
        ("takeaways", ["Russian forces advanced near Pokrovsk.[3]"], "callout"),
        ("paragraphs", ["One paragraph\nthat breaks."], "line break"),
        ("publisher", "Some Unknown Shop", "unknown publisher"),
        ("paragraphs", ["Key Takeaways"], "reads back as"),
        ("title", "December 14, 2024", "reads back as"),
    ],
)
def test_values_the_format_cannot_carry_are_refused_when_built(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bm.build_report(**{field: value})  # type: ignore[arg-type]


@given(st.sampled_from(["[3]", "[12]", "[007]"]))
def test_model_validators_refuse_callouts_in_takeaway_text(callout: str) -> None:
    span = bm.Span(start=0, end=1, text="x", line=1, column=1)
    with pytest.raises(ValueError, match="callout"):
        bm.Takeaway(text=f"It happened.{callout}", span=span)


def test_model_validators_refuse_untruthful_spans() -> None:
    with pytest.raises(ValueError, match="does not match its text"):
        bm.Span(start=0, end=5, text="abc", line=1, column=1)
    with pytest.raises(ValueError):
        bm.Span(start=0, end=3, text="abc", line=0, column=1)
    with pytest.raises(ValueError, match="line break"):
        bm.Block(kind=bm.BlockKind.PARAGRAPH, text="a\nb")
