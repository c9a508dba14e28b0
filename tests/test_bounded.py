"""What keeps a parse's memory in proportion to its text, checked for what it must not change.

Equal short lines share one block, callouts share their label with their note,
a note that fills its line shares the line's text, and the header folds only the
start of a line; each must leave the model as it was: the same text, kinds,
spans and values.
"""

import pytest

import briefmodel as bm
from briefmodel._read import header, shapes

HEADER = "Russian Offensive Campaign Assessment, December 14\n\nDec 14, 2022 - Press ISW\n\n"


def test_equal_short_lines_of_one_kind_share_a_block_and_render_exactly() -> None:
    text = HEADER + "Forces advanced.\n.\n.\n.\n\n- x\n- x\n\n.\n"
    report = bm.parse(text)
    assert bm.render(report) == text
    dots = [block for block in report.blocks if block.text == "."]
    assert len(dots) == 4 and len({id(block) for block in dots}) == 1
    bullets = [block for block in report.blocks if block.text == "- x"]
    assert all(block.kind is bm.BlockKind.BULLET for block in bullets) and bullets[0] is bullets[1]


def test_a_shared_line_of_another_kind_gets_its_own_block() -> None:
    body = "Forces advanced near the town of Kreminna today.\n\nFires\n\nForces held the town.\n"
    text = "Fires\n\nDecember 1, 2024\n\n" + body  # the first "Fires" the title, the second a heading
    report = bm.parse(text)
    assert bm.render(report) == text
    first, second = [block for block in report.blocks if block.text == "Fires"]
    assert (first.kind, second.kind) == (bm.BlockKind.TITLE, bm.BlockKind.HEADING)
    three = bm.parse(text + "\nFires\n\nForces held.\n")
    assert [block.kind for block in three.blocks if block.text == "Fires"][1:] == [bm.BlockKind.HEADING] * 2


def test_lines_split_by_cr_share_blocks_only_with_the_same_line_break() -> None:
    text = HEADER + "Forces advanced.\n.\r\n.\n.\r"
    report = bm.parse(text)
    assert bm.render(report) == text
    assert [block.newline for block in report.blocks[-3:]] == ["\r\n", "\n", "\r"]


def test_citations_and_notes_agree_whatever_is_shared() -> None:
    text = HEADER + "Forces advanced.[12] They held.[01][12]\n\nEndnotes\n[12] https://t.me/a/12\n"
    report = bm.parse(text)
    assert bm.render(report) == text
    assert [(c.label, c.number, c.note and c.note.label) for c in report.citations] == [
        ("12", 12, "12"),
        ("01", 1, None),
        ("12", 12, "12"),
    ]
    (note,) = report.notes
    assert note.span.text == "[12] https://t.me/a/12" and note.text == "https://t.me/a/12"
    assert note.cited_by == (0, 2)
    for span in report.iter_spans():
        assert report.text[span.start : span.end] == span.text


def test_the_header_folds_enough_of_a_line_for_every_word_list() -> None:
    longest = max(map(len, header._STOP | set(shapes.PUBLISHERS) | set(shapes.NAVIGATION)))
    assert max(longest, shapes._PREFIX_WINDOW) < header._FOLD


@pytest.mark.parametrize("line", ["Institute for the Study of War", "KEY TAKEAWAYS"])
def test_a_long_line_starting_like_a_header_word_is_not_that_word(line: str) -> None:
    text = "A Title Line\n\nDecember 1, 2024\n\n" + line + " " + "x" * 300 + "\n"
    report = bm.parse(text)
    assert bm.render(report) == text
    assert report.blocks[4].kind is not bm.BlockKind.PUBLISHER and report.blocks[4].kind is not bm.BlockKind.HEADING
