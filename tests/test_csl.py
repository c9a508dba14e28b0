"""CSL-JSON export: one valid item per distinct source, with types, ids, containers and dates mapped."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import briefmodel as bm

from . import strategies
from .conftest import CORPUS_FILES, SEED

CSL_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
CSL = jsonschema.Draft7Validator(CSL_SCHEMA)

NOTES = [
    "https://t.me/rybar/12345",
    "https://twitter.com/GeneralStaffUA/status/1498616685137383425",
    "https://www.reuters.com/world/europe/some-story-2022-12-14/",
    "https://sprotyv.mod.gov.ua/2022/12/14/okupanty-vyvozyat/",
    "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-december-13",
    "https://www.rand.org/pubs/research_reports/RRA1234-1.html",
    "https://t.me/rybar/12345 ; https://example.org/page",
    "Kinzhal | Missile Threat (csis.org)",
]


def report_with_notes(notes: list[str], **extra: Any) -> bm.Report:
    paragraphs = [f"Russian forces advanced near Pokrovsk, sources said.[{i}]" for i in range(1, len(notes) + 1)]
    return bm.build_report(
        title="Russian Offensive Campaign Assessment, December 14, 2022",
        publisher="Institute for the Study of War",
        published=dt.date(2022, 12, 14),
        paragraphs=paragraphs,
        notes=notes,
        **extra,
    )


def errors_of(items: object) -> list[str]:
    return [f"{error.message} @ {list(error.absolute_path)}" for error in CSL.iter_errors(items)]


def test_the_schema_kept_in_tests_is_a_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)
    assert CSL_SCHEMA["items"]["required"] == ["type", "id"]


def test_one_item_per_distinct_source_with_mapped_types() -> None:
    report = report_with_notes(NOTES)
    items = bm.csl_items(report)
    assert errors_of(items) == []
    assert len(items) == len(report.sources) == 8  # the Telegram post cited twice is one item
    by_url = {item.get("URL", item.get("title")): item for item in items}
    assert by_url["https://t.me/rybar/12345"]["type"] == "post"
    assert by_url["https://t.me/rybar/12345"]["author"] == [{"literal": "rybar"}]
    assert by_url["https://t.me/rybar/12345"]["container-title"] == "Telegram"
    assert by_url["https://t.me/rybar/12345"]["custom"]["notes"] == ["1", "7"]
    assert by_url["https://t.me/rybar/12345"]["note"].endswith("(2022-12-14), endnotes 1, 7")
    assert "issued" not in by_url["https://t.me/rybar/12345"]  # a Telegram id carries no time
    reuters = by_url["https://www.reuters.com/world/europe/some-story-2022-12-14/"]
    assert (reuters["type"], reuters["container-title"]) == ("article-newspaper", "Reuters")
    assert reuters["issued"] == {"date-parts": [[2022, 12, 14]]}
    assert by_url["https://sprotyv.mod.gov.ua/2022/12/14/okupanty-vyvozyat/"]["issued"] == {
        "date-parts": [[2022, 12, 14]]
    }
    tweet = by_url["https://twitter.com/GeneralStaffUA/status/1498616685137383425"]
    assert tweet["issued"] == {"date-parts": [[2022, 3, 1]]}  # the id's time: 2022-03-01 12:04 UTC
    isw = by_url["https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-december-13"]
    assert isw["type"] == "report"
    pasted = by_url["Kinzhal | Missile Threat (csis.org)"]  # a pasted title: a think tank's page, no URL
    assert (pasted["type"], pasted["title"], "URL" in pasted) == (
        "report",
        "Kinzhal | Missile Threat (csis.org)",
        False,
    )
    prose = bm.csl_items(report_with_notes(["UA General Staff SITREP of 1200 MAR 8 stated that"]))[0]
    assert (prose["type"], prose["title"]) == ("document", "UA General Staff SITREP of 1200 MAR 8 stated that")


def test_ids_are_stable_and_shared_across_reports() -> None:
    first = bm.csl_items(report_with_notes(NOTES))
    again = bm.csl_items(report_with_notes(list(reversed(NOTES))))
    assert len({item["id"] for item in first}) == len(first)
    assert {item["id"] for item in first} == {item["id"] for item in again}
    # the SHA-1 of the source's key, not of the URL as printed: the same post has one id whatever its form
    assert first[0]["id"] == "src-" + __import__("hashlib").sha1(b"telegram:rybar/12345").hexdigest()[:12]


def test_no_sources_is_an_empty_array(seed_text: str) -> None:
    assert bm.to_csl_json(bm.load(SEED)[0]) == "[]"


def test_to_csl_json_is_the_items_as_json() -> None:
    report = report_with_notes(NOTES[:3])
    assert json.loads(bm.to_csl_json(report, indent=2)) == bm.csl_items(report)


@pytest.mark.corpus
def test_every_corpus_report_gives_valid_csl_json() -> None:
    if not CORPUS_FILES:
        pytest.skip("../shared/corpus is absent")
    for path in CORPUS_FILES:
        for report in bm.load(path):
            items = bm.csl_items(report)
            assert errors_of(items) == [], path.name
            assert len(items) == len(report.sources)
            for item in items:
                if "issued" in item and report.published is not None:
                    # the UTC day: a post from the evening (US Eastern) of the report's day is dated the day after
                    latest = report.published + dt.timedelta(days=1)
                    assert dt.date(*item["issued"]["date-parts"][0]) <= latest, (path.name, item["URL"])


@settings(max_examples=100)
@given(strategies.brief_texts())
def test_any_parsed_text_gives_valid_csl_json(text: str) -> None:
    assert errors_of(bm.csl_items(bm.parse(text))) == []
