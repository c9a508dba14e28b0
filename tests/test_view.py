"""The reading view (``bm.to_html`` and ``briefmodel view``), read as markup: what it shows, that it nests, that
no report text becomes markup or a link that is not http(s), and that the page's policy allows only its own
style and script. ``test_view_browser.py`` opens the same pages in a real browser."""

import base64
import hashlib
import json
import re
import time
import webbrowser
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel._cli import main
from briefmodel._formats.view import CONTENT_SECURITY_POLICY
from briefmodel._formats.view_assets import NOTEBOOK_CSS, PAGE_CSS, PAGE_SCRIPT, VIEW_CSS

from .conftest import CORPUS_FILES, SEED, needs_corpus

VOID = {"meta", "br", "input", "img", "link", "hr", "wbr"}
TAGS = {
    "html", "head", "meta", "title", "style", "body", "script", "div", "a", "span", "nav", "h1", "h2", "h3", "ol",
    "ul", "li", "p", "article", "header", "section", "form", "label", "select", "option", "button", "details",
    "summary", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "br", "aside", "dl", "dt", "dd",
}  # fmt: skip
ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "rel", "target", "title", "hidden",
    "tabindex", "role", "aria-label", "aria-labelledby", "aria-modal", "aria-live", "type", "value",
    "data-claim", "data-claims", "data-stance", "data-speaker", "data-cited", "data-note", "data-label", "data-ln",
}  # fmt: skip
EXAMPLE = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Key Takeaways\n\n"
    "  • Russian forces advanced near Pokrovsk.\n"
    "  • Ukrainian forces will likely hold Kupyansk through the winter.\n\n"
    "Russian forces advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[1] "
    "Russian forces will likely attack near Kreminna in the coming weeks.[2] They attacked near Lyman.[4]\n\n"
    "Endnotes\n"
    "[1] https://t.me/GeneralStaffZSU/12345\n"
    "[2] https://www.reuters.com/world/europe/russia-ukraine-war-story-2024-12-14/ ; https://ria.ru/20241214/ukraina-19...\n"
)


class Page(HTMLParser):
    """Every element with its attributes and its text, checked to nest."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.ids: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.data: list[str] = []
        self.feed(markup)
        self.close()
        assert not self.stack, [tag for tag, _, _ in self.stack]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        assert len(attributes) == len(attrs), (tag, attrs)  # no attribute twice
        self.elements.append((tag, attributes))
        if attributes.get("id"):
            self.ids.append(str(attributes["id"]))
        if tag not in VOID:
            self.stack.append((tag, attributes, []))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, [t for t, _, _ in self.stack[-3:]])
        _, _, pieces = self.stack.pop()
        whole = "".join(pieces)
        if tag in self.raw:
            self.raw[tag].append(whole)
        if self.stack:
            self.stack[-1][2].append(whole)

    def handle_data(self, data: str) -> None:
        self.data.append(data)
        if self.stack:
            self.stack[-1][2].append(data)

    def hrefs(self) -> list[str]:
        return [str(attrs["href"]) for tag, attrs in self.elements if tag == "a" and "href" in attrs]

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for _, attrs in self.elements if name in str(attrs.get("class") or "").split()]

    def text(self) -> str:
        return "".join(self.data)


def text_of(markup: str, selector_id: str) -> str:
    """The text of the element with that id, tags removed (a regex over our own markup, which nests)."""
    start = markup.index(f'id="{selector_id}"')
    tag_start = markup.rindex("<", 0, start)
    tag = re.match(r"<(\w+)", markup[tag_start:]).group(1)  # type: ignore[union-attr]
    depth, at = 0, tag_start
    pattern = re.compile(rf"<(/?){tag}\b[^>]*>")
    for found in pattern.finditer(markup, tag_start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            at = found.start()
            break
    inner = markup[markup.index(">", tag_start) + 1 : at]
    inner = re.sub(r'<a class="bm-claim-tag[^>]*>\w</a>|<span class="bm-q">\?</span>', "", inner)
    return Page(f"<div>{inner}</div>").text()


def assert_safe(markup: str, *, standalone: bool = True) -> Page:
    """Only the view's own tags and attributes; the page's own style and script only; every link http(s) or to
    an element of the page; ids unique."""
    page = Page(markup)
    for tag, attributes in page.elements:
        assert tag in TAGS, tag
        for name in attributes:
            assert name in ATTRIBUTES, (tag, name)
    assert page.raw["script"] == ([PAGE_SCRIPT] if standalone else [])
    assert page.raw["style"] == ([PAGE_CSS] if standalone else [VIEW_CSS])
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    ids = set(page.ids)
    for href in page.hrefs():
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert re.match(r"https?://[^/?#\\@:]", href, re.IGNORECASE), href
    return page


def csp_of(markup: str) -> str:
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', markup)
    assert found is not None
    return found.group(1)


def sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


@pytest.fixture(scope="module")
def example() -> bm.Report:
    return bm.parse(EXAMPLE)


def test_the_page_is_self_contained_and_its_policy_allows_only_its_own_style_and_script(example: bm.Report) -> None:
    markup = bm.to_html(example)
    page = assert_safe(markup)
    policy = csp_of(markup)
    assert policy == CONTENT_SECURITY_POLICY
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == sha256(page.raw["style"][0])
    assert directives["script-src"] == sha256(page.raw["script"][0])
    assert markup.index("Content-Security-Policy") < markup.index("<style>")  # the policy comes before the blocks
    # nothing to fetch: no src, no stylesheet link, no url() or @import, no address in the style or the script
    assert not any("src" in attrs for _, attrs in page.elements)
    for block in (PAGE_CSS, PAGE_SCRIPT, NOTEBOOK_CSS):
        assert (
            "url(" not in block
            and "@import" not in block
            and "http" not in block
            and "//" not in block.replace("http://", "").split("\n", 1)[0]
        )
    assert "innerHTML" not in PAGE_SCRIPT and "eval(" not in PAGE_SCRIPT and "document.write" not in PAGE_SCRIPT


def test_the_page_shows_header_takeaways_claims_callouts_notes_sources_and_diagnostics(example: bm.Report) -> None:
    markup = bm.to_html(example)
    page = assert_safe(markup)
    shown = page.text()
    assert "<title>Russian Offensive Campaign Assessment, December 14, 2024</title>" in markup
    assert "Institute for the Study of War · 2024-12-14" in shown
    # takeaways: the first restates claim 1 (a link to its first piece in the body), the second restates none
    supports = page.with_class("bm-support")
    assert [(a["href"], a["data-claims"]) for a in supports] == [("#r1-claim-1", "0")]
    assert "unsupported: no claim of the body restates it" in shown
    # claims marked by stance, with speaker, cue, hedge and date marks
    pieces = page.with_class("bm-claim")
    stances = {a["data-claim"]: a["data-stance"] for a in pieces if a.get("data-claim")}
    assert stances == {"0": "reported", "1": "assessed", "2": "background"}
    assert text_of(markup, "r1-claim-1").startswith("Russian forces advanced near Pokrovsk on December 14")
    first = next(a for a in pieces if a.get("id") == "r1-claim-1")
    assert first["data-speaker"] == "ukrainian general staff" and first["data-cited"] == "1"
    assert "claim 1 · reported · speaker: the Ukrainian General Staff [ukrainian general staff] · cue: reported" in str(
        first["title"]
    )
    assert re.search(r'<span class="bm-speaker" title="speaker">the Ukrainian General Staff</span>', markup)
    assert '<span class="bm-cue" title="cue">reported</span>' in markup
    assert '<span class="bm-hedge" title="hedge">likely</span>' in markup
    assert '<span class="bm-date" title="date">December 14</span>' in markup
    assert "likely (likelihood, ICD 203: 55–80 %)" in shown
    assert "December 14 → 2024-12-14 (day, event)" in shown
    # callouts: [1] and [2] link to their notes, [4] is unresolved
    callouts = page.with_class("bm-callout")
    assert [(c.get("href"), c.get("data-note")) for c in callouts if c.get("id")] == [
        ("#r1-note-1", "r1-note-1"),
        ("#r1-note-2", "r1-note-2"),
        (None, None),
    ]
    unresolved = page.with_class("bm-unresolved")
    assert unresolved[-1]["data-label"] == "4" and unresolved[-1]["role"] == "button"
    assert unresolved[-1]["tabindex"] == "0"
    # notes and sources: a whole URL is a link, a truncated one is text with its flag
    links = [href for href in page.hrefs() if not href.startswith("#")]
    assert links == [
        "https://t.me/GeneralStaffZSU/12345",
        "https://www.reuters.com/world/europe/russia-ukraine-war-story-2024-12-14/",
    ]
    assert "https://ria.ru/20241214/ukraina-19... truncated: the printed URL was cut short" in shown
    assert "telegram · social post · account GeneralStaffZSU · post 12345" in shown
    assert "web · news article · outlet Reuters" in shown
    # sources grouped by platform and outlet, with counts
    assert "telegram: 1" in shown and "GeneralStaffZSU: 1" in shown and "Reuters: 1" in shown
    # diagnostics with their lines, linked
    assert "CALLOUT_UNRESOLVED" in shown and "no note is labelled [4]" in shown
    assert any(href.startswith("#r1-L") for href in page.hrefs())


def test_the_body_is_the_text_as_printed(example: bm.Report) -> None:
    """Each line of the body shows its text exactly (marks add tags, never text), with its line number."""
    for report in [example, *bm.load(SEED)]:
        markup = bm.to_html(report)
        for number, block in enumerate(report.blocks, start=1):
            if block.kind is bm.BlockKind.ENDNOTE or not block.text.strip():
                continue
            assert text_of(markup, f"r1-L{number}") == block.text, number


def test_the_seed_file_is_one_page_with_both_reports(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    assert main(["view", str(SEED), "-o", str(out)]) == 0
    markup = out.read_text(encoding="utf-8")
    page = assert_safe(markup)
    assert [a["id"] for _, a in page.elements if a.get("class") == "bm-report"] == ["r1-report", "r2-report"]
    assert "2 reports" in page.text()
    isw, _ = bm.load(SEED)
    assert len(page.with_class("bm-claim-tag")) == len(isw.claims) + len(bm.load(SEED)[1].claims)
    in_body = [a for a in page.with_class("bm-unresolved") if a.get("id")]
    assert len(in_body) == len(isw.citations) == 22  # the seed has no endnotes: every callout is unresolved


def test_takeaway_support_and_the_claims_table_link_both_ways(example: bm.Report) -> None:
    markup = bm.to_html(example)
    page = assert_safe(markup)
    rows = [attrs for tag, attrs in page.elements if tag == "tr" and attrs.get("data-claim")]
    assert [r["id"] for r in rows] == ["r1-claim-row-1", "r1-claim-row-2", "r1-claim-row-3"]
    tags = page.with_class("bm-claim-tag")
    assert [t["href"] for t in tags] == ["#r1-claim-row-1", "#r1-claim-row-2", "#r1-claim-row-3"]


def test_the_fragment_has_no_script_and_its_style_is_scoped(example: bm.Report) -> None:
    fragment = bm.to_html(example, standalone=False)
    assert fragment.startswith("<style>") and "<html" not in fragment and "Content-Security-Policy" not in fragment
    page = assert_safe(fragment, standalone=False)
    assert not page.with_class("bm-filters") and not page.with_class("bm-panel")
    rules = re.sub(r"@media[^{]*\{", "", VIEW_CSS)
    for selectors in re.findall(r"([^{}]+)\{[^{}]*\}", rules):
        for selector in selectors.split(","):
            assert selector.strip().startswith((".bm-view", ".bm-report")), selector


def test_the_view_is_deterministic_and_survives_json(example: bm.Report) -> None:
    again = bm.from_json(bm.to_json(example))
    assert bm.to_html(again) == bm.to_html(example) == bm.to_html(bm.parse(EXAMPLE))


def test_only_whole_http_urls_are_links() -> None:
    from briefmodel._formats.htmltext import safe_href

    refused = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " javascript:alert(1)",
        "\x00javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "http:\\\\evil.example",
        "https:///evil.example",
        "https://@evil.example",
        "vbscript:msgbox(1)",
        "https://example.com/a b",
        "https://example.com/\u202egnp.exe",
        "ftp://example.com/",
        "",
    ]
    assert [safe_href(url) for url in refused] == [None] * len(refused)
    assert safe_href("https://t.me/a/1?q=%22x%22") == "https://t.me/a/1?q=%22x%22"
    assert safe_href("HTTP://EXAMPLE.COM/") == "HTTP://EXAMPLE.COM/"
    truncated = bm.Source(raw="https://ria.ru/2024...", url="https://ria.ru/2024", truncated=True)
    from briefmodel._formats.htmltext import link_url

    assert link_url(truncated) is None


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '" onmouseover="window.__pwned=3',
    "' autofocus onfocus='window.__pwned=4",
    "</span></p></div><iframe src=javascript:window.__pwned=5>",
    "&lt;script&gt;",
    "javascript:window.__pwned=6",
    "JaVaScRiPt:window.__pwned=7",
    "java\tscript:window.__pwned=8",
    "data:text/html,<script>window.__pwned=9</script>",
    "//evil.example/x",
    "\u202e<b>reversed</b>\x00",
]


def hostile_report(payload: str) -> bm.Report:
    """A report with the payload in its title, a takeaway, a claim, a speaker, a note and a URL."""
    return bm.parse(
        f"Russian Offensive Campaign Assessment {payload}, December 14, 2024\n\n"
        "Key Takeaways\n\n"
        f"  • Russian forces advanced {payload} near Pokrovsk.\n\n"
        f"Russian forces advanced {payload} near Pokrovsk, the GUR {payload} reported.[1] "
        f"{payload} Ukrainian officials stated that they attacked near Kreminna.[2] They attacked near Lyman.[3]\n\n"
        "Endnotes\n"
        f"[1] https://t.me/a/1?q={payload}\n"
        f"[2] {payload}\n"
        f"[3] {payload} https://example.com/{payload}\n"
    )


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_stays_text(payload: str) -> None:
    report = attrs.evolve(hostile_report(payload), url=payload)  # the page's address is shown, and linked if http(s)
    for markup, standalone in ((bm.to_html(report), True), (bm.to_html(report, standalone=False), False)):
        page = assert_safe(markup, standalone=standalone)
        assert "<script>window" not in markup and "<img" not in markup and "<iframe" not in markup
        if "\x00" not in payload and "\u202e" not in payload:
            assert f"advanced {payload} near Pokrovsk" in page.text()  # shown as text, exactly
        for href in page.hrefs():
            assert href.startswith(("#", "https://t.me/a/1", "https://example.com/")), href


def test_control_and_bidi_characters_are_shown_not_passed_through() -> None:
    markup = bm.to_html(hostile_report("\u202e<b>reversed</b>\x00"))
    assert "\u202e" not in markup and "\x00" not in markup
    assert "⟨U+202E⟩&lt;b&gt;reversed&lt;/b&gt;␀" in markup


@given(st.text())
def test_any_text_gives_a_safe_page(text: str) -> None:
    markup = bm.to_html(bm.parse(text))
    assert_safe(markup)
    markup.encode("utf-8")  # lone surrogates are shown as marks: the page is always UTF-8


def test_view_command_writes_a_page_and_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "brief.txt"
    source.write_text(EXAMPLE, encoding="utf-8")
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    out = tmp_path / "brief.html"
    assert main(["view", str(source), "-o", str(out), "--open"]) == 0
    assert out.read_text(encoding="utf-8") == bm.to_html(bm.parse(EXAMPLE))
    assert opened == [out.resolve().as_uri()]
    assert main(["view", str(source)]) == 0
    assert capsys.readouterr().out == bm.to_html(bm.parse(EXAMPLE))
    # --open without -o: a new file in the temporary folder, named on standard error
    assert main(["view", str(source), "--open"]) == 0
    written = capsys.readouterr().err.strip().removeprefix("briefmodel: the view is at ")
    assert opened[-1] == Path(written).resolve().as_uri()
    Path(written).unlink()


def test_view_command_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["view", str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["view", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    source = tmp_path / "brief.txt"
    source.write_text(EXAMPLE, encoding="utf-8")
    monkeypatch.setattr(webbrowser, "open", lambda uri: False)
    out = tmp_path / "brief.html"
    assert main(["view", str(source), "-o", str(out), "--open"]) == 2
    err = capsys.readouterr().err
    assert err == f"briefmodel: error: no web browser could be opened: the view is written to {out}\n"
    assert out.exists()


def test_view_command_reads_json_and_names_bad_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = bm.parse(EXAMPLE)
    lines = tmp_path / "reports.jsonl"
    lines.write_text(bm.to_json(report) + "\n" + json.dumps({"not": "a report"}) + "\n", encoding="utf-8")
    out = tmp_path / "reports.html"
    assert main(["view", str(lines), "-o", str(out)]) == 2
    assert "reports.jsonl line 2 is not a report" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == bm.to_html(report)


@needs_corpus
def test_the_largest_corpus_report_renders_in_under_a_second() -> None:
    largest = max(CORPUS_FILES, key=lambda path: path.stat().st_size)
    (report,) = bm.load(largest)
    assert report.claims and report.sources  # read once: the view's own cost is measured
    started = time.perf_counter()
    markup = bm.to_html(report)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, elapsed
    assert_safe(markup)
    print(f"{largest.name}: {len(report.text):,} characters -> {len(markup.encode()):,} bytes in {elapsed:.3f} s")


def test_view_command_on_a_folder_writes_a_page_per_report_and_an_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE, encoding="utf-8")
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "site"
    assert main(["view", str(folder), "-o", str(out)]) == 2  # one file could not be read: named, the rest viewed
    err = capsys.readouterr().err
    assert "broken.txt" in err and "looks binary" in err and "3 reports viewed" in err
    index = (out / "index.html").read_text(encoding="utf-8")
    page = Page(index)
    assert page.raw["script"] == [] and page.raw["style"] == [PAGE_CSS]
    policy = csp_of(index)
    assert policy.startswith("default-src 'none'; style-src ") and "script-src" not in policy
    links = page.hrefs()
    assert len(links) == 3 and all(re.fullmatch(r"reports/r-[0-9a-f]{16}\.html", link) for link in links)
    shown = page.text()
    assert "3 reports · 2024-12-14 to 2024-12-14" in shown and "seed.txt (report 2)" in shown
    assert "Files not read (1)" in shown
    for link in links:  # each page links back to the index
        report_page = (out / link).read_text(encoding="utf-8")
        assert '<a class="bm-up" href="../index.html">← All reports</a>' in report_page
        assert_safe(report_page.replace('<a class="bm-up" href="../index.html">', '<a class="bm-up" href="#r1-text">'))
    assert main(["view", str(folder)]) == 2
    assert "give -o DIR" in capsys.readouterr().err


def test_the_index_escapes_titles_and_file_names() -> None:
    from briefmodel._formats.view_index import IndexEntry, index_html

    payload = '<script>alert(1)</script>" onmouseover="x'
    entry = IndexEntry(
        href="reports/r-0.html", title=payload, published=None, series=payload, path=payload, position=0, counts=()
    )
    markup = index_html([entry], title=payload, failed=[(payload, payload)])
    page = Page(markup)
    assert page.raw["script"] == [] and page.hrefs() == ["reports/r-0.html"]
    assert (
        page.text().count(payload) == 7
    )  # the title (page, heading), the row (title, series, file), the file not read


def test_places_and_units_are_marked_with_their_kind_and_key() -> None:
    report = bm.parse(
        "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
        "Elements of the 20th Combined Arms Army [CAA] attacked near Kreminna on December 13.[1]\n\n"
        "Endnotes\n[1] https://t.me/a/1\n"
    )
    (claim,) = report.claims
    assert [p.text for p in claim.places] == ["Kreminna"] and [u.text for u in claim.units]
    markup = bm.to_html(report)
    assert_safe(markup)
    place = claim.places[0]
    assert (
        f'<span class="bm-place" title="place: Kreminna (settlement; relation: near) [{place.key}]">Kreminna</span>'
        in markup
    )
    unit = claim.units[0]
    assert re.search(rf'<span class="bm-unit" title="unit: {re.escape(unit.text)} \(army; [a-z]+\)[^"]*">', markup)
    row = text_of(markup, "r1-claim-row-1")
    assert "place: Kreminna (settlement; relation: near)" in row and f"unit: {unit.text} (army;" in row
    assert text_of(markup, "r1-L3") == report.blocks[2].text  # the marks add no text
