"""The JSON Schema of the JSON form: valid itself, met by every report ``to_json`` writes, and shown in the docs."""

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import briefmodel as bm
from briefmodel._formats.schema import json_schema

from . import strategies
from .conftest import CORPUS_FILES, ROOT, SEED

SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def errors_of(data: object) -> list[str]:
    return [f"{error.message} @ {list(error.absolute_path)}" for error in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["schema_version"] == {"const": 1}


def test_the_seed_and_the_corpus_meet_the_schema() -> None:
    paths = [SEED, *CORPUS_FILES]
    for path in paths:
        for report in bm.load(path):
            assert errors_of(json.loads(bm.to_json(report))) == [], path.name


# Validation is slow and the schema is structural: a hundred examples cover its shapes (the corpus covers the rest).
@settings(max_examples=100)
@given(strategies.report_parts())
def test_built_reports_meet_the_schema(parts: dict[str, Any]) -> None:
    report = bm.build_report(**parts)  # type: ignore[arg-type]
    assert errors_of(bm.to_dict(report)) == []


@settings(max_examples=100)
@given(strategies.brief_texts())
def test_parsed_text_meets_the_schema(text: str) -> None:
    assert errors_of(bm.to_dict(bm.parse(text))) == []


def _mutations() -> list[tuple[str, Any]]:
    def extra_key(d: dict[str, Any]) -> None:
        d["notes"][0]["colour"] = "red"

    def note_index_as_text(d: dict[str, Any]) -> None:
        d["citations"][0]["note"] = "0"

    def bad_stance(d: dict[str, Any]) -> None:
        d["claims"][0]["stance"] = "certain"

    def bad_date(d: dict[str, Any]) -> None:
        d["published"] = "14 December 2024"

    def missing_span(d: dict[str, Any]) -> None:
        del d["claims"][0]["span"]

    def negative_index(d: dict[str, Any]) -> None:
        d["takeaways"][0]["citations"] = [-1]

    def other_version(d: dict[str, Any]) -> None:
        d["schema_version"] = 2

    return [
        ("extra key", extra_key),
        ("note index as text", note_index_as_text),
        ("bad stance", bad_stance),
        ("bad date", bad_date),
        ("missing span", missing_span),
        ("negative index", negative_index),
        ("other version", other_version),
    ]


@pytest.mark.parametrize(("name", "mutate"), _mutations(), ids=[name for name, _ in _mutations()])
def test_data_that_is_not_a_report_fails_the_schema(name: str, mutate: Any) -> None:
    report = bm.build_report(
        title="Russian Offensive Campaign Assessment, December 14, 2024",
        published=dt.date(2024, 12, 14),
        takeaways=["Russian forces advanced near Pokrovsk."],
        paragraphs=["Russian forces advanced near Pokrovsk, geolocated footage shows.[1]"],
        notes=["https://t.me/wargonzo/23456"],
    )
    data = copy.deepcopy(bm.to_dict(report))
    assert errors_of(data) == []
    mutate(data)
    assert errors_of(data), name


def test_the_docs_show_the_current_schema() -> None:
    shown = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert shown == SCHEMA, "run: briefmodel schema > docs/schema.json"


def test_the_command_line_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from briefmodel._cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


def test_schema_file_is_written_like_the_command_prints_it() -> None:
    text = (ROOT / "docs" / "schema.json").read_text(encoding="utf-8")
    assert text == json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n"
    assert Path(ROOT / "docs" / "schema.json").stat().st_size < 60_000
