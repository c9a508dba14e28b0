"""``Corpus``: many files as one dataset — what it finds and reads, its order, its filters, its identities, its
tables, its summary, its memory, and the same results with worker processes."""

import datetime as dt
import gc
import importlib.util
import os
import re
import signal
import sys
import tracemalloc
import warnings
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import briefmodel as bm
from briefmodel._corpus import passes
from briefmodel._corpus.identities import SOURCE_COLUMNS, SPEAKER_COLUMNS
from briefmodel._formats.ids import text_hash
from briefmodel._formats.tables import COLUMNS, TABLES, arrow_table, report_tables

from .conftest import CORPUS_FILES, ROOT, SEED

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")


def brief(day: int, month: int = 12, extra: str = "") -> str:
    """A dated brief: two cited claims (one reported by the Ukrainian General Staff), one takeaway."""
    return (
        f"Russian Offensive Campaign Assessment, {dt.date(2024, month, day):%B} {day}, 2024\n\n"
        "Key Takeaways\n\n"
        "  • Russian forces advanced near Pokrovsk.\n\n"
        f"Russian forces advanced near Pokrovsk on {dt.date(2024, month, day):%B} {day}, the Ukrainian General "
        f"Staff reported.[1] ISW assesses that Russian forces will likely attack Kurakhove.[2]{extra}\n\n"
        f"Endnotes\n[1] https://t.me/GeneralStaffZSU/{day}\n[2] https://x.com/rybar/status/1{month:02}{day:02}/photo/1 ; "
        "https://www.reuters.com/world/europe/story-2024-12-14/?utm_source=x\n"
    )


UNDATED = "A Note Without A Date\n\nRussian forces attacked near Toretsk, a Russian milblogger claimed.[1]\n\n[1] https://t.me/rybar/9\n"


@pytest.fixture
def series(tmp_path: Path) -> Path:
    """A folder: three dated briefs out of name order, an undated one, a file of two reports, a note that is not read."""
    root = tmp_path / "reports"
    (root / "2024").mkdir(parents=True)
    (root / "2024" / "c.txt").write_text(brief(3), encoding="utf-8")
    (root / "2024" / "a.txt").write_text(brief(14), encoding="utf-8")
    (root / "2024" / "b.txt").write_text(
        brief(1, extra=" The Kremlin claimed that nothing happened."), encoding="utf-8"
    )
    (root / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (root / "two.txt").write_text(brief(3, 11) + "\n\n" + brief(2, 12), encoding="utf-8")
    (root / "README.md").write_text("# Not a brief\n", encoding="utf-8")
    return root


def loaded(corpus: bm.Corpus) -> list[tuple[bm.Report, str, int]]:
    """Every report of the corpus's files by ``load``, with its file and position, in the corpus's documented order."""
    found = [(r, path, i) for path in corpus.files for i, r in enumerate(bm.load(path))]
    return sorted(found, key=lambda x: (x[0].published is None, x[0].published or dt.date.min, x[1], x[2]))


def expected_rows(corpus: bm.Corpus) -> dict[str, list[dict[str, Any]]]:
    """The tables of the corpus's reports made one report at a time, in the corpus's order."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for report, path, position in loaded(corpus):
        for name, found in report_tables(report, path, position).items():
            rows[name].extend(found)
    return rows


# --- finding and reading ------------------------------------------------------------------------------------------


def test_order_is_by_date_then_path_and_undated_reports_come_last(series: Path) -> None:
    corpus = bm.Corpus(series)
    summaries = corpus.summaries()
    assert len(corpus) == len(summaries) == 6
    assert [(Path(s["path"]).relative_to(series).as_posix(), s["position"], s["published"]) for s in summaries] == [
        ("two.txt", 0, dt.date(2024, 11, 3)),
        ("2024/b.txt", 0, dt.date(2024, 12, 1)),
        ("two.txt", 1, dt.date(2024, 12, 2)),
        ("2024/c.txt", 0, dt.date(2024, 12, 3)),
        ("2024/a.txt", 0, dt.date(2024, 12, 14)),
        ("undated.txt", 0, None),
    ]
    assert corpus.skipped == ((str(series / "README.md"), "not named .txt, .html or .htm"),)
    assert corpus.failed == ()
    reports = list(corpus)
    assert [r.text for r in reports] == [r.text for r, _, _ in loaded(corpus)]
    assert [r.published for r in reports] == [s["published"] for s in summaries]
    assert corpus[0].text == reports[0].text and corpus[-1].title == "A Note Without A Date"
    assert [r.text for r in corpus[1:3]] == [r.text for r in reports[1:3]]
    for row in summaries:
        assert text_hash(corpus.report(row["report_id"])) == row["text_hash"]
        assert corpus.report(row["report_id"]).published == row["published"]
    with pytest.raises(KeyError):
        corpus.report("r-0000000000000000")


def test_the_ids_are_those_of_the_tables(series: Path) -> None:
    corpus = bm.Corpus(series)
    expected = [bm.report_id(r, path, position) for r, path, position in loaded(corpus)]
    assert [s["report_id"] for s in corpus.summaries()] == expected
    assert corpus.to_pandas(["reports"])["reports"]["report_id"].tolist() == expected
    assert bm.Corpus(series).summaries() == corpus.summaries()  # the same files, the same ids, in any run


def test_paths_patterns_and_each_file_once(series: Path, tmp_path: Path) -> None:
    by_pattern = bm.Corpus(str(series / "2024" / "*.txt"))
    assert by_pattern.files == tuple(str(series / "2024" / name) for name in ("a.txt", "b.txt", "c.txt"))
    deep = bm.Corpus(str(series / "**" / "*.txt"))
    assert sorted(deep.files) == sorted(str(p) for p in series.rglob("*.txt"))
    named = bm.Corpus([series / "2024" / "a.txt", str(series / "2024"), f"{series}/2024/./a.txt"])
    assert named.files == tuple(str(series / "2024" / n) for n in ("a.txt", "b.txt", "c.txt"))
    assert len(named) == 3  # a file named twice, and found in a folder, is read once
    with pytest.raises(bm.BriefmodelError, match=r"cannot read .*nowhere"):
        bm.Corpus(tmp_path / "nowhere")
    with pytest.raises(bm.BriefmodelError, match=r"no file or folder matches the pattern"):
        bm.Corpus(str(tmp_path / "*.nothing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(bm.BriefmodelError, match="no files to read"):
        bm.Corpus(tmp_path / "empty")
    assert len(bm.Corpus([])) == 0


def test_files_are_read_as_load_reads_them_and_markdown_as_markdown(tmp_path: Path) -> None:
    (tmp_path / "plain.htm").write_text(brief(5), encoding="utf-8")  # no markup: read as text
    (tmp_path / "brief.md").write_text(brief(6).replace("[1]", "[^1]").replace("\n[^1] ", "\n[^1]: "), encoding="utf-8")
    corpus = bm.Corpus([tmp_path / "plain.htm", tmp_path / "brief.md"])
    plain, markdown = list(corpus)
    assert plain.text == brief(5) and len(plain.notes) == 2
    assert markdown.published == dt.date(2024, 12, 6)
    assert [c.note is not None for c in markdown.citations] == [True, True]  # [^1] read as a footnote


def test_a_file_that_cannot_be_read_is_listed_and_warned_about(series: Path) -> None:
    (series / "latin1.txt").write_bytes("Caf\xe9 report\n".encode("latin-1"))
    with pytest.warns(UserWarning, match=r"1 of 6 files could not be read"):
        corpus = bm.Corpus(series)
    assert corpus.failed == (
        (
            str(series / "latin1.txt"),
            f"{series / 'latin1.txt'} is not valid UTF-8: byte 0xe9 at offset 3 (invalid continuation byte)",
        ),
    )
    assert len(corpus) == 6
    assert "1 file not read (see .failed)" in repr(corpus)


def test_a_file_changed_after_the_corpus_was_made_is_named(series: Path) -> None:
    corpus = bm.Corpus(series, cache=1)
    (series / "2024" / "a.txt").write_text(brief(14, extra=" Edited."), encoding="utf-8")
    with pytest.raises(bm.BriefmodelError, match=r"a\.txt changed since the corpus was made"):
        list(corpus)
    with pytest.raises(bm.BriefmodelError, match=r"a\.txt changed since the corpus was made"):
        corpus.claims()


def test_bad_arguments_are_named(series: Path) -> None:
    with pytest.raises(bm.BriefmodelError, match="workers"):
        bm.Corpus(series, workers=0)
    with pytest.raises(bm.BriefmodelError, match="cache"):
        bm.Corpus(series, cache=0)
    corpus = bm.Corpus(series)
    with pytest.raises(bm.BriefmodelError, match="no stance doubted"):
        corpus.claims(stance="doubted")
    with pytest.raises(bm.BriefmodelError, match="published takes a pair"):
        corpus.claims(published="2024-12-01")  # type: ignore[arg-type]
    with pytest.raises(bm.BriefmodelError, match="ISO dates"):
        corpus.claims(dated=("yesterday", None))
    with pytest.raises(bm.BriefmodelError, match="starts after it ends"):
        corpus.claims(published=("2024-12-14", "2024-12-01"))
    with pytest.raises(bm.BriefmodelError, match="no table claimz"):
        corpus.to_arrow(["claimz"])


# --- claims and their filters ---------------------------------------------------------------------------------------


def _all_claims(corpus: bm.Corpus) -> list[tuple[dict[str, Any], bm.Claim, bm.Report]]:
    """Every claim row of the corpus (made one report at a time), with its claim and report, in the corpus's order."""
    found = []
    for report, path, position in loaded(corpus):
        rows = report_tables(report, path, position)["claims"]
        found += [(row, claim, report) for row, claim in zip(rows, report.claims, strict=True)]
    return found


def test_claims_without_filters_are_every_claim_row_in_order(series: Path) -> None:
    corpus = bm.Corpus(series)
    rows = corpus.claims()
    assert rows == [row for row, _, _ in _all_claims(corpus)]
    assert rows.columns == COLUMNS["claims"] and isinstance(rows, list)
    frame = rows.to_pandas()
    assert str(frame["date_start"].dtype) == "datetime64[s]" and len(frame) == len(rows)
    assert rows.to_arrow().schema.field("date_start").type == pa.date32()


FILTERS: list[tuple[dict[str, Any], Any]] = [
    ({"stance": "assessed"}, lambda row, claim, report: claim.stance is bm.Stance.ASSESSED),
    (
        {"stance": [bm.Stance.REPORTED, "assessed"]},
        lambda row, claim, report: claim.stance.value in {"reported", "assessed"},
    ),
    (
        {"speaker": "ukrainian general staff"},
        lambda row, claim, report: row["speaker_key"] == "ukrainian general staff",
    ),
    (
        {"speaker": ["kremlin", "russian milblogger"]},
        lambda row, claim, report: row["speaker_key"] in {"kremlin", "russian milblogger"},
    ),
    ({"reporter": "nobody"}, lambda row, claim, report: False),
    (
        {"published": ("2024-12-02", dt.date(2024, 12, 3))},
        lambda row, claim, report: report.published in {dt.date(2024, 12, 2), dt.date(2024, 12, 3)},
    ),
    ({"published": (None, "2024-11-30")}, lambda row, claim, report: report.published == dt.date(2024, 11, 3)),
    (
        {"dated": ("2024-12-14", None)},
        lambda row, claim, report: any(d.start and d.start >= dt.date(2024, 12, 14) for d in claim.dates),
    ),
    ({"text": "KURAKHOVE"}, lambda row, claim, report: "Kurakhove" in claim.text),
    (
        {"text": re.compile(r"\bnear (Pokrovsk|Toretsk)\b")},
        lambda row, claim, report: "near Pokrovsk" in claim.text or "near Toretsk" in claim.text,
    ),
    ({"cited": True}, lambda row, claim, report: bool(claim.citations)),
    ({"cited": False}, lambda row, claim, report: not claim.citations),
    ({"source": "x:status/11214"}, lambda row, claim, report: any(s.key == "x:status/11214" for s in claim.sources)),
    (
        {"stance": "reported", "published": ("2024-12-01", "2024-12-31"), "cited": True},
        lambda row, claim, report: (
            claim.stance is bm.Stance.REPORTED
            and report.published is not None
            and report.published.month == 12
            and bool(claim.citations)
        ),
    ),
]


@pytest.mark.parametrize(("given", "keeps"), FILTERS, ids=[repr(f[0]) for f in FILTERS])
def test_each_claim_filter_keeps_what_it_says(series: Path, given: dict[str, Any], keeps: Any) -> None:
    corpus = bm.Corpus(series)
    expected = [row for row, claim, report in _all_claims(corpus) if keeps(row, claim, report)]
    assert corpus.claims(**given) == expected
    if given not in ({"reporter": "nobody"},):
        assert expected, "the series has claims of each kind, so every filter is tried on a real case"


# --- identities -----------------------------------------------------------------------------------------------------


def test_sources_are_one_row_per_key_with_who_cites_them(series: Path) -> None:
    corpus = bm.Corpus(series)
    rows = corpus.sources()
    assert rows.columns["first_seen"] == "date"
    tables = corpus.to_pandas(["reports", "sources", "claim_sources"])
    sources, reports = tables["sources"], tables["reports"]
    assert sorted(row["key"] for row in rows) == sorted(sources["key"].unique())
    order = {rid: i for i, rid in enumerate(reports["report_id"])}
    published = dict(zip(reports["report_id"], reports["published"], strict=True))
    cs = tables["claim_sources"]
    for row in rows:
        cited = sources[sources["key"] == row["key"]]
        ids = sorted(set(cited["report_id"]), key=order.__getitem__)
        assert row["report_ids"] == ids and row["reports"] == len(ids)
        dates = [published[rid] for rid in ids if not pd.isna(published[rid])]
        assert row["first_seen"] == (min(dates).date() if dates else None)
        assert row["last_seen"] == (max(dates).date() if dates else None)
        assert row["claims"] == len(cs[cs["key"] == row["key"]][["report_id", "claim"]].drop_duplicates())
        first = cited[cited["report_id"] == ids[0]].iloc[0]
        assert (row["url"], row["source_id"], row["platform"]) == (first["url"], first["source_id"], first["platform"])
    x_post = next(row for row in rows if row["key"] == "x:status/11214")
    assert (x_post["platform"], x_post["account"], x_post["post_id"]) == ("x", "rybar", "11214")
    reuters = next(row for row in rows if row["key"].startswith("url:") and "reuters" in row["key"])
    assert reuters["reports"] == 5 and reuters["outlet"] == "Reuters"  # the same article in five reports: one row
    assert reuters["first_seen"] == dt.date(2024, 11, 3) and reuters["last_seen"] == dt.date(2024, 12, 14)
    assert [r["reports"] for r in rows] == sorted((r["reports"] for r in rows), reverse=True)
    assert rows.to_pandas()["first_seen"].dt.year.max() == 2024


def test_speakers_are_one_row_per_key_with_their_forms_and_counts(series: Path) -> None:
    corpus = bm.Corpus(series)
    rows = corpus.speakers()
    said: Counter[str] = Counter()
    relayed: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    reports: dict[str, list[str]] = {}
    for row, claim, _ in _all_claims(corpus):
        who = claim.attribution
        for agent, counter in ((who.speaker, said), (who.reporter, relayed)):
            if agent is not None:
                counter[agent.key] += 1
                forms.setdefault(agent.key, Counter())[" ".join(agent.span.text.split())] += 1
                if row["report_id"] not in reports.setdefault(agent.key, []):
                    reports[agent.key].append(row["report_id"])
    assert {row["key"] for row in rows} == set(forms)
    for row in rows:
        assert (row["claims"], row["reported"]) == (said[row["key"]], relayed[row["key"]])
        assert row["forms"] == sorted(forms[row["key"]], key=lambda f: (-forms[row["key"]][f], f))
        assert row["report_ids"] == reports[row["key"]] and row["reports"] == len(reports[row["key"]])
    staff = next(row for row in rows if row["key"] == "ukrainian general staff")
    assert staff["claims"] == 5 and staff["kind"] == "government" and staff["first_seen"] == dt.date(2024, 11, 3)
    assert rows[0]["key"] == "ukrainian general staff"  # the most quoted first
    assert corpus.speakers() == rows  # kept: a second call reads nothing again


# --- tables ---------------------------------------------------------------------------------------------------------


def test_the_tables_are_those_of_table_rows_in_the_corpus_order(series: Path) -> None:
    corpus = bm.Corpus(series)
    expected = expected_rows(corpus)
    tables = corpus.to_arrow()
    assert list(tables) == list(TABLES)
    for name in TABLES:
        assert tables[name].equals(arrow_table(name, expected[name])), name
    frames = corpus.to_pandas(["claims", "reports"])
    assert list(frames) == ["claims", "reports"]
    assert str(frames["reports"]["published"].dtype) == "datetime64[s]"
    per_month = frames["reports"].set_index("published").sort_index()["claims"].resample("MS").sum()
    assert per_month.loc["2024-12-01"] == sum(
        len(r.claims) for r, _, _ in loaded(corpus) if r.published and r.published.month == 12
    )


def test_to_duckdb_holds_the_tables_and_updates_a_file_with_only_what_changed(series: Path, tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    corpus = bm.Corpus(series)
    expected = expected_rows(corpus)
    memory = corpus.to_duckdb()
    for name in TABLES:
        assert memory.sql(f"select count(*) from {name}").fetchall() == [(len(expected[name]),)], name
    memory.close()
    database = tmp_path / "briefs.duckdb"
    corpus.to_duckdb(database).close()
    again = corpus.to_duckdb(database)  # nothing new: the same store, no file read again
    assert again.sql("select count(*) from reports").fetchall() == [(len(corpus),)]
    assert again.sql("select count(*) from _files").fetchall() == [(len(corpus.files),)]
    again.close()


def test_two_files_holding_one_text_are_two_reports(tmp_path: Path) -> None:
    for name in ("copy-1.txt", "copy-2.txt"):
        (tmp_path / name).write_text(brief(9), encoding="utf-8")
    corpus = bm.Corpus(tmp_path)
    first, second = corpus.summaries()
    assert first["report_id"] != second["report_id"] and first["text_hash"] == second["text_hash"]
    reports = corpus.to_pandas(["reports", "claims"])
    assert reports["reports"]["report_id"].is_unique
    assert reports["claims"].groupby("report_id").size().tolist() == [2, 2]  # joins do not collide
    assert "1 copies of a text another file holds" in corpus._repr_html_()


def test_without_the_tables_extra_rows_still_work_and_tables_name_it(
    series: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = bm.Corpus(series)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    assessed = corpus.claims(stance="assessed")
    assert assessed and {row["stance"] for row in assessed} == {"assessed"}
    assert corpus.sources() and corpus.speakers()
    with pytest.raises(bm.BriefmodelError, match=r"pip install 'briefmodel\[tables\]'"):
        corpus.to_arrow()
    with pytest.raises(bm.BriefmodelError, match=r"pip install 'briefmodel\[tables\]'"):
        corpus.claims().to_pandas()


# --- the summary ----------------------------------------------------------------------------------------------------


def test_repr_and_the_notebook_view_escape_report_text_and_file_names(tmp_path: Path) -> None:
    hostile = tmp_path / "<b>x&y"
    hostile.mkdir()
    (hostile / "a.txt").write_text(
        '<script>alert(1)</script> "x"\n\nDecember 14, 2024\n\nForces advanced.[1]\n\n[1] https://t.me/a/1\n',
        encoding="utf-8",
    )
    (hostile / "b.txt").write_text(
        "Linked Title\n\nDecember 15, 2024\n\nhttps://example.org/page?a=1&b=2\n\nForces advanced.\n", encoding="utf-8"
    )
    (hostile / "c.txt").write_text("javascript:alert(1)\n\nDecember 16, 2024\n\nForces advanced.\n", encoding="utf-8")
    corpus = bm.Corpus(hostile)
    assert repr(corpus) == "<Corpus: 3 reports in 3 files, 2024-12-14 to 2024-12-16>"
    view = corpus._repr_html_()
    assert "<script" not in view and "&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot;" in view
    assert "&lt;b&gt;x&amp;y" in view and "<b>" not in view
    hrefs = re.findall(r'href="([^"]*)"', view)
    assert all(href.startswith(("http://", "https://")) for href in hrefs)
    assert "javascript:" not in "".join(hrefs)
    assert re.search(r"\son\w+=", view) is None and "<style" not in view


def test_the_summary_counts_what_was_read(series: Path) -> None:
    corpus = bm.Corpus(series)
    assert (
        repr(corpus)
        == "<Corpus: 6 reports in 5 files, 2024-11-03 to 2024-12-14 (1 undated); 1 paths passed over (see .skipped)>"
    )
    view = corpus._repr_html_()
    assert "<h3>Corpus: 6 reports</h3>" in view and "5 files read" in view and "1 passed over" in view
    assert "<td>Russian Offensive Campaign Assessment</td><td>5</td>" in view


# --- memory and workers ---------------------------------------------------------------------------------------------


@cache
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("briefmodel_benchmark_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def _peak(work: Any) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_iterating_300_reports_holds_a_few_of_them_at_a_time(tmp_path: Path) -> None:
    """A corpus keeps summaries, and iteration a few files' reports: its peak is far below holding the reports."""
    texts = _generator().generate_corpus(300, 13)
    for i, text in enumerate(texts):
        (tmp_path / f"r{i:04}.txt").write_text(text, encoding="utf-8")
    made: list[bm.Corpus] = []
    making = _peak(lambda: made.append(bm.Corpus(tmp_path)))
    corpus = made[0]
    assert len(corpus) == 300
    counted: list[int] = []
    iterating = _peak(lambda: counted.extend(len(report.citations) for report in corpus))
    assert sum(counted) == sum(s["citations"] for s in corpus.summaries()) > 300 * 100
    held: list[bm.Report] = []
    holding_20 = _peak(lambda: held.extend(bm.parse(text) for text in texts[:20]))
    held.clear()
    # holding all 300 would take about 15x holding 20; the corpus and its iteration stay below holding 20
    assert iterating < holding_20, (iterating, holding_20)
    assert making < holding_20, (making, holding_20)


@pytest.mark.skipif(len(CORPUS_FILES) < 6, reason="../shared/corpus is absent")
def test_workers_give_the_same_results_as_one_process() -> None:
    paths = [SEED, *CORPUS_FILES[:6]]
    one, two = bm.Corpus(paths), bm.Corpus(paths, workers=2)
    assert two.workers == 2
    assert one.summaries() == two.summaries()
    assert one.claims(stance="reported") == two.claims(stance="reported")
    assert one.sources() == two.sources() and one.speakers() == two.speakers()
    a, b = one.to_arrow(), two.to_arrow()
    for name in TABLES:
        assert a[name].equals(b[name]), name
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert [r.text for r in two] == [r.text for r in one]


# --- the docs page --------------------------------------------------------------------------------------------------


def _page_tables(text: str) -> dict[str, list[tuple[str, str]]]:
    """Each ``### `name``` section of the corpus page: the (column, type) rows of its table."""
    found: dict[str, list[tuple[str, str]]] = {}
    for section in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        name = re.match(r"`(\w+)`", section)
        if name is None:
            continue
        rows = re.findall(r"^\| `(\w+)` \| `([\w\[\]]+)` \|", section, flags=re.MULTILINE)
        found[name.group(1)] = rows
    return found


def test_the_corpus_page_gives_every_column_of_every_table_with_its_type() -> None:
    page = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert _page_tables(page) == {name: list(COLUMNS[name].items()) for name in TABLES}


def test_the_corpus_page_names_every_column_of_sources_and_speakers() -> None:
    page = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    for method, columns in (("sources()", SOURCE_COLUMNS), ("speakers()", SPEAKER_COLUMNS)):
        table = page.split(f"| `{method}` column |", 1)[1].split("\n\n", 1)[0]
        named = re.findall(r"`(\w+)`", table)
        assert [c for c in columns if c not in named] == [], method


def dies_summarizing(path: str) -> Any:
    """``passes.summaries`` that kills its own worker with SIGKILL, as the out-of-memory killer would, on files
    named ``oom-once*`` (the first time) and ``oom-always*`` (every time). Workers import it by name."""
    name = Path(path).name
    if name.startswith("oom-always") or (name.startswith("oom-once") and not Path(path + ".died").exists()):
        Path(path + ".died").write_text("", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return passes.summaries(path)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_worker_costs_one_file_at_most(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for day in (1, 2, 3, 4):
        (tmp_path / f"brief-{day}.txt").write_text(brief(day), encoding="utf-8")
    (tmp_path / "oom-once.txt").write_text(brief(5), encoding="utf-8")
    (tmp_path / "oom-always.txt").write_text(brief(6), encoding="utf-8")
    monkeypatch.setattr(passes, "summaries", dies_summarizing)  # sent to the workers by name
    with pytest.warns(UserWarning, match=r"1 of 6 files could not be read"):
        corpus = bm.Corpus(tmp_path, workers=2)
    assert [row["published"].day for row in corpus.summaries()] == [1, 2, 3, 4, 5]  # read again in a fresh worker
    (path, reason), *_ = corpus.failed
    assert len(corpus.failed) == 1 and path == str(tmp_path / "oom-always.txt")
    assert reason.endswith(
        "not read: its worker process was killed by SIGKILL (as the out-of-memory killer does), twice"
    )
