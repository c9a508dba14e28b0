"""JSON: one converter, plain data, a schema version, round trips, and errors that name the path."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm

from .conftest import CORPUS_FILES, SEED, needs_corpus, read_exact


def _plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


def test_to_dict_is_plain_data_with_a_schema_version(seed_text: str) -> None:
    data = bm.to_dict(bm.parse_all(seed_text)[0])
    assert _plain(data)
    assert data["schema_version"] == 1
    assert data["published"] == "2024-12-14"
    assert data["citations"][0] == {
        "label": "1",
        "number": 1,
        "span": data["citations"][0]["span"],
        "block": 6,
        "note": None,
    }
    assert data["blocks"][0] == {"kind": "dateline", "text": "December 14, 2024", "newline": "\n"}


def test_citations_refer_to_notes_by_index() -> None:
    report = bm.parse(
        "A Title Line\n\nDecember 1, 2024\n\nRussian forces advanced.[2] Ukrainian forces held.[1]\n\n[1] https://t.me/a/1\n[2] https://t.me/a/2\n"
    )
    data = bm.to_dict(report)
    assert [c["note"] for c in data["citations"]] == [1, 0]
    assert data["claims"][0]["citations"] == [{"citation": 0, "inferred": False}]
    assert data["notes"][0]["sources"][0]["platform"] == "telegram"
    again = bm.from_dict(data)
    assert again == report
    assert again.citations[0].note is again.notes[1]


def test_converters_are_made_fresh() -> None:
    first, second = bm.make_converter(), bm.make_converter()
    assert first is not second
    report = bm.parse("Title line here\n\nDecember 1, 2024\n")
    assert first.unstructure(report) == second.unstructure(report) == bm.to_dict(report)


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_corpus_reports_round_trip_through_json(path: Path) -> None:
    for report in bm.parse_all(read_exact(path)):
        assert bm.from_json(bm.to_json(report)) == report


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda d: d["notes"][0].update(label=5), "$.notes[0].label"),
        (lambda d: d["citations"][1].update(note=99), "$.citations[1].note"),
        (lambda d: d["blocks"][2].update(kind="heading-ish"), "$.blocks[2].kind"),
        (lambda d: d.update(published="14 December"), "$.published"),
        (lambda d: d.update(schema_version=99), "$.schema_version"),
        (
            lambda d: d["takeaways"].append(
                {"text": "x", "span": d["claims"][0]["span"], "citations": [7], "supports": []}
            ),
            "$.takeaways[0].citations",
        ),
        (lambda d: d["notes"][0]["span"].update(end=10**6), "$.notes[0]"),
    ],
    ids=["label-type", "note-index", "enum", "date", "version", "citation-index", "span-truth"],
)
def test_bad_data_names_the_path(mutate: object, path: str) -> None:
    report = bm.parse(
        "A Title Line\n\nDecember 1, 2024\n\nRussian forces advanced.[1] Ukrainian forces held.[2]\n\n[1] https://t.me/a/1\n[2] https://t.me/a/2\n"
    )
    data = json.loads(bm.to_json(report))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(bm.DataError) as caught:
        bm.from_dict(data)
    assert any(path in message for message in caught.value.errors), caught.value.errors
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, bm.BriefmodelError)


def test_invalid_json_text_is_a_data_error() -> None:
    with pytest.raises(bm.DataError, match=r"invalid JSON.*@ \$"):
        bm.from_json("{")
    with pytest.raises(bm.DataError, match=r"@ \$"):
        bm.from_json("[]")


def test_other_model_objects_round_trip(seed_text: str) -> None:
    report = bm.parse_all(seed_text)[0]
    for obj in (report.citations[0], report.takeaways[0], report.claims[0], report.diagnostics[0], report.blocks[0]):
        assert bm.from_json(bm.to_json(obj), type(obj)) == obj
    with pytest.raises(bm.DataError, match=r"@ \$"):
        bm.from_json('{"label": 3}', bm.Note)


def test_output_is_the_same_whatever_the_hash_seed() -> None:
    files = [SEED, *CORPUS_FILES[:3]]
    script = (
        "import sys, hashlib, briefmodel as bm\n"
        "for p in sys.argv[1:]:\n"
        "    t = open(p, 'rb').read().decode()\n"
        "    print(hashlib.sha256(''.join(bm.to_json(r) for r in bm.parse_all(t)).encode()).hexdigest())\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script, *map(str, files)], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert len(next(iter(outputs)).split()) == len(files)
    assert hashlib.sha256(b"") is not None


def test_a_failed_part_does_not_cascade_into_index_errors() -> None:
    report = bm.parse(
        "A Title Line\n\nDecember 1, 2024\n\nRussian forces advanced.[1] Ukrainian forces held.[2]\n\n[1] https://t.me/a/1\n[2] https://t.me/a/2\n"
    )
    data = json.loads(bm.to_json(report))
    data["notes"][0]["label"] = 5
    with pytest.raises(bm.DataError) as caught:
        bm.from_dict(data)
    assert caught.value.errors == ["expected a string, got the number 5 @ $.notes[0].label"]


def test_reports_pickle_for_worker_processes(seed_text: str) -> None:
    """Reports cross process boundaries (multiprocessing, Dask, Spark): pickled, read or not, they come back equal."""
    import pickle

    unread, read = bm.parse_all(seed_text)[0], bm.parse_all(seed_text)[0]
    assert read.claims  # read its claims (cached) before pickling
    for report in (unread, read):
        again = pickle.loads(pickle.dumps(report))
        assert again == report
        assert again.claims == read.claims and again.takeaways == read.takeaways
        assert again.diagnostics == read.diagnostics and again.sources == read.sources
