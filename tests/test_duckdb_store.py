"""The DuckDB store: ``briefmodel export PATHS --to duckdb FILE`` and ``write_duckdb`` / ``update_duckdb``.

What a user relies on: the first build holds the same tables as the Parquet
export; a rerun reads only the new and changed files and replaces only their
rows (the other reports keep their ids), a rerun with nothing new changes
nothing and reads nothing; an update interrupted by Ctrl-C, SIGTERM or SIGKILL
leaves the database as it was, and the next run makes it equal to one built
from scratch; a database that cannot be used is one line of error, status 2;
the SQL of docs/store.md runs.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import briefmodel as bm
from briefmodel._cli import main
from briefmodel._corpus import store
from briefmodel._corpus.store import FILES_TABLE, FileRows, update_duckdb, write_duckdb
from briefmodel._formats.tables import COLUMNS, TABLES, arrow_schema

from .conftest import CORPUS_FILES, ROOT, SEED
from .test_export import brief

duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")

Snapshot = dict[str, list[tuple[Any, ...]]]


def write_briefs(folder: Path, numbers: Sequence[int], notes_count: int = 6) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in numbers:
        path = folder / f"b{i:04}.txt"
        path.write_text(brief(i, notes_count=notes_count), encoding="utf-8")
        paths.append(path)
    return paths


def snapshot(database: Path | Any, *, loaded_at: bool = True) -> Snapshot:
    """Every table of the store with its rows sorted; ``_files`` without ``loaded_at`` unless asked."""
    con = duckdb.connect(str(database)) if isinstance(database, Path) else database
    try:
        found = {}
        for name in [*TABLES, FILES_TABLE]:
            columns = "*" if loaded_at or name != FILES_TABLE else "path, content_hash, report_ids"
            found[name] = sorted(con.execute(f'SELECT {columns} FROM "{name}"').fetchall(), key=repr)
        return found
    finally:
        if isinstance(database, Path):
            con.close()


def arrow(con: Any, sql: str) -> Any:
    """A query's result as one Arrow table (DuckDB 1.x gives a table, 2.x a batch reader)."""
    result = con.sql(sql).arrow()
    return result.read_all() if hasattr(result, "read_all") else result


def scratch(files: Sequence[Path], database: Path) -> Snapshot:
    """The store built from nothing from ``files``."""
    update_duckdb(files, database)
    return snapshot(database, loaded_at=False)


def run(*args: str) -> tuple[int, str]:
    """The command line in a subprocess: status and standard error."""
    done = subprocess.run(
        [sys.executable, "-m", "briefmodel", *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    return done.returncode, done.stderr


# --- the first build ---------------------------------------------------------------------------------------


def test_the_first_build_holds_the_tables_of_the_parquet_export(tmp_path: Path) -> None:
    inputs = tmp_path / "briefs"
    write_briefs(inputs, range(5))
    shutil.copy(SEED, inputs / "seed.txt")
    for path in CORPUS_FILES[:4]:
        shutil.copy(path, inputs / path.name)
    assert main(["export", str(inputs), "--to", "parquet", str(tmp_path / "out")]) == 0
    assert main(["export", str(inputs), "--to", "duckdb", str(tmp_path / "briefs.duckdb"), "--workers", "2"]) == 0
    con = duckdb.connect(str(tmp_path / "briefs.duckdb"))
    for name in TABLES:
        stored = arrow(con, f'SELECT * FROM "{name}"')
        assert stored.column_names == list(COLUMNS[name])
        exported = pq.read_table(tmp_path / "out" / name)
        assert stored.cast(arrow_schema(name)).to_pylist() == exported.to_pylist(), name
    files = con.execute(f"SELECT path, content_hash, report_ids FROM {FILES_TABLE} ORDER BY path").fetchall()
    assert [path for path, _, _ in files] == sorted(str(path) for path in inputs.iterdir())
    ids = con.execute("SELECT report_id FROM reports").fetchall()
    assert sorted(i for _, _, report_ids in files for i in report_ids) == sorted(i for (i,) in ids)
    assert files[0][1] == store.content_hash(files[0][0])
    assert con.execute("SELECT value FROM _store WHERE key = 'briefmodel'").fetchone() == (bm.__version__,)


def test_the_tables_have_real_types_and_every_table_joins_on_report_id(tmp_path: Path) -> None:
    con = write_duckdb([SEED], tmp_path / "seed.duckdb")
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns").fetchall())
    assert types["published"] == "DATE"
    assert types["date_start"] == "DATE"
    assert types["loaded_at"] == "TIMESTAMP"
    for name in TABLES:
        assert "report_id" in COLUMNS[name], name  # how the store finds a file's rows
    con.close()


# --- updates -----------------------------------------------------------------------------------------------


def test_adding_a_file_adds_only_its_rows(tmp_path: Path) -> None:
    inputs = tmp_path / "briefs"
    first = write_briefs(inputs, [0, 1])
    database = tmp_path / "briefs.duckdb"
    update_duckdb(first, database)
    before = snapshot(database)
    added = write_briefs(inputs, [2])
    update = update_duckdb([*first, *added], database)
    assert update.added == (str(added[0]),)
    assert (update.replaced, update.unchanged, update.committed) == ((), 2, True)
    after = snapshot(database)
    for name in [*TABLES, FILES_TABLE]:
        assert set(map(repr, before[name])) <= set(map(repr, after[name])), name  # nothing of before went or changed
    assert snapshot(database, loaded_at=False) == scratch([*first, *added], tmp_path / "scratch.duckdb")


def test_changing_a_file_replaces_only_its_rows(tmp_path: Path) -> None:
    inputs = tmp_path / "briefs"
    files = write_briefs(inputs, [0, 1, 2])
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    con = duckdb.connect(str(database))
    ids_before = dict(con.execute(f"SELECT path, report_ids FROM {FILES_TABLE}").fetchall())
    rows_before = con.execute("SELECT * FROM claims WHERE report_id <> ?", [ids_before[str(files[1])][0]]).fetchall()
    con.close()
    files[1].write_text(brief(1, notes_count=9), encoding="utf-8")
    update = update_duckdb(files, database)
    assert (update.added, update.replaced, update.unchanged) == ((), (str(files[1]),), 2)
    con = duckdb.connect(str(database))
    ids_after = dict(con.execute(f"SELECT path, report_ids FROM {FILES_TABLE}").fetchall())
    assert {p: ids_after[p] for p in ids_after if p != str(files[1])} == {
        p: ids_before[p] for p in ids_before if p != str(files[1])
    }
    assert ids_after[str(files[1])] != ids_before[str(files[1])]
    old = ids_before[str(files[1])][0]
    for name in TABLES:
        assert con.execute(f'SELECT count(*) FROM "{name}" WHERE report_id = ?', [old]).fetchone() == (0,), name
    new = ids_after[str(files[1])][0]
    assert con.execute("SELECT count(*) FROM notes WHERE report_id = ?", [new]).fetchone() == (9,)
    assert sorted(con.execute("SELECT * FROM claims WHERE report_id <> ?", [new]).fetchall(), key=repr) == sorted(
        rows_before, key=repr
    )
    con.close()
    assert snapshot(database, loaded_at=False) == scratch(files, tmp_path / "scratch.duckdb")


def test_a_rerun_with_nothing_new_reads_nothing_and_changes_nothing(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", range(4))
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    before = snapshot(database)

    def unread(paths: Sequence[str]) -> Iterator[FileRows]:
        raise AssertionError(f"read {paths}")

    started = time.perf_counter()
    update = update_duckdb(files, database, read=unread)
    assert time.perf_counter() - started < 5
    assert (update.committed, update.unchanged, update.added, update.replaced) == (False, 4, (), ())
    assert snapshot(database) == before
    status, err = run("export", str(tmp_path / "briefs"), "--to", "duckdb", str(database))
    assert status == 0
    assert err == f"{database} is up to date: 0 files added, 0 changed, 4 unchanged\n"


def test_a_file_that_can_no_longer_be_read_keeps_its_rows_and_the_run_says_so(tmp_path: Path) -> None:
    inputs = tmp_path / "briefs"
    files = write_briefs(inputs, [0, 1])
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    before = snapshot(database)
    files[0].write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (inputs / "new.txt").write_bytes(b"\xff\xfe\xfd not utf-8")
    status, err = run("export", str(inputs), "--to", "duckdb", str(database))
    assert status == 2
    assert "Traceback" not in err
    assert err.count("briefmodel: error:") == 2
    assert err.splitlines()[-1] == f"nothing changed in {database}: 0 files added, 0 changed, 1 unchanged; 2 failed"
    assert snapshot(database) == before  # nothing to commit; the old rows of the file kept


def test_files_gone_from_a_folder_stay_unless_pruned(tmp_path: Path) -> None:
    inputs = tmp_path / "briefs"
    elsewhere = write_briefs(tmp_path / "other", [9])
    files = write_briefs(inputs, [0, 1, 2])
    database = tmp_path / "briefs.duckdb"
    update_duckdb([*files, *elsewhere], database)
    files[2].unlink()
    assert main(["export", str(inputs), "--to", "duckdb", str(database)]) == 0
    assert len(snapshot(database)[FILES_TABLE]) == 4  # left alone
    assert main(["export", str(inputs), "--to", "duckdb", str(database), "--prune"]) == 0
    kept = snapshot(database, loaded_at=False)
    assert sorted(path for path, _, _ in kept[FILES_TABLE]) == sorted(str(p) for p in [*files[:2], *elsewhere])
    assert kept == scratch([*files[:2], *elsewhere], tmp_path / "scratch.duckdb")


def test_prune_from_python_keeps_only_the_inputs(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", range(3))
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    update = update_duckdb(files[1:], database, prune=True)
    assert (update.removed, update.unchanged) == ((str(files[0]),), 2)
    assert snapshot(database, loaded_at=False) == scratch(files[1:], tmp_path / "scratch.duckdb")


def test_write_duckdb_in_memory_from_report_objects_returns_the_connection() -> None:
    reports = [*bm.load(SEED), bm.parse(brief(3))]
    con = write_duckdb(reports)
    assert con.execute("SELECT count(*) FROM reports").fetchone() == (len(reports),)
    keys = [row[0] for row in con.execute(f"SELECT path FROM {FILES_TABLE} ORDER BY path").fetchall()]
    assert keys == sorted("report:" + bm.report_id(r) for r in reports)
    again = write_duckdb(reports, con)  # the same reports again: nothing to do
    assert again is con
    assert con.execute("SELECT count(*) FROM claims").fetchone() == (sum(len(r.claims) for r in reports),)
    con.close()


def test_a_folder_given_to_the_python_functions_is_refused_with_what_to_do(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    with pytest.raises(bm.BriefmodelError, match="is a folder: name its files"):
        write_duckdb([tmp_path / "briefs"])


def test_rows_carry_the_path_given_and_the_books_the_absolute_one(tmp_path: Path) -> None:
    """The same relative arguments give the Parquet export's report ids; another working directory re-reads nothing."""
    write_briefs(tmp_path / "briefs", range(3))
    done = subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", "briefs", "--to", "duckdb", "briefs.duckdb"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    subprocess.run(
        [sys.executable, "-m", "briefmodel", "export", "briefs", "--to", "parquet", "out"], cwd=tmp_path, check=True
    )
    con = duckdb.connect(str(tmp_path / "briefs.duckdb"))
    stored = con.execute("SELECT report_id, path FROM reports ORDER BY path").fetchall()
    books = con.execute(f"SELECT path FROM {FILES_TABLE} ORDER BY path").fetchall()
    con.close()
    exported = pq.read_table(tmp_path / "out" / "reports", columns=["report_id", "path"]).to_pylist()
    assert stored == [(row["report_id"], row["path"]) for row in exported]
    assert [path for _, path in stored] == [os.path.join("briefs", f"b{i:04}.txt") for i in range(3)]
    assert [path for (path,) in books] == [str(tmp_path / "briefs" / f"b{i:04}.txt") for i in range(3)]
    status, err = run("export", str(tmp_path / "briefs"), "--to", "duckdb", str(tmp_path / "briefs.duckdb"))
    assert (status, err.splitlines()[-1]) == (
        0,
        f"{tmp_path / 'briefs.duckdb'} is up to date: 0 files added, 0 changed, 3 unchanged",
    )


def test_workers_give_the_same_store(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", range(6))
    one = scratch(files, tmp_path / "one.duckdb")
    update_duckdb(files, tmp_path / "two.duckdb", workers=2)
    assert snapshot(tmp_path / "two.duckdb", loaded_at=False) == one


# --- interruptions -----------------------------------------------------------------------------------------

PAUSED_RUN = textwrap.dedent(
    """
    import os, sys, time
    import briefmodel._cli.export_store as cli
    import briefmodel._corpus.store as store
    from briefmodel._cli import main

    store.FLUSH_BYTES = 1  # every file's rows go into the database at once, inside the transaction
    store.COMMIT_BYTES = 1  # and, in a copy, are committed there at once
    progress, pause_after, store.COPY_BYTES = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    read = cli._read
    count = 0

    def slow_read(path):
        global count
        result = read(path)
        count += 1
        with open(progress, "a") as handle:
            handle.write(path + "\\n")
        if count == pause_after:
            time.sleep(60)  # the signal comes now, with rows of this run inserted and not committed
        return result

    cli._read = slow_read
    sys.exit(main(sys.argv[4:]))
    """
)


IN_PLACE = 10**12
"""``COPY_BYTES`` that makes every update one transaction in the database."""
IN_COPY = 0
"""``COPY_BYTES`` that makes every update go into a copy swapped in."""


def start_paused(
    tmp_path: Path, args: Sequence[str], pause_after: int, copy_bytes: int = IN_PLACE
) -> tuple[subprocess.Popen[str], Path]:
    progress = tmp_path / f"progress-{time.monotonic_ns()}"
    progress.touch()
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_RUN, str(progress), str(pause_after), str(copy_bytes), *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while len(progress.read_text().splitlines()) < pause_after:
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "the run never got that far"
        time.sleep(0.05)
    time.sleep(0.2)  # inside the pause
    return process, progress


@pytest.fixture
def grown(tmp_path: Path) -> tuple[Path, list[Path], Path, Snapshot]:
    """A store of three files, then a folder where one of them changed and twelve were added."""
    inputs = tmp_path / "briefs"
    files = write_briefs(inputs, range(3))
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    before = snapshot(database)
    files[1].write_text(brief(1, notes_count=9), encoding="utf-8")
    files += write_briefs(inputs, range(3, 15))
    return inputs, files, database, before


@pytest.mark.parametrize("copy_bytes", [IN_PLACE, IN_COPY], ids=["one transaction", "in a copy"])
@pytest.mark.parametrize(
    ("number", "status", "said"),
    [
        (signal.SIGINT, 130, "interrupted"),
        (signal.SIGTERM, 143, "stopped by SIGTERM"),
        (signal.SIGKILL, -signal.SIGKILL, None),
    ],
)
def test_an_interrupted_update_leaves_the_database_as_it_was(
    tmp_path: Path,
    grown: tuple[Path, list[Path], Path, Snapshot],
    number: int,
    status: int,
    said: str | None,
    copy_bytes: int,
) -> None:
    inputs, files, database, before = grown
    for pause_after in (1, 8):
        args = ["export", str(inputs), "--to", "duckdb", str(database)]
        process, _ = start_paused(tmp_path, args, pause_after, copy_bytes)
        process.send_signal(number)
        _, err = process.communicate(timeout=60)
        assert process.returncode == status, err
        if said:
            assert err.splitlines()[-1] == f"briefmodel: {said}; nothing changed, {database} left as it was"
        assert "Traceback" not in err
        assert snapshot(database) == before
        if number != signal.SIGKILL:
            assert copies(database) == []
    assert main(["export", str(inputs), "--to", "duckdb", str(database)]) == 0
    assert copies(database) == []  # what SIGKILL left is removed
    assert snapshot(database, loaded_at=False) == scratch(files, tmp_path / "scratch.duckdb")


def copies(database: Path) -> list[str]:
    """The copies of ``database`` an update writes beside it (removed when it ends, or by the next run)."""
    return sorted(p.name for p in database.parent.iterdir() if p.name.startswith(f".{database.name}{store.BUILDING}"))


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_an_interrupted_first_build_leaves_no_database(tmp_path: Path, number: int) -> None:
    inputs = tmp_path / "briefs"
    files = write_briefs(inputs, range(6))
    database = tmp_path / "new.duckdb"
    process, _ = start_paused(tmp_path, ["export", str(inputs), "--to", "duckdb", str(database)], 3)
    process.send_signal(number)
    _, err = process.communicate(timeout=60)
    if number != signal.SIGKILL:
        assert err.splitlines()[-1].endswith(f"nothing changed, {database} not created")
        assert copies(database) == []
    assert not database.exists()
    assert main(["export", str(inputs), "--to", "duckdb", str(database)]) == 0
    assert copies(database) == []
    assert snapshot(database, loaded_at=False) == scratch(files, tmp_path / "scratch.duckdb")


def test_a_copy_of_a_run_still_going_is_left_alone(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", range(2))
    database = tmp_path / "briefs.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".briefs.duckdb{store.BUILDING}{dead.stdout.strip()}"
    running = tmp_path / f".briefs.duckdb{store.BUILDING}{os.getppid()}"
    for path in (stale, running, Path(f"{stale}.wal")):
        path.write_bytes(b"half a database")
    Path(f"{stale}.tmp").mkdir()
    (Path(f"{stale}.tmp") / "spilled").write_bytes(b"blocks")
    update_duckdb(files, database)
    assert copies(database) == [running.name]


def test_a_large_update_goes_into_a_copy_and_ends_as_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "briefs"
    files = write_briefs(inputs, range(3))
    database = tmp_path / "briefs.duckdb"
    first = update_duckdb(files, database)
    assert first.copied  # a first build is made in a copy
    files += write_briefs(inputs, [3])
    small = update_duckdb(files, database)
    assert (small.copied, small.added) == (False, (str(files[3]),))
    monkeypatch.setattr(store, "COPY_BYTES", 0)
    monkeypatch.setattr(store, "COMMIT_BYTES", 1)  # a commit after every file
    files[0].write_text(brief(0, notes_count=9), encoding="utf-8")
    files += write_briefs(inputs, range(4, 9))
    large = update_duckdb(files, database)
    assert large.copied
    assert (len(large.added), large.replaced) == (5, (str(files[0]),))
    assert copies(database) == []
    assert snapshot(database, loaded_at=False) == scratch(files, tmp_path / "scratch.duckdb")


def test_sigkill_at_any_moment_leaves_the_database_before_or_after(
    tmp_path: Path, grown: tuple[Path, list[Path], Path, Snapshot]
) -> None:
    """Killed at once, a little later, and later still: wherever the run is (reading, inserting, committing)."""
    inputs, files, database, before = grown
    kept = tmp_path / "before.duckdb"
    shutil.copy(database, kept)
    after = scratch(files, tmp_path / "scratch.duckdb")
    outcomes = []
    for delay in (0.0, 0.4, 0.8, 1.2, 1.6, 2.4):
        shutil.copy(kept, database)
        process = subprocess.Popen(
            [sys.executable, "-m", "briefmodel", "export", str(inputs), "--to", "duckdb", str(database)],
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        time.sleep(delay)
        process.kill()
        process.wait(timeout=60)
        now = snapshot(database)
        assert now == before or snapshot(database, loaded_at=False) == after, delay
        outcomes.append(now == before)
        wal = Path(f"{database}.wal")
        if wal.exists():
            wal.unlink()
    assert outcomes[0]  # killed at once: before anything was read
    assert main(["export", str(inputs), "--to", "duckdb", str(database)]) == 0
    assert snapshot(database, loaded_at=False) == after


# --- databases that cannot be used -------------------------------------------------------------------------


def one_line_error(args: Sequence[str], expected: str) -> None:
    status, err = run(*args)
    assert status == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("briefmodel: error:")]
    assert len(errors) == 1 and re.search(expected, errors[0]), err


def test_a_file_that_is_not_a_duckdb_database_is_refused_and_kept(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    database = tmp_path / "notes.duckdb"
    database.write_text("my notes\n", encoding="utf-8")
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "duckdb", str(database)],
        f"{re.escape(str(database))} is not a DuckDB database; nothing changed",
    )
    assert database.read_text(encoding="utf-8") == "my notes\n"


def test_a_database_in_use_by_another_process_is_refused(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", [0])
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(database)!r}); print(1, flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "1\n"
        write_briefs(tmp_path / "briefs", [1])
        one_line_error(
            ["export", str(tmp_path / "briefs"), "--to", "duckdb", str(database)],
            f"is in use by process {holder.pid} .*: close it there and run again; nothing changed",
        )
    finally:
        holder.kill()
        holder.wait()
    assert len(snapshot(database)[FILES_TABLE]) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/sys is Linux's")
def test_a_database_in_a_folder_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "duckdb", "/sys/briefs.duckdb"],
        r"cannot open /sys/briefs.duckdb: (permission denied|read-only file system); nothing changed",
    )


def test_a_folder_named_as_the_database_is_refused(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "duckdb", str(tmp_path)],
        "is a folder: name the database file",
    )


def test_a_database_with_other_tables_of_the_same_names_is_refused(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    database = tmp_path / "mine.duckdb"
    con = duckdb.connect(str(database))
    con.execute("CREATE TABLE claims (who VARCHAR)")
    con.close()
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "duckdb", str(database)],
        "holds tables briefmodel did not write \\(claims\\): name another database file; nothing changed",
    )
    con = duckdb.connect(str(database))
    assert con.execute("SELECT table_name FROM duckdb_tables()").fetchall() == [("claims",)]
    con.close()


def test_a_store_with_other_columns_is_refused_not_rewritten(tmp_path: Path) -> None:
    files = write_briefs(tmp_path / "briefs", [0])
    database = tmp_path / "briefs.duckdb"
    update_duckdb(files, database)
    con = duckdb.connect(str(database))
    con.execute("ALTER TABLE notes DROP COLUMN line")
    con.close()
    write_briefs(tmp_path / "briefs", [1])
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "duckdb", str(database)],
        f"was written by briefmodel {re.escape(bm.__version__)} with other tables \\(table notes has other "
        "columns\\): build a new store",
    )


def test_prune_is_for_duckdb_only(tmp_path: Path) -> None:
    write_briefs(tmp_path / "briefs", [0])
    one_line_error(
        ["export", str(tmp_path / "briefs"), "--to", "parquet", str(tmp_path / "out"), "--prune"],
        "--prune applies to --to duckdb only",
    )


# --- the documented queries --------------------------------------------------------------------------------

DOC = ROOT / "docs" / "store.md"


def documented_queries() -> list[tuple[str, str]]:
    """(title, SQL) of each query of docs/store.md: a ``### `` heading, then a ```sql block."""
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"^### (.+?)\n.*?```sql\n(.*?)```", text, flags=re.DOTALL | re.MULTILINE)


def test_the_page_has_the_five_analyst_queries() -> None:
    titles = [title for title, _ in documented_queries()]
    assert len(titles) >= 5, titles


@pytest.mark.parametrize("query", documented_queries(), ids=lambda q: q[0][:40])
def test_each_documented_query_runs_on_a_store(tmp_path: Path, query: tuple[str, str]) -> None:
    title, sql = query
    defined = set(re.findall(r"(\w+) AS \(", sql))
    needed = sorted(set(re.findall(r"\b(?:FROM|JOIN)\s+(\w+)", sql)) - defined)
    missing = [name for name in needed if name not in TABLES and not name.startswith("_")]
    if missing:
        pytest.skip(f"needs the tables {missing}, not yet written")
    con = write_duckdb([*CORPUS_FILES[:8], *write_briefs(tmp_path / "briefs", range(10))])
    rows = con.execute(sql).fetchall()
    assert rows, title
    con.close()
