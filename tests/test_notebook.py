"""The notebook view: a short repr, and an HTML view in which no report text can run or become markup."""

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._formats.notebook import MAX_ROWS

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ALLOWED_TAGS = {"div", "h3", "h4", "p", "small", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "span"}
ALLOWED_ATTRIBUTES = {"class", "href", "title", "rel", "target"}


def parsed(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


def assert_safe(markup: str) -> _Collector:
    """Only our own tags and attributes, and links only to http(s) URLs."""
    collector = parsed(markup)
    for tag, attributes in collector.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attributes:
            assert name in ALLOWED_ATTRIBUTES, (tag, name, value)
            if name == "href":
                assert value is not None and value.startswith(("http://", "https://")), value
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
    links = [dict(attributes)["href"] for tag, attributes in collector.tags if tag == "a"]
    assert links == ["https://t.me/GeneralStaffZSU/1"]
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
    hrefs = [dict(attrs)["href"] for tag, attrs in collector.tags if tag == "a"]
    assert all(href.startswith("https://t.me/a/1") for href in hrefs)


def test_javascript_urls_are_never_links() -> None:
    report = hostile_report("x")
    collector = assert_safe(report._repr_html_())
    assert [dict(attrs)["href"] for tag, attrs in collector.tags if tag == "a"] == ["https://t.me/a/1?q=x"]
    titles = [dict(attrs).get("title") for tag, attrs in collector.tags if tag == "span"]
    assert any(title and title.startswith("javascript:") for title in titles)  # shown, as an inert title


def test_long_reports_are_cut_and_counted() -> None:
    body = " ".join(f"Russian forces attacked near Lyman for the {i}th time." for i in range(MAX_ROWS + 5))
    report = bm.parse(f"Russian Offensive Campaign Assessment, December 14, 2024\n\n{body}\n")
    markup = report._repr_html_()
    assert "… and 5 more" in markup
    assert markup.count("<tr>") == MAX_ROWS + 1  # the claims shown and the header row (no diagnostics)


@given(st.text())
def test_any_text_gives_safe_html(text: str) -> None:
    assert_safe(bm.parse(text)._repr_html_())
