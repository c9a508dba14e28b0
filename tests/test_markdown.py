"""Markdown out and in: ``[^n]`` footnotes that any CommonMark reader resolves, and the same citations back."""

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

import briefmodel as bm

from . import strategies
from .conftest import CORPUS_FILES, SEED

MDIT = MarkdownIt("commonmark").use(footnote_plugin)


def meaning(report: bm.Report) -> tuple[object, ...]:
    """What must survive Markdown: each citation and its note, the notes, and the sources.

    A resolved callout is written with its note's label (``[01]`` for the note ``[1]``), so that is the label
    Markdown carries for it.
    """
    return (
        [(c.note.label if c.note else c.label, c.note.label if c.note else None) for c in report.citations],
        [(n.label, " ".join(n.text.split())) for n in report.notes],
        [(s.url, " ".join(s.raw.split()), s.kind) for s in report.sources],  # the layout of a wrapped note may change
    )


def footnote_refs(markdown: str) -> list[str]:
    """The labels of the footnote references markdown-it resolved, in order."""
    tokens = MDIT.parse(markdown)
    return [
        child.meta["label"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "footnote_ref"
    ]


def check(report: bm.Report) -> str:
    markdown = bm.to_markdown(report)
    again = bm.parse_markdown(markdown)
    assert meaning(again) == meaning(report)
    assert footnote_refs(markdown) == [c.note.label for c in report.citations if c.note is not None]
    if not again.text.startswith("\ufeff") and not report.text.startswith("\ufeff"):
        # idempotent, except where the text starts with U+FEFF as a character: read back, it is a byte order mark
        assert bm.to_markdown(again) == markdown
    return markdown


def test_the_seed() -> None:
    for report in bm.load(SEED):
        markdown = check(report)
        assert "[^" not in markdown  # no endnotes: every callout is literal text
    isw = bm.load(SEED)[0]
    assert bm.to_markdown(isw).startswith("December 14, 2024\n\n# Institute for the Study of War: N. Korean soldiers")
    assert "\\[1\\]" in bm.to_markdown(isw)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")
def test_every_corpus_report() -> None:
    for path in CORPUS_FILES:
        for report in bm.load(path):
            check(report)


def test_the_shape_of_the_output() -> None:
    report = bm.parse(
        "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
        "Key Takeaways\n\n  • Russian forces advanced near Pokrovsk.[1]\n\n"
        "1. The Kremlin said <b>yes</b> & more.[1][2] Not a callout: [CAA]; unresolved: [3].\n\n"
        "Endnotes\n[1] https://t.me/a/1 ;\n https://t.me/a/2\n[2]\n"
    )
    markdown = check(report)
    assert markdown.splitlines() == [
        "# Russian Offensive Campaign Assessment, December 14, 2024",
        "",
        "## Key Takeaways",
        "",
        "- Russian forces advanced near Pokrovsk.[^1]",
        "",
        "- 1\\. The Kremlin said \\<b>yes\\</b> \\& more.[^1][^2] Not a callout: [CAA]; unresolved: \\[3\\].",
        "",
        "## Endnotes",
        "[^1]: https://t.me/a/1 ;",
        "    https://t.me/a/2",
        "[^2]:",
    ]
    html = MDIT.render(markdown)
    assert "<b>" not in html and "&lt;b&gt;yes&lt;/b&gt;" in html


@given(strategies.report_parts())
def test_built_reports(parts: dict[str, Any]) -> None:
    check(bm.build_report(**parts))  # type: ignore[arg-type]


@given(strategies.brief_texts())
@example("A Title Line\n\nDecember 1, 2024\n\n# not a heading.[1]\n\n[1] https://t.me/a/1\n")
@example(  # a line that starts with a no-break space keeps it: it is text to Markdown
    "\ufeff\xa0Russian Offensive Campaign Assessment, December 14\n\xa0\n\xa0Russian Russian.[1]\n\xa0\n\xa0Endnotes\n"
    "\xa0[1] https://t.me/rybar/12345\n\u202f https://t.me/rybar/12345\n\xa0\n"
)
@example("\ufeff\ufeff\n")  # a zero-width no-break space as the title: not a byte order mark in Markdown
@example(  # a wrapped note that is not a URL
    "A Title Line\n\nDecember 1, 2024\n\nRussian Russian.[1]\n\nEndnotes\n[1] htt\xa0ps://t.me/rybar/1\n https://t.me/rybar/1\n"
)
def test_parsed_briefs(text: str) -> None:
    check(bm.parse(text))


@given(st.text())
def test_parse_markdown_never_raises(markdown: str) -> None:
    report = bm.parse_markdown(markdown)
    for span in report.iter_spans():
        assert report.text[span.start : span.end] == span.text


def test_a_callout_printed_otherwise_than_its_note_is_written_with_the_notes_label() -> None:
    report = bm.parse(
        "A Title Line\n\nDecember 1, 2024\n\nRussian forces attacked.[01] Again.[1]\n\n[1] https://t.me/a/1\n"
    )
    assert [(c.label, c.note.label if c.note else None) for c in report.citations] == [("01", "1"), ("1", "1")]
    markdown = check(report)
    assert "attacked.[^1] Again.[^1]" in markdown and "[^01]" not in markdown
    assert footnote_refs(markdown) == ["1", "1"]  # a Markdown reader resolves both


def test_a_first_line_bullet_keeps_its_callout_both_ways() -> None:
    text = "- Russian forces advanced near Pokrovsk.[1]\n[1] https://t.me/a/1\n"
    report = bm.parse(text)
    assert report.blocks[0].kind is bm.BlockKind.BULLET and report.citations[0].note is not None
    markdown = check(report)
    assert markdown == "- Russian forces advanced near Pokrovsk.[^1]\n[^1]: https://t.me/a/1\n"
    again = bm.parse_markdown(markdown)  # Markdown in, model, Markdown out
    assert again.blocks[0].kind is bm.BlockKind.BULLET and [c.label for c in again.citations] == ["1"]
    assert bm.to_markdown(again) == markdown


LABELS = st.integers(1, 40).flatmap(lambda n: st.tuples(st.just(str(n)), st.sampled_from([str(n), f"0{n}", f"00{n}"])))
BULLETS = st.sampled_from(["- ", "* ", "+ ", "  - ", "-\t", "   * "])


@given(st.lists(LABELS, min_size=1, max_size=5, unique_by=lambda pair: pair[0]), BULLETS, st.booleans())
@example([("1", "01")], "- ", True)
@example([("2", "002"), ("1", "1")], "* ", False)
def test_callouts_survive_markdown_whatever_their_printing_and_place(
    labels: list[tuple[str, str]], bullet: str, title: bool
) -> None:
    """Zero-padded callouts and a first-line bullet, from Markdown and from text: every callout resolves both ways."""
    lines = ["A Title Line", "", "December 1, 2024", ""] if title else []
    lines += [f"{bullet}Russian forces attacked near Kupyansk.[^{printed}]" for _, printed in labels]
    lines += [""] + [f"[^{label}]: https://t.me/rybar/{label}" for label, _ in labels]
    markdown_in = "\n".join(lines) + "\n"
    report = bm.parse_markdown(markdown_in)  # Markdown in: the printed labels resolve by number, as in text
    assert [c.note.label if c.note else None for c in report.citations] == [label for label, _ in labels]
    markdown_out = check(report)  # model, Markdown out, model again
    assert footnote_refs(markdown_out) == [label for label, _ in labels]  # a Markdown reader resolves each
    text = markdown_out.replace("[^", "[").replace("]:", "]")  # the same brief as text: model, Markdown, model
    assert footnote_refs(check(bm.parse(text))) == [label for label, _ in labels]
