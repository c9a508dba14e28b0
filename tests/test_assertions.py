"""Only assertions are claims: labels, contents lists, empty lines, instructions and boilerplate stay text."""

import pytest

import briefmodel as bm
from briefmodel._claims.assertions import not_a_claim


def _report(*body: str) -> bm.Report:
    text = (
        "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
        + "\n\n".join(body)
        + "\n\n[1] https://t.me/a/1\n"
    )
    return bm.parse(text)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("• Activities in Russian-occupied Areas", "label"),
        ("• Supporting Effort 1—Kharkiv City", "label"),
        ("• Main effort—Eastern Ukraine (comprised of one subordinate and three supporting efforts);", "label"),
        ("• Supporting effort 2—Mariupol and Donetsk Oblast; and", "label"),
        ("Kyiv;", "label"),
        ("Mobilization and Force Generation Efforts (Russian objective: Expand combat power)", "label"),
        ("Eastern Ukraine: (Eastern Kharkiv Oblast-Western Luhansk Oblast)", "label"),
        ("AFGS Logistic head Brigadier General Hassan Ali Tajik[27]", "label"),
        ("Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community]", "label"),
        ("[80]", "empty"),
        ("1.", "empty"),
        (".)[144]", "empty"),
        ("See topline text.", "instruction"),
        ("See the topline section.", "instruction"),
        ("Click\u00a0here\u00a0to see ISW’s interactive map of the Russian invasion of Ukraine.", "instruction"),
    ],
)
def test_shapes_that_are_not_claims(sentence: str, rule: str) -> None:
    assert not_a_claim(sentence) == rule


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces advanced near Pokrovsk.[1]",
        "• Russian forces will likely capture Mariupol or force the city to capitulate within the coming days;",
        "The Kremlin announced plans to deploy Syrian fighters to Ukraine;",
        "The IDF confirmed that it killed the following individuals:",
        "Commercially available satellite imagery shows damage to the following Iranian missile bases:",
        "The French peace plan proposal includes the following stages:",
        "Did Russian forces advance?",
        "Zelensky stated that “the front holds.”",
        "Seeing the losses, the commander withdrew.",
    ],
)
def test_assertions_are_claims(sentence: str) -> None:
    assert not_a_claim(sentence) is None


def test_a_contents_list_is_kept_as_bullets_but_not_claims() -> None:
    report = _report(
        "• Russian Main Effort—Eastern Ukraine (comprised of one subordinate and two supporting efforts);",
        "• Activities in Russian-occupied Areas",
        "Russian forces attacked near Bakhmut, the General Staff said.[1]",
    )
    assert [c.text for c in report.claims] == ["Russian forces attacked near Bakhmut, the General Staff said."]
    assert [b.kind for b in report.blocks if b.text.startswith("•")] == [bm.BlockKind.BULLET] * 2
    assert bm.render(report).startswith("Russian Offensive Campaign Assessment")
    assert bm.parse(bm.render(report)) == report


def test_a_line_without_letters_is_no_claim() -> None:
    report = _report("Russian forces attacked near Bakhmut.[1]", ".", "2.")
    assert [c.text for c in report.claims] == ["Russian forces attacked near Bakhmut."]
    assert [b.text for b in report.blocks if b.kind is bm.BlockKind.PARAGRAPH][1:] == [".", "2."]


@pytest.mark.parametrize(
    "line",
    [
        "Click\u00a0here\u00a0to see ISW’s interactive map of the Russian invasion of Ukraine.",
        "Note:\u00a0 ISW does not receive any classified material from any source.",
        "Note: ISW will report on activities in Kherson Oblast as part of the Southern Axis in this update.",
    ],
)
def test_boilerplate_with_no_break_spaces_or_an_editors_note_is_a_boilerplate_block(line: str) -> None:
    report = _report("Russian forces attacked near Bakhmut.[1]", line)
    assert report.blocks[4].text == line
    assert report.blocks[4].kind is bm.BlockKind.BOILERPLATE
    assert [c.text for c in report.claims] == ["Russian forces attacked near Bakhmut."]


def test_a_sentence_a_scrape_broke_across_lines_is_one_claim() -> None:
    report = _report(
        "Russian forces attacked Ukrainian positions near Bakhmut on December 14.[1]\nThree officials told the\nWashington Post\non March 6 that "
        "Russia has given Iran the locations of US assets.\nThe Telegraph\nreported on March 4 that the UK sent "
        "drones."
    )
    assert [c.text for c in report.claims] == [
        "Russian forces attacked Ukrainian positions near Bakhmut on December 14.",
        "Three officials told the Washington Post on March 6 that Russia has given Iran the locations of US assets.",
        "The Telegraph reported on March 4 that the UK sent drones.",
    ]
    assert bm.BlockKind.HEADING not in [b.kind for b in report.blocks[2:8]]


def test_a_heading_keeps_its_kind() -> None:
    report = _report("Russian forces attacked near Bakhmut.[1]", "Southern Ukraine", "Ukrainian forces held Kherson.")
    assert report.blocks[4].kind is bm.BlockKind.HEADING


def test_a_callout_a_scrape_moved_to_the_next_line_closes_the_sentence_before() -> None:
    report = _report(
        "The Syrian army disarmed a car bomb in Aleppo City on February 25.\n[1] The Syrian army named no perpetrator.",
        *["Syrian security forces also seized two vehicles laden with explosives near the city."] * 3,
    )
    first, second = report.claims[:2]
    assert first.span.text == "The Syrian army disarmed a car bomb in Aleppo City on February 25.\n[1]"
    assert [c.label for c in first.citations] == ["1"] and not first.citations[0].inferred
    assert second.text == "The Syrian army named no perpetrator."


def test_a_sentence_of_capitalized_words_is_no_byline() -> None:
    report = bm.build_report(paragraphs=["Russian Russian Russian and Russian Russian."])
    assert report.authors == ()
    assert bm.build_report(authors=["Frederick W. Kagan", "Mason Clark"]).authors == (
        "Frederick W. Kagan",
        "Mason Clark",
    )
