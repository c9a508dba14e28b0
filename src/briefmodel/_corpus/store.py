"""The DuckDB store: the tables of many files in one database, updated file by file, all or nothing.

A store holds every table of ``TABLES`` (columns and types from the Arrow
schema of each), and two bookkeeping tables:

- ``_files(path, content_hash, report_ids, loaded_at)``: one row per file
  loaded: its absolute path, the SHA-256 of its bytes, the ids of the reports
  it gave, and when (UTC) the run that loaded it began.
- ``_store(key, value)``: what wrote the store (``briefmodel``: the version).

An update hashes every input file and reads only those whose absolute path is
new or whose hash differs from the one recorded: a changed file's old rows
(found by the report ids recorded for it) are deleted and its new rows
inserted. A file is read with the path it was given, as ``export --to
parquet`` and ``Corpus`` read it, so its rows and report ids are theirs.
Recorded files that are not among the inputs are left alone unless ``prune``
says to remove them.

All or nothing, two ways:

- **One transaction** in the database, for a small update (at most
  ``COPY_BYTES`` of files to read): the daily case.
- **A copy swapped in**, for a first build or a large update: the database is
  copied beside itself (or begun there, empty), the update is written into the
  copy with a commit every ``COMMIT_BYTES`` of rows, and the copy replaces the
  database with one atomic rename. DuckDB holds the rows a transaction inserts
  in memory until it commits, so ten years in one transaction would take
  gigabytes; the copy keeps memory flat whatever the size of the update.

Either way an update that is interrupted (Ctrl-C, SIGTERM, a killed process, a
full disk) leaves the database as it was; a copy left behind by a killed run is
removed by the next one. A store whose tables differ from the ones this
version writes is refused with a message saying so, never half rewritten.

Rows go in through DuckDB's Arrow scan: each file's rows become small Arrow
tables at once, held until a table has ``FLUSH_BYTES`` of them and then
inserted with one ``INSERT ... SELECT``.
"""

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

import attrs

import briefmodel
from briefmodel._corpus.reader import read_file
from briefmodel._corpus.workers import read_all
from briefmodel._errors import BriefmodelError, require
from briefmodel._formats.ids import report_id
from briefmodel._formats.tables import TABLES, arrow_table, table_rows
from briefmodel._model.report import Report

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "COMMIT_BYTES",
    "COPY_BYTES",
    "FILES_TABLE",
    "FLUSH_BYTES",
    "MEMORY_LIMIT",
    "META_TABLE",
    "FileRows",
    "StoreUpdate",
    "content_hash",
    "open_store",
    "read_files",
    "read_rows",
    "update_duckdb",
    "update_store",
    "write_duckdb",
]

FILES_TABLE = "_files"
"""The bookkeeping table: one row per file loaded (path, content hash, report ids, when)."""
META_TABLE = "_store"
"""Key and value of what wrote the store."""
FLUSH_BYTES = 1_000_000
"""Arrow bytes of one table held before they are inserted with one statement."""
COPY_BYTES = 8_000_000
"""Bytes of files to read above which an update is written into a copy swapped in, not in one transaction."""
COMMIT_BYTES = 4_000_000
"""Arrow bytes inserted into a copy between two commits."""
MEMORY_LIMIT = "64MB"
"""DuckDB's memory limit while a file is updated (its default, most of the machine's memory, lets its cache of
the blocks written grow with the store)."""
HASH_CHUNK = 1 << 20
BUILDING = ".building-"
"""Between a database's name and the process id in the name of the copy an update writes."""

Rows = dict[str, list[dict[str, Any]]]
Inputs: TypeAlias = Iterable["str | os.PathLike[str] | Report"]
Prune: TypeAlias = "bool | Callable[[str], bool]"


class FileRows(NamedTuple):
    """One file's rows, or the one-line reason it could not be read."""

    path: str
    rows: Rows | None
    problem: str | None


Reader = Callable[[Sequence[str]], Iterable[FileRows]]
"""Gives the rows of each file named, in the order named (see ``read_files``)."""


@attrs.frozen
class StoreUpdate:
    """What one update did to a store."""

    database: str
    """The database file (``:memory:`` for one in memory)."""
    added: tuple[str, ...] = ()
    """Files loaded for the first time (their absolute paths)."""
    replaced: tuple[str, ...] = ()
    """Files whose content changed: their old rows were replaced."""
    unchanged: int = 0
    """Files whose path and content hash were already recorded: not read."""
    removed: tuple[str, ...] = ()
    """Files recorded and no longer among the inputs, removed (``prune``)."""
    failed: tuple[tuple[str, str], ...] = ()
    """Files that could not be read, with the reason; a changed one keeps its old rows."""
    rows: dict[str, int] = attrs.field(factory=dict)
    """Rows inserted per table."""
    committed: bool = False
    """Whether anything was written (false when there was nothing to do, or every file to read failed)."""
    copied: bool = False
    """Whether the update was written into a copy swapped in (a first build, a large update)."""


# --- reading files ---------------------------------------------------------------------------------------------


def read_rows(path: str) -> FileRows:
    """One file's rows (as ``export`` and ``Corpus`` read it), or the one-line reason it could not be read."""
    try:
        return FileRows(path, table_rows(read_file(path).reports, paths=path), None)
    except BriefmodelError as error:
        return FileRows(path, None, str(error))
    except Exception as error:  # a bug must not end a run over years of files: list it with its file
        return FileRows(path, None, f"{path}: unexpected {type(error).__name__}: {error}")


def _lost(path: str, cause: str) -> FileRows:
    return FileRows(path, None, f"{path}: not read: {cause}, twice")


def read_files(paths: Sequence[str], workers: int = 1) -> Iterator[FileRows]:
    """The rows of each file, in order; in ``workers`` processes when more than one (the default reader)."""
    results = read_all(paths, read_rows, workers, lost=_lost)
    with contextlib.closing(results):
        yield from results


def content_hash(path: str) -> str:
    """The SHA-256 of a file's bytes, in hex; raises ``OSError``."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _text_hash(report: Report) -> str:
    digest = hashlib.sha256(b"\xef\xbb\xbf" if report.bom else b"")
    digest.update(report.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class _Input(NamedTuple):
    key: str
    """The path recorded in ``_files``: a file's absolute path, or ``report:`` and the id of a report object."""
    given: str
    """The path as given: the one the file is read with, so its rows carry it."""
    content_hash: str
    size: int
    report: Report | None


def _inputs(items: Inputs) -> tuple[list[_Input], list[tuple[str, str]]]:
    """Each input with its key and content hash, in order and once; and the files that could not be hashed."""
    found: dict[str, _Input] = {}
    failed: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, Report):
            key = "report:" + report_id(item)
            found.setdefault(key, _Input(key, key, _text_hash(item), len(item.text), item))
            continue
        given = os.fspath(item)
        key = os.path.abspath(given)
        if key in found:
            continue
        if os.path.isdir(given):
            raise BriefmodelError(f"{given} is a folder: name its files (a Corpus finds them)")
        try:
            found[key] = _Input(key, given, content_hash(given), os.path.getsize(given), None)
        except OSError as error:
            failed.append((key, f"cannot read {given}: {error.strerror or error}"))
    return list(found.values()), failed


# --- the database ----------------------------------------------------------------------------------------------


def _duckdb() -> Any:
    require("pyarrow", extra="duckdb", purpose="the DuckDB store")
    return require("duckdb", extra="duckdb", purpose="the DuckDB store")


_LOCK = re.compile(r"Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?(?:\. See also|$)", re.DOTALL)


def _open_error(database: str, error: Exception) -> BriefmodelError:
    """A one-line error for a database that cannot be opened: in use, not DuckDB's, unwritable, newer."""
    message = " ".join(str(error).split())
    message = re.sub(r"^[A-Za-z ]*Error: ", "", message)
    if "not a valid DuckDB database file" in message:
        return BriefmodelError(f"{database} is not a DuckDB database; nothing changed")
    lock = _LOCK.search(message)
    if lock:
        holder = f"process {lock.group(2)} ({lock.group(1)})" if lock.group(2) else lock.group(1)
        return BriefmodelError(f"{database} is in use by {holder}: close it there and run again; nothing changed")
    for cause in ("Permission denied", "Read-only file system", "No such file or directory", "No space left"):
        if cause in message:
            return BriefmodelError(f"cannot open {database}: {cause.lower()}; nothing changed")
    return BriefmodelError(f"cannot open {database}: {message.split(' See also ')[0]}; nothing changed")


def open_store(database: "str | os.PathLike[str] | None", *, shown: str | None = None) -> "duckdb.DuckDBPyConnection":
    """A connection to the database file (created if absent), or to a new database in memory for ``None``.

    Raises ``BriefmodelError`` with one line (naming ``shown``, the database by
    default) when it cannot be opened: in use by another process, not a DuckDB
    database, in a folder that cannot be written.
    """
    module = _duckdb()
    name = ":memory:" if database is None else os.fspath(database)
    if os.path.isdir(name):
        raise BriefmodelError(f"{name} is a folder: name the database file (say {os.path.join(name, 'briefs.duckdb')})")
    try:
        con: duckdb.DuckDBPyConnection = module.connect(name)
    except module.Error as error:
        raise _open_error(shown or name, error) from None
    return con


def _columns(con: "duckdb.DuckDBPyConnection", relation: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in con.execute(f"DESCRIBE {relation}").fetchall()]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@contextlib.contextmanager
def _registered(con: "duckdb.DuckDBPyConnection", name: str, table: Any) -> Iterator[None]:
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


class _Layout:
    """The tables a store must hold, and the check that a database holds them (or none of them)."""

    def __init__(self, con: "duckdb.DuckDBPyConnection", database: str) -> None:
        self.con = con
        self.database = database
        self.expected: dict[str, list[tuple[str, str]]] = {}
        for name in TABLES:
            with _registered(con, "_briefmodel_empty", arrow_table(name, [])):
                self.expected[name] = _columns(con, "SELECT * FROM _briefmodel_empty")

    def check(self) -> bool:
        """Whether the store's tables exist (``False``: a database with none of them); raises if they differ."""
        found = self.con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = current_schema()")
        existing = {row[0] for row in found.fetchall()}
        if FILES_TABLE not in existing:
            foreign = sorted(set(TABLES) & existing)
            if foreign:
                raise BriefmodelError(
                    f"{self.database} holds tables briefmodel did not write ({', '.join(foreign)}): "
                    "name another database file; nothing changed"
                )
            return False
        problems = []
        for name in TABLES:
            if name not in existing:
                problems.append(f"no table {name}")
            elif _columns(self.con, _quoted(name)) != self.expected[name]:
                problems.append(f"table {name} has other columns")
        if problems:
            raise BriefmodelError(
                f"{self.database} was written by briefmodel {self._version()} with other tables "
                f"({'; '.join(problems[:3])}): build a new store (remove it, or name another file); nothing changed"
            )
        return True

    def _version(self) -> str:
        try:
            found = self.con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'briefmodel'").fetchall()
        except _duckdb().Error:
            return "(unknown version)"
        return str(found[0][0]) if found else "(unknown version)"

    def create(self) -> None:
        """Create every table, empty (within the caller's transaction)."""
        for name in TABLES:
            with _registered(self.con, "_briefmodel_empty", arrow_table(name, [])):
                self.con.execute(f"CREATE TABLE {_quoted(name)} AS SELECT * FROM _briefmodel_empty")
        self.con.execute(
            f"CREATE TABLE {FILES_TABLE} (path VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, "
            "report_ids VARCHAR[] NOT NULL, loaded_at TIMESTAMP NOT NULL)"
        )
        self.con.execute(f"CREATE TABLE {META_TABLE} (key VARCHAR NOT NULL, value VARCHAR)")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM ignored for a commit: the caller then knows whether it happened (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {number: signal.signal(number, signal.SIG_IGN) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


# --- an update -------------------------------------------------------------------------------------------------


@attrs.define
class _Plan:
    """What an update does: the files to read, the recorded files to drop, what the store holds."""

    exists: bool
    stored: dict[str, tuple[str, list[str]]]
    """Recorded path → its content hash and report ids."""
    changed: list[_Input]
    doomed: list[str]
    """Recorded paths to remove (``prune``)."""
    update: StoreUpdate

    @property
    def bytes_to_read(self) -> int:
        return sum(item.size for item in self.changed)


def _plan(con: "duckdb.DuckDBPyConnection", inputs: Inputs, database: str, prune: Prune) -> _Plan:
    exists = _Layout(con, database).check()
    wanted, failed = _inputs(inputs)
    stored: dict[str, tuple[str, list[str]]] = {}
    if exists:
        for path, digest, ids in con.execute(f"SELECT path, content_hash, report_ids FROM {FILES_TABLE}").fetchall():
            stored[path] = (digest, list(ids))
    changed = [item for item in wanted if stored.get(item.key, ("",))[0] != item.content_hash]
    keys = {item.key for item in wanted} | {path for path, _ in failed}
    doomed = [path for path in stored if path not in keys and (prune is True or (callable(prune) and prune(path)))]
    update = StoreUpdate(database=database, unchanged=len(wanted) - len(changed), failed=tuple(failed))
    return _Plan(exists, stored, changed, doomed, update)


class _Inserter:
    """Rows into the tables within the open transaction: old rows of replaced files deleted first, then inserted."""

    def __init__(self, con: "duckdb.DuckDBPyConnection", commit_bytes: int | None) -> None:
        self.con = con
        self.concat = require("pyarrow", extra="duckdb", purpose="the DuckDB store").concat_tables
        self.buffers: dict[str, list[Any]] = {name: [] for name in TABLES}
        self.buffered = dict.fromkeys(TABLES, 0)
        self.doomed: dict[str, list[str]] = {name: [] for name in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)
        self.commit_bytes = commit_bytes
        self.uncommitted = 0

    def delete(self, ids: Iterable[str]) -> None:
        """Delete the rows of these report ids before any row is inserted next."""
        ids = list(ids)
        for name in TABLES:
            self.doomed[name].extend(ids)

    def add(self, rows: Rows) -> None:
        for name in TABLES:
            found = rows.get(name) or []
            if not found:
                continue
            table = arrow_table(name, found)
            self.buffers[name].append(table)
            self.buffered[name] += table.nbytes
            self.counts[name] += len(found)
            if self.buffered[name] >= FLUSH_BYTES:
                self.flush(name)

    def flush(self, name: str) -> None:
        if self.doomed[name]:
            doomed, self.doomed[name] = self.doomed[name], []
            self.con.execute(f"DELETE FROM {_quoted(name)} WHERE report_id IN (SELECT unnest(?))", [doomed])
        tables, self.buffers[name], self.buffered[name] = self.buffers[name], [], 0
        if tables:
            table = self.concat(tables)
            with _registered(self.con, "_briefmodel_rows", table):
                self.con.execute(f"INSERT INTO {_quoted(name)} SELECT * FROM _briefmodel_rows")
            self.uncommitted += table.nbytes

    def between_files(self) -> None:
        """In a copy, commit once ``commit_bytes`` were inserted (a file's rows, and their deletes, are all in)."""
        if self.commit_bytes is not None and self.uncommitted >= self.commit_bytes:
            for name in TABLES:
                self.flush(name)
            self.con.execute("COMMIT")
            self.con.execute("BEGIN TRANSACTION")
            self.uncommitted = 0

    def close(self) -> None:
        for name in TABLES:
            self.flush(name)


_FILES_SCHEMA = (("path", "string"), ("content_hash", "string"), ("report_ids", "list"), ("loaded_at", "timestamp"))


def _record(con: "duckdb.DuckDBPyConnection", gone: list[str], recorded: list[dict[str, Any]]) -> None:
    """Replace the ``_files`` rows of the files gone or read again, and say which version wrote the store."""
    if gone:
        con.execute(f"DELETE FROM {FILES_TABLE} WHERE path IN (SELECT unnest(?))", [gone])
    if recorded:
        pa = require("pyarrow", extra="duckdb", purpose="the DuckDB store")
        schema = pa.schema(
            [
                ("path", pa.string()),
                ("content_hash", pa.string()),
                ("report_ids", pa.list_(pa.string())),
                ("loaded_at", pa.timestamp("us")),
            ]
        )
        with _registered(con, "_briefmodel_files", pa.Table.from_pylist(recorded, schema=schema)):
            con.execute(f"INSERT INTO {FILES_TABLE} SELECT * FROM _briefmodel_files")
    con.execute(f"DELETE FROM {META_TABLE} WHERE key = 'briefmodel'")
    con.execute(f"INSERT INTO {META_TABLE} VALUES ('briefmodel', ?)", [briefmodel.__version__])


def _apply(
    con: "duckdb.DuckDBPyConnection",
    plan: _Plan,
    read: Reader,
    *,
    commit_bytes: int | None,
    on_commit: Callable[[], None],
) -> StoreUpdate:
    """Carry out the plan in a transaction (a commit every ``commit_bytes`` when given: for a copy only).

    Anything raised (Ctrl-C included) rolls the transaction back and is raised again.
    """
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    inserter = _Inserter(con, commit_bytes)
    failed = list(plan.update.failed)
    added: list[str] = []
    replaced: list[str] = []
    recorded: list[dict[str, Any]] = []
    by_given = {item.given: item for item in plan.changed}
    files = [item.given for item in plan.changed if item.report is None]
    objects = [FileRows(item.key, table_rows([item.report]), None) for item in plan.changed if item.report]
    con.execute("BEGIN TRANSACTION")
    try:
        if not plan.exists:
            _Layout(con, plan.update.database).create()
        for path in plan.doomed:
            inserter.delete(plan.stored[path][1])
        for given, rows, problem in _chain(objects, read(files) if files else ()):
            item = by_given[given]
            if rows is None:
                failed.append((item.key, problem or "unknown problem"))
                continue
            if item.key in plan.stored:
                inserter.delete(plan.stored[item.key][1])
                replaced.append(item.key)
            else:
                added.append(item.key)
            inserter.add(rows)
            ids = [row["report_id"] for row in rows.get("reports", [])]
            recorded.append(
                {"path": item.key, "content_hash": item.content_hash, "report_ids": ids, "loaded_at": started}
            )
            inserter.between_files()
        if plan.exists and not (added or replaced or plan.doomed):  # every file to read failed: nothing to write
            con.execute("ROLLBACK")
            return attrs.evolve(plan.update, failed=tuple(failed))
        inserter.close()
        _record(con, plan.doomed + replaced, recorded)
        with _signals_held():
            con.execute("COMMIT")
            on_commit()
    except BaseException:
        with contextlib.suppress(Exception):
            con.execute("ROLLBACK")
        raise
    return attrs.evolve(
        plan.update,
        added=tuple(added),
        replaced=tuple(replaced),
        removed=tuple(plan.doomed),
        failed=tuple(failed),
        rows=dict(inserter.counts),
        committed=True,
    )


def _chain(*parts: Iterable[FileRows]) -> Iterator[FileRows]:
    for part in parts:
        yield from part


def update_store(
    con: "duckdb.DuckDBPyConnection",
    inputs: Inputs,
    *,
    database: str = ":memory:",
    workers: int = 1,
    read: Reader | None = None,
    prune: Prune = False,
    on_commit: Callable[[], None] = lambda: None,
) -> StoreUpdate:
    """Bring the store on ``con`` up to date with ``inputs`` (files and ``Report`` objects) in one transaction.

    A file is read (by ``read``, or in ``workers`` processes) only when its
    absolute path is new to the store or its content hash changed; a changed
    file's old rows are replaced. A ``Report`` object is recorded as ``report:``
    and its id. Recorded files that are not among the inputs stay, unless
    ``prune`` is true, or a function of their recorded path that says true.
    Anything raised (Ctrl-C included) rolls the transaction back and is raised
    again: the store is then as it was. ``on_commit`` is called once the
    transaction is committed, before a signal that came during the commit is
    let through.
    """
    plan = _plan(con, inputs, database, prune)
    if plan.exists and not plan.changed and not plan.doomed:
        return plan.update
    return _apply(con, plan, _reader(read, workers), commit_bytes=None, on_commit=on_commit)


def _reader(read: Reader | None, workers: int) -> Reader:
    if read is not None:
        return read
    return lambda paths: read_files(paths, workers)


# --- a database file -------------------------------------------------------------------------------------------


def _copy_name(database: Path) -> Path:
    return database.with_name(f".{database.name}{BUILDING}{os.getpid()}")


def _remove(path: Path) -> None:
    """Remove a copy, with its write-ahead log and the folder DuckDB spills to."""
    for each in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            each.unlink()
    shutil.rmtree(path.with_name(path.name + ".tmp"), ignore_errors=True)


def _remove_stale_copies(database: Path) -> None:
    """Remove the copies that runs killed before they could (``kill -9``) left beside the database."""
    prefix = f".{database.name}{BUILDING}"
    with contextlib.suppress(OSError):
        for entry in os.scandir(database.parent):
            pid = entry.name[len(prefix) :].split(".")[0]
            if entry.name.startswith(prefix) and pid.isdigit() and not _alive(int(pid)):
                _remove(database.with_name(prefix + pid))


def _alive(pid: int) -> bool:
    if os.name == "nt":  # no signal 0 there: keep what may be another run's
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _write_file(
    inputs: Inputs,
    database: "str | os.PathLike[str]",
    *,
    read: Reader,
    prune: Prune,
    on_commit: Callable[[], None],
) -> StoreUpdate:
    """Update the database file: in one transaction when small, else in a copy swapped in; then close it."""
    name = os.fspath(database)
    if os.path.isdir(name):
        raise BriefmodelError(f"{name} is a folder: name the database file (say {os.path.join(name, 'briefs.duckdb')})")
    target = Path(os.path.realpath(name))
    _remove_stale_copies(target)
    if not os.path.exists(name):  # made in a copy from the start: no half-made database is ever seen under its name
        return _in_copy(inputs, name, target, None, read=read, prune=prune, on_commit=on_commit)
    con = _limited(open_store(name))
    try:
        plan = _plan(con, inputs, name, prune)
        if plan.exists and not plan.changed and not plan.doomed:
            return plan.update
        if plan.bytes_to_read <= COPY_BYTES:
            return _apply(con, plan, read, commit_bytes=None, on_commit=on_commit)
        con.execute("CHECKPOINT")  # everything in the database file itself, for the copy
        return _in_copy(plan, name, target, con, read=read, prune=prune, on_commit=on_commit)
    finally:
        con.close()


def _limited(con: "duckdb.DuckDBPyConnection") -> "duckdb.DuckDBPyConnection":
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    return con


def _in_copy(
    work: "Inputs | _Plan",
    name: str,
    target: Path,
    held: "duckdb.DuckDBPyConnection | None",
    *,
    read: Reader,
    prune: Prune,
    on_commit: Callable[[], None],
) -> StoreUpdate:
    """The update written into a copy of the database (or a new one), which then replaces it with one rename.

    ``work`` is the plan made on the database ``held`` open (and so locked
    against other writers until the copy replaces it), or, for a new database,
    the inputs.
    """
    copy = _copy_name(target)
    _remove(copy)
    con: Any = None
    swapped = False

    def swap() -> None:  # within the signals held for the commit
        nonlocal swapped
        con.close()
        if held is not None:
            held.close()
            if Path(f"{target}.wal").exists():
                raise BriefmodelError(f"{name} has changes not checkpointed (a .wal file); nothing changed")
            shutil.copymode(target, copy)
        os.replace(copy, target)
        swapped = True
        _fsync_folder(target.parent)
        on_commit()

    try:
        if held is not None:
            shutil.copyfile(target, copy)
        con = _limited(open_store(copy, shown=name))
        plan = work if isinstance(work, _Plan) else _plan(con, work, name, prune)
        update = _apply(con, plan, read, commit_bytes=COMMIT_BYTES, on_commit=swap)
        if not update.committed:
            con.close()
            _remove(copy)
        return attrs.evolve(update, copied=update.committed)
    except BaseException:
        if not swapped:
            if con is not None:
                with contextlib.suppress(Exception):
                    con.close()
            _remove(copy)
        raise


def update_duckdb(
    inputs: Inputs,
    database: "str | os.PathLike[str]",
    *,
    workers: int = 1,
    read: Reader | None = None,
    prune: Prune = False,
    on_commit: Callable[[], None] = lambda: None,
) -> StoreUpdate:
    """Update the store in the database file ``database`` (created if absent) from ``inputs``, then close it.

    Reads the new and changed files (in ``workers`` processes, or with
    ``read``); see the module's docstring for what is replaced, and how it is
    all or nothing. ``on_commit`` is called once the update is in place.
    """
    return _write_file(inputs, database, read=_reader(read, workers), prune=prune, on_commit=on_commit)


def write_duckdb(
    inputs: Inputs,
    database: "str | os.PathLike[str] | duckdb.DuckDBPyConnection | None" = None,
    *,
    workers: int = 1,
    read: Reader | None = None,
    prune: Prune = False,
) -> "duckdb.DuckDBPyConnection":
    """The store of ``inputs`` in ``database`` (a file, an open connection, or ``None``: in memory), left open.

    The same update as ``update_duckdb`` (in one transaction for a connection or
    a database in memory); returns the connection, open, for queries.
    """
    if isinstance(database, (str, os.PathLike)):
        update_duckdb(inputs, database, workers=workers, read=read, prune=prune)
        return open_store(database)
    con = open_store(None) if database is None else database
    update_store(con, inputs, workers=workers, read=read, prune=prune)
    return con
