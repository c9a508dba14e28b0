"""Publisher pages in: the Drupal samples give the citations and notes of their text versions, a WordPress page
reads the same way, nothing on the page runs or is fetched, and the text view round-trips like text."""

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._read.html_nesting import NESTING_LIMIT

from .conftest import CORPUS

pytest.importorskip("selectolax.lexbor")

HTML = CORPUS / "html"
needs_pages = pytest.mark.skipif(not HTML.is_dir(), reason="../shared/corpus/html is absent")

WORDPRESS = """<!doctype html><html><head><title>ignored</title><script>fetch('https://evil.example')</script></head>
<body><header><nav>Home</nav></header><main><article>
<h1>Russian Offensive Campaign Assessment, June 30, 2026</h1>
<div class="entry-content">
<p>June 30, 2026</p>
<p><em>CORRECTION: A previous version of this report misstated a date.</em></p>
<h2>Toplines</h2>
<p><strong>Russian forces advanced near Pokrovsk on June 29.[1] </strong>Ukrainian forces repelled
   assaults near Kupyansk, the Ukrainian General Staff reported.[2]</p>
<h2>Key Takeaways</h2>
<ol><li>Russian forces advanced near Pokrovsk on June 29.</li><li>Ukrainian forces repelled assaults near Kupyansk.</li></ol>
<p>Elements of the 20th Combined Arms Army [CAA] attacked near Kreminna &amp; Lyman.[3]</p>
<img src="https://tracker.example/pixel.gif" onerror="alert(1)">
<h2>Endnotes</h2>
<div class="accordion"><p>[1] https://t.me/rybar/12345<br>[2] <a href="https://www.facebook.com/GeneralStaff.ua/posts/pfbid02xyzFULL">https://www.facebook.com/GeneralStaff.ua/posts/pfbid...</a></p>
<p>[3] https://t.me/wargonzo/777 ; <a href="javascript:alert(2)">javascript:alert...</a></p></div>
</div></article></main><footer>© ISW</footer></body></html>
"""


def same_callouts(a: bm.Report, b: bm.Report) -> None:
    assert [c.label for c in a.citations] == [c.label for c in b.citations]
    assert [n.label for n in a.notes] == [n.label for n in b.notes]
    assert [(c.label, c.note.label if c.note else None) for c in a.citations] == [
        (c.label, c.note.label if c.note else None) for c in b.citations
    ]


@needs_pages
def test_the_drupal_page_gives_the_citations_and_notes_of_its_text_version() -> None:
    page = bm.load(HTML / "isw-2022-12-14.html")[0]
    (text,) = bm.load(CORPUS / "isw-2022-12-14.txt")
    same_callouts(page, text)
    assert (page.title, page.published, page.authors) == (text.title, text.published, text.authors)
    assert len(page.citations) == 92 and all(c.note is not None for c in page.citations)
    assert not any(source.truncated for source in page.sources)
    shortened = [s for s in text.sources if s.truncated]
    assert shortened, "the text version has shortened URLs: the page gives them whole"
    whole = {s.url for s in page.sources}
    for source in shortened:
        assert source.url is not None
        stem = source.url.rstrip(".…")
        assert any(url and url.startswith(stem) and len(url) > len(stem) for url in whole), source.url


@needs_pages
def test_the_other_drupal_page() -> None:
    page = bm.load(HTML / "isw-2022-02-24.html")[0]
    assert page.title == "Russia-Ukraine Warning Update: Initial Russian Offensive Campaign Assessment"
    assert str(page.published) == "2022-02-24"
    assert [c.label for c in page.citations] == [str(i) for i in range(1, 23)]  # MANIFEST: 22 markers, 22 notes
    assert all(c.note is not None for c in page.citations) and not any(s.truncated for s in page.sources)
    assert "Tags" not in page.text and "1400 16th Street" not in page.text  # only the body field, not the page


def test_a_wordpress_page() -> None:
    report = bm.parse_html(WORDPRESS)
    assert report.title == "Russian Offensive Campaign Assessment, June 30, 2026"
    assert str(report.published) == "2026-06-30"
    assert [t.text for t in report.takeaways] == [
        "Russian forces advanced near Pokrovsk on June 29.",
        "Ukrainian forces repelled assaults near Kupyansk.",
    ]
    assert [(c.label, c.note.label if c.note else None) for c in report.citations] == [
        ("1", "1"),
        ("2", "2"),
        ("3", "3"),
    ]
    assert report.notes[1].sources[0].url == "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02xyzFULL"
    assert not report.notes[1].sources[0].truncated
    assert "javascript:alert..." in report.notes[2].text  # a javascript: link is never taken for its URL
    assert "Kreminna & Lyman" in report.text and "fetch(" not in report.text and "Home" not in report.text
    assert "[CAA]" not in [c.label for c in report.citations]


def test_the_text_view_round_trips_like_text() -> None:
    view = bm.html_to_text(WORDPRESS)
    report = bm.parse_html(WORDPRESS)
    assert bm.render(report) == view == report.text
    assert bm.parse(view) == report


def test_deep_nesting_keeps_its_text() -> None:
    nested = "<div>" * NESTING_LIMIT + "Russian forces advanced near Pokrovsk.[1]" + "</div>" * NESTING_LIMIT
    report = bm.parse_html(f"<h1>A Title Line</h1><p>December 1, 2024</p>{nested}<p>[1] https://t.me/a/1</p>")
    assert report.claims[0].text == "Russian forces advanced near Pokrovsk."
    assert report.citations[0].note is not None
    assert "HTML_NESTING_DEEP" not in {d.code for d in report.diagnostics}


def test_nesting_deeper_than_the_limit_keeps_its_words_as_text() -> None:
    deep = "<div>" * 5_000 + "Russian forces advanced near Pokrovsk.[1]" + "</div>" * 5_000
    report = bm.parse_html(f"<h1>A Title Line</h1><p>December 1, 2024</p>{deep}<p>[1] https://t.me/a/1</p>")
    assert "Russian forces advanced near Pokrovsk.[1]" in report.text
    assert report.citations[0].note is not None
    assert report.text.count("<div>") == report.text.count("</div>") == 5_000 - NESTING_LIMIT
    (deep_warning,) = [d for d in report.diagnostics if d.code == "HTML_NESTING_DEEP"]
    assert deep_warning.severity is bm.Severity.WARNING


def test_load_reads_html_files(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("\ufeff" + WORDPRESS, encoding="utf-8")
    (report,) = bm.load(path)
    assert report == bm.parse_html(WORDPRESS)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(bm.BriefmodelError, match=r"pip install 'briefmodel\[html\]'"):
        bm.parse_html(WORDPRESS)
    path = tmp_path / "page.htm"
    path.write_text(WORDPRESS, encoding="utf-8")
    with pytest.raises(bm.BriefmodelError, match="reading HTML: selectolax is not installed"):
        bm.load(path)


@given(st.text())
def test_any_markup_gives_a_report(markup: str) -> None:
    view = bm.html_to_text(markup)
    assert bm.render(bm.parse_html(markup)) == view


def test_load_reads_a_htm_file_without_markup_as_text(tmp_path: Path) -> None:
    page = tmp_path / "report.htm"
    page.write_text("Russian Offensive Campaign Assessment\n\nForces attacked near Kupyansk.[1]\n\n[1] https://t.me/a/1\n")
    (report,) = bm.load(page)
    assert bm.render(report) == page.read_text()  # read as the text it is, not as a page's text view
    assert [c.note.label if c.note else None for c in report.citations] == ["1"]
