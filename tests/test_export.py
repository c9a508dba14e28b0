"""``briefmodel export``: many files to one table file each, the same output with any number of workers, flat memory."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import briefmodel as bm
import briefmodel._cli.export as export_module
from briefmodel._cli import main
from briefmodel._cli.export import MARKER, export
from briefmodel._cli.inputs import find_inputs, looks_like_html
from briefmodel._formats.tables import COLUMNS, TABLES

from .conftest import SEED

pq = pytest.importorskip("pyarrow.parquet")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")


def brief(i: int, notes_count: int = 8) -> str:
    paragraphs = "\n\n".join(
        f"Russian forces attacked near Pokrovsk on December {1 + (i + k) % 28}, the Ukrainian General Staff "
        f"reported.[{k + 1}] Russian milbloggers claimed that Russian forces advanced {i} km near Toretsk."
        for k in range(notes_count)
    )
    notes = "\n".join(f"[{k + 1}] https://t.me/GeneralStaffZSU/{i * 1000 + k}" for k in range(notes_count))
    return f"Russian Offensive Campaign Assessment, December {1 + i % 28}, 2024\n\n{paragraphs}\n\nEndnotes\n{notes}\n"


def read_export(out: Path) -> dict[str, Any]:
    """Check that ``out`` is a complete export and return its marker.

    The folder holds exactly the marker and the five tables; every table reads
    whole (every Parquet part has its footer; every CSV row has all its columns)
    and has the number of rows the marker gives.
    """
    marker: dict[str, Any] = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert marker["complete"] is True
    if marker["format"] == "csv":
        assert sorted(os.listdir(out)) == sorted([MARKER, *(f"{name}.csv" for name in TABLES)])
        for name in TABLES:
            with open(out / f"{name}.csv", encoding="utf-8", newline="") as handle:
                header, *rows = list(csv.reader(handle))
            assert header == list(COLUMNS[name])
            assert {len(row) for row in rows} <= {len(header)}, name  # no row cut short
            assert len(rows) == marker["rows"][name], name
    else:
        assert sorted(os.listdir(out)) == sorted([MARKER, *TABLES])
        for name in TABLES:
            table = pq.read_table(out / name)
            assert table.column_names == list(COLUMNS[name])
            assert table.num_rows == marker["rows"][name], name
    assert marker["reports"] == marker["rows"]["reports"]
    assert marker["exported"] == marker["files"] - len(marker["failed"])
    return marker


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "briefs"
    (root / "2024").mkdir(parents=True)
    for i in range(6):
        (root / "2024" / f"b{i}.txt").write_text(brief(i), encoding="utf-8")
    (root / "notes.md").write_text("not a brief", encoding="utf-8")  # not a .txt file: not read
    return root


def test_parquet_tables_equal_the_in_memory_ones(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", str(folder), str(SEED), "--to", "parquet", str(out)]) == 0
    files = sorted((folder / "2024").glob("*.txt"))
    loaded = [(r, str(path)) for path in [*files, SEED] for r in bm.load(path)]
    expected = bm.to_arrow([r for r, _ in loaded], paths=[path for _, path in loaded])  # the rows carry their file
    for name in TABLES:
        assert pq.read_table(out / name).equals(expected[name]), name


def test_parquet_parts_hold_a_bounded_number_of_row_groups(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small batches make many row groups: they go to several parts, which read back in order as the whole table."""
    monkeypatch.setattr(export_module, "FLUSH_BYTES", 1)  # one row group per file read
    monkeypatch.setattr(export_module, "PART_ROW_GROUPS", 2)
    out = tmp_path / "out"
    assert main(["export", str(folder), "--to", "parquet", str(out)]) == 0
    parts = sorted((out / "claims").glob("*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.ParquetFile(p).metadata.num_row_groups for p in parts] == [2, 2, 2]
    loaded = [(r, str(path)) for path in sorted((folder / "2024").glob("*.txt")) for r in bm.load(path)]
    expected = bm.to_arrow([r for r, _ in loaded], paths=[path for _, path in loaded])
    for name in TABLES:
        whole = pq.read_table(out / name)
        assert whole.equals(expected[name]), name
        assert pa.concat_tables([pq.read_table(p) for p in sorted((out / name).glob("*.parquet"))]).equals(whole)
    # a shorter run into the same folder leaves no part of the longer one behind
    monkeypatch.setattr(export_module, "FLUSH_BYTES", 10**9)
    assert main(["export", str(folder / "2024" / "b0.txt"), "--to", "parquet", str(out)]) == 0
    assert [p.name for p in (out / "claims").glob("*.parquet")] == ["part-00000.parquet"]
    assert pq.read_table(out / "claims").num_rows == 16


def test_csv_tables(tmp_path: Path, folder: Path) -> None:
    out = tmp_path / "csv"
    assert main(["export", str(folder), "--to", "csv", str(out)]) == 0
    claims = pd.read_csv(out / "claims.csv")
    assert list(claims.columns) == list(COLUMNS["claims"])
    assert len(claims) == 6 * 16
    assert json.loads(claims["citations"][0]) == [0] and json.loads(claims["inferred"][0]) == [False]
    assert json.loads(claims["citations"][1]) == []  # after the last callout of its paragraph
    assert claims["speaker"][0] == "the Ukrainian General Staff"


def test_workers_give_the_same_files(tmp_path: Path, folder: Path) -> None:
    assert main(["export", str(folder), "--to", "parquet", str(tmp_path / "one")]) == 0
    assert main(["export", str(folder), "--to", "parquet", str(tmp_path / "two"), "--workers", "2"]) == 0
    for name in TABLES:
        assert pq.read_table(tmp_path / "one" / name).equals(pq.read_table(tmp_path / "two" / name))


def test_a_bad_file_is_listed_and_the_run_goes_on(tmp_path: Path, folder: Path) -> None:
    bad = folder / "2024" / "bad.txt"
    bad.write_bytes(b"caf\xe9 not UTF-8")
    run = subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", str(folder), "--to", "csv", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert lines[0] == f"briefmodel: skipped {folder / 'notes.md'}: not named .txt, .html or .htm"
    assert lines[1] == f"briefmodel: error: {bad} is not valid UTF-8: byte 0xe9 at offset 3 (invalid continuation byte)"
    assert lines[-1].startswith("exported 6 of 7 files: 6 reports, 96 claims, 48 citations, 48 notes, 48 sources")
    assert lines[-1].endswith("; 1 skipped; 1 failed") and "Traceback" not in run.stderr
    assert len(pd.read_csv(tmp_path / "out" / "reports.csv")) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "xlsx", "out"], "--to takes parquet, csv, duckdb or csl, not 'xlsx'"),
        (["--to", "csv", "out", "--workers", "0"], "--workers must be 1 or more, not 0"),
    ],
)
def test_bad_options(tmp_path: Path, folder: Path, args: list[str], message: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", str(folder), *args], capture_output=True, text=True, cwd=tmp_path
    )
    assert run.returncode == 2 and run.stderr == f"briefmodel: error: {message}\n"


MEASURE = """
import resource, sys
import briefmodel._cli.export as export_module
from briefmodel._cli import main
status = main(["export", sys.argv[1], "--to", "parquet", sys.argv[2]])
print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_memory_stays_flat_with_the_number_of_files(tmp_path: Path) -> None:
    """Reports of a realistic size (150 notes): once the row buffers are full, memory no longer grows with the files."""

    def peak_kib(count: int) -> int:
        root = tmp_path / f"in{count}"
        root.mkdir()
        for i in range(count):
            (root / f"b{i:04}.txt").write_text(brief(i, notes_count=150), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-c", MEASURE, str(root), str(tmp_path / f"out{count}")], capture_output=True, text=True
        )
        status, peak = run.stdout.split()
        assert status == "0", run.stderr
        return int(peak)

    # 20 such reports already fill each table's batches and parts, so more files add nothing
    small, large = peak_kib(20), peak_kib(200)
    assert large <= small * 1.05, (small, large)  # KiB: ten times the files, within 5 %


@pytest.mark.parametrize("to", ["parquet", "csv"])
def test_the_marker_holds_the_counts(tmp_path: Path, folder: Path, to: str) -> None:
    out = tmp_path / "out"
    assert main(["export", str(folder), str(SEED), "--to", to, str(out)]) == 0
    marker = read_export(out)
    files = sorted((folder / "2024").glob("*.txt"))
    expected = bm.table_rows([r for path in [*files, SEED] for r in bm.load(path)])
    assert marker["rows"] == {name: len(expected[name]) for name in TABLES}
    assert marker["reports"] == 8 and marker["files"] == marker["exported"] == 7
    assert marker["failed"] == [] and marker["notes"] == []
    assert marker["skipped"] == [{"path": str(folder / "notes.md"), "reason": "not named .txt, .html or .htm"}]
    assert marker["format"] == to and marker["briefmodel"] == bm.__version__
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left


def test_every_skipped_input_is_listed_with_its_reason(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / ".git").mkdir(parents=True)
    (root / "A.TXT").write_text(brief(1), encoding="utf-8")  # read: names are compared in any case
    (root / "b.Html").write_text("<html><body><p>Russian forces attacked.</p></body></html>", encoding="utf-8")
    (root / ".git" / "c.txt").write_text(brief(2), encoding="utf-8")
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    (tmp_path / "elsewhere").mkdir()
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "notes.md").write_text("not a brief", encoding="utf-8")
    err = io.StringIO()
    assert export([str(root)], str(tmp_path / "out"), to="csv", err=err) == 0
    lines = err.getvalue().splitlines()
    assert lines[:5] == [
        f"briefmodel: skipped {root / '.git'}: a hidden folder (not searched)",
        f"briefmodel: skipped {root / 'gone.txt'}: a broken link",
        f"briefmodel: skipped {root / 'linked'}: a link to a folder (not followed)",
        f"briefmodel: skipped {root / 'notes.md'}: not named .txt, .html or .htm",
        f"briefmodel: skipped {root / 'pipe.txt'}: a named pipe, not a regular file",
    ]
    assert lines[5].startswith("exported 2 of 2 files: 2 reports") and lines[5].endswith("; 5 skipped")
    marker = read_export(tmp_path / "out")
    assert [item["path"] for item in marker["skipped"]] == [line.split()[2][:-1] for line in lines[:5]]


def test_a_named_file_is_read_whatever_its_name_or_kind(tmp_path: Path) -> None:
    """A path given by name is what the user asked for: a ``.md`` file is read, a named pipe (``<(...)``) is kept."""
    other = tmp_path / "brief.md"
    other.write_text(brief(3), encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert find_inputs([str(other), str(pipe)]) == ([str(other), str(pipe)], [])
    err = io.StringIO()
    assert export([str(other)], str(tmp_path / "out"), to="csv", err=err) == 0
    assert read_export(tmp_path / "out")["rows"]["reports"] == 1


def test_a_htm_file_without_markup_is_read_as_text_and_said_so(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "plain.htm").write_text(brief(4), encoding="utf-8")
    (root / "same.txt").write_text(brief(4), encoding="utf-8")
    err = io.StringIO()
    assert export([str(root)], str(tmp_path / "out"), to="csv", err=err) == 0
    assert f"briefmodel: note: {root / 'plain.htm'} holds no HTML markup: read as plain text" in err.getvalue()
    marker = read_export(tmp_path / "out")
    assert marker["notes"] == [{"path": str(root / "plain.htm"), "note": "holds no HTML markup: read as plain text"}]
    with open(tmp_path / "out" / "claims.csv", encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    assert len(claims) == 2 * 16  # read as text, it gives the claims the .txt copy gives
    assert [c["text"] for c in claims[:16]] == [c["text"] for c in claims[16:]]


def test_a_htm_file_with_markup_is_read_as_html(tmp_path: Path) -> None:
    pytest.importorskip("selectolax.lexbor")
    page = tmp_path / "page.htm"
    page.write_text("<html><body><h1>A title</h1><p>Russian forces attacked near Pokrovsk.</p></body></html>")
    err = io.StringIO()
    assert export([str(page)], str(tmp_path / "out"), to="csv", err=err) == 0
    assert "briefmodel: note" not in err.getvalue()
    with open(tmp_path / "out" / "reports.csv", encoding="utf-8", newline="") as handle:
        (report,) = csv.DictReader(handle)
    assert report["report_id"] == bm.report_id(bm.load(page)[0], str(page))  # the id of this file's report


@pytest.mark.parametrize(
    ("head", "markup"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"Title\n\n<p>text</p>", True),
        (b"a </div> b", True),
        (b"\xff\xfe<\x00h\x00", True),  # UTF-16: left to the reader, which names it
        (b"Russian forces advanced <5 km, 2 < 3 and 4<= 5.", False),
        (b"plain text", False),
        (b"", False),
    ],
)
def test_looks_like_html(head: bytes, markup: bool) -> None:
    assert looks_like_html(head) is markup


SPREADSHEET_BRIEF = """Russian Offensive Campaign Assessment, December 1, 2024

=1+2 Russian forces attacked near Pokrovsk, the Ukrainian General Staff reported.[1]

@SUM(A1) Russian milbloggers claimed that Russian forces advanced.[2]

'quoted Russian forces attacked near Toretsk.[2]

Endnotes
[1] =HYPERLINK("http://evil.example","x")
[2] -2+3 https://t.me/rybar/123
"""


def _undo_prefix(cell: str) -> str:
    """The reading rule the docs give: one leading ``'`` removed."""
    return cell[1:] if cell.startswith("'") else cell


def test_csv_cells_a_spreadsheet_would_run_are_prefixed(tmp_path: Path) -> None:
    source = tmp_path / "brief.txt"
    source.write_text(SPREADSHEET_BRIEF, encoding="utf-8")
    assert main(["export", str(source), "--to", "csv", str(tmp_path / "out")]) == 0
    expected = bm.table_rows(bm.load(source), paths=str(source))
    for name in TABLES:
        with open(tmp_path / "out" / f"{name}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row, original in zip(rows, expected[name], strict=True):
            for column, cell in row.items():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, column, cell)
                if isinstance(original[column], str):
                    assert _undo_prefix(cell) == original[column]
    notes = pd.read_csv(tmp_path / "out" / "notes.csv")
    assert list(notes["text"]) == ['\'=HYPERLINK("http://evil.example","x")', "'-2+3 https://t.me/rybar/123"]
    assert notes["line"].dtype.kind == "i"  # numbers stay numbers


@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.booleans()))
@example("=cmd|' /C calc'!A0")
@example("-1")
@example("'=1")
@example("\t=1")
@example(-5)
def test_a_csv_cell_is_safe_and_its_value_recoverable(value: Any) -> None:
    """Written and read back by the csv module, a text cell never starts a formula and gives its text back."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([export_module._csv_cell(value)])
    (cell,) = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    if isinstance(value, str):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert _undo_prefix(cell) == value
    else:
        assert cell == str(value)  # a number, negative ones included, is written as it is


def test_workers_are_capped_at_the_cpus_unless_forced(tmp_path: Path, folder: Path) -> None:
    cpus = export_module._cpu_count()
    err = io.StringIO()
    assert export([str(folder)], str(tmp_path / "capped"), to="csv", workers=cpus + 7, err=err) == 0
    note = f"briefmodel: note: --workers {cpus + 7} capped at {cpus}, the number of CPUs (add --force-workers to start {cpus + 7})"
    assert err.getvalue().splitlines()[1] == note
    assert export_module._worker_count(cpus + 7, 100, False, io.StringIO()) == cpus
    assert export_module._worker_count(cpus + 7, 100, True, io.StringIO()) == cpus + 7
    assert export_module._worker_count(cpus + 7, 3, True, io.StringIO()) == 3  # never more than the files
    forced = ["--workers", str(cpus + 1), "--force-workers"]
    run = subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", str(folder), "--to", "csv", str(tmp_path / "forced"), *forced],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and "briefmodel: note" not in run.stderr, run.stderr
    assert read_export(tmp_path / "forced")["rows"] == read_export(tmp_path / "capped")["rows"]


def test_a_replaced_export_keeps_its_permissions_and_a_link_stays_a_link(tmp_path: Path, folder: Path) -> None:
    real = tmp_path / "real"
    assert main(["export", str(folder / "2024" / "b0.txt"), "--to", "csv", str(real)]) == 0
    real.chmod(0o750)
    link = tmp_path / "link"
    link.symlink_to(real)
    assert main(["export", str(folder), "--to", "parquet", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert read_export(real)["reports"] == 6
    assert real.stat().st_mode & 0o777 == 0o750
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefs", "link", "real"]  # nothing else left beside


def test_an_output_folder_inside_an_input_folder_is_not_read(tmp_path: Path, folder: Path) -> None:
    out = folder / "tables"
    assert main(["export", str(folder), "--to", "csv", str(out)]) == 0
    err = io.StringIO()
    assert export([str(folder)], str(out), to="csv", err=err) == 0
    assert f"briefmodel: skipped {out}: the output folder (not searched)" in err.getvalue().splitlines()
    assert read_export(out)["reports"] == 6
