"""HTML keeps every word: nesting capped at a documented depth (deeper tags read as text, with a warning) by a pass
that changes nothing else a reader sees; shortened links keep their text and callouts; control characters and
surrogates get the diagnostics plain text gets."""

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._read import html as html_reader
from briefmodel._read.html_nesting import NESTING_LIMIT, Capped, cap_nesting

from .conftest import CORPUS

lexbor = pytest.importorskip("selectolax.lexbor")

PAGES = sorted((CORPUS / "html").glob("*.html")) if (CORPUS / "html").is_dir() else []
HEAD = "<h1>A Title Line</h1><p>December 1, 2024</p>"
TEXT_CODES = {"TEXT_CONTROL_CHARACTER", "TEXT_BIDI_CONTROL", "TEXT_REPLACEMENT_CHARACTER"}

# Tags and pieces of markup that exercise the tree builder's rules: implied end tags, scopes, tables, select,
# formatting elements (the adoption agency), SVG and MathML with their integration points and break-outs, raw
# text, comments, CDATA, and broken syntax.
PIECES = (
    "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<b>", "</b>", "<i>", "</i>",
    "<a href=https://t.me/a/1>", "</a>", "<span>", "</span>", "<table>", "</table>", "<tr>", "</tr>", "<td>",
    "</td>", "<th>", "<tbody>", "<caption>", "<colgroup>", "<col>", "<select>", "</select>", "<option>",
    "</option>", "<optgroup>", "<svg>", "</svg>", "<g>", "</g>", "<g/>", "<foreignObject>", "</foreignObject>",
    "<math>", "<mi>", "</mi>", "<annotation-xml encoding='text/html'>", "<title>", "</title>", "<style>",
    "</style>", "<script>", "</script>", "<textarea>", "</textarea>", "<!--", "-->", "<![CDATA[", "]]>",
    "<template>", "</template>", "<form>", "</form>", "<button>", "<h1>", "</h2>", "<dd>", "<dt>", "<dl>", "<br>",
    "</br>", "<img>", "<hr>", "<font color=red>", "<font>", "</font>", "<nobr>", "<object>", "</object>",
    "<noscript>", "<xmp>", "<plaintext>", "<ruby>", "<rt>", "<!doctype html>", "<body>", "</body>", "<html>",
    "word", " ", "<", ">", '"', "'", "<a title='>'>", "<div/>", "<p/>", "<?x>", "</>", "</ x>", "<!x>", "<em>",
    "</strong>", "<blockquote>", "<section>", "<pre>", "<iframe>", "</iframe>", "<details>", "<summary>",
    "<marquee>", "<desc>", "<input>", "<u>", "<center>", "<article>", "<tfoot>", "<thead>", "</tbody>",
    "<script><!--<script>", "</caption>", "<mtext>", "<mglyph>", "</math>", "<svg><title>", "<code>",
)  # fmt: skip
markup_pieces = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


def lexbor_depth(markup: str) -> int:
    """The depth of the tree lexbor builds from ``markup``, walked without recursion."""
    deepest, stack = 0, [(lexbor.LexborHTMLParser(markup).root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest


def view_without_cap(markup: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The text view as lexbor gives it from the page unchanged (the cap pass replaced by the identity)."""
    with monkeypatch.context() as patch:
        patch.setattr(html_reader, "cap_nesting", lambda text: Capped(text, 0, -1))
        return bm.html_to_text(markup)


# -- nesting -------------------------------------------------------------------------------------------------------

SHAPES = {
    "div": "<div>x",
    "ul li": "<ul><li>x",
    "select option": "<select><option>x",
    "table": "<table><tr><td>x",
    "b i": "<b><i>x",
    "unclosed span": "<span>x",
    "option div": "<option><div>x",
    "details": "<details><summary>x",
    "dl dt": "<dl><dt>x",
    "b p": "<b>x</p>",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_deep_shapes_keep_every_word(shape: str) -> None:
    report = bm.parse_html(SHAPES[shape] * 2_000)
    assert report.text.count("x") == 2_000
    deep = [d for d in report.diagnostics if d.code == "HTML_NESTING_DEEP"]
    assert len(deep) == (shape != "select option")  # a select closes the one before: never deep
    assert lexbor_depth(cap_nesting(SHAPES[shape] * 2_000).markup) <= 2 * NESTING_LIMIT + 4


def test_the_warning_names_the_limit_the_place_and_the_count() -> None:
    page = "<html>\n<body>\n" + "<div>" * (NESTING_LIMIT + 3) + "deep" + "</div>" * (NESTING_LIMIT + 3)
    report = bm.parse_html(page)
    (deep,) = [d for d in report.diagnostics if d.code == "HTML_NESTING_DEEP"]
    column = 1 + len("<div>") * NESTING_LIMIT
    assert deep.message == (
        f"HTML nested deeper than {NESTING_LIMIT} elements from line 3, column {column} of the page: 6 tags read as text"
    )
    assert deep.span is None and report.diagnostics[0] is deep
    assert "<div><div><div>deep</div></div></div>" in report.text
    with pytest.raises(bm.ParseError) as raised:
        bm.parse_html(page, strict=True)
    assert (raised.value.code, raised.value.line, raised.value.column) == ("HTML_NESTING_DEEP", 3, column)


def test_a_report_within_the_limit_is_unchanged_by_the_cap() -> None:
    page = HEAD + "<div>" * NESTING_LIMIT + "Russian forces attacked.[1]" + "</div>" * NESTING_LIMIT
    assert cap_nesting(page).markup == page
    assert bm.parse_html(page) == bm.parse(bm.html_to_text(page))


def test_flat_pages_never_count_as_deep() -> None:
    # unclosed p, li, option, td and dt elements close one another: thousands of them are no nesting
    page = "<p>a" * 3_000 + "<ul>" + "<li>b" * 3_000 + "</ul><select>" + "<option>c" * 3_000 + "</select>"
    page += "<table>" + "<tr><td>d<td>e" * 3_000 + "</table><dl>" + "<dt>f<dd>g" * 3_000 + "</dl>"
    report = bm.parse_html(page)
    assert not [d for d in report.diagnostics if d.code == "HTML_NESTING_DEEP"]
    assert [report.text.count(word) for word in "abcdefg"] == [3_000] * 7


def test_the_end_of_a_page_inside_a_tag_is_kept_as_text() -> None:
    # HTML drops a tag the page ends in; its words stay
    report = bm.parse_html(HEAD + '<p>The last words <a href="https://t.me/rybar/1')
    assert report.text.endswith('The last words <a href="https://t.me/rybar/1\n')


def test_a_formatting_end_tag_across_blocks_moves_no_text() -> None:
    page = HEAD + "<p><b>Bold start.<p>Second paragraph.</b> Same paragraph.</p><div>After.</div>"
    assert bm.html_to_text(page) == view_without_cap_static(page)
    assert "Second paragraph. Same paragraph." in bm.html_to_text(page)


def view_without_cap_static(markup: str) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_reader, "cap_nesting", lambda text: Capped(text, 0, -1))
        return bm.html_to_text(markup)


@pytest.mark.skipif(not PAGES, reason="../shared/corpus/html is absent")
@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_the_corpus_pages_read_the_same_with_the_cap(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = path.read_text(encoding="utf-8")
    assert bm.html_to_text(page) == view_without_cap(page, monkeypatch)
    assert cap_nesting(page).deep == 0


@settings(max_examples=150)
@given(markup_pieces)
@example("<b><ol><math></b><template><blockquote>]]>")
@example("<a href=x><h1><a href=x><li>")
@example("<form><article></form>]]>")
@example("<div/><form></div>><form>>")
@example("<option><svg></option><noembed><dl>")
@example("<rb><select><legend></font><svg><title><select><?x>'<?x>")
def test_the_cap_changes_no_text_view_within_the_limit(markup: str) -> None:
    markup += "\"'>"  # closes a tag left open: a page ending inside a tag is kept as text only with the cap
    assert bm.html_to_text(markup) == view_without_cap_static(markup)


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join),
    st.sampled_from(
        [
            "<g/>" * 200 + "</y>" * 50,
            "<style>" + "<div>" * 200,
            "<![CDATA[" + "<div>" * 200,
            "<script><!--<script>" + "<div>" * 200,
            "<x/>" * 200 + "</p>" * 50,
            "<div>" * 200,
        ]
    ),
)
@example("<xx<legend></caption>]]></colgroup></svg>", "<div>" * 200)
@example("<b><ol><math></b>", "<g/>" * 200 + "</y>" * 50)
@example("<article></section><select><a href=x><s><center></i></tbody>", "<div>" * 200)
@example("<a><math><mi><p><a></mi>", "<g/>" * 200 + "</y>" * 50)
def test_lexbor_never_nests_deeper_than_the_pass_allows(unit: str, probe: str) -> None:
    # a small limit, markup repeated past it, then a probe that nests deep if lexbor and the pass read it apart
    limit = 12
    markup = unit * 60 + probe
    assert lexbor_depth(cap_nesting(markup, limit).markup) <= 3 * limit + 12


def test_the_pass_reads_tags_as_the_html_tokenizer_does() -> None:
    # quoted > in attributes, comments of every shape, raw text with its escapes: no tag seen that is not one
    hidden = (
        '<a title="<div>">x</a><!-- <div> --><!--><div></div><!---><div></div><!-- a --!><div></div>'
        "<style><div></style><textarea><div></textarea><title><div></title><? <div> ><!doctype <div> >"
        "<script><!--<script></script><div></script><p></p><xmp><div></xmp><div x='<div>'/></div>"
    )
    capped = cap_nesting(hidden * 500, limit=4)
    assert capped.deep == 0 and capped.markup == hidden * 500  # a <div> taken for a tag would nest past 4
    assert lexbor_depth(hidden * 500) <= 5  # and lexbor reads it so


# -- links ---------------------------------------------------------------------------------------------------------


def test_a_shortened_link_keeps_its_sentence_and_callouts() -> None:
    page = HEAD + (
        '<p><a href="https://t.me/rybar/12345">Russian forces advanced near Pokrovsk, Rybar claimed.[1] '
        "Source: https://t.me/rybar/12...</a></p><p>[1] https://t.me/rybar/12345</p>"
    )
    report = bm.parse_html(page)
    assert "Russian forces advanced near Pokrovsk, Rybar claimed.[1] Source: https://t.me/rybar/12345" in report.text
    assert [c.label for c in report.citations] == ["1"] and report.citations[0].note is not None


def test_only_the_url_word_takes_the_href() -> None:
    cases = {
        '<a href="https://x.com/a/status/123456789">https://x.com/a/status/123...</a>': "https://x.com/a/status/123456789",
        '<a href="https://www.facebook.com/a/posts/pfbid02">facebook.com/a/posts/pf…</a>': "https://www.facebook.com/a/posts/pfbid02",
        '<a href="https://t.me/%D0%B0/1">https://t.me/а...</a>': "https://t.me/%D0%B0/1",
        '<a href="https://t.me/a/1">Read more...</a>': "Read more...",
        '<a href="https://t.me/a/1">https://t.me/b...</a>': "https://t.me/b...",
        '<a href="javascript:alert(1)">javascript:alert...</a>': "javascript:alert...",
        '<a href="https://t.me/a/1"><b>See</b> <i>https://t.me/a</i>/...</a>': "See https://t.me/a/1",
        '<a href="https://t.me/a/1">...</a>': "...",
    }  # fmt: skip
    for link, text in cases.items():
        assert bm.html_to_text(f"<p>{link}</p>") == text + "\n", link


def test_a_link_around_blocks_keeps_them() -> None:
    page = '<a href="https://t.me/a/1"><p>First paragraph.</p><p>More at https://t.me/a...</p></a>'
    assert bm.html_to_text(page) == "First paragraph.\n\nMore at https://t.me/a/1\n"


# -- characters ----------------------------------------------------------------------------------------------------


def text_codes(report: bm.Report) -> set[str]:
    return {d.code for d in report.diagnostics} & TEXT_CODES


@given(st.text(st.sampled_from("ab\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\u202e\u2066\ufffd\u00a0é"), min_size=1))
@example("a\x00b")
@example("\x0c")
def test_characters_in_markup_get_the_diagnostics_of_plain_text(text: str) -> None:
    page = f"<p>{text.replace('&', '&amp;').replace('<', '&lt;')}</p>"
    report = bm.parse_html(page)
    assert text_codes(report) == text_codes(bm.parse(text))
    assert report.text.strip(" \n") == text.strip(" ")  # kept as they are, NUL and form feed included


def test_a_nul_is_kept_in_text_and_in_a_link() -> None:
    page = HEAD + '<p>Russian\x00forces.[1]</p><p>[1] <a href="https://t.me/a/1\x00">https://t.me/a...</a></p>'
    report = bm.parse_html(page)
    assert "Russian\x00forces." in report.text and "https://t.me/a/1\x00" in report.text
    (control,) = [d for d in report.diagnostics if d.code == "TEXT_CONTROL_CHARACTER"]
    assert control.message == "control character '\\x00' in the text (2 in all)"


def test_a_page_holding_every_stand_in_gives_nul_as_the_replacement_character() -> None:
    stand_ins = "".join(html_reader._NONCHARACTERS)
    report = bm.parse_html(f"<p>{stand_ins}a\x00b</p>")
    assert "a\ufffdb" in report.text and "TEXT_REPLACEMENT_CHARACTER" in text_codes(report)


def test_surrogates_pair_up_or_become_the_replacement_character() -> None:
    report = bm.parse_html("<p>lone \ud800 and pair \ud83d\ude00 and low \udc00</p>")
    assert report.text == "lone \ufffd and pair \U0001f600 and low \ufffd\n"
    (replacement,) = [d for d in report.diagnostics if d.code == "TEXT_REPLACEMENT_CHARACTER"]
    assert "(2 in all)" in replacement.message
    assert bm.render(report).encode("utf-8")  # the view can be written as UTF-8


def test_characters_in_markup_outside_text_stay_markup() -> None:
    # a NUL in a tag name or a comment is markup, as lexbor reads it: the text around it is whole
    assert bm.html_to_text("<p>one<b\x00>two</b\x00><!-- \x00 -->three</p>") == "onetwothree\n"


def test_no_noncharacter_of_the_page_is_taken_for_a_nul() -> None:
    page = "<p>a\ufdd0b\x00c</p>"
    assert bm.html_to_text(page) == "a\ufdd0b\x00c\n"


@pytest.mark.parametrize("control", ["\x01", "\x0b", "\x7f", "\x1b"])
def test_other_controls_reach_the_view(control: str) -> None:
    assert re.search(re.escape(control), bm.html_to_text(f"<p>a{control}b</p>"))
