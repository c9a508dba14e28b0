"""``briefmodel export PATHS --to duckdb FILE.duckdb``: the tables into a DuckDB store, only new and changed files read.

The inputs are found as for the other formats; the store
(``briefmodel._corpus.store``) hashes each file and hands only the new and
changed ones to the worker processes, then writes them all or nothing (one
transaction, or a copy swapped in). Ctrl-C and SIGTERM roll it back: the
database is left as it was (a database this run would have created is not). ``--prune`` also removes the files
the store holds from under the named folders that are no longer there.
"""

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from briefmodel._cli.export import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    _lost,
    _progress,
    _read,
    _worker_count,
)
from briefmodel._cli.signals import Terminated, sigterm_raises
from briefmodel._corpus.inputs import SUFFIXES, find_inputs
from briefmodel._corpus.store import FileRows, StoreUpdate, update_duckdb
from briefmodel._corpus.workers import read_all
from briefmodel._errors import BriefmodelError, require
from briefmodel._formats.tables import TABLES

__all__ = ["export_duckdb"]


class _Reading:
    """The store's reader for the command line: worker processes, progress on a terminal, problems as they come."""

    def __init__(self, workers: int, force: bool, err: TextIO) -> None:
        self.workers = workers
        self.force = force
        self.err = err
        self.show = err.isatty()
        self.said: set[str] = set()
        """The files whose problem was shown as it came."""

    def say(self, line: str) -> None:
        if self.show:
            self.err.write("\r\033[K")
        print(line, file=self.err)

    def _retried(self, path: str, cause: str) -> None:
        self.say(f"briefmodel: note: {path}: {cause}; reading it again in a fresh one")

    def __call__(self, files: Sequence[str]) -> Iterator[FileRows]:
        workers = _worker_count(self.workers, len(files), self.force, self.err)
        results = read_all(files, _read, workers, lost=_lost, retried=self._retried)
        try:
            for done, (path, rows, problem, note) in enumerate(results, start=1):
                if rows is None:
                    self.said.add(path)
                    self.say(f"briefmodel: error: {problem}")
                elif note:
                    self.say(f"briefmodel: note: {path} {note}")
                if self.show:
                    _progress(done, len(files), self.err)
                yield FileRows(path, rows, problem)
        finally:
            results.close()
            if self.show and files:
                self.err.write("\n")


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def _summary(update: StoreUpdate, database: str, skipped: int) -> str:
    counts = ", ".join(f"{update.rows.get(name, 0)} {name}" for name in TABLES)
    parts = [
        f"{_files(len(update.added))} added, {len(update.replaced)} changed, {update.unchanged} unchanged",
        *([f"{len(update.removed)} removed"] if update.removed else []),
        *([f"{len(update.failed)} failed"] if update.failed else []),
        *([f"{skipped} skipped"] if skipped else []),
    ]
    if not update.committed:
        head = f"nothing changed in {database}" if update.failed else f"{database} is up to date"
        return f"{head}: " + "; ".join(parts)
    return f"updated {database}: " + "; ".join(parts) + f"; rows written: {counts}"


def export_duckdb(
    paths: Sequence[str],
    database: str,
    *,
    workers: int = 1,
    force_workers: bool = False,
    prune: bool = False,
    err: TextIO | None = None,
) -> int:
    """Bring the DuckDB store ``database`` up to date with the files of ``paths``; returns the exit status.

    0: every file new or changed was loaded. 2: some could not be read (listed;
    the rest is loaded, a changed file that fails keeps its old rows). 130
    (Ctrl-C) and 143 (SIGTERM): stopped, the database as it was. Raises
    ``BriefmodelError`` (one line, status 2) when an input path does not exist,
    no file is found, or the database cannot be opened (in use, not a DuckDB
    database, a folder that cannot be written) or holds other tables.
    """
    err = sys.stderr if err is None else err
    try:
        found = find_inputs(paths, exclude=[database])
    except BriefmodelError as error:
        raise BriefmodelError(f"{error}; nothing changed") from None
    for path, reason in found.skipped:
        print(f"briefmodel: skipped {path}: {reason}", file=err)
    if not found.files:
        names = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]
        raise BriefmodelError(f"no files to export (folders are searched for {names} files); nothing changed")
    duckdb = require("duckdb", extra="duckdb", purpose="export --to duckdb")
    require("pyarrow", extra="duckdb", purpose="export --to duckdb")
    folders = [os.path.join(os.path.abspath(path), "") for path in paths if os.path.isdir(path)]
    reading = _Reading(workers, force_workers, err)
    existed = os.path.exists(database)
    committed = False

    def done() -> None:
        nonlocal committed
        committed = True

    try:
        with sigterm_raises():
            update = update_duckdb(
                found.files,
                database,
                read=reading,
                prune=(lambda path: path.startswith(tuple(folders))) if prune else False,
                on_commit=done,
            )
    except (KeyboardInterrupt, Terminated) as stop:
        interrupted = isinstance(stop, KeyboardInterrupt)
        kept = f"{database} left as it was" if existed else f"{database} not created"
        result = f"{database} is up to date" if committed else f"nothing changed, {kept}"
        reading.say(f"briefmodel: {'interrupted' if interrupted else 'stopped by SIGTERM'}; {result}")
        return EXIT_INTERRUPTED if interrupted else EXIT_TERMINATED
    except OSError as error:  # the commit could not write (a full disk): rolled back
        raise BriefmodelError(f"cannot write {database}: {error.strerror or error}; nothing changed") from None
    except duckdb.Error as error:
        message = " ".join(str(error).split())
        raise BriefmodelError(f"cannot write {database}: {message}; nothing changed") from None
    for path, reason in update.failed:
        if path not in reading.said:  # could not be read to hash it, before any worker started
            reading.say(f"briefmodel: error: {reason}")
    print(_summary(update, database, len(found.skipped)), file=err)
    return EXIT_FAILED if update.failed else 0
