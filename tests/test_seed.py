"""The seed: an ISW brief with 22 callouts and no endnotes, then an unrelated Wilson Center piece."""

import datetime as dt
from collections import Counter

import pytest

import briefmodel as bm
from briefmodel import BlockKind, Severity


@pytest.fixture(scope="module")
def reports(seed_text: str) -> tuple[bm.Report, ...]:
    return bm.parse_all(seed_text)


def test_two_reports_that_render_back_to_the_seed(reports: tuple[bm.Report, ...], seed_text: str) -> None:
    assert len(reports) == 2
    assert "".join(bm.render(r) for r in reports) == seed_text


def test_isw_header(reports: tuple[bm.Report, ...]) -> None:
    isw = reports[0]
    assert isw.title == "N. Korean soldiers ’taking part’ in offensive operations in Kursk"
    assert isw.publisher == "Institute for the Study of War"
    assert isw.published == dt.date(2024, 12, 14)
    assert [b.kind for b in isw.blocks[:5]] == [
        BlockKind.DATELINE,
        BlockKind.BLANK,
        BlockKind.TITLE,
        BlockKind.BLANK,
        BlockKind.PUBLISHER,
    ]


def test_isw_citations_are_1_to_22_in_order_and_unresolved(reports: tuple[bm.Report, ...]) -> None:
    isw = reports[0]
    assert [c.label for c in isw.citations] == [str(n) for n in range(1, 23)]
    assert [c.number for c in isw.citations] == list(range(1, 23))
    assert all(c.note is None for c in isw.citations)
    assert isw.notes == ()
    codes = Counter(d.code for d in isw.diagnostics)
    assert codes["ENDNOTES_MISSING"] == 1
    assert codes["CALLOUT_UNRESOLVED"] == 22
    unresolved = [d for d in isw.diagnostics if d.code == "CALLOUT_UNRESOLVED"]
    assert all(d.severity is Severity.WARNING for d in unresolved)
    assert [d.span.text for d in unresolved if d.span] == [c.span.text for c in isw.citations]


def test_isw_unit_abbreviations_are_not_citations(reports: tuple[bm.Report, ...]) -> None:
    isw = reports[0]
    brackets = [d for d in isw.diagnostics if d.code == "BRACKET_NOT_CALLOUT"]
    assert [d.span.text for d in brackets if d.span] == ["[AC]", "[LMD]", "[BSF]", "[SMD]", "[DNR]", "[CAA]"]
    assert all(d.severity is Severity.INFO for d in brackets)
    assert not any(c.label.isalpha() for c in isw.citations)


def test_isw_takeaways(reports: tuple[bm.Report, ...]) -> None:
    isw = reports[0]
    assert len(isw.takeaways) == 8
    assert isw.takeaways[0].text.startswith("Ukrainian President Volodymyr Zelensky stated on December 14")
    assert isw.takeaways[-1].text.endswith("militarize the Russian government and society.")
    assert all(t.span.text == t.text for t in isw.takeaways)  # no bullets, no callouts in these


def test_wilson_center_piece(reports: tuple[bm.Report, ...]) -> None:
    wilson = reports[1]
    assert wilson.publisher == "Wilson Center"
    assert wilson.published is None
    assert "REPORT_NO_DATE" in {d.code for d in wilson.diagnostics}
    assert wilson.citations == ()
    paragraphs = [b.text for b in wilson.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0].startswith("Forced displacement represents one of the most pressing")
    assert paragraphs[-1].startswith("It’s not just about recognizing the problem")
    # The paragraph broken across two lines keeps both lines.
    assert (
        "inconsistent. This initiative emphasizes the importance of upholding and reinforcing these international standards."
        in paragraphs
    )


def test_claims_are_the_body_sentences(reports: tuple[bm.Report, ...]) -> None:
    isw = reports[0]
    first = isw.claims[0]
    assert first.text == (
        "Ukrainian President Volodymyr Zelensky stated on December 14 that the Russian military had deployed "
        "North Korean soldiers in infantry assaults in Kursk Oblast."
    )
    assert first.span.text.endswith(".[1]")
    assert [c.label for c in first.citations] == ["1"]
    assert not any(claim.text.startswith("Korean") for claim in isw.claims)  # no split after "N."
    own = [c.label for claim in isw.claims for c in claim.citations if not c.inferred]
    assert own == [c.label for c in isw.citations]
    # a sentence without a callout is covered by the next callout of its paragraph
    second = isw.claims[1]
    assert [(c.label, c.inferred) for c in second.citations] == [("2", True)]
