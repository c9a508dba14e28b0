"""``briefmodel export``: many files to one Parquet or CSV file per table, a few reports in memory at a time.

Files are read by a pool of worker processes (``--workers``), each returning the
plain rows of one file's reports; the main process writes them out in file
order, buffering at most ``FLUSH_ROWS`` rows per table. Memory therefore stays
flat however many files there are. A file that cannot be read is listed on
standard error and skipped; the run goes on, and the exit status says so.
"""

import csv
import datetime as dt
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from briefmodel._errors import BriefmodelError, require
from briefmodel._io import load_text_file
from briefmodel._tables import COLUMNS, TABLES, arrow_schema, arrow_table, table_rows

__all__ = ["FLUSH_ROWS", "export", "find_files"]

FLUSH_ROWS = 5_000
"""Rows of one table held before they are written (one Parquet row group, or CSV lines)."""
SUFFIXES = (".txt", ".html", ".htm")

_Result = tuple[str, dict[str, list[dict[str, Any]]] | None, str | None]


def find_files(paths: Sequence[str]) -> list[str]:
    """The files to export: each file as given, and the ``.txt`` and ``.html`` files under each folder, sorted."""
    found = []
    for path in paths:
        if os.path.isdir(path):
            found.extend(sorted(str(p) for p in Path(path).rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        else:
            found.append(path)
    return found


def _read(path: str) -> _Result:
    """One file's rows, or the one-line reason it could not be read (runs in a worker)."""
    try:
        return path, table_rows(load_text_file(path)), None
    except BriefmodelError as error:
        return path, None, str(error)
    except Exception as error:  # a bug must not end a run over years of files: list it with its file
        return path, None, f"{path}: unexpected {type(error).__name__}: {error}"


def _results(files: list[str], workers: int) -> Iterator[_Result]:
    if workers <= 1:
        yield from map(_read, files)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
    with context.Pool(workers) as pool:
        yield from pool.imap(_read, files, chunksize=1)


class _Writer:
    """One output file per table, written in batches."""

    def __init__(self, out: Path, to: str) -> None:
        self.to = to
        self.buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)
        out.mkdir(parents=True, exist_ok=True)
        self.paths = {name: out / f"{name}.{to}" for name in TABLES}
        self.sinks: dict[str, Any] = {}
        if to == "parquet":
            pq = require("pyarrow.parquet", extra="tables", purpose="export --to parquet")
            self.sinks = {name: pq.ParquetWriter(self.paths[name], arrow_schema(name)) for name in TABLES}
        else:
            self.files = {name: open(self.paths[name], "w", encoding="utf-8", newline="") for name in TABLES}  # noqa: SIM115
            self.sinks = {name: csv.writer(self.files[name]) for name in TABLES}
            for name in TABLES:
                self.sinks[name].writerow(list(COLUMNS[name]))

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name in TABLES:
            self.buffers[name].extend(rows[name])
            self.counts[name] += len(rows[name])
            if len(self.buffers[name]) >= FLUSH_ROWS:
                self._flush(name)

    def _flush(self, name: str) -> None:
        rows, self.buffers[name] = self.buffers[name], []
        if not rows:
            return
        if self.to == "parquet":
            self.sinks[name].write_table(arrow_table(name, rows))
        else:
            self.sinks[name].writerows([[_csv_cell(row[column]) for column in COLUMNS[name]] for row in rows])

    def close(self) -> None:
        for name in TABLES:
            self._flush(name)
            if self.to == "parquet":
                self.sinks[name].close()
            else:
                self.files[name].close()


def _csv_cell(value: Any) -> Any:
    """A CSV cell: lists as JSON arrays, dates as ISO strings, missing values empty."""
    if value is None:
        return ""
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


def export(paths: Sequence[str], out: str, *, to: str = "parquet", workers: int = 1, err: TextIO = sys.stderr) -> int:
    """Export the reports of ``paths`` to ``out``; returns the exit status (0, or 2 if a file failed)."""
    files = find_files(paths)
    if not files:
        raise BriefmodelError("no files to export (folders are searched for .txt files)")
    writer = _Writer(Path(out), to)
    failed: list[str] = []
    show = err.isatty()
    try:
        for done, (_, rows, problem) in enumerate(_results(files, workers), start=1):
            if rows is None:
                failed.append(problem or "unknown problem")
                if show:
                    err.write("\r\033[K")
                print(f"briefmodel: error: {problem}", file=err)
            else:
                writer.add(rows)
            if show:
                _progress(done, len(files), err)
    finally:
        writer.close()
    if show:
        err.write("\n")
    counts = writer.counts
    print(
        f"exported {len(files) - len(failed)} of {len(files)} files: {counts['reports']} reports, "
        f"{counts['claims']} claims, {counts['citations']} citations, {counts['notes']} notes, "
        f"{counts['sources']} sources to {out}/*.{to}" + (f"; {len(failed)} failed" if failed else ""),
        file=err,
    )
    return 2 if failed else 0
