"""Flat tables: one row per object, ids that join, fixed schemas, Parquet and pandas round trips."""

import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

import briefmodel as bm
from briefmodel._formats.tables import COLUMNS, TABLES, arrow_schema

from . import strategies
from .conftest import CORPUS_FILES, SEED

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")

BRIEF = (
    "Russian Offensive Campaign Assessment, December 14, 2024\n\nKey Takeaways\n\n"
    "  • Russian forces advanced near Pokrovsk.\n\n"
    "Russian forces likely advanced near Pokrovsk on December 14, the Ukrainian General Staff reported.[1] "
    "Russian forces attacked near Kreminna. They failed.[2][3]\n\n"
    "Endnotes\n[1] https://t.me/GeneralStaffZSU/1 ; https://t.me/rybar/2\n[2] https://t.me/rybar/2\n"
)


def check_joins(report: bm.Report, rows: dict[str, list[dict[str, object]]]) -> None:
    """Each table has a row per object, and every index column points at a row of its table."""
    assert [len(rows[name]) for name in TABLES] == [
        1,
        len(report.claims),
        len(report.citations),
        len(report.notes),
        len(report.sources),
    ]
    for row in rows["citations"]:
        assert row["note"] is None or 0 <= row["note"] < len(report.notes)  # type: ignore[operator]
    for row in rows["claims"]:
        assert all(0 <= i < len(report.citations) for i in row["citations"])  # type: ignore[attr-defined]
    for row in rows["notes"]:
        assert all(0 <= i < len(report.sources) for i in row["sources"])  # type: ignore[attr-defined]
    for row in rows["sources"]:
        assert row["notes"] and all(0 <= i < len(report.notes) for i in row["notes"])  # type: ignore[attr-defined]
    for name in TABLES:
        for row in rows[name]:
            assert list(row) == list(COLUMNS[name])


def test_the_rows_of_a_brief() -> None:
    report = bm.parse(BRIEF)
    rows = bm.table_rows([report])
    check_joins(report, rows)
    (summary,) = rows["reports"]
    assert summary["report_id"] == bm.report_id(report) and summary["report_id"].startswith("r-")
    assert (summary["published"], summary["citations"], summary["resolved"]) == (dt.date(2024, 12, 14), 3, 2)
    first = rows["claims"][0]
    assert (first["stance"], first["speaker"], first["speaker_kind"], first["cue"]) == (
        "reported",
        "the Ukrainian General Staff",
        "government",
        "reported",
    )
    assert (first["hedges"], first["likelihood_low"], first["likelihood_high"]) == (["likely"], 0.55, 0.8)
    assert (first["dates"], first["date_start"]) == (["December 14"], dt.date(2024, 12, 14))
    assert [row["citations"] for row in rows["claims"]] == [[0], [1, 2], [1, 2]]
    assert [row["inferred"] for row in rows["claims"]] == [[False], [True, True], [False, False]]
    assert [row["note"] for row in rows["citations"]] == [0, 1, None]
    assert [row["sources"] for row in rows["notes"]] == [[0, 1], [1]]
    assert [(row["url"], row["notes"]) for row in rows["sources"]] == [
        ("https://t.me/GeneralStaffZSU/1", [0]),
        ("https://t.me/rybar/2", [0, 1]),
    ]
    assert rows["sources"][1]["source_id"] == bm.csl_items(report)[1]["id"]


def test_report_ids_are_stable_and_distinct() -> None:
    assert bm.report_id(bm.parse(BRIEF)) == bm.report_id(bm.parse(BRIEF))
    assert bm.report_id(bm.parse(BRIEF)) != bm.report_id(bm.parse(BRIEF + "\n"))
    assert bm.report_id(bm.parse(BRIEF)) != bm.report_id(bm.parse("\ufeff" + BRIEF))
    isw, wilson = bm.load(SEED)
    assert bm.report_id(isw) != bm.report_id(wilson)


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus is absent")
def test_every_corpus_report() -> None:
    reports = [report for path in CORPUS_FILES for report in bm.load(path)]
    for report in reports:
        check_joins(report, bm.table_rows([report]))
    tables = bm.to_arrow(reports)
    assert tables["reports"].num_rows == len(reports)
    assert tables["sources"].num_rows == sum(len(r.sources) for r in reports)
    assert len(set(tables["reports"].column("report_id").to_pylist())) == len(reports)


def test_arrow_schemas_are_fixed_even_when_empty() -> None:
    empty = bm.to_arrow([])
    for name in TABLES:
        assert empty[name].num_rows == 0 and empty[name].schema == arrow_schema(name)
    one, other = bm.to_arrow([bm.parse(BRIEF)]), bm.to_arrow(bm.load(SEED))
    for name in TABLES:
        assert one[name].schema == other[name].schema  # so tables of many files concatenate
        assert pa.concat_tables([one[name], other[name]]).num_rows == one[name].num_rows + other[name].num_rows


def test_parquet_and_pandas_round_trip(tmp_path: Path) -> None:
    reports = [bm.parse(BRIEF), *bm.load(SEED)]
    tables = bm.to_arrow(reports)
    for name, table in tables.items():
        pq.write_table(table, tmp_path / f"{name}.parquet")
    claims = pd.read_parquet(tmp_path / "claims.parquet")
    frames = bm.to_pandas(reports)
    assert list(claims.columns) == list(COLUMNS["claims"]) == list(frames["claims"].columns)
    assert claims["text"].tolist() == frames["claims"]["text"].tolist()
    assert frames["claims"]["citations"].iloc[1] == [1, 2]  # list columns hold Python lists
    joined = frames["citations"].merge(frames["notes"], on=["report_id"], suffixes=("", "_note"))
    assert not joined.empty


def test_strings_that_are_not_utf8_become_replacement_characters() -> None:
    report = bm.parse("A Title Line\n\nDecember 1, 2024\n\nForces \ud800 advanced.[1]\n\n[1] https://t.me/a/\udc00\n")
    tables = bm.to_arrow([report])
    assert tables["claims"].column("text").to_pylist() == ["Forces \ufffd advanced."]
    assert bm.table_rows([report])["claims"][0]["text"] == "Forces \ud800 advanced."  # plain rows keep them


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(bm.BriefmodelError, match=r"pip install 'briefmodel\[tables\]'"):
        bm.to_pandas([bm.parse(BRIEF)])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(bm.BriefmodelError, match="tables: pyarrow is not installed"):
        bm.to_arrow([])


@settings(max_examples=100)
@given(strategies.brief_texts())
def test_any_text_gives_joinable_tables(text: str) -> None:
    report = bm.parse(text)
    check_joins(report, bm.table_rows([report]))
    bm.to_arrow([report])
