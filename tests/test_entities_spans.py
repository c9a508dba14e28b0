"""Truthful spans for places and units, as a property over generated reports: every mention's span holds its
text, has the line and column of its start, and lies inside its claim's (or takeaway's) span; anchors and parents
are mentions of the same claim. Reading never raises."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

import briefmodel as bm

from .strategies import brief_texts

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

FRAGMENTS = [
    "Russian forces attacked near Plekhovo (south of Sudzha)",
    "northwest of Lyman near Novoselivka, Yarova and Sosnove",
    "elements of the Russian 22nd Motorized Rifle Regiment (72nd Motorized Rifle Division, 44th Army Corps [AC], "
    "Leningrad Military District [LMD])",
    "the 810th and 155th Naval Infantry Brigades",
    "in Russian-occupied Crimea, Ukraine",
    "Kharg Island in Bushehr Province",
    "Blahodatne, about 40km north of Kherson City",
    "the 1427th MRR",
    "Kataib Hezbollah and the IRGC Quds Force",
    "the Sheikh Maqsoud neighborhood of Aleppo City",
    "Luhansk, Donetsk, and Kherson oblasts",
    "the Kherson ”direction”",
    "west of Pryluky, Kosivtseve (both northwest of Hulyaipole)",
    "the US and Ukraine",
    "Russia’s",
    "(",
    ")",
    "[",
    "]",
    "[12]",
]
GLUE = [" ", ", ", " and ", "\u00a0", "\n", "\r\n", " (", ") ", " of the ", " near ", " in "]


@st.composite
def entity_briefs(draw: st.DrawFn) -> str:
    """A brief whose paragraphs are made of place and unit shapes glued in any order, with line breaks and NBSP
    inside sentences, and broken brackets."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        pieces = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8))
        glue = draw(st.lists(st.sampled_from(GLUE), min_size=len(pieces), max_size=len(pieces)))
        paragraphs.append("".join(p + g for p, g in zip(pieces, glue, strict=True)).strip() + ".")
    return "Russian Offensive Campaign Assessment, December 14, 2024\n\n" + "\n\n".join(paragraphs) + "\n"


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def check_mentions(report: bm.Report) -> None:
    text = report.text
    for item in (*report.claims, *report.takeaways):
        places, units = item.places, item.units
        for mention in (*places, *units):
            span = mention.span
            assert text[span.start : span.end] == span.text == mention.text
            assert item.span.start <= span.start < span.end <= item.span.end
            assert (span.line, span.column) == _line_and_column(text, span.start)
        for place in places:
            assert place.anchor is None or any(place.anchor is other for other in places)
            assert (place.anchor is None) == (place.anchor_relation is None) or place.anchor is not None
        for unit in units:
            assert unit.parent is None or any(unit.parent is other for other in units)
    for abbreviation in report.abbreviations:
        assert text[abbreviation.span.start : abbreviation.span.end] == abbreviation.short


@given(entity_briefs())
@example("Russian Offensive Campaign Assessment, December 14, 2024\n\nthe 810th and 155th Naval Infantry Brigades.\n")
@example("Title\n\nRussian forces attacked near Plekhovo\u00a0(south of\r\nSudzha) in Kursk Oblast.[1]\n")
def test_every_mention_span_holds_its_text_inside_its_claim(text: str) -> None:
    for report in bm.parse_all(text):
        check_mentions(report)


@given(brief_texts())
def test_mentions_of_generated_briefs_tell_the_truth(text: str) -> None:
    for report in bm.parse_all(text):
        check_mentions(report)


def test_the_seed_and_its_mentions(seed_text: str) -> None:
    for report in bm.parse_all(seed_text):
        check_mentions(report)
