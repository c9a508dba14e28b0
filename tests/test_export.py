"""``briefmodel export``: many files to one table file each, the same output with any number of workers, flat memory."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import briefmodel as bm
import briefmodel._cli.export as export_module
from briefmodel._cli import main
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
    reports = [r for path in [*files, SEED] for r in bm.load(path)]
    expected = bm.to_arrow(reports)
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
    expected = bm.to_arrow([r for path in sorted((folder / "2024").glob("*.txt")) for r in bm.load(path)])
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
        (["--to", "xlsx", "out"], "--to takes parquet or csv, not 'xlsx'"),
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
