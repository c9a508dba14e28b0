"""Callouts and endnotes in every shape SHAPES.md lists, and brackets that are not callouts."""

import pytest

import briefmodel as bm
from briefmodel import BlockKind

from .conftest import assert_linear

HEADER = "Russian Offensive Campaign Assessment, December 14\n\nDec 14, 2022 - Press ISW\n\n"


def brief(body: str, notes: str = "", heading: str = "Endnotes\n") -> bm.Report:
    text = HEADER + body + "\n\n" + (heading + notes if notes else "")
    report = bm.parse(text)
    assert bm.render(report) == text
    return report


def labels(report: bm.Report) -> list[str]:
    return [c.label for c in report.citations]


NOTES_1_TO_3 = "[1] https://t.me/a/1\n[2] https://t.me/a/2\n[3] https://t.me/a/3\n"


@pytest.mark.parametrize(
    ("body", "expected", "claims"),
    [
        ("Russian forces advanced near Kreminna on December 14.[1]", ["1"], 1),
        ("Peskov called it “fortune-telling with coffee grounds.”[1]", ["1"], 1),
        ("The address takes place every year (in the spring).[1] It did not.[2]", ["1", "2"], 2),
        ("Russian forces advanced near Kreminna. [1] Ukrainian forces held.", ["1"], 2),
        ("Russian forces advanced near Kreminna on December 14[1]. They held.", ["1"], 2),
        ("Russian forces advanced near Kreminna.[1]Russian milbloggers claimed more.[2]", ["1", "2"], 2),
        ("Russian forces advanced near Kreminna.[1][2] They held.", ["1", "2"], 2),
        ("Russian forces advanced near Kreminna.[1] [2] They held.", ["1", "2"], 2),
        ("Russian forces advanced near Kreminna.[1]\u00a0Ukrainian forces held.[2]", ["1", "2"], 2),
        ("Sourcing for this assessment is available here.[1]", ["1"], 0),
    ],
    ids=[
        "after-period",
        "after-quote",
        "after-paren",
        "space-before",
        "before-period",
        "glued",
        "run",
        "run-space",
        "nbsp",
        "one-sentence",
    ],
)
def test_callout_shapes(body: str, expected: list[str], claims: int) -> None:
    report = brief(body, NOTES_1_TO_3)
    assert labels(report) == expected
    assert all(c.note is not None and c.note.label == c.label for c in report.citations)
    assert len(report.claims) == claims
    for claim in report.claims:
        assert "[" not in claim.text
        assert claim.text == claim.text.strip()


def test_glued_callout_ends_the_sentence_and_keeps_a_space_in_clean_text() -> None:
    report = brief("Russian forces advanced.[1]Russian milbloggers claimed more.[2]", NOTES_1_TO_3)
    assert [c.text for c in report.claims] == ["Russian forces advanced.", "Russian milbloggers claimed more."]
    assert [c.citations[0].label for c in report.claims] == ["1", "2"]


def test_callouts_in_bullets_and_takeaways() -> None:
    body = "Key Takeaways\n\n  • Russian forces advanced near Kreminna.[1]\n  • Ukrainian forces held near Bakhmut.[2][3]\n\nRussian forces continued assaults around Bakhmut on December 14."
    report = brief(body, NOTES_1_TO_3)
    assert labels(report) == ["1", "2", "3"]
    assert [t.text for t in report.takeaways] == [
        "Russian forces advanced near Kreminna.",
        "Ukrainian forces held near Bakhmut.",
    ]
    assert [[c.label for c in t.citations] for t in report.takeaways] == [["1"], ["2", "3"]]
    assert report.takeaways[1].span.text == "Ukrainian forces held near Bakhmut.[2][3]"


@pytest.mark.parametrize(
    "bracket",
    [
        "[AC]",
        "[CAA]",
        "[south of Kharkiv]",
        "[and]",
        "[Russian]",
        "[it]",
        "[]",
        "[1234567890]",
        "[١]",
        "[１]",
        "[i]",
        "[Source: NASA’s FIRMS]",
    ],
)
def test_brackets_that_are_not_callouts(bracket: str) -> None:
    report = brief(f"Elements of the 44th Army Corps {bracket} advanced near Kreminna.[1]", "[1] https://t.me/a/1\n")
    assert labels(report) == ["1"]
    found = [d for d in report.diagnostics if d.code == "BRACKET_NOT_CALLOUT"]
    assert [d.span.text for d in found if d.span] == [bracket]
    assert found[0].severity is bm.Severity.INFO


def test_lowercase_roman_labels_are_callouts_when_the_notes_use_them() -> None:
    body = "Iranian forces struck Erbil on March 3.\n[i]\nThe IRGC claimed the strike.[ii] Officials said more [iv]."
    report = brief(
        body,
        "[i] https://t.me/a/1\n[ii] https://t.me/a/2\n[iii] https://t.me/a/3\n[iv] https://t.me/a/4\n",
        heading="Note:\n",
    )
    assert labels(report) == ["i", "ii", "iv"]
    assert [c.number for c in report.citations] == [1, 2, 4]
    assert [c.note.label if c.note else None for c in report.citations] == ["i", "ii", "iv"]
    assert [d.code for d in report.diagnostics if d.code == "NOTE_UNUSED"] == ["NOTE_UNUSED"]


def test_roman_lookalikes_stay_text_when_the_notes_are_numbered() -> None:
    report = brief("Officials said [i]t would continue near Kreminna.[1]", "[1] https://t.me/a/1\n")
    assert labels(report) == ["1"]


@pytest.mark.parametrize(
    ("notes", "heading"),
    [
        ("[1] https://t.me/a/1\n[2] https://t.me/a/2\n", "Endnotes\n"),
        ("[1] https://t.me/a/1\n\n[2] https://t.me/a/2\n", ""),
        (
            "[1] https://t.me/a/1\n\n[2] https://t.me/a/2\n",
            "Note: ISW does not receive any classified material from any source.\n\n",
        ),
        ("[1] https://t.me/a/1\n[2] https://t.me/a/2\n", "Note:\nEndnotes\n"),
    ],
    ids=["heading-lines", "no-heading-paragraphs", "after-note-boilerplate", "note-then-heading"],
)
def test_endnotes_found_with_or_without_a_heading(notes: str, heading: str) -> None:
    report = brief("Russian forces advanced near Kreminna.[1] Ukrainian forces held.[2]", notes, heading=heading)
    assert [n.label for n in report.notes] == ["1", "2"]
    assert [n.text for n in report.notes] == ["https://t.me/a/1", "https://t.me/a/2"]
    assert all(c.note is not None for c in report.citations)
    assert not [d for d in report.diagnostics if d.severity is not bm.Severity.INFO]


def test_a_note_continued_after_a_blank_line_is_joined() -> None:
    notes = "[1] https://www.facebook.com/GeneralStaff.ua/posts/261976762782076;\n\n https://www.facebook.com/DPSUkraine/posts/1\n\n[2] https://t.me/a/2\n"
    report = brief("Russian forces advanced.[1] Ukrainian forces held near Bakhmut.[2]", notes, heading="")
    first = report.notes[0]
    assert first.span.text.endswith("DPSUkraine/posts/1")
    assert [s.url for s in first.sources] == [
        "https://www.facebook.com/GeneralStaff.ua/posts/261976762782076",
        "https://www.facebook.com/DPSUkraine/posts/1",
    ]
    kinds = [b.kind for b in report.blocks if b.text.startswith(" https")]
    assert kinds == [BlockKind.ENDNOTE]


def test_a_label_alone_on_its_line_takes_the_next_line() -> None:
    report = brief(
        "Russian forces advanced near Kreminna.[1]", "[1]\nhttps://x.com/ManotoNews/status/2024799201889010124?s=20 ;\n"
    )
    assert report.notes[0].text == "[1]\nhttps://x.com/ManotoNews/status/2024799201889010124?s=20 ;"[4:]
    assert report.notes[0].sources[0].post_id == "2024799201889010124"


def test_note_glued_to_its_url() -> None:
    report = brief("Russian forces advanced near Kreminna.[1]", "[1]facebook.com/GeneralStaff.ua/posts/1\n")
    assert report.notes[0].sources[0].url == "https://facebook.com/GeneralStaff.ua/posts/1"


def test_gaps_duplicates_empty_and_unused_notes_are_kept_and_diagnosed() -> None:
    notes = "[1] https://t.me/a/1\n[1] https://t.me/a/dup\n[3]\n[4] https://t.me/a/4\n"
    report = brief("Russian forces advanced near Kreminna.[1] Ukrainian forces held.[3] Then more.[5]", notes)
    assert [n.label for n in report.notes] == ["1", "1", "3", "4"]
    codes = [d.code for d in report.diagnostics if d.severity is bm.Severity.WARNING]
    assert codes.count("NOTE_DUPLICATE") == 1
    assert codes.count("NOTE_GAP") == 1
    assert codes.count("NOTE_EMPTY") == 1
    assert codes.count("NOTE_UNUSED") == 2  # the duplicate [1] and [4]
    assert codes.count("CALLOUT_UNRESOLVED") == 1  # [5]
    assert report.citations[0].note is report.notes[0]


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        ("[2] https://t.me/a/2\n[3] https://t.me/a/3\n", "the notes skip [1] before [2]"),
        ("[4] https://t.me/a/4\n", "the notes skip [1]…[3] before [4]"),
        ("[iii] https://t.me/a/3\n[iv] https://t.me/a/4\n", "the notes skip [i]…[ii] before [iii]"),
    ],
)
def test_notes_that_start_after_the_first_give_a_gap(notes: str, message: str) -> None:
    report = brief("Russian forces advanced near Kreminna.[2]", notes)
    gaps = [d for d in report.diagnostics if d.code == "NOTE_GAP"]
    assert [d.message for d in gaps] == [message]
    assert gaps[0].span == report.notes[0].span


def test_notes_from_the_first_give_no_gap() -> None:
    report = brief("Russian forces advanced.[1] They held.[2]", "[1] https://t.me/a/1\n[2] https://t.me/a/2\n")
    assert "NOTE_GAP" not in {d.code for d in report.diagnostics}


def test_navigation_after_the_notes_is_kept_but_not_a_note() -> None:
    report = brief("Russian forces advanced near Kreminna.[1]", "[1] https://t.me/a/1\nPrevious\n")
    assert report.notes[0].text == "https://t.me/a/1"
    assert report.blocks[-1].text == "Previous" and report.blocks[-1].kind is BlockKind.BOILERPLATE


def test_a_body_line_that_starts_with_a_callout_is_not_a_note() -> None:
    body = "Iran is unlikely to accept the demands.\n[1] The United States and Iran held talks on February 26.[2]"
    report = brief(body, "[1] https://t.me/a/1\n[2] https://t.me/a/2\n")
    assert labels(report) == ["1", "2"]
    assert [n.label for n in report.notes] == ["1", "2"]
    assert all(c.note for c in report.citations)


def test_concatenated_reports_split_at_the_next_title() -> None:
    one = HEADER + "Russian forces advanced near Kreminna.[1]\n\n[1] https://t.me/a/1\n\n"
    two = "Russian Offensive Campaign Assessment, December 15\n\nDec 15, 2022 - Press ISW\n\nUkrainian forces held.[1]\n\n[1] https://t.me/b/1\n"
    reports = bm.parse_all(one + two)
    assert [r.published.day if r.published else None for r in reports] == [14, 15]
    assert [r.notes[0].text for r in reports] == ["https://t.me/a/1", "https://t.me/b/1"]
    assert "".join(bm.render(r) for r in reports) == one + two
    related = (
        one
        + "Related Research\nRussian Offensive Campaign Assessment, December 13\nRussian Offensive Campaign Assessment, December 12\n"
    )
    assert len(bm.parse_all(related)) == 1


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            "Mason Clark, George Barros, and Kateryna Stepanenko",
            ("Mason Clark", "George Barros", "Kateryna Stepanenko"),
        ),
        (
            "Kateryna Stepanenko, Frederick W. Kagan, and George Barros",
            ("Kateryna Stepanenko", "Frederick W. Kagan", "George Barros"),
        ),
        ("Mason Clark and George Barros", ("Mason Clark", "George Barros")),
        ("By Mason Clark", ("Mason Clark",)),
        ("Objectivity, Truth, Insight", ()),
        ("Secure Your Legacy and Strengthen Future Generations", ()),
        ("Russian Main Effort—Eastern Ukraine", ()),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...]) -> None:
    report = bm.parse(
        f"Russian Offensive Campaign Assessment, December 14\n\nDec 14, 2022 - Press ISW\n\n{line}\n\nRussian forces advanced near Kreminna on December 14 and held.\n"
    )
    assert report.authors == authors


def test_nested_callouts_are_removed_in_linear_time() -> None:
    import time

    def cost(n: int) -> float:
        body = "Forces advanced" + "[1" * n + "]" * n + " near Kreminna."
        best = float("inf")
        for _ in range(3):
            start = time.process_time()  # CPU time: a few milliseconds of wall time move with the machine's load
            report = bm.parse(HEADER + "Key Takeaways\n\n  • " + body + "\n\n" + body + "\n")
            claims = report.claims
            best = min(best, time.process_time() - start)
        assert report.takeaways[0].text == "Forces advanced near Kreminna."
        assert claims[0].text == "Forces advanced near Kreminna."
        return best

    assert_linear(cost, 2_000, 14)


def test_ten_digit_brackets_stay_in_the_text() -> None:
    report = brief("Forces moved [1234567890] far from Kreminna.[1]", "[1] https://t.me/a/1\n")
    assert labels(report) == ["1"]
    assert report.claims[0].text == "Forces moved [1234567890] far from Kreminna."


def test_a_label_alone_does_not_take_navigation_as_its_text() -> None:
    report = brief(
        "Russian forces advanced near Kreminna.[1] Ukrainian forces held.[2]", "[1] https://t.me/a/1\n[2]\nPrevious\n"
    )
    assert report.notes[1].text == ""
    assert report.blocks[-1].kind is BlockKind.BOILERPLATE


def test_a_date_from_its_pieces_is_what_dateutil_reads_from_them() -> None:
    import itertools

    from dateutil import parser

    from briefmodel._read.months import MONTH_NAMES, make_date

    spellings = [*MONTH_NAMES, "Jan.", "Feb", "Sept.", "Sept", "Sep.", "Dec", "Janfoo", "Mayday"]
    for month, day, year in itertools.product(
        spellings, ["0", "1", "08", "14", "29", "30", "31", "32"], [1999, 2024, "2000"]
    ):
        try:
            expected = parser.parse(f"{month} {day} {year}").date()
        except (ValueError, OverflowError):
            expected = None
        assert make_date(year, month, day) == expected, (month, day, year)


def test_roman_labels_read_back_as_their_values() -> None:
    from briefmodel._read.roman import roman_label, roman_value

    assert [roman_label(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "i", "iv", "ix", "xiv", "xl", "xc", "cd", "mcmxciv",
    ]  # fmt: skip
    assert all(roman_value(roman_label(n)) == n for n in range(1, 4000))
