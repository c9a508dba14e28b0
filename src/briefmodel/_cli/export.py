"""``briefmodel export``: many files to one table each, a few reports in memory at a time, in place only when complete.

The inputs are found first (``_corpus/inputs.py``, which ``Corpus`` shares): a
mistyped path is an error before anything is touched. The output is written
into a temporary folder beside the target and put in its place only when
complete, with a completion marker
holding the counts (``staging``); Ctrl-C, SIGTERM, a full disk or any other
failure removes the temporary folder and leaves the target as it was.

Files are read by worker processes (``--workers``, at most one per CPU unless
forced), each returning the plain rows of one file's reports; a worker that
dies is replaced and its file read once more (``_corpus/workers.py``). A file
is read as ``Corpus`` reads it (``_corpus/reader.py``), and its rows carry its
path (``table_rows(..., paths=path)``). The main process writes the rows out
in file order. CSV lines are written as they come, one
file per table, with text cells that a spreadsheet would run as a formula
prefixed with ``'``. For Parquet, each file's rows become small Arrow tables
at once (columnar, a few times smaller than the rows), held until a table has
``FLUSH_BYTES`` of them and then written as one row group. A Parquet writer
keeps the metadata of every row group it wrote (about 18 KB each here) until
its file is closed, so a single file per table would grow with the input; each
table is instead a folder of part files (``claims/part-00000.parquet``, ...)
of at most ``PART_ROW_GROUPS`` row groups. Memory is therefore the same for a
thousand files as for twenty.
"""

import contextlib
import csv
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import briefmodel
from briefmodel._cli.signals import Terminated, sigterm_raises
from briefmodel._cli.staging import MARKER, Staging, describe
from briefmodel._corpus.inputs import SUFFIXES, find_inputs
from briefmodel._corpus.reader import read_file
from briefmodel._corpus.workers import read_all
from briefmodel._errors import BriefmodelError, require
from briefmodel._formats.tables import COLUMNS, TABLES, arrow_schema, arrow_table, table_rows

__all__ = ["EXIT_INTERRUPTED", "EXIT_TERMINATED", "FLUSH_BYTES", "MARKER", "PART_ROW_GROUPS", "export"]

FLUSH_BYTES = 128_000
"""Arrow bytes of one table held before they are written as one Parquet row group."""
PART_ROW_GROUPS = 8
"""Row groups in one Parquet part file before the next part is begun."""
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
"""A text cell starting with one of these gets a ``'`` in front in CSV (the last one so that the rule can be undone)."""
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM

_Result = tuple[str, dict[str, list[dict[str, Any]]] | None, str | None, str | None]
"""A file's path, and its rows or the one-line reason it could not be read, and a note on how it was read."""


def _read(path: str) -> _Result:
    """One file's rows, or the one-line reason it could not be read (runs in a worker)."""
    try:
        found = read_file(path)
        return path, table_rows(found.reports, paths=path), None, found.note
    except BriefmodelError as error:
        return path, None, str(error), None
    except Exception as error:  # a bug must not end a run over years of files: list it with its file
        return path, None, f"{path}: unexpected {type(error).__name__}: {error}", None


def _lost(path: str, cause: str) -> _Result:
    return path, None, f"{path}: not read: {cause}, twice", None


class _Writer:
    """Each table as CSV lines in one file, or as Parquet row groups of about ``FLUSH_BYTES`` in part files."""

    def __init__(self, out: Path, to: str) -> None:
        self.out = out
        self.to = to
        self.counts = dict.fromkeys(TABLES, 0)
        self.written: list[Path] = []
        self.files: dict[str, TextIO] = {}
        self.sinks: dict[str, Any] = {}
        self.current: dict[str, Path] = {}
        if to == "parquet":
            self.pq = require("pyarrow.parquet", extra="tables", purpose="export --to parquet")
            self.concat = require("pyarrow", extra="tables", purpose="export --to parquet").concat_tables
            self.buffers: dict[str, list[Any]] = {name: [] for name in TABLES}
            self.buffered = dict.fromkeys(TABLES, 0)
            self.parts = dict.fromkeys(TABLES, 0)
            self.groups = dict.fromkeys(TABLES, 0)
            for name in TABLES:
                with _naming(out / name):
                    (out / name).mkdir()
                self._open_part(name)
        else:
            self.writers: dict[str, Any] = {}
            for name in TABLES:
                path = self.current[name] = out / f"{name}.csv"
                with _naming(path):
                    self.files[name] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
                    self.writers[name] = csv.writer(self.files[name])
                    self.writers[name].writerow(list(COLUMNS[name]))

    def _open_part(self, name: str) -> None:
        path = self.out / name / f"part-{self.parts[name]:05}.parquet"
        with _naming(path):
            self.sinks[name] = self.pq.ParquetWriter(path, arrow_schema(name))
        self.current[name] = path
        self.written.append(path)
        self.parts[name] += 1
        self.groups[name] = 0

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name in TABLES:
            found = rows[name]
            self.counts[name] += len(found)
            if not found:
                continue
            if self.to != "parquet":
                columns = COLUMNS[name]
                with _naming(self.current[name]):
                    self.writers[name].writerows([[_csv_cell(row[column]) for column in columns] for row in found])
                continue
            table = arrow_table(name, found)
            self.buffers[name].append(table)
            self.buffered[name] += table.nbytes
            if self.buffered[name] >= FLUSH_BYTES:
                self._flush(name)

    def _flush(self, name: str) -> None:
        tables, self.buffers[name], self.buffered[name] = self.buffers[name], [], 0
        if not tables:
            return
        if self.groups[name] == PART_ROW_GROUPS:
            with _naming(self.current[name]):
                self.sinks[name].close()
            self._open_part(name)
        with _naming(self.current[name]):
            self.sinks[name].write_table(self.concat(tables))
        self.groups[name] += 1

    def close(self) -> None:
        """Write what is buffered, close every file and flush it to disk."""
        for name in TABLES:
            if self.to == "parquet":
                self._flush(name)
                with _naming(self.current[name]):
                    self.sinks.pop(name).close()  # a table with no rows is one part with the schema and no row group
            else:
                with _naming(self.current[name]):
                    handle = self.files.pop(name)
                    handle.flush()
                    os.fsync(handle.fileno())
                    handle.close()
        if self.to == "parquet":  # pyarrow closes without flushing to disk
            for path in self.written:
                with _naming(path), open(path, "rb") as part:
                    os.fsync(part.fileno())

    def abort(self) -> None:
        """Close whatever is open, quietly: the folder is removed next."""
        for closable in [*self.files.values(), *self.sinks.values()]:
            with contextlib.suppress(Exception):  # a full disk fails the close too; the folder goes anyway
                closable.close()
        self.files, self.sinks = {}, {}


@contextlib.contextmanager
def _naming(path: Path) -> Iterator[None]:
    """An ``OSError`` raised within names ``path`` if it names no file (a full disk on ``write``)."""
    try:
        yield
    except OSError as error:
        if not error.filename:
            error.filename = str(path)
        raise


def _csv_cell(value: Any) -> Any:
    """A CSV cell: lists as JSON arrays, dates as ISO strings, missing values empty, formula-like text prefixed.

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return would run as a formula when the file is opened in a spreadsheet
    (CSV injection): it gets a ``'`` in front, as OWASP recommends. A text cell
    that starts with ``'`` gets one too, so that removing one leading ``'`` from
    every cell that has one gives the text back exactly. Numbers, lists and
    dates are never prefixed (a negative number stays a number).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(CSV_FORMULA_START) else value
    if isinstance(value, list):
        return json.dumps([v.isoformat() if isinstance(v, dt.date) else v for v in value], ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _progress(done: int, total: int, stream: TextIO) -> None:
    width = 30
    filled = width * done // total if total else width
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
    stream.flush()


def _worker_count(asked: int, files: int, force: bool, err: TextIO) -> int:
    """``--workers``, at most one per CPU unless forced, and never more than the files."""
    cpus = _cpu_count()
    if asked > cpus and not force:
        print(
            f"briefmodel: note: --workers {asked} capped at {cpus}, the number of CPUs "
            f"(add --force-workers to start {asked})",
            file=err,
        )
        asked = cpus
    return max(1, min(asked, files))


def _cpu_count() -> int:
    """The CPUs this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class _NothingRead(Exception):
    """Every file failed: the run is a failure, and the output is not replaced by an empty one."""


class _Run:
    """One export's reading loop: progress on a terminal, the files that failed, the marker and the summary."""

    def __init__(self, files: list[str], skipped: list[tuple[str, str]], err: TextIO) -> None:
        self.files = files
        self.skipped = skipped
        self.err = err
        self.show = err.isatty()
        self.failed: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []
        self.counts = dict.fromkeys(TABLES, 0)

    def say(self, line: str) -> None:
        """A line on standard error, above the progress bar."""
        self.clear()
        print(line, file=self.err)

    def clear(self) -> None:
        if self.show:
            self.err.write("\r\033[K")
            self.err.flush()

    def _retried(self, path: str, cause: str) -> None:
        self.say(f"briefmodel: note: {path}: {cause}; reading it again in a fresh one")

    def write(self, staging: Staging, to: str, workers: int) -> None:
        """Read every file into the temporary folder and put it in place; raises on any failure."""
        writer = _Writer(staging.create(), to)
        try:
            results = read_all(self.files, _read, workers, lost=_lost, retried=self._retried)
            with contextlib.closing(results):
                for done, (path, rows, problem, note) in enumerate(results, start=1):
                    if rows is None:
                        self.failed.append((path, problem or "unknown problem"))
                        self.say(f"briefmodel: error: {problem}")
                    else:
                        if note:
                            self.notes.append((path, note))
                            self.say(f"briefmodel: note: {path} {note}")
                        writer.add(rows)
                    if self.show:
                        _progress(done, len(self.files), self.err)
            writer.close()
        except BaseException:
            writer.abort()
            raise
        self.counts = writer.counts
        if len(self.failed) == len(self.files):
            raise _NothingRead
        staging.commit(self.marker(to))
        if self.show:
            self.err.write("\n")

    def marker(self, to: str) -> dict[str, Any]:
        """The completion marker: what was written, from what, and what was not."""
        return {
            "complete": True,
            "briefmodel": briefmodel.__version__,
            "format": to,
            "tables": {name: f"{name}.csv" if to == "csv" else f"{name}/" for name in TABLES},
            "files": len(self.files),
            "exported": len(self.files) - len(self.failed),
            "reports": self.counts["reports"],
            "rows": self.counts,
            "failed": [{"path": path, "reason": reason} for path, reason in self.failed],
            "skipped": [{"path": path, "reason": reason} for path, reason in self.skipped],
            "notes": [{"path": path, "note": note} for path, note in self.notes],
        }

    def summary(self, out: str, to: str) -> str:
        counts = self.counts
        written = f"{out}/*/part-*.parquet" if to == "parquet" else f"{out}/*.csv"
        return (
            f"exported {len(self.files) - len(self.failed)} of {len(self.files)} files: {counts['reports']} reports, "
            f"{counts['claims']} claims, {counts['citations']} citations, {counts['notes']} notes, "
            f"{counts['sources']} sources to {written}"
            + (f"; {len(self.skipped)} skipped" if self.skipped else "")
            + (f"; {len(self.failed)} failed" if self.failed else "")
        )


def export(
    paths: Sequence[str],
    out: str,
    *,
    to: str = "parquet",
    workers: int = 1,
    force_workers: bool = False,
    err: TextIO | None = None,
) -> int:
    """Export the reports of ``paths`` to the folder ``out``; returns the exit status.

    0: every file exported. 2: some files could not be read (listed, and in the
    marker; the rest is exported). 130 (Ctrl-C) and 143 (SIGTERM): stopped,
    ``out`` left as it was. Raises ``BriefmodelError`` (one line, status 2)
    before writing anything when an input path does not exist, no file is
    found, or ``out`` cannot be written or replaced; and after reading when the
    output cannot be written (a full disk) or no file could be read, ``out``
    being then as it was. Messages go to ``err`` (standard error by default).
    """
    err = sys.stderr if err is None else err
    try:
        found = find_inputs(paths, exclude=[out])
    except BriefmodelError as error:
        raise BriefmodelError(f"{error}; nothing exported") from None
    for path, reason in found.skipped:
        print(f"briefmodel: skipped {path}: {reason}", file=err)
    if not found.files:
        names = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]
        raise BriefmodelError(f"no files to export (folders are searched for {names} files); nothing exported")
    if to == "parquet":
        require("pyarrow.parquet", extra="tables", purpose="export --to parquet")
    staging = Staging(out, TABLES)
    workers = _worker_count(workers, len(found.files), force_workers, err)
    kept = f"{out} left as it was" if staging.existed else f"{out} not created"
    run = _Run(found.files, found.skipped, err)
    try:
        with sigterm_raises():
            try:
                run.write(staging, to, workers)
            except BaseException:
                staging.discard()
                raise
    except (KeyboardInterrupt, Terminated) as stop:
        interrupted = isinstance(stop, KeyboardInterrupt)
        # the export may have been put in place a moment before the signal came
        result = f"{out} is complete" if staging.committed else f"nothing exported, {kept}"
        run.say(f"briefmodel: {'interrupted' if interrupted else 'stopped by SIGTERM'}; {result}")
        return EXIT_INTERRUPTED if interrupted else EXIT_TERMINATED
    except OSError as error:
        run.clear()
        where = staging.shown(error.filename) if isinstance(error.filename, str) else out
        raise BriefmodelError(f"cannot write {where}: {describe(error)}; nothing exported, {kept}") from None
    except _NothingRead:
        raise BriefmodelError(f"no file could be read ({len(found.files)} failed); nothing exported, {kept}") from None
    print(run.summary(out, to), file=err)
    return EXIT_FAILED if run.failed else 0
