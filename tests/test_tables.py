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
    assert [len(rows[name]) for name in TABLES[:6]] == [
        1,
        len(report.claims),
        len(report.citations),
        len(report.notes),
        len(report.sources),
        len(report.takeaways),
    ]
    assert len(rows["supports"]) == sum(len(t.supports) for t in report.takeaways)
    assert len(rows["diagnostics"]) == len(report.diagnostics)
    for row in rows["citations"]:
        assert row["note"] is None or 0 <= row["note"] < len(report.notes)  # type: ignore[operator]
    for row in rows["claims"]:
        assert all(0 <= i < len(report.citations) for i in row["citations"])  # type: ignore[attr-defined]
    for row in rows["notes"]:
        assert all(0 <= i < len(report.sources) for i in row["sources"])  # type: ignore[attr-defined]
    for row in rows["sources"]:
        assert row["notes"] and all(0 <= i < len(report.notes) for i in row["notes"])  # type: ignore[attr-defined]
        assert row["key"] == report.sources[row["source"]].key  # type: ignore[index]
    for row in rows["takeaways"]:
        assert all(0 <= i < len(report.citations) for i in row["citations"])  # type: ignore[attr-defined]
    for row in rows["supports"]:
        assert 0 <= row["claim"] < len(report.claims)  # type: ignore[operator]
        assert 0 <= row["takeaway"] < len(report.takeaways)  # type: ignore[operator]
    for row in rows["claim_sources"]:
        claim = report.claims[row["claim"]]  # type: ignore[index]
        citation = report.citations[row["citation"]]  # type: ignore[index]
        assert citation in [c.citation for c in claim.citations]
        assert citation.note is report.notes[row["note"]]  # type: ignore[index]
        assert row["key"] in {s.key for s in citation.note.sources}
        assert report.sources[row["source"]].key == row["key"]  # type: ignore[index]
    assert len(rows["claim_sources"]) == sum(
        len({s.key for s in c.sources}) for claim in report.claims for c in claim.citations
    )
    for name in TABLES:
        for row in rows[name]:
            assert list(row) == list(COLUMNS[name])
            assert row["report_id"] == rows["reports"][0]["report_id"]


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


def test_the_new_tables_of_a_brief() -> None:
    report = bm.parse(BRIEF)
    rows = bm.table_rows([report])
    rid = rows["reports"][0]["report_id"]
    assert [(r["takeaway"], r["text"], r["citations"], r["supports"]) for r in rows["takeaways"]] == [
        (0, "Russian forces advanced near Pokrovsk.", [], 1)
    ]
    assert [(r["takeaway"], r["claim"], r["score"], r["rank"]) for r in rows["supports"]] == [
        (0, s.claim, s.score, rank) for rank, s in enumerate(report.takeaways[0].supports)
    ]
    assert [
        (r["claim"], r["citation"], r["note"], r["source"], r["key"], r["inferred"]) for r in rows["claim_sources"]
    ] == [
        (0, 0, 0, 0, "telegram:generalstaffzsu/1", False),
        (0, 0, 0, 1, "telegram:rybar/2", False),
        (1, 1, 1, 1, "telegram:rybar/2", True),  # covered by the next callout of its paragraph
        (2, 1, 1, 1, "telegram:rybar/2", False),  # [3] resolves to no note: no row
    ]
    assert {r["source_id"] for r in rows["claim_sources"]} == {r["source_id"] for r in rows["sources"]}
    codes = [(r["code"], r["severity"], r["line"]) for r in rows["diagnostics"]]
    assert codes == [("CALLOUT_UNRESOLVED", "warning", 7)]
    assert [r["code"] for r in rows["diagnostics"]] == rows["reports"][0]["diagnostics"]
    assert all(r["message"] for r in rows["diagnostics"]) and {r["report_id"] for r in rows["diagnostics"]} == {rid}
    assert {(r["first_seen"], r["last_seen"]) for r in rows["sources"]} == {(report.published, report.published)}


def test_a_takeaway_lists_its_own_callouts() -> None:
    text = BRIEF.replace(
        "  • Russian forces advanced near Pokrovsk.\n", "  • Russian forces advanced near Pokrovsk.[2]\n"
    )
    report = bm.parse(text)
    rows = bm.table_rows([report])
    (takeaway,) = rows["takeaways"]
    assert takeaway["citations"] == [0]
    assert rows["citations"][0]["label"] == "2" and rows["citations"][0]["line"] == takeaway["line"]


def test_report_ids_follow_the_file_and_its_text(tmp_path: Path) -> None:
    """Two files holding the same text are two reports with two ids and one text hash; an edit changes the id."""
    (tmp_path / "a.txt").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BRIEF, encoding="utf-8")
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    reports = [r for path in paths for r in bm.load(path)]
    rows = bm.table_rows(reports, paths=paths)["reports"]
    assert rows[0]["report_id"] != rows[1]["report_id"]
    assert rows[0]["text_hash"] == rows[1]["text_hash"]
    assert [r["path"] for r in rows] == paths and [r["position"] for r in rows] == [0, 0]
    again = bm.table_rows(bm.load(paths[0]), paths=paths[0])["reports"][0]
    assert again["report_id"] == rows[0]["report_id"]  # the same file, the same id, in any run
    dotted = bm.table_rows(bm.load(paths[0]), paths=f"{tmp_path}/./x/../a.txt")["reports"][0]
    assert dotted["report_id"] == rows[0]["report_id"]  # the path is normalized
    (tmp_path / "a.txt").write_text(BRIEF + "\n", encoding="utf-8")
    edited = bm.table_rows(bm.load(paths[0]), paths=paths[0])["reports"][0]
    assert edited["report_id"] != rows[0]["report_id"] and edited["text_hash"] != rows[0]["text_hash"]
    # without a path: the hash of the text alone, as before
    (report,) = bm.load(paths[1])
    assert bm.report_id(report) == "r-" + rows[1]["text_hash"][:16]
    assert bm.table_rows([report])["reports"][0]["report_id"] == bm.report_id(report)
    assert bm.report_id(report, paths[1]) == rows[1]["report_id"]


def test_the_reports_of_one_file_have_their_positions() -> None:
    seed = str(SEED)
    rows = bm.table_rows(bm.load(SEED), paths=seed)["reports"]
    assert [(r["path"], r["position"]) for r in rows] == [(seed, 0), (seed, 1)]
    report = bm.parse(BRIEF)
    twice = [r["report_id"] for r in bm.table_rows([report, report], paths="twice.txt")["reports"]]
    assert twice[0] != twice[1]  # the same document twice in one file: two positions, two ids
    listed = bm.table_rows([*bm.load(SEED), bm.parse(BRIEF)], paths=[seed, seed, None])["reports"]
    assert [(r["path"], r["position"]) for r in listed] == [(seed, 0), (seed, 1), (None, None)]
    assert listed[2]["report_id"] == bm.report_id(bm.parse(BRIEF))
    with pytest.raises(bm.BriefmodelError, match="paths"):
        bm.table_rows([bm.parse(BRIEF)], paths=[seed, seed])
    with pytest.raises(bm.BriefmodelError, match="paths"):
        bm.table_rows([bm.parse(BRIEF), bm.parse(BRIEF)], paths=[seed])


PANDAS_TYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean", "date": "datetime64[s]"}


def _arrow_type(kind: str) -> object:
    scalars = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    return pa.list_(scalars[kind[5:-1]]) if kind.startswith("list[") else scalars[kind]


@pytest.mark.parametrize("reports", [[], "seed"], ids=["empty", "seed"])
def test_every_column_has_its_type_in_pandas_and_arrow(reports: object) -> None:
    given = [bm.parse(BRIEF), *bm.load(SEED)] if reports == "seed" else []
    frames, tables = bm.to_pandas(given), bm.to_arrow(given)
    assert list(frames) == list(tables) == list(TABLES)
    for name in TABLES:
        for column, kind in COLUMNS[name].items():
            dtype = frames[name][column].dtype
            expected = "object" if kind.startswith("list[") else PANDAS_TYPES[kind]
            assert str(dtype) == expected, (name, column, dtype)
            assert tables[name].schema.field(column).type == _arrow_type(kind), (name, column)


def test_dates_work_as_dates_in_pandas() -> None:
    frames = bm.to_pandas([bm.parse(BRIEF), *bm.load(SEED)])
    reports = frames["reports"]
    assert reports["published"].dt.year.tolist()[:2] == [2024, 2024]
    assert pd.isna(reports["published"].iloc[2])  # the Wilson Center piece has no date: NaT
    per_month = reports.set_index("published").sort_index().dropna(axis=0, how="all")["claims"].resample("MS").sum()
    assert per_month.loc["2024-12-01"] == reports["claims"].iloc[:2].sum()
    claims = frames["claims"]
    assert claims["date_start"].iloc[0] == pd.Timestamp("2024-12-14")
    assert (claims["date_start"].dropna() <= claims["date_end"].dropna()).all()


def test_the_tables_join_on_their_ids(tmp_path: Path) -> None:
    paths = [str(SEED), *(str(p) for p in CORPUS_FILES[:3])]
    loaded = [(r, path) for path in paths for r in bm.load(path)]
    frames = bm.to_pandas([r for r, _ in loaded], paths=[p for _, p in loaded])
    reports = frames["reports"]
    assert reports["report_id"].is_unique
    for name in TABLES[1:]:
        assert frames[name]["report_id"].isin(reports["report_id"]).all(), name
    keys = {"claims": "claim", "citations": "citation", "notes": "note", "sources": "source", "takeaways": "takeaway"}
    for name, key in keys.items():
        assert not frames[name].duplicated(["report_id", key]).any(), name
    cs = frames["claim_sources"]
    for name, key in [("claims", "claim"), ("citations", "citation"), ("notes", "note"), ("sources", "source")]:
        joined = cs.merge(frames[name][["report_id", key]], on=["report_id", key], how="left", indicator=True)
        assert (joined["_merge"] == "both").all(), name
    via = cs.merge(frames["sources"], on=["report_id", "source"], suffixes=("", "_s"))
    assert (via["key"] == via["key_s"]).all() and (via["source_id"] == via["source_id_s"]).all()
    supports = frames["supports"]
    for name, key in [("takeaways", "takeaway"), ("claims", "claim")]:
        joined = supports.merge(frames[name][["report_id", key]], on=["report_id", key], how="left", indicator=True)
        assert (joined["_merge"] == "both").all(), name
    counted = frames["takeaways"].set_index(["report_id", "takeaway"])["supports"]
    assert (
        supports.groupby(["report_id", "takeaway"]).size().reindex(counted.index, fill_value=0).tolist()
        == counted.tolist()
    )
    per_report = frames["diagnostics"].groupby("report_id")["code"].apply(list)
    assert all(
        per_report.get(rid, []) == codes
        for rid, codes in zip(reports["report_id"], reports["diagnostics"], strict=True)
    )
    first = frames["sources"].groupby("key")["first_seen"].min()
    published = frames["sources"].merge(reports[["report_id", "published"]], on="report_id")
    assert (published["first_seen"].isna() | (published["first_seen"] == published["published"])).all()
    assert first.notna().any() or CORPUS_FILES == []
