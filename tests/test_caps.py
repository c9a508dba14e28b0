"""The cap on diagnostics: at most 1,000 of one code per report, then one ``DIAGNOSTICS_CAPPED`` with the count.

Nothing of the text is dropped: every callout stays a citation, the text renders
back exactly, and every span tells the truth.
"""

import pathlib
import re

import pytest

import briefmodel as bm

HEADER = "Russian Offensive Campaign Assessment, December 14\n\nDec 14, 2022 - Press ISW\n\n"
CAP = 1_000


def parse(text: str) -> bm.Report:
    report = bm.parse(text)
    assert bm.render(report) == text
    for span in report.iter_spans():
        assert report.text[span.start : span.end] == span.text
    return report


def codes(report: bm.Report) -> dict[str, int]:
    counts: dict[str, int] = {}
    for diagnostic in report.diagnostics:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
    return counts


def capped(report: bm.Report, code: str) -> bm.Diagnostic:
    (summary,) = [d for d in report.diagnostics if d.code == "DIAGNOSTICS_CAPPED" and f" {code} " in d.message]
    return summary


def left_out(summary: bm.Diagnostic) -> int:
    found = re.match(r"([0-9,]+) more ", summary.message)
    assert found is not None, summary.message
    return int(found.group(1).replace(",", ""))


def test_brackets_past_the_cap_are_counted_in_one_summary_at_the_first_left_out() -> None:
    n = 2_500
    body = "Forces moved [a] far. " * n
    report = parse(HEADER + body + "\n")
    assert codes(report)["BRACKET_NOT_CALLOUT"] == CAP
    summary = capped(report, "BRACKET_NOT_CALLOUT")
    assert summary.severity is bm.Severity.INFO
    assert left_out(summary) == n - CAP
    assert "(the first 1,000 are kept)" in summary.message
    first_left_out = [m.start() for m in re.finditer(r"\[a\]", report.text)][CAP]
    assert summary.span is not None and (summary.span.start, summary.span.text) == (first_left_out, "[a]")
    kept = [d.span.start for d in report.diagnostics if d.code == "BRACKET_NOT_CALLOUT" and d.span]
    assert kept == [m.start() for m in re.finditer(r"\[a\]", report.text)][:CAP]  # the first ones, in order


def test_every_callout_stays_a_citation_while_its_diagnostics_are_capped() -> None:
    n = 2_500
    report = parse(HEADER + "Forces advanced." + "[1]" * n + "\n")
    assert len(report.citations) == n
    assert [c.span.start for c in report.citations] == [m.start() for m in re.finditer(r"\[1\]", report.text)]
    found = codes(report)
    assert found["CALLOUT_UNRESOLVED"] == CAP and found["CALLOUT_REPEATED"] == CAP
    assert found["DIAGNOSTICS_CAPPED"] == 2 and found["ENDNOTES_MISSING"] == 1
    assert left_out(capped(report, "CALLOUT_UNRESOLVED")) == n - CAP
    assert left_out(capped(report, "CALLOUT_REPEATED")) == n - 1 - CAP  # the first [1] repeats nothing
    assert capped(report, "CALLOUT_UNRESOLVED").span == report.citations[CAP].span
    assert capped(report, "CALLOUT_REPEATED").span == report.citations[CAP + 1].span


def test_resolved_callouts_keep_their_note_and_cited_by_past_the_cap() -> None:
    n = 3_000
    report = parse(HEADER + "Forces advanced." + " [1]" * n + "\n\nEndnotes\n[1] https://t.me/a/1\n")
    assert len(report.citations) == n and all(c.note is report.notes[0] for c in report.citations)
    assert report.notes[0].cited_by == tuple(range(n))
    assert codes(report)["CALLOUT_REPEATED"] == CAP
    assert left_out(capped(report, "CALLOUT_REPEATED")) == n - 1 - CAP


@pytest.mark.parametrize(("n", "summaries"), [(CAP, 0), (CAP + 1, 1)])
def test_the_cap_keeps_exactly_1000(n: int, summaries: int) -> None:
    report = parse(HEADER + "Forces moved [AC] far. " * n + "\n")
    assert codes(report)["BRACKET_NOT_CALLOUT"] == CAP
    assert codes(report).get("DIAGNOSTICS_CAPPED", 0) == summaries
    if summaries:
        assert left_out(capped(report, "BRACKET_NOT_CALLOUT")) == 1


def test_diagnostics_stay_in_order_of_place_and_json_round_trips() -> None:
    report = parse(HEADER + "Forces moved [a] far.[1][1] " * 1_500 + "\n")
    starts = [d.span.start if d.span else -1 for d in report.diagnostics]
    assert starts == sorted(starts)
    assert bm.from_json(bm.to_json(report)) == report


def test_strict_mode_still_raises_the_first_problem() -> None:
    text = HEADER + "Forces advanced." + "[7]" * 1_500 + "\n\nEndnotes\n[1] https://t.me/a/1\n"
    with pytest.raises(bm.ParseError) as raised:
        bm.parse(text, strict=True)
    assert raised.value.code == "CALLOUT_UNRESOLVED" and raised.value.line == 5 and raised.value.column == 17


def test_each_report_of_a_text_has_its_own_cap() -> None:
    one = "Russian Offensive Campaign Assessment, December {day}, 2024\n\nDecember {day}, 2024\n\n"
    notes = "Forces advanced.[1]\n\nEndnotes\n[1] https://t.me/a/1\n\n"
    text = "".join(one.format(day=day) + "Forces moved [a] far. " * 1_200 + notes for day in (1, 2))
    reports = bm.parse_all(text)
    assert len(reports) == 2 and "".join(map(bm.render, reports)) == text
    for report in reports:
        assert codes(report)["BRACKET_NOT_CALLOUT"] == CAP
        assert left_out(capped(report, "BRACKET_NOT_CALLOUT")) == 200


def test_claims_diagnostics_are_capped_too() -> None:
    n = 1_200
    report = parse(HEADER + "Russian forces attacked near Pokrovsk. " * n + "\n\nEndnotes\n[1] https://t.me/a/1\n")
    assert len(report.claims) == n
    assert codes(report)["CLAIM_UNCITED"] == CAP
    summary = capped(report, "CLAIM_UNCITED")
    assert left_out(summary) == n - CAP and summary.span == report.claims[CAP].span
    assert capped(report, "CLAIM_UNCITED").span is not None


def test_check_shows_the_summary_of_a_capped_code_it_shows(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefmodel._cli.commands import main

    text = "Russian Offensive Campaign Assessment, December 14, 2024\n\n" + "Forces attacked.[7] " * 1_500
    path = tmp_path / "capped.txt"
    path.write_text(text + "\n\nEndnotes\n\n[1] https://t.me/a/1\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1  # warnings only: the info summary of a shown code is shown too
    lines = capsys.readouterr().out.splitlines()
    assert sum("warning CALLOUT_UNRESOLVED" in line for line in lines) == 1_000
    (summary,) = [line for line in lines if "DIAGNOSTICS_CAPPED" in line]
    assert "500 more CALLOUT_UNRESOLVED diagnostics left out" in summary
