"""Tests for ``Source.key``: one identity per source across reports and runs (``briefmodel._sources.keys``).

The printed forms below are shapes from the shared corpus (``../shared/corpus``): X posts
with ``/photo/N``, ``?s=20&t=…``, ``mobile.`` and both hosts; Telegram ``t.me/s/`` and
``?single``; YouTube's ``time_continue`` and ``ab_channel``; Facebook's ``watch/?v=`` and
``/videos/``; cut URLs with ``...`` and ``....``.
"""

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import briefmodel as bm
from briefmodel import Source
from briefmodel._sources import items, keys
from briefmodel._sources.items import read_sources

from .conftest import CORPUS_FILES, assert_linear, needs_corpus, read_exact

ROOT = Path(__file__).resolve().parents[1]


def key(printed: str) -> str:
    """The key of the one source a note lists."""
    sources = read_sources(printed)
    assert len(sources) == 1, sources
    return sources[0].key


# --------------------------------------------------------------------------- every printed form of one source

SAME = {
    "x:status/1498616685137383425": [
        "https://twitter.com/GeneralStaffUA/status/1498616685137383425",
        "https://x.com/GeneralStaffUA/status/1498616685137383425",
        "https://mobile.twitter.com/GeneralStaffUA/status/1498616685137383425",
        "https://m.twitter.com/GeneralStaffUA/status/1498616685137383425",
        "https://www.twitter.com/GeneralStaffUA/status/1498616685137383425",
        "HTTPS://X.COM/generalstaffua/status/1498616685137383425",
        "https://x.com/GeneralStaffUA/status/1498616685137383425?s=20",
        "https://twitter.com/GeneralStaffUA/status/1498616685137383425?s=20&t=WCoPkWWUFgGI56RglmAmyg",
        "https://x.com/GeneralStaffUA/status/1498616685137383425/photo/1",
        "https://x.com/GeneralStaffUA/status/1498616685137383425/photo/2",
        "https://x.com/GeneralStaffUA/status/1498616685137383425/video/1",
        "https://fxtwitter.com/GeneralStaffUA/status/1498616685137383425",
        "https://vxtwitter.com/GeneralStaffUA/status/1498616685137383425",
        "https://twitter.com/i/web/status/1498616685137383425",
        "https://x.com/i/status/1498616685137383425",
        "twitter.com/GeneralStaffUA/status/1498616685137383425.",
        "https://twitter dot com/GeneralStaffUA/status/1498616685137383425",
        # cut after the id: the id is whole, so the post is known
        "https://twitter.com/GeneralStaffUA/status/1498616685137383425?cxt=HHwWgsCyw...",
        "https://twitter.com/GeneralStaffUA/status/1498616685137383425?s=20&t=nzhdZrM....",
    ],
    "telegram:rybar/40753": [
        "https://t.me/rybar/40753",
        "https://t.me/s/rybar/40753",
        "https://t.me/Rybar/40753",
        "https://telegram.me/rybar/40753",
        "https://telegram.dog/rybar/40753",
        "https://t.me/rybar/40753?single",
        "http://t.me/rybar/40753/",
        "https://t dot me/rybar/40753",
        "t.me/rybar/40753",
    ],
    "telegram:rybar": [
        "https://t.me/rybar",
        "https://t.me/s/rybar",
        "https://T.me/Rybar/",
        "https://telegram.me/rybar",
    ],
    "youtube:yRHgmcaZag4": [
        "https://www.youtube.com/watch?v=yRHgmcaZag4",
        "https://www.youtube.com/watch?v=yRHgmcaZag4&ab_channel=intimeUkraineLIVE",
        "https://www.youtube.com/watch?time_continue=3&v=yRHgmcaZag4&feature=emb_logo",
        "https://m.youtube.com/watch?v=yRHgmcaZag4",
        "https://youtu.be/yRHgmcaZag4",
        "https://youtu.be/yRHgmcaZag4?si=Xq3",
        "https://www.youtube.com/shorts/yRHgmcaZag4",
        "https://www.youtube.com/live/yRHgmcaZag4",
        "https://www.youtube.com/embed/yRHgmcaZag4",
        "https://www.youtube-nocookie.com/embed/yRHgmcaZag4",
    ],
    "facebook:generalstaff.ua/posts/343612411285177": [
        "https://www.facebook.com/GeneralStaff.ua/posts/343612411285177",
        "https://m.facebook.com/GeneralStaff.ua/posts/343612411285177",
        "https://facebook.com/generalstaff.ua/posts/343612411285177/",
        "ttps://www.facebook.com/GeneralStaff.ua/posts/343612411285177",
        "https://www.facebook.com/GeneralStaff.ua/posts/343612411285177?__cft__[0]=AZW&__tn__=%2CO%2CP-R",
    ],
    "facebook:generalstaff.ua/posts/pfbid02GB3oXswaYZbGDZCzQ4": [
        "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02GB3oXswaYZbGDZCzQ4",
        "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02GB3oXswaYZbGDZCzQ4?locale=uk_UA",
    ],
    "facebook:video/5764037823629468": [
        "https://www.facebook.com/okPivden/videos/5764037823629468/",
        "https://www.facebook.com/watch/?v=5764037823629468",
        "https://m.facebook.com/watch/?v=5764037823629468",
    ],
    "facebook:100064/posts/5551234": [
        "https://m.facebook.com/story.php?story_fbid=5551234&id=100064",
        "https://www.facebook.com/permalink.php?story_fbid=5551234&id=100064",
    ],
    "vk:wall-123_456": [
        "https://vk.com/wall-123_456",
        "https://m.vk.com/wall-123_456",
        "https://vk.com/wall-123_456?z=photo-123_457%2Fwall-123_456",
        "https://vk.com/feed?w=wall-123_456",
    ],
    "instagram:p/DVMOrNJjUnW": [
        "https://www.instagram.com/reel/DVMOrNJjUnW/",
        "https://www.instagram.com/p/DVMOrNJjUnW/",
        "https://www.instagram.com/gentlemen.1ombr/reel/DVMOrNJjUnW/",
        "https://instagram.com/p/DVMOrNJjUnW?igsh=MTc4",
    ],
    "url:https://reuters.com/world/europe/some-story-2022-12-14": [
        "https://www.reuters.com/world/europe/some-story-2022-12-14/",
        "http://www.reuters.com/world/europe/some-story-2022-12-14",
        "https://WWW.Reuters.COM/world/europe/some-story-2022-12-14/",
        "https://www.reuters.com:443/world/europe/some-story-2022-12-14/",
        "http://reuters.com:80/world/europe/some-story-2022-12-14",
        "https://www.reuters.com/world/europe/some-story-2022-12-14/?utm_source=twitter&utm_medium=social",
        "https://www.reuters.com/world/europe/some-story-2022-12-14/?fbclid=IwAR2x&gclid=Cj0",
        "https://www.reuters.com/world/europe/some-story-2022-12-14/#main-content",
        "https://www.reuters.com/world/europe/some-story-2022-12-14/#:~:text=Russian%20forces",
        "https://www.reuters.com/world/europe/x/../some-story-2022-12-14/",
        "https://www dot reuters dot com/world/europe/some-story-2022-12-14/",
        "www.reuters.com/world/europe/some-story-2022-12-14",
    ],
    # the corpus prints this article's Arabic path both escaped and as letters
    "url:https://i24news.tv/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/middle-east/artc-78b54fc5": [
        "https://www.i24news.tv/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/middle-east/artc-78b54fc5",
        "https://www.i24news.tv/ar/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/middle-east/artc-78b54fc5",
        "https://www.i24news.tv/ar/أخبار/middle-east/artc-78b54fc5",
    ],
    "url:https://carnegieendowment.org/research/2020/03/frontier?center=middle-east&lang=en": [
        "https://carnegieendowment.org/research/2020/03/frontier?lang=en&center=middle-east",
        "https://carnegieendowment.org/research/2020/03/frontier?center=middle-east&lang=en",
        "https://carnegieendowment.org/research/2020/03/frontier/?lang=en&utm_campaign=x&center=middle-east",
    ],
    "url:https://nytimes.com/2022/12/14/world/europe/ukraine.html": [
        "https://www.nytimes.com/2022/12/14/world/europe/ukraine.html?smid=tw-share",
        "https://www.nytimes.com/2022/12/14/world/europe/ukraine.html?smid=nytcore-ios-share",
        "https://www.nytimes.com/2022/12/14/world/europe/ukraine.html?gaa_at=eafs&gaa_n=AWEt&gaa_ts=1&gaa_sig=Zm",
    ],
    "url:https://wikimapia.org#lang=en&lat=32.844882&lon=51.564685": [
        "https://wikimapia.org/#lang=en&lat=32.844882&lon=51.564685",
        "http://www.wikimapia.org/#lang=en&lat=32.844882&lon=51.564685",
    ],
    # the same cut printed with three dots, four dots and an ellipsis
    "truncated:https://understandingwar.org/backgrounder/russian-campaign-assessmen": [
        "https://www.understandingwar.org/backgrounder/russian-campaign-assessmen...",
        "https://www.understandingwar.org/backgrounder/russian-campaign-assessmen....",
        "https://www.understandingwar.org/backgrounder/russian-campaign-assessmen…",
        "http://understandingwar.org/backgrounder/russian-campaign-assessmen...",
    ],
    "text:UA General Staff SITREP of 1200 MAR 8 stated that": [
        "UA General Staff SITREP of 1200 MAR 8 stated that",
        "UA General Staff  SITREP of 1200\nMAR 8 stated that",
    ],
}


@pytest.mark.parametrize(("expected", "printed"), [(k, p) for k, forms in SAME.items() for p in forms])
def test_every_printed_form_has_the_sources_key(expected: str, printed: str) -> None:
    assert key(printed) == expected


# --------------------------------------------------------------------------- different sources, different keys

DIFFERENT = [
    # printed, printed: never one key
    ("https://t.me/rybar/1", "https://t.me/rybar/10"),
    ("https://t.me/rybar/11", "https://t.me/rybar1/1"),
    ("https://t.me/rybar", "https://t.me/rybar/1"),  # the channel and one of its posts
    ("https://t.me/sibirmedia/24443", "https://t.me/sibirmedia/24443?comment=77518"),  # a post and a comment on it
    ("https://t.me/rybar", "https://x.com/rybar"),  # one name on two platforms
    ("https://x.com/rybar/status/1", "https://x.com/rybar/status/2"),
    ("https://x.com/rybar", "https://x.com/rybar/media"),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dqw4w9wgxcq"),  # ids are cased
    ("https://www.youtube.com/c/Rybar", "https://www.youtube.com/@Rybar"),
    ("https://www.facebook.com/okPivden/videos/123/", "https://www.facebook.com/okPivden/posts/123"),
    ("https://www.facebook.com/groups/abc/posts/1", "https://www.facebook.com/abc/posts/1"),
    (
        "https://www.facebook.com/DefenceIntelligenceofUkraine",
        "https://www.facebook.com/DefenceIntelligenceofUkraine/photos",
    ),
    ("https://www.instagram.com/p/DVMOrNJjUnW/", "https://www.instagram.com/p/dvmornjjunw/"),
    ("https://vk.com/wall-123_456", "https://vk.com/wall123_456"),
    ("https://vk.com/woo.mptaifun", "https://vk.com/woo.mptaifun?z=photo-1_2%2Falbum-1_0"),
    ("https://example.com/Article", "https://example.com/article"),  # a path is case-sensitive
    ("https://example.com/a?id=1", "https://example.com/a?id=2"),
    ("https://example.com/?s=ukraine", "https://example.com/"),  # a search term is no share code
    ("https://example.com/a%2Fb", "https://example.com/a/b"),  # an escaped slash is part of a segment
    ("https://example.com:8080/a", "https://example.com/a"),
    ("https://news.example.com/a", "https://example.com/a"),  # only www., m. and mobile. are folded
    (
        "https://wikimapia.org/#lang=en&lat=32.844882&lon=51.564685",
        "https://wikimapia.org/#lang=en&lat=35.7&lon=51.4",
    ),
    ("https://hub.example.org/portal/#/home/pages/a", "https://hub.example.org/portal/#/home/pages/b"),
    # a cut and the whole URL it may come from, and two cuts
    ("https://t.me/ivan_fedorov_melitopol/463...", "https://t.me/ivan_fedorov_melitopol/463"),
    ("https://twitter.com/666_mancer/status/157...", "https://twitter.com/666_mancer/status/157"),
    ("https://www.reuters.com/world/ukraine-warns...", "https://www.reuters.com/world/ukraine-warns"),
    ("https://www.reuters.com/world/ukraine-warns...", "https://www.reuters.com/world/ukraine-warn..."),
    ("https://www.facebook.com/GeneralStaff.ua/posts/pfbid02e2v4...", "https://www.facebook.com/GeneralStaff.ua/p..."),
    ("https://t.me/Bratch...", "https://t.me/Bratchuk"),
    # a note's text and a URL spelled the same
    ("Kinzhal | Missile Threat (csis.org)", "Kinzhal | Missile Threat"),
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_sources_have_different_keys(first: str, second: str) -> None:
    assert key(first) != key(second)


def test_key_formats() -> None:
    """The prefixes the docs list, each on a real shape."""
    assert key("https://twitter.com/COUPSURE/status/1496850009261813761") == "x:status/1496850009261813761"
    assert key("https://x.com/COUPSURE") == "x:coupsure"
    assert key("https://t.me/sibirmedia/24443?comment=77518") == "telegram:sibirmedia/24443/comment/77518"
    assert key("https://t.me/c/1234567/89") == "telegram:1234567/89"
    assert key("https://www.facebook.com/DefenceIntelligenceofUkraine") == "facebook:defenceintelligenceofukraine"
    assert key("https://www.facebook.com/profile.php?id=100064") == "facebook:100064"
    assert key("https://www.facebook.com/groups/abc/posts/1") == "facebook:groups/abc/posts/1"
    assert key("https://fb.watch/dZqdN7MoPm/") == "facebook:fb.watch/dZqdN7MoPm"
    assert key("https://www.instagram.com/stories/someone/3012345678/") == "instagram:stories/someone/3012345678"
    assert key("https://www.youtube.com/@Rybar") == "url:https://youtube.com/@Rybar"
    assert (
        key("https://twitter.com/search?q=kherson&src=typed_query")
        == "url:https://x.com/search?q=kherson&src=typed_query"
    )
    assert key("https://www.dia.mil/Iran_Military_Power_LR.pdf,") == "url:https://dia.mil/Iran_Military_Power_LR.pdf"
    assert key("https://example.com") == "url:https://example.com"
    assert key("https://twitte...") == "truncated:https://twitte"
    assert key("https://ta... ru/politika/16586831") == "truncated:https://ta"


def test_cut_sources_without_a_url_keep_their_text() -> None:
    stubs = read_sources("https://t.me/a/1; ht... https://t.me/b/2")
    assert stubs[1].key == "truncated:ht..."
    (whole,) = read_sources("https:/...; ht...")
    assert whole.key == "truncated:https:/...; ht..."


# --------------------------------------------------------------------------- the generic normalisation is w3lib's

_PATH_PIECES = st.sampled_from(
    [*"abcXYZ019-._~:@!$&'()*+,=|[]/\\", "%41", "%7e", "%2F", "%2f", "%3F", "%25", "%D0%B2", "%d0%b2", "%E9",
     "%zz", "%", "в", "ж", "ع", "é", "–", '"', "<", ">", "^", "`", "{", "}", ".", "..", "/./", "/../", "%2E"]
)  # fmt: skip
_QUERY_PIECES = st.sampled_from(
    [*"abcXYZ019-._~:@!$()*,/?'\"|", "%41", "%2B", "+", "%20", "%26", "%3D", "%D0%B2", "%E9", "%", "в", "é", "="]
)  # fmt: skip
_LABELS = st.sampled_from(["example", "Example", "www", "m", "news", "tass", "t", "x", "кремль", "рф", "xn--p1ai"])


@st.composite
def urls(draw: st.DrawFn) -> str:
    """http(s) URLs as endnotes print them after repair: no whitespace, no ``;`` (it parts items)."""
    scheme = draw(st.sampled_from(["http", "https", "HTTPS"]))
    host = ".".join(draw(st.lists(_LABELS, min_size=1, max_size=3))) + draw(st.sampled_from([".com", ".org", ".ua"]))
    port = draw(st.sampled_from(["", "", ":80", ":443", ":8080"]))
    path = "".join(draw(st.lists(_PATH_PIECES, max_size=12)))
    if path and path[0] not in "/\\":
        path = "/" + path
    url = f"{scheme}://{host}{port}{path}"
    if draw(st.booleans()):
        text = st.lists(_QUERY_PIECES, max_size=4).map("".join)
        pairs = draw(st.lists(st.tuples(text, text)))
        url += "?" + "&".join(f"{name}={value}" if value else name for name, value in pairs)
    if draw(st.booleans()):
        url += "#" + "".join(draw(st.lists(_QUERY_PIECES, max_size=6)))
    return url


@given(urls(), st.booleans())
@example("https://a.com/x\\y", False)  # a backslash parts the path, as a slash does
@example("https://a.com/%2e%2e/b?x=1&&y", True)
@example("https://a.com?x", False)
@example("http://example.com/%25", False)  # an escaped % stays escaped, once
def test_normalize_is_w3libs_canonicalize_url(url: str, keep_fragment: bool) -> None:
    w3lib_url = pytest.importorskip("w3lib.url")  # the reference (the test extra installs it)
    assert keys.normalize(url, keep_fragment=keep_fragment) == w3lib_url.canonicalize_url(
        url, keep_fragments=keep_fragment
    )


@needs_corpus
def test_normalize_is_w3libs_canonicalize_url_on_every_corpus_url() -> None:
    w3lib_url = pytest.importorskip("w3lib.url")
    found = {s.url for p in CORPUS_FILES for r in bm.parse_all(read_exact(p)) for n in r.notes for s in n.sources}
    corpus_urls = sorted(url for url in found if url is not None)
    assert len(corpus_urls) > 3000
    for url in corpus_urls:
        for keep in (False, True):
            assert keys.normalize(url, keep_fragment=keep) == w3lib_url.canonicalize_url(url, keep_fragments=keep)


# --------------------------------------------------------------------------- properties of the keys

_WEB_HOSTS = st.sampled_from(
    ["reuters.com", "tass.ru", "sprotyv.mod.gov.ua", "understandingwar.org", "kyivindependent.com"]
)
# no segment ends with a dot or holds two: printed last, the scanner would read it as punctuation or a cut
_SEGMENT = st.text("abcdefghijXYZ0123456789-_.~в%", min_size=1, max_size=8).filter(
    lambda s: not s.endswith(".") and ".." not in s
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    """(a plain news URL, the same page printed another way: scheme, www., host case, port, slash, tracking)."""
    host = draw(_WEB_HOSTS)
    path = "/" + "/".join(draw(st.lists(_SEGMENT, min_size=1, max_size=4)))
    params = draw(
        st.lists(
            st.tuples(st.sampled_from(["id", "page", "lang", "q"]), _SEGMENT), max_size=3, unique_by=lambda p: p[0]
        )
    )
    query = "&".join(f"{n}={v}" for n, v in params)
    plain = f"https://{host}{path}" + (f"?{query}" if query else "")
    tracking = draw(
        st.lists(st.sampled_from(["utm_source=tw", "fbclid=Iw1", "s=20", "ref=home", "gaa_at=la"]), max_size=3)
    )
    shuffled = draw(st.permutations([*params, *(t.split("=") for t in tracking)]))
    other_query = "&".join(f"{n}={v}" for n, v in shuffled)
    other = (
        draw(st.sampled_from(["http://", "https://", "HTTPS://"]))
        + draw(st.sampled_from(["", "www.", "WWW."]))
        + draw(st.sampled_from([host, host.upper()]))
        + draw(st.sampled_from(["", ":443"]))
        + path
        + draw(st.sampled_from(["", "/"]))
        + (f"?{other_query}" if other_query else "")
        + draw(st.sampled_from(["", "#top", "#:~:text=Russian"]))
    )
    return plain, other


@given(articles())
def test_a_page_printed_another_way_has_its_key(pair: tuple[str, str]) -> None:
    plain, other = pair
    assert key(plain) == key(other)


@given(articles())
@example(("https://reuters.com/%21", "http://reuters.com/%21"))
def test_a_web_key_read_again_is_itself(pair: tuple[str, str]) -> None:
    found = key(pair[1])
    assert found.startswith("url:https://")
    url = found.removeprefix("url:")  # built, not printed: a printed URL ending in ! or . loses it as punctuation
    assert Source(raw=url, url=url, domain=url.split("/")[2], platform=bm.Platform.WEB).key == found


@given(articles(), st.data())
def test_a_cut_url_never_shares_the_whole_ones_key_nor_another_cuts(pair: tuple[str, str], data: st.DataObject) -> None:
    plain = pair[0]
    start = plain.index("/", len("https://")) + 1
    first, second = (data.draw(st.integers(start, len(plain) - 1)) for _ in range(2))
    (cut_first,) = read_sources(plain[:first] + "...")
    (cut_second,) = read_sources(plain[:second] + "…")
    assert cut_first.key.startswith("truncated:") and cut_second.key.startswith("truncated:")
    assert key(plain) not in (cut_first.key, cut_second.key)
    # two cuts share a key exactly when they cut the URL at the same place
    assert (cut_first.key == cut_second.key) == (cut_first.url == cut_second.url)


@given(st.integers(10**17, 10**19), st.integers(1, 17), st.sampled_from(["x.com", "twitter.com", "mobile.twitter.com"]))
def test_an_x_post_cut_in_its_id_is_not_that_post_and_cut_after_it_is(status: int, digits: int, host: str) -> None:
    whole = f"https://{host}/someone/status/{status}"
    assert key(whole) == f"x:status/{status}"
    assert key(f"{whole[: len(whole) - digits]}...") != key(whole)
    assert key(f"{whole}?s=20&t=abc...") == key(whole)
    assert key(f"{whole}/photo/1") == key(whole)


@given(st.lists(st.tuples(st.sampled_from(["rybar", "Rybar", "wargonzo", "GeneralStaffZSU"]), st.integers(1, 99999))))
def test_telegram_keys_are_one_per_channel_and_post(posts: list[tuple[str, int]]) -> None:
    by_key = {key(f"https://t.me/{channel}/{number}"): (channel.lower(), number) for channel, number in posts}
    assert len(by_key) == len({(channel.lower(), number) for channel, number in posts})


@given(st.text(max_size=200))
@example("https://x.com/a/status/1 ; \udc00 https://t.me/b/2")
@example("https://a.b/\x00%zz?&=&#:~:")
def test_every_source_of_any_note_has_a_string_key(text: str) -> None:
    for source in read_sources(text):
        found = source.key
        assert isinstance(found, str) and found.partition(":")[0] in (
            "x", "telegram", "youtube", "facebook", "vk", "instagram", "url", "truncated", "text"
        )  # fmt: skip


_ANY = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["https://", "a/b", "[::1", "é", "@", "#", "?"]))


@given(
    st.builds(
        Source,
        raw=st.text(max_size=40),
        url=_ANY,
        domain=_ANY,
        platform=st.one_of(st.none(), st.sampled_from(bm.Platform)),
        truncated=st.booleans(),
        account=_ANY,
        post_id=_ANY,
    )
)
@example(Source(raw="x", url="https://[::1/a?b#c", domain="é", platform=bm.Platform.FACEBOOK, account="", post_id=""))
def test_a_source_built_with_any_fields_has_a_key(source: Source) -> None:
    """Sources built in code or read from JSON need not hold what the reader would have read: the key never raises."""
    assert isinstance(source.key, str) and source.key


def test_keys_are_the_same_in_every_run_and_without_w3lib() -> None:
    """No hash randomisation, and no optional package, enters a key: a fresh interpreter with another hash
    seed, where importing w3lib fails, gives the same keys."""
    printed = [printed for forms in SAME.values() for printed in forms] + [a for a, _ in DIFFERENT]
    program = (
        "import json, sys\n"
        "sys.modules['w3lib'] = None\n"  # import w3lib raises ImportError
        "from briefmodel._sources.items import read_sources\n"
        "print(json.dumps([[s.key for s in read_sources(p)] for p in json.loads(sys.stdin.read())]))\n"
    )
    here = [[s.key for s in read_sources(p)] for p in printed]
    for seed in ("0", "12345"):
        done = subprocess.run(
            [sys.executable, "-c", program],
            input=json.dumps(printed),
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert json.loads(done.stdout) == here


# --------------------------------------------------------------------------- the key is lazy, kept, and not stored


def test_parsing_and_reading_sources_compute_no_key() -> None:
    items._clear_caches()  # sources read before (and their kept keys) are not shared with this report
    report = bm.parse(BRIEF)
    _ = [note.sources for note in report.notes]
    assert keys._cached_key.cache_info().misses == 0
    source = report.notes[0].sources[0]
    assert source.key == "x:status/1498616685137383425"
    assert keys._cached_key.cache_info().misses == 1
    assert source.key == "x:status/1498616685137383425"  # kept on the source: not computed again
    assert keys._cached_key.cache_info().hits + keys._cached_key.cache_info().misses == 1


@pytest.mark.parametrize(
    "piece",
    ["/%d0%b2", "/в", "/./a/..", "/seg?x=1&", "?utm_source=a&b=%41&c", "#:~:text=a%20b"],
)
def test_keys_take_linear_time(piece: str) -> None:
    def cost(n: int) -> float:
        printed = "https://www.example.com/start" + piece * n
        best = float("inf")
        for _ in range(3):
            (source,) = read_sources(printed)  # read afresh: a long item is not cached
            start = time.process_time()  # CPU time: milliseconds of wall time move with the machine's load
            assert source.key.startswith("url:https://example.com/start")
            best = min(best, time.process_time() - start)
        return best

    # From 40,000 pieces both texts are out of the processor's caches. Alone, a key takes 0.22-0.25 us a dot
    # segment at 20,000 to 400,000; inside the long suite the larger text's lists land on fresh memory pages
    # (14.3x to 15.8x measured in CI for 10x). 20x still fails a quadratic key (100x).
    assert_linear(cost, 40_000, 20)


def test_the_key_is_not_part_of_equality_or_the_json_form() -> None:
    (source,) = read_sources("https://x.com/GeneralStaffUA/status/1498616685137383425/photo/1")
    data = json.loads(bm.to_json(source))
    assert "key" not in data
    again = bm.from_json(bm.to_json(source), Source)
    assert again == source and again.key == source.key
    built = Source(
        raw="whatever",
        url="https://twitter.com/a/status/1498616685137383425",
        platform=bm.Platform.X,
        post_id="1498616685137383425",
    )
    assert built.key == source.key and built != source


# --------------------------------------------------------------------------- the users of the key: one source per key

BRIEF = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\n"
    "Russian forces advanced near Pokrovsk, the Ukrainian General Staff reported.[1] "
    "Russian forces attacked near Kreminna, a milblogger claimed.[2][3]\n\n"
    "Endnotes\n"
    "[1] https://twitter.com/GeneralStaffUA/status/1498616685137383425\n"
    "[2] https://x.com/GeneralStaffUA/status/1498616685137383425/photo/1?s=20 ; https://t.me/s/Rybar/40753\n"
    "[3] https://t.me/rybar/40753?single ; https://www.reuters.com/world/a/?utm_source=tw\n"
)


def test_one_post_printed_two_ways_is_one_source_of_the_report() -> None:
    report = bm.parse(BRIEF)
    assert [s.key for s in report.sources] == [
        "x:status/1498616685137383425",
        "telegram:rybar/40753",
        "url:https://reuters.com/world/a",
    ]
    # the first printed form stands for the source
    assert report.sources[0].url == "https://twitter.com/GeneralStaffUA/status/1498616685137383425"
    claim = next(c for c in report.claims if "Kreminna" in c.text)
    assert [s.key for s in claim.sources] == [  # [2][3]: the X post, the Telegram post once, the article
        "x:status/1498616685137383425",
        "telegram:rybar/40753",
        "url:https://reuters.com/world/a",
    ]


def test_tables_point_every_printed_form_at_its_one_source_row() -> None:
    pytest.importorskip("pyarrow")
    report = bm.parse(BRIEF)
    rows = bm.table_rows([report])
    assert [row["sources"] for row in rows["notes"]] == [[0], [0, 1], [1, 2]]
    assert [row["notes"] for row in rows["sources"]] == [[0, 1], [1, 2], [2]]
    assert [row["source_id"] for row in rows["sources"]] == [
        "src-" + hashlib.sha1(k.encode()).hexdigest()[:12]
        for k in ("x:status/1498616685137383425", "telegram:rybar/40753", "url:https://reuters.com/world/a")
    ]


def test_csl_json_has_one_item_per_key_across_reports() -> None:
    report = bm.parse(BRIEF)
    items = bm.csl_items(report)
    assert [item["custom"]["notes"] for item in items] == [["1", "2"], ["2", "3"], ["3"]]
    other = bm.parse(BRIEF.replace("December 14", "December 15").replace("twitter.com", "mobile.twitter.com"))
    merged = json.loads(bm.to_csl_json([report, other]))
    assert len(merged) == 3
    assert merged[0]["id"] == items[0]["id"]


@needs_corpus
def test_the_corpus_has_fewer_keys_than_printed_forms_and_joins_the_known_ones() -> None:
    sources = [s for p in CORPUS_FILES for r in bm.parse_all(read_exact(p)) for n in r.notes for s in n.sources]
    printed = {s.url or s.raw for s in sources}
    by_key: dict[str, set[str]] = {}
    for source in sources:
        by_key.setdefault(source.key, set()).add(source.url or source.raw)
    assert len(by_key) < len(printed)
    assert by_key["x:status/2029240527879655542"] == {
        "https://x.com/UK_MTO/status/2029240527879655542",
        "https://x.com/UK_MTO/status/2029240527879655542/photo/1",
    }
    assert by_key["telegram:rybar/38959"] == {"https://t.me/rybar/38959", "https://t.me/rybar/38959?single"}
    assert by_key["facebook:video/5764037823629468"] == {
        "https://www.facebook.com/okPivden/videos/5764037823629468/",
        "https://www.facebook.com/watch/?v=5764037823629468",
    }
    # a whole URL and the same URL cut right after its last digit stay apart (the cut may be a longer id)
    assert "https://t.me/ivan_fedorov_melitopol/463" in by_key["telegram:ivan_fedorov_melitopol/463"]
    assert "truncated:https://t.me/ivan_fedorov_melitopol/463" in by_key


def test_the_docs_list_every_tracking_parameter() -> None:
    page = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    for name in sorted(keys.TRACKING_PARAMETERS) + list(keys._TRACKING_PREFIXES):
        assert f"`{name}`" in page, name


def test_the_figures_script_runs() -> None:
    if not CORPUS_FILES:
        pytest.skip("../shared/corpus is absent")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "source_keys.py"), "--top", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    first = done.stdout.splitlines()[0]
    assert "distinct printed URLs" in first and "distinct keys" in first
