"""Tests for reading the sources an endnote lists (``Note.sources``, read by ``briefmodel._sources.items``)."""

import gc
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefmodel import Platform, Source, SourceKind
from briefmodel._sources import items as _sources
from briefmodel._sources.items import read_sources

from .conftest import assert_linear

CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")

X, TG, FB, YT, VK, IG, WEB = (
    Platform.X,
    Platform.TELEGRAM,
    Platform.FACEBOOK,
    Platform.YOUTUBE,
    Platform.VK,
    Platform.INSTAGRAM,
    Platform.WEB,
)
SOCIAL, NEWS, OFFICIAL, THINK_TANK, ISW, OTHER, TEXT = (
    SourceKind.SOCIAL_POST,
    SourceKind.NEWS_ARTICLE,
    SourceKind.OFFICIAL,
    SourceKind.THINK_TANK,
    SourceKind.ISW_REPORT,
    SourceKind.OTHER,
    SourceKind.TEXT,
)


def only(text: str) -> Source:
    """The one source of a note that must list exactly one."""
    sources = read_sources(text)
    assert len(sources) == 1, sources
    return sources[0]


# --------------------------------------------------------------------------- repairs

REPAIRS = [
    # printed, repaired url, repairs
    ("https://t.me/rybar/40753", "https://t.me/rybar/40753", ()),
    ("https://www dot interfax dot ru/russia/876856", "https://www.interfax.ru/russia/876856", ("dot",)),
    ("https://tass dot ru/politika/16586831", "https://tass.ru/politika/16586831", ("dot",)),
    ("https://tass\u00a0dot ru/politika/14037259.", "https://tass.ru/politika/14037259", ("dot", "trailing")),
    ("https://t dot me/synegubov/2788", "https://t.me/synegubov/2788", ("dot",)),
    (
        "http://en dot kremlindot ru/events/president/news/20603",
        "http://en.kremlin.ru/events/president/news/20603",
        ("dot",),
    ),
    ("https://www.ukrinform dot .net/rubric-ato/1", "https://www.ukrinform.net/rubric-ato/1", ("dot",)),
    ("https://www.ukrinform. dot net/rubric-ato/1", "https://www.ukrinform.net/rubric-ato/1", ("dot",)),
    ("https://sprotyv dot mod.dot gov.ua/2022/12/14/x/", "https://sprotyv.mod.gov.ua/2022/12/14/x/", ("dot",)),
    ("https://sprotyv\u00a0dot mod dot gov.ua/2022/11/22/y/", "https://sprotyv.mod.gov.ua/2022/11/22/y/", ("dot",)),
    ("https://www.kurdistan24 dot net/en/story/900477/", "https://www.kurdistan24.net/en/story/900477/", ("dot",)),
    ("https://meduza [dot] io/news/2022/12/27/a", "https://meduza.io/news/2022/12/27/a", ("dot",)),
    ("https://meduza(dot)io/news/2022/12/12/b", "https://meduza.io/news/2022/12/12/b", ("dot",)),
    ("https://www.timesofisrael dot\ncom/liveblog_entry/x", "https://www.timesofisrael.com/liveblog_entry/x", ("dot",)),
    ("mojnews dot com/tags/x", "https://mojnews.com/tags/x", ("dot", "scheme")),
    (
        "ttps://www.facebook.com/GeneralStaff.ua/posts/343612411285177",
        "https://www.facebook.com/GeneralStaff.ua/posts/343612411285177",
        ("scheme",),
    ),
    ("htps://t.me/rybar/1", "https://t.me/rybar/1", ("scheme",)),
    ("hhttps://t.me/rybar/2", "https://t.me/rybar/2", ("scheme",)),
    ("https///t.me/Info_BA_News/3763", "https://t.me/Info_BA_News/3763", ("scheme",)),
    ("HTTPS://t.me/rybar/3", "https://t.me/rybar/3", ()),
    (
        "facebook.com/GeneralStaff.ua/posts/261189039527515",
        "https://facebook.com/GeneralStaff.ua/posts/261189039527515",
        ("scheme",),
    ),
    (
        "rbc.ua/ukr/news/sergey-gayday-1654679877.html",
        "https://rbc.ua/ukr/news/sergey-gayday-1654679877.html",
        ("scheme",),
    ),
    ("www.siteintelgroup.com.", "https://www.siteintelgroup.com", ("scheme", "trailing")),
    ("www dot rbc.ua/ukr/news/x.html", "https://www.rbc.ua/ukr/news/x.html", ("dot", "scheme")),
    (
        "https://twitter.com/COUPSURE/status/1496850009261813761.",
        "https://twitter.com/COUPSURE/status/1496850009261813761",
        ("trailing",),
    ),
    (
        "https://www.dia.mil/Iran_Military_Power_LR.pdf,",
        "https://www.dia.mil/Iran_Military_Power_LR.pdf",
        ("trailing",),
    ),
    ("https://example.com/a)", "https://example.com/a", ("trailing",)),
    ("https://en.wikipedia.org/wiki/Kinzhal_(missile)", "https://en.wikipedia.org/wiki/Kinzhal_(missile)", ()),
    ("https://example.com/quoted”", "https://example.com/quoted", ("trailing",)),
    ("https://tass. ru/politika/1", "https://tass.ru/politika/1", ("space",)),
    ("https:// t.me/rybar/4", "https://t.me/rybar/4", ("space",)),
    ("https://tass dot ru/politika/2.", "https://tass.ru/politika/2", ("dot", "trailing")),
    ("ttps://tass. ru/x.", "https://tass.ru/x", ("scheme", "trailing", "space")),
]


@pytest.mark.parametrize(("printed", "url", "repairs"), REPAIRS)
def test_repairs(printed: str, url: str, repairs: tuple[str, ...]) -> None:
    source = only(printed)
    assert source.url == url
    assert source.repairs == repairs
    assert source.raw == printed
    assert source.truncated is False


# --------------------------------------------------------------------------- truncation

TRUNCATED = [
    # printed, url, domain, account, post_id
    (
        "https://twitter.com/666_mancer/status/1498616685137383425?cxt=HHwWgsCyw...",
        "https://twitter.com/666_mancer/status/1498616685137383425?cxt=HHwWgsCyw",
        "twitter.com",
        "666_mancer",
        "1498616685137383425",
    ),
    (
        "https://understandingwar.org/backgrounder/russian-offensive-campaign-ass...",
        "https://understandingwar.org/backgrounder/russian-offensive-campaign-ass",
        "understandingwar.org",
        None,
        None,
    ),
    (
        "https://twitter.com/JackDetsch/status/1498322785180995586?s=20&t=nzhdZrM....",
        "https://twitter.com/JackDetsch/status/1498322785180995586?s=20&t=nzhdZrM",
        "twitter.com",
        "JackDetsch",
        "1498322785180995586",
    ),
    ("https://www.example.org/a…", "https://www.example.org/a", "example.org", None, None),
    # the id (or account) runs to the cut: it is incomplete, so it is not reported
    (
        "https://twitter.com/666_mancer/status/157...",
        "https://twitter.com/666_mancer/status/157",
        "twitter.com",
        "666_mancer",
        None,
    ),
    ("https://t.me/Bratch...", "https://t.me/Bratch", "t.me", None, None),
    (
        "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02e2v4vxXSJ6byyCFHez...",
        "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02e2v4vxXSJ6byyCFHez",
        "facebook.com",
        "GeneralStaff.ua",
        None,
    ),
    # cut inside the host: the domain is unknown
    ("https://twitte...", "https://twitte", None, None, None),
    ("https://ta... ru/politika/16586831", "https://ta", None, None, None),
]


@pytest.mark.parametrize(("printed", "url", "domain", "account", "post_id"), TRUNCATED)
def test_truncated(printed: str, url: str, domain: str | None, account: str | None, post_id: str | None) -> None:
    source = only(printed)
    assert (source.url, source.domain, source.account, source.post_id) == (url, domain, account, post_id)
    assert source.truncated is True
    assert source.raw == printed
    assert source.repairs == ()


def test_truncated_host_has_no_platform() -> None:
    source = only("https://www.faceboo...")
    assert (source.platform, source.kind) == (None, OTHER)


@pytest.mark.parametrize(
    "stub", ["...", "…", "h...", "ht...", "http...", "https...", "https:...", "https:/...", "https://..."]
)
def test_stub_between_urls_is_a_truncated_text_source(stub: str) -> None:
    sources = read_sources(f"https://t.me/a/1; {stub} https://t.me/b/2")
    assert [s.raw for s in sources] == ["https://t.me/a/1", stub, "https://t.me/b/2"]
    assert (sources[1].url, sources[1].kind, sources[1].truncated) == (None, TEXT, True)


def test_note_of_stubs_only_is_one_truncated_text_source() -> None:
    assert read_sources("https:/...; ht...") == (Source(raw="https:/...; ht...", kind=TEXT, truncated=True),)


def test_glued_after_ellipsis_is_a_new_source() -> None:
    sources = read_sources(
        "https://twitter.com/GirkinGirkin/status/1522517729865048066?cxt=HHwWhIC5...https://t.me/zoda_gov_ua/7431"
    )
    assert [s.url for s in sources] == [
        "https://twitter.com/GirkinGirkin/status/1522517729865048066?cxt=HHwWhIC5",
        "https://t.me/zoda_gov_ua/7431",
    ]
    assert [s.truncated for s in sources] == [True, False]


def test_text_after_a_cut_stays_in_raw() -> None:
    source = only("https://t.me/horizontal_russia/17... ru/r/mobilizovannyy-113215")
    assert source.raw == "https://t.me/horizontal_russia/17... ru/r/mobilizovannyy-113215"
    assert (source.url, source.account, source.post_id) == (
        "https://t.me/horizontal_russia/17",
        "horizontal_russia",
        None,
    )


# --------------------------------------------------------------------------- platforms, accounts, post ids

PLATFORM_IDS = [
    # url, domain, platform, account, post_id
    ("https://t.me/rybar/40753", "t.me", TG, "rybar", "40753"),
    ("https://t.me/s/anjmotahed/8975", "t.me", TG, "anjmotahed", "8975"),
    ("https://t.me/anjmotahed/9024?single", "t.me", TG, "anjmotahed", "9024"),
    ("https://t.me/rybar", "t.me", TG, "rybar", None),
    ("https://t.me//rybar//40754/", "t.me", TG, "rybar", "40754"),
    ("https://telegram.me/rybar/1", "telegram.me", TG, "rybar", "1"),
    ("https://telegram.dog/rybar/2", "telegram.dog", TG, "rybar", "2"),
    (
        "https://twitter.com/GeoConfirmed/status/1514218479943045122",
        "twitter.com",
        X,
        "GeoConfirmed",
        "1514218479943045122",
    ),
    ("https://x.com/UK_MTO/status/2029974855471227056/photo/1", "x.com", X, "UK_MTO", "2029974855471227056"),
    ("https://mobile.twitter.com/RALee85/status/1", "twitter.com", X, "RALee85", "1"),
    ("https://twitter.com/i/web/status/15", "twitter.com", X, None, "15"),
    ("https://x.com/i/status/16", "x.com", X, None, "16"),
    ("https://twitter.com/RALee85/statuses/17", "twitter.com", X, "RALee85", "17"),  # the old form
    ("https://fxtwitter.com/RALee85/status/18/photo/1", "fxtwitter.com", X, "RALee85", "18"),  # an embed fixer
    ("https://vxtwitter.com/RALee85/status/19", "vxtwitter.com", X, "RALee85", "19"),
    ("https://x.com/Vahid", "x.com", X, "Vahid", None),
    (
        "https://www.facebook.com/GeneralStaff.ua/posts/261189039527515",
        "facebook.com",
        FB,
        "GeneralStaff.ua",
        "261189039527515",
    ),
    (
        "https://www.facebook.com/GeneralStaff.ua/posts/pfbid02xonaUxKLpCS",
        "facebook.com",
        FB,
        "GeneralStaff.ua",
        "pfbid02xonaUxKLpCS",
    ),
    ("https://www.facebook.com/watch/?v=878272896522127", "facebook.com", FB, None, "878272896522127"),
    (
        "https://www.facebook.com/permalink.php?story_fbid=354273450067824&id=100064555",
        "facebook.com",
        FB,
        "100064555",
        "354273450067824",
    ),
    (
        "https://www.facebook.com/okPivden/videos/533341441568367/?__tn__=%2CO",
        "facebook.com",
        FB,
        "okPivden",
        "533341441568367",
    ),
    ("https://www.facebook.com/DefenceIntelligenceofUkraine", "facebook.com", FB, "DefenceIntelligenceofUkraine", None),
    (
        "https://m.facebook.com/ganna.maliar/posts/2124242781068086",
        "facebook.com",
        FB,
        "ganna.maliar",
        "2124242781068086",
    ),
    ("https://fb.watch/dZqd0hMoPm/", "fb.watch", FB, None, "dZqd0hMoPm"),
    ("https://vk.com/wall-152576475_9791", "vk.com", VK, None, "-152576475_9791"),
    ("https://vk.com/wall607458618_2399", "vk.com", VK, None, "607458618_2399"),
    ("https://vk.com/woo.mptaifun?z=photo-1_2", "vk.com", VK, "woo.mptaifun", None),
    ("https://vk.ru/club1?w=wall-1_5", "vk.ru", VK, "club1", "-1_5"),
    ("https://www.youtube.com/watch?v=R5vvrb1YsqU", "youtube.com", YT, None, "R5vvrb1YsqU"),
    ("https://www.youtube.com/watch?time_continue=81&v=azRpG-Su_iM", "youtube.com", YT, None, "azRpG-Su_iM"),
    ("https://youtu.be/kisZEjS3Wnw", "youtu.be", YT, None, "kisZEjS3Wnw"),
    ("https://www.youtube.com/shorts/abc123", "youtube.com", YT, None, "abc123"),
    ("https://www.youtube-nocookie.com/embed/kisZEjS3Wnw", "youtube-nocookie.com", YT, None, "kisZEjS3Wnw"),
    ("https://www.youtube.com/@UAWarChannel", "youtube.com", YT, "UAWarChannel", None),
    ("https://www.instagram.com/p/CbXyZ12/", "instagram.com", IG, None, "CbXyZ12"),
    ("https://www.instagram.com/reel/DVf7eldlO2o/", "instagram.com", IG, None, "DVf7eldlO2o"),
    ("https://www.instagram.com/zelenskiy_official/", "instagram.com", IG, "zelenskiy_official", None),
]


@pytest.mark.parametrize(("url", "domain", "platform", "account", "post_id"), PLATFORM_IDS)
def test_platform_account_post_id(
    url: str, domain: str, platform: Platform, account: str | None, post_id: str | None
) -> None:
    source = only(url)
    assert (source.domain, source.platform, source.account, source.post_id) == (domain, platform, account, post_id)
    assert source.kind is SOCIAL
    assert source.outlet is None


# --------------------------------------------------------------------------- domains, kinds, outlets

KINDS = [
    # url, domain, kind, outlet
    ("https://www.interfax.ru/russia/881374", "interfax.ru", NEWS, "Interfax"),
    ("https://en.interfax.com.ua/news/general/1.html", "en.interfax.com.ua", NEWS, "Interfax-Ukraine"),
    ("https://tass.com/politics/1564701", "tass.com", NEWS, "TASS"),
    ("https://ria.ru/20230118/x.html", "ria.ru", NEWS, "RIA Novosti"),
    ("https://www.pravda.com.ua/rus/news/2022/03/9/7329868/", "pravda.com.ua", NEWS, "Ukrainska Pravda"),
    ("https://www.eurointegration.com.ua/news/1/", "eurointegration.com.ua", NEWS, "European Pravda"),
    ("https://mil.in.ua/en/news/x/", "mil.in.ua", NEWS, "Militarnyi"),
    ("https://www.rbc.ua/ukr/news/x.html", "rbc.ua", NEWS, "RBC-Ukraine"),
    ("https://www.rbc.ru/politics/x", "rbc.ru", NEWS, "RBC"),
    ("https://m.business-gazeta.ru/news/569514", "business-gazeta.ru", OTHER, None),
    ("https://suspilne.media/1/", "suspilne.media", NEWS, "Suspilne"),
    ("https://www.iz.ru/1", "iz.ru", NEWS, "Izvestia"),
    ("https://russian.rt.com/ussr/article/1", "russian.rt.com", NEWS, "RT"),
    ("https://www.svoboda.org/a/1.html", "svoboda.org", NEWS, "Radio Svoboda"),
    ("https://apnews.com/article/x", "apnews.com", NEWS, "AP"),
    ("https://www.reuters.com/world/x/", "reuters.com", NEWS, "Reuters"),
    ("https://armyinform.com.ua/2023/01/08/x/", "armyinform.com.ua", NEWS, "Army Inform"),
    ("https://www.tasnimnews.com/fa/news/1", "tasnimnews.com", NEWS, "Tasnim"),
    ("https://www.mehrnews.com/news/5638021", "mehrnews.com", NEWS, "Mehr"),
    ("https://www.irna.ir/news/84279066", "irna.ir", NEWS, "IRNA"),
    ("https://shafaq.com/en/Security/x", "shafaq.com", NEWS, "Shafaq News"),
    ("https://www.timesofisrael.com/liveblog_entry/x/", "timesofisrael.com", NEWS, "Times of Israel"),
    ("https://www.understandingwar.org/backgrounder/x", "understandingwar.org", ISW, "Institute for the Study of War"),
    ("https://isw.pub/UkrWar012423", "isw.pub", ISW, "Institute for the Study of War"),
    ("https://www.criticalthreats.org/analysis/iran-update", "criticalthreats.org", ISW, "Critical Threats Project"),
    ("https://www.csis.org/analysis/x", "csis.org", THINK_TANK, "Center for Strategic and International Studies"),
    ("https://www.rusi.org/explore-our-research/x", "rusi.org", THINK_TANK, "Royal United Services Institute"),
    (
        "https://www.washingtoninstitute.org/policy-analysis/x",
        "washingtoninstitute.org",
        THINK_TANK,
        "Washington Institute for Near East Policy",
    ),
    ("http://kremlin.ru/events/president/news/70369", "kremlin.ru", OFFICIAL, "Kremlin"),
    ("http://en.kremlin.ru/events/president/news/67882/print", "en.kremlin.ru", OFFICIAL, "Kremlin"),
    (
        "https://sprotyv.mod.gov.ua/2022/12/14/x/",
        "sprotyv.mod.gov.ua",
        OFFICIAL,
        "Ukrainian National Resistance Center",
    ),
    ("https://minre.gov.ua/news/x", "minre.gov.ua", OFFICIAL, None),
    ("https://www.president.gov.ua/en/news/x", "president.gov.ua", OFFICIAL, "Office of the President of Ukraine"),
    ("https://regulation.gov.ru/p/134045", "regulation.gov.ru", OFFICIAL, None),
    ("https://www.gov.uk/government/news/x", "gov.uk", OFFICIAL, "UK Government"),
    (
        "https://home.treasury.gov/news/press-releases/jy1739",
        "home.treasury.gov",
        OFFICIAL,
        "US Department of the Treasury",
    ),
    ("https://www.centcom.mil/MEDIA/x/", "centcom.mil", OFFICIAL, "US Central Command"),
    ("https://apps.dtic.mil/sti/tr/pdf/ADA496916.pdf", "apps.dtic.mil", OFFICIAL, None),
    ("https://www.nato.int/cps/en/natohq/x.htm", "nato.int", OFFICIAL, "NATO"),
    ("https://news.un.org/en/story/1", "news.un.org", OFFICIAL, "United Nations"),
    ("https://data.europa.eu/apps/eusanctionstracker/subjects/148546", "data.europa.eu", OFFICIAL, "European Union"),
    ("https://www.idf.il/333523", "idf.il", OFFICIAL, "Israel Defense Forces"),
    ("https://www.iaea.org/newscenter/x", "iaea.org", OFFICIAL, "International Atomic Energy Agency"),
    ("https://mil.ru/x", "mil.ru", OFFICIAL, "Russian Ministry of Defense"),
    ("https://example.com:8080/x", "example.com", OTHER, None),
    ("https://user@WWW.Example.ORG/x", "example.org", OTHER, None),
    ("https://iranwire.com/en/features/1", "iranwire.com", NEWS, "IranWire"),
    ("https://www.19fortyfive.com/2022/05/x/", "19fortyfive.com", OTHER, None),
    ("https://t.co/DRf8A4r04p", "t.co", OTHER, None),
]


@pytest.mark.parametrize(("url", "domain", "kind", "outlet"), KINDS)
def test_domain_kind_outlet(url: str, domain: str, kind: SourceKind, outlet: str | None) -> None:
    source = only(url)
    assert (source.domain, source.kind, source.outlet, source.platform) == (domain, kind, outlet, WEB)
    assert (source.account, source.post_id) == (None, None)


def test_outlet_lookup_is_by_domain_then_parent_only() -> None:
    # two labels deeper than a listed domain: neither the domain nor its parent is listed
    assert only("https://a.b.reuters.com/x").outlet is None
    assert only("https://b.reuters.com/x").outlet == "Reuters"


# --------------------------------------------------------------------------- separators and continuation lines

SEPARATORS = [
    # note, urls in order
    ("https://t.me/a/1; https://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1 ; https://t.me/b/2 ;", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1;https://t.me/b/2;", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1, https://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1,\u00a0https://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    (
        "https://t.me/a/1 https://t.me/b/2\u00a0https://t.me/c/3",
        ["https://t.me/a/1", "https://t.me/b/2", "https://t.me/c/3"],
    ),
    ("https://t.me/a/1; ; https://t.me/b/2; ;", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1\nhttps://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1;\r\n\r\n https://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1 ;\r\rhttps://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    ("https://t.me/a/1\n, https://t.me/b/2", ["https://t.me/a/1", "https://t.me/b/2"]),
    (
        "https://t.me/readovkanews/50989;%20https://t.me/russkiy_opolchenec/35629",
        ["https://t.me/readovkanews/50989", "https://t.me/russkiy_opolchenec/35629"],
    ),
]


@pytest.mark.parametrize(("note", "urls"), SEPARATORS)
def test_separators(note: str, urls: list[str]) -> None:
    sources = read_sources(note)
    assert [s.url for s in sources] == urls
    assert all(s.repairs == () for s in sources)


def test_separator_comma_is_not_in_raw() -> None:
    sources = read_sources("https://t.me/luhanskaVTSA/3260,\u00a0https://www.facebook.com/GeneralStaff.ua/posts/1")
    assert [s.raw for s in sources] == [
        "https://t.me/luhanskaVTSA/3260",
        "https://www.facebook.com/GeneralStaff.ua/posts/1",
    ]


def test_continuation_paragraph() -> None:
    note = "https://www.facebook.com/DPSUkraine/posts/261976762782076;\n\n https://www.facebook.com/DPSUkraine/posts/2"
    sources = read_sources(note)
    assert [(s.account, s.post_id) for s in sources] == [("DPSUkraine", "261976762782076"), ("DPSUkraine", "2")]


def test_obfuscated_host_across_a_line_break() -> None:
    note = (
        "https://x.com/idfonline/status/1863657296422732177; https://www.timesofisrael dot\n"
        "com/liveblog_entry/netanyahu; https://understandingwar.org/research/middle-east/iran-update-december-3-2024/"
    )
    sources = read_sources(note)
    assert [s.domain for s in sources] == ["x.com", "timesofisrael.com", "understandingwar.org"]
    assert sources[1].raw == "https://www.timesofisrael dot\ncom/liveblog_entry/netanyahu"
    assert sources[1].url == "https://www.timesofisrael.com/liveblog_entry/netanyahu"


@pytest.mark.parametrize("text", ["", " ", "\n\r\n", ";", " ; ;\n", ","])
def test_empty_note(text: str) -> None:
    assert read_sources(text) == ()


# --------------------------------------------------------------------------- text sources


def test_note_without_url_is_one_text_source() -> None:
    note = "UA General Staff SITREP of 1200 MAR 8 stated that Russian forces; continued\nassaults"
    assert read_sources(note) == (Source(raw=note, kind=TEXT),)


@pytest.mark.parametrize(
    ("note", "domain", "kind", "outlet"),
    [
        (
            "Russian Offensive Campaign Assessment, March 18 | Institute for the Study of War (understandingwar.org)",
            "understandingwar.org",
            ISW,
            "Institute for the Study of War",
        ),
        (
            "Kinzhal | Missile Threat (csis.org)",
            "csis.org",
            THINK_TANK,
            "Center for Strategic and International Studies",
        ),
        (
            "ukraine-2ndsummaryreport_sept2022.pdf (iaea.org),\u00a0pp. 9-10.",
            "iaea.org",
            OFFICIAL,
            "International Atomic Energy Agency",
        ),
        ("Some title (unknown-site.example)", "unknown-site.example", TEXT, None),
    ],
)
def test_pasted_title_names_its_domain(note: str, domain: str, kind: SourceKind, outlet: str | None) -> None:
    source = only(note)
    assert (source.raw, source.url, source.domain, source.kind, source.outlet) == (note, None, domain, kind, outlet)


@pytest.mark.parametrize(
    "note",
    [
        "NATO Estimates Steep Russian Losses in Ukraine - WSJ",
        "Who is Russia's 'butcher of Syria,' now leading the invasion of Ukraine? : NPR",
        "ISW will publish a collection of biographies of Russian commanders.",
        "Data upon request.",
    ],
)
def test_prose_note(note: str) -> None:
    assert read_sources(note) == (Source(raw=note, kind=TEXT),)


def test_text_item_among_urls() -> None:
    note = (
        "https://understandingwar.org/research/middle-east/iran-update-december-17-2025/; SITE Intelligence Group, "
        "“Ansar al-Furqan Claims 16 Casualties” December 16, 2025, available by subscription at www.siteintelgroup.com."
    )
    first, second = read_sources(note)
    assert first.kind is ISW
    assert second.raw.startswith("SITE Intelligence Group, “Ansar")
    assert second.raw.endswith("www.siteintelgroup.com.")
    assert (second.url, second.domain, second.repairs) == (
        "https://www.siteintelgroup.com",
        "siteintelgroup.com",
        ("scheme", "trailing"),
    )


def test_data_item_among_urls_is_a_text_source() -> None:
    first, second = read_sources("https://t.me/a/1; Data upon request")
    assert first.url == "https://t.me/a/1"
    assert second == Source(raw="Data upon request", kind=TEXT)


@pytest.mark.parametrize(
    ("note", "raw", "url"),
    [
        (
            "GRAPHIC: https://t.me/kommunist/13867",
            "GRAPHIC: https://t.me/kommunist/13867",
            "https://t.me/kommunist/13867",
        ),
        ("GRAPHIC – https://x.com/a/status/1", "GRAPHIC – https://x.com/a/status/1", "https://x.com/a/status/1"),
        (
            "**GRAPHIC**\u00a0https://twitter.com/sternenko/status/1",
            "**GRAPHIC**\u00a0https://twitter.com/sternenko/status/1",
            "https://twitter.com/sternenko/status/1",
        ),
        (
            "ADP 3-0.pdf (army.mil), p. 5-1. https://armypubs.army.mil/epubs/ADP3-0.pdf",
            "ADP 3-0.pdf (army.mil), p. 5-1. https://armypubs.army.mil/epubs/ADP3-0.pdf",
            "https://armypubs.army.mil/epubs/ADP3-0.pdf",
        ),
        (
            "https://understandingwar.org/wp-content/uploads/2024/02/Orders_of_Battle.pdf pg. 45",
            "https://understandingwar.org/wp-content/uploads/2024/02/Orders_of_Battle.pdf pg. 45",
            "https://understandingwar.org/wp-content/uploads/2024/02/Orders_of_Battle.pdf",
        ),
    ],
)
def test_prose_around_a_url_stays_in_its_raw(note: str, raw: str, url: str) -> None:
    source = only(note)
    assert (source.raw, source.url) == (raw, url)


def test_prose_before_a_url_is_not_split_at_commas() -> None:
    note = "According to this scheme, the doctors claim, and convince them.\n\nhttps://sprotyv.mod dot gov.ua/2022/11/04/x/"
    source = only(note)
    assert source.raw == note
    assert source.url == "https://sprotyv.mod.gov.ua/2022/11/04/x/"


# --------------------------------------------------------------------------- properties

SEPARATOR_GAP = re.compile(r"[\s;,]*")


def assert_nothing_dropped(text: str, sources: tuple[Source, ...]) -> None:
    """Every character outside the raws is a separator, and the raws come in order."""
    pos = 0
    for source in sources:
        found = text.find(source.raw, pos)
        assert found >= 0, (source.raw, text)
        assert SEPARATOR_GAP.fullmatch(text, pos, found), (text[pos:found], text)
        pos = found + len(source.raw)
    assert SEPARATOR_GAP.fullmatch(text, pos), (text[pos:], text)


def assert_url_shape(source: Source) -> None:
    if source.url is None:  # text; a pasted title's (domain) may give another kind
        assert source.kind is TEXT or source.domain is not None
        assert not source.repairs and source.account is None and source.post_id is None
        return
    url = source.url
    assert url.startswith(("http://", "https://")), url
    assert not any(char.isspace() for char in url), url
    assert " dot " not in source.url
    assert not url.endswith((".", ",", ";")), url
    assert "..." not in url and "…" not in url, url


NOTE_START = re.compile(r"\[(\d{1,3})\]")
CONTINUATION = re.compile(r"\s*(?:[,;]\s*)?(?:h{0,2}t{1,3}ps?:|www\.)", re.IGNORECASE)


def corpus_notes() -> list[tuple[str, str]]:
    """Every ``[N] …`` line of the corpus with the continuation lines that follow it, as (where, note text)."""
    notes: list[tuple[str, str]] = []
    for path in CORPUS_FILES:
        lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
        i = 0
        while i < len(lines):
            start = NOTE_START.match(lines[i])
            if start is None:
                i += 1
                continue
            parts = [lines[i][start.end() :]]
            j = i + 1
            while True:
                k = j
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k == len(lines) or NOTE_START.match(lines[k]) or not CONTINUATION.match(lines[k]):
                    break
                parts.extend(lines[j : k + 1])
                j = k + 1
            notes.append((f"{path.name}:{i + 1}", "".join(parts).strip()))
            i = j
    return notes


@pytest.fixture(scope="module")
def notes() -> list[tuple[str, str]]:
    return corpus_notes()


@needs_corpus
def test_corpus_urls_are_repaired(notes: list[tuple[str, str]]) -> None:
    assert len(notes) > 2000
    urls = 0
    for _, text in notes:
        for source in read_sources(text):
            assert_url_shape(source)
            urls += source.url is not None
    assert urls > 4000


@needs_corpus
def test_corpus_nothing_dropped(notes: list[tuple[str, str]]) -> None:
    for where, text in notes:
        sources = read_sources(text)
        assert sources or not text, where
        assert_nothing_dropped(text, sources)


@needs_corpus
def test_corpus_continuation_lines_are_read(notes: list[tuple[str, str]]) -> None:
    joined = [text for _, text in notes if "\n" in text]
    assert len(joined) >= 20
    for text in joined:
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(read_sources(text)) >= len(lines)


@needs_corpus
def test_corpus_known_notes(notes: list[tuple[str, str]]) -> None:
    by_url = {source.url: source for _, text in notes for source in read_sources(text) if source.url}
    mod = by_url[
        "https://sprotyv.mod.gov.ua/2022/12/14/okupanty-pospishayut-provesty-pasportyzacziyu-na-tymchasovo-okupovanyh-terytoriyah/"
    ]
    assert (mod.repairs, mod.kind) == (("dot",), OFFICIAL)
    kremlin = by_url["http://en.kremlin.ru/events/president/news/20603"]
    assert kremlin.raw == "http://en dot kremlindot ru/events/president/news/20603"
    scheme = by_url["https://t.me/Info_BA_News/3763"]
    assert scheme.repairs == ("scheme",)
    vk = by_url["https://vk.com/wall-152576475_9791"]
    assert (vk.platform, vk.post_id, vk.repairs) == (VK, "-152576475_9791", ("dot",))


@needs_corpus
def test_corpus_text_notes(notes: list[tuple[str, str]]) -> None:
    texts = {text: read_sources(text) for _, text in notes}
    guide = texts["Russian General Officer Guide ISW May 11 2022.pdf (understandingwar.org)"]
    assert [(s.url, s.domain, s.kind) for s in guide] == [(None, "understandingwar.org", ISW)]
    assert texts["Data upon request"] == (Source(raw="Data upon request", kind=TEXT),)


ALPHABET = st.sampled_from(
    [
        "https://",
        "http://",
        "ttps://",
        "htps:/",
        "https///",
        "www.",
        "www dot ",
        " dot ",
        "dot ",
        "[dot]",
        "(dot)",
        "t.me/",
        "rybar/",
        "1",
        "x.com",
        "/status/",
        "facebook.com/",
        "posts/",
        "vk.com/wall-1_2",
        "?v=",
        "&",
        "=",
        ".",
        ",",
        ";",
        " ; ",
        "...",
        "…",
        ")",
        "(",
        "”",
        "%20",
        "a",
        "ru/",
        "gov.ua",
        " ",
        "\u00a0",
        "\n",
        "\r\n",
        "\r",
        "\x85",
        "\u2028",
        "\u200b",
        "(csis.org)",
        "GRAPHIC: ",
        "h",
        "ht",
        "-",
        "_",
        "@",
        ":",
        "#",
    ]
)


@given(st.one_of(st.text(), st.lists(ALPHABET, max_size=40).map("".join)))
def test_never_raises_and_is_deterministic(text: str) -> None:
    first = read_sources(text)
    _sources._clear_caches()
    assert read_sources(text) == first
    assert read_sources(text) == first  # through the caches
    for source in first:
        assert_url_shape(source)
    if text.strip():
        assert_nothing_dropped(text.strip(), first)


# --------------------------------------------------------------------------- linear time

SHAPES = [
    "https://t.me/rybar/{i}",
    "https://twitter.com/user{i}/status/{i}?s=20&t=abc...",
    "https://www dot interfax dot ru/russia/{i}.",
    "https://www.facebook.com/GeneralStaff.ua/posts/{i}",
    "facebook.com/page{i}/posts/{i}",
    "https://sprotyv.mod.gov.ua/2022/12/{i}/okupanty/",
]


def cold_time(text: str) -> float:
    """Best of five cold runs, each from empty caches to freeing what it cached, without garbage collection."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        _sources._clear_caches()
        for _ in range(5):
            start = time.process_time()  # CPU time: wall time moves with the machine's load
            read_sources(text)
            _sources._clear_caches()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


@pytest.mark.parametrize("separator", ["; ", " "])
def test_linear_time(separator: str) -> None:
    def note(count: int) -> str:
        return separator.join(SHAPES[i % len(SHAPES)].format(i=i) for i in range(count))

    assert len(read_sources(note(20_000))) == 20_000
    assert_linear(lambda count: cold_time(note(count)), 2_000, 12)
