"""The notebook view: a short repr, and an HTML view in which no report text can run or become markup."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._formats.notebook import MAX_ROWS
from briefmodel._formats.view_assets import NOTEBOOK_CSS

from .conftest import SEED

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '" onmouseover="alert(3)',
    "' autofocus onfocus='alert(4)",
    "</td></tr></table><iframe src=javascript:alert(5)>",
    "&lt;script&gt;",
]


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the text between tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        else:
            self.text.append(data)

    def hrefs(self) -> list[str]:
        return [str(dict(attrs)["href"]) for tag, attrs in self.tags if tag == "a"]

    def links(self) -> list[str]:
        """The links out of the view (not those to its own notes and rows)."""
        return [href for href in self.hrefs() if not href.startswith("#")]


ALLOWED_TAGS = {
    "div", "style", "h3", "h4", "p", "small", "ol", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "a",
    "span", "br", "code",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "class", "id", "href", "title", "rel", "target", "tabindex", "role", "data-claims", "data-note", "data-label",
}  # fmt: skip


def parsed(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


def assert_safe(markup: str) -> _Collector:
    """Only our own tags and attributes, only our own style, and links only to http(s) URLs or to the view's own
    elements (its ids unique)."""
    collector = parsed(markup)
    ids = [dict(attributes).get("id") for _, attributes in collector.tags]
    ids = [i for i in ids if i]
    assert len(ids) == len(set(ids))
    for tag, attributes in collector.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attributes:
            assert name in ALLOWED_ATTRIBUTES, (tag, name, value)
            if name == "href":
                assert value is not None
                if value.startswith("#"):
                    assert value[1:] in ids, value
                else:
                    assert re.match(r"https?://[^/?#\\@:]", value, re.IGNORECASE), value
    assert collector.styles == [NOTEBOOK_CSS]
    return collector


def hostile_report(payload: str) -> bm.Report:
    text = (
        f"Russian Offensive Campaign Assessment {payload}, December 14, 2024\n\n"
        "Key Takeaways\n\n"
        f"  • Russian forces advanced {payload} near Pokrovsk.\n\n"
        f"Russian forces advanced {payload} near Pokrovsk, the GUR {payload} reported.[1] "
        "They attacked near Kreminna.[2] They attacked near Lyman.[3]\n\n"
        "Endnotes\n"
        f"[1] https://t.me/a/1?q={payload}\n"
        "[2] javascript:alert(6)//https://t.me/a/2\n"
        f"[3] {payload}\n"
    )
    return bm.parse(text)


def test_repr_is_short_and_useful() -> None:
    isw, wilson = bm.load(SEED)
    assert repr(isw) == (
        "<Report 'N. Korean soldiers ’taking part’ in offensive operations in Kursk' "
        "(Institute for the Study of War, 2024-12-14): 22 citations, 0 notes, 8 takeaways>"
    )
    assert repr(wilson) == "<Report None (Wilson Center, no date): 0 citations, 0 notes, 0 takeaways>"


def test_the_html_view_shows_takeaways_claims_sources_and_diagnostics() -> None:
    report = bm.parse(
        "Russian Offensive Campaign Assessment, December 14, 2024\n\nKey Takeaways\n\n"
        "  • Russian forces advanced near Pokrovsk.\n\n"
        "Russian forces advanced near Pokrovsk, the Ukrainian General Staff reported.[1] They also attacked.[2]\n\n"
        "Endnotes\n[1] https://t.me/GeneralStaffZSU/1\n"
    )
    markup = report._repr_html_()
    collector = assert_safe(markup)
    text = "".join(collector.text)
    assert "Russian Offensive Campaign Assessment, December 14, 2024" in text
    assert "Key Takeaways" in text and "(restates claim 1)" in text
    assert "the Ukrainian General Staff" in text and "reported" in text
    assert collector.links() == ["https://t.me/GeneralStaffZSU/1"]
    assert "CALLOUT_UNRESOLVED" in text and "no note is labelled [2]" in text


@pytest.mark.parametrize("payload", HOSTILE)
def test_report_text_is_escaped_everywhere(payload: str) -> None:
    report = hostile_report(payload)
    markup = report._repr_html_()
    collector = assert_safe(markup)
    assert "<script" not in markup and "<img" not in markup and "<iframe" not in markup
    assert "javascript:" not in [v for _, attrs in collector.tags for name, v in attrs if name == "href"]
    shown = "".join(collector.text)
    assert f"advanced {payload} near Pokrovsk" in shown  # shown as text, exactly
    assert all(href.startswith("https://t.me/a/1") for href in collector.links())


def test_javascript_urls_are_never_links() -> None:
    report = hostile_report("x")
    collector = assert_safe(report._repr_html_())
    assert collector.links() == ["https://t.me/a/1?q=x"]
    assert "javascript:alert(6)//https://t.me/a/2" in "".join(collector.text)  # shown, as text


def test_long_reports_are_cut_and_counted() -> None:
    body = " ".join(f"Russian forces attacked near Lyman for the {i}th time." for i in range(MAX_ROWS + 5))
    report = bm.parse(f"Russian Offensive Campaign Assessment, December 14, 2024\n\n{body}\n")
    markup = report._repr_html_()
    assert "… and 5 more claims" in markup
    assert markup.count("<tr id=") == MAX_ROWS and markup.count("<tr>") == 1  # the claims shown, the header row


@given(st.text())
def test_any_text_gives_safe_html(text: str) -> None:
    assert_safe(bm.parse(text)._repr_html_())


NEW_BEHAVIOUR = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Key Takeaways\n\n"
    "  • Russian forces attacked near Lyman previously.\n\n"
    "Russian ground forces are advancing on four primary axes:\n\n"
    "  • Main effort—Kyiv;\n"
    "  • Supporting effort 1—Kharkiv; and\n"
    "  • Supporting effort 2—Southern axis.\n\n"
    "Russian forces advanced near Pokrovsk in the coming months, the Ukrainian General Staff reported on December 12.[1] "
    "Russian forces attacked near Lyman previously.[2]\n\n"
    "Endnotes\n"
    "[1] https://t.me/a/1 ; https://t.me/a/2 ; https://t.me/a/3 ; https://t.me/a/4\n"
    "[2] https://ria.ru/20241214/ukraina-19...\n"
)


def _cells(markup: str, row: str) -> list[str]:
    """The cells of a claims table row (by its id), as HTML."""
    found = re.search(rf'<tr id="[^"]*{row}">(.*?)</tr>', markup)
    assert found is not None, row
    return re.findall(r"<td>(.*?)</td>", found.group(1))


def test_one_label_per_citation_linked_to_its_note() -> None:
    """A callout backed by four sources is one label (not [1][1][1][1]), a link to its note in the view."""
    report = bm.parse(NEW_BEHAVIOUR)
    markup = report._repr_html_()
    collector = assert_safe(markup)
    number = next(i for i, c in enumerate(report.claims, start=1) if c.text.startswith("Russian forces advanced"))
    cited = parsed(_cells(markup, f"claim-row-{number}")[-1])
    assert "".join(cited.text) == "[1]"
    (href,) = cited.hrefs()
    assert href.startswith("#") and href.endswith("note-1")
    assert collector.links() == [f"https://t.me/a/{n}" for n in range(1, 5)]  # the note's four sources, listed
    # the truncated URL of note [2] is shown, flagged, never a link
    assert "https://ria.ru/20241214/ukraina-19... truncated: the printed URL was cut short" in "".join(collector.text)


def test_restates_is_a_link_to_the_claim() -> None:
    report = bm.parse(NEW_BEHAVIOUR)
    markup = report._repr_html_()
    collector = assert_safe(markup)
    (support,) = [dict(attrs) for tag, attrs in collector.tags if "bm-support" in str(dict(attrs).get("class"))]
    number = report.takeaways[0].supports[0].claim + 1
    assert str(support["href"]).endswith(f"claim-row-{number}")
    assert f">(restates claim {number})</a>" in markup


def test_vague_dates_and_contents_bullets_are_left_out() -> None:
    report = bm.parse(NEW_BEHAVIOUR)
    markup = report._repr_html_()
    assert_safe(markup)
    claims = report.claims
    # a contents bullet ("Supporting effort 2—Southern axis.") is a claim of the model, but not a row of the view
    listed = [i for i, c in enumerate(claims, start=1) if "Southern axis" in c.text]
    assert listed and all(f"claim-row-{n}\"" not in markup for n in listed)
    assert "list item (short bullet lines with no callout" in markup or "list items (short bullet lines" in markup
    advanced = next(i for i, c in enumerate(claims, start=1) if c.text.startswith("Russian forces advanced"))
    assert [d.text for d in claims[advanced - 1].dates] == ["in the coming months", "December 12"]
    assert _cells(markup, f"claim-row-{advanced}")[5] == "December 12"  # the vague date is left out
    lyman = next(i for i, c in enumerate(claims, start=1) if "Lyman" in c.text)
    assert _cells(markup, f"claim-row-{lyman}")[5] == ""


def test_the_style_is_scoped_to_the_view() -> None:
    rules = re.sub(r"@media[^{]*\{", "", NOTEBOOK_CSS)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", rules):
        for selector in selectors.split(","):
            assert selector.strip().startswith(".bm-report"), selector


def test_two_reports_in_one_notebook_never_share_an_id() -> None:
    first, second = (bm.parse(NEW_BEHAVIOUR), bm.parse(NEW_BEHAVIOUR.replace("Lyman", "Siversk")))
    ids = [re.findall(r'id="([^"]+)"', r._repr_html_()) for r in (first, second)]
    assert ids[0] and not set(ids[0]) & set(ids[1])
    assert first._repr_html_() == bm.parse(NEW_BEHAVIOUR)._repr_html_()  # the same report, the same ids


def test_a_short_sentence_that_ends_a_bullet_line_stays_a_claim() -> None:
    """Only a bullet line that is one whole sentence is a list item: the last of several sentences is a claim."""
    report = bm.parse(
        "Russian Offensive Campaign Assessment, February 28, 2022\n\n"
        "Russian ground forces are advancing on four primary axes:\n\n"
        "  • Kyiv axis: Russian forces will likely launch a renewed assault on western Kyiv on March 1. "
        "Ukrainian forces are unlikely to capitulate.\n"
        "  • 4. Crimea-Kherson.\n"
    )
    markup = report._repr_html_()
    assert_safe(markup)
    numbers = {c.text: i for i, c in enumerate(report.claims, start=1)}
    assert f'claim-row-{numbers["Ukrainian forces are unlikely to capitulate."]}"' in markup
    kherson = next(i for text, i in numbers.items() if "Crimea-Kherson" in text)
    assert f'claim-row-{kherson}"' not in markup
