"""``briefmodel export``: many files to one table each, a few reports in memory at a time.

Files are read by a pool of worker processes (``--workers``), each returning the
plain rows of one file's reports; the main process writes them out in file
order. CSV lines are written as they come, one file per table. For Parquet, each
file's rows become small Arrow tables at once (columnar, a few times smaller
than the rows), held until a table has ``FLUSH_BYTES`` of them and then written
as one row group. A Parquet writer keeps the metadata of every row group it
wrote (about 18 KB each here) until its file is closed, so a single file per
table would grow with the input; each table is instead a folder of part files
(``claims/part-00000.parquet``, ...) of at most ``PART_ROW_GROUPS`` row groups.
Memory is therefore the same for a thousand files as for twenty.
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
from briefmodel._formats.tables import COLUMNS, TABLES, arrow_schema, arrow_table, table_rows
from briefmodel._read.files import load_text_file

__all__ = ["FLUSH_BYTES", "PART_ROW_GROUPS", "export", "find_files"]

FLUSH_BYTES = 128_000
"""Arrow bytes of one table held before they are written as one Parquet row group."""
PART_ROW_GROUPS = 8
"""Row groups in one Parquet part file before the next part is begun."""
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
    """Each table as CSV lines in one file, or as Parquet row groups of about ``FLUSH_BYTES`` in part files."""

    def __init__(self, out: Path, to: str) -> None:
        self.out = out
        self.to = to
        self.counts = dict.fromkeys(TABLES, 0)
        out.mkdir(parents=True, exist_ok=True)
        if to == "parquet":
            self.pq = require("pyarrow.parquet", extra="tables", purpose="export --to parquet")
            self.concat = require("pyarrow", extra="tables", purpose="export --to parquet").concat_tables
            self.buffers: dict[str, list[Any]] = {name: [] for name in TABLES}
            self.buffered = dict.fromkeys(TABLES, 0)
            self.parts = dict.fromkeys(TABLES, 0)
            self.groups = dict.fromkeys(TABLES, 0)
            self.sinks: dict[str, Any] = {}
            for name in TABLES:
                (out / name).mkdir(exist_ok=True)
                for stale in (out / name).glob("part-*.parquet"):  # parts of an earlier, longer run
                    stale.unlink()
                self._open_part(name)
        else:
            self.files = {name: open(out / f"{name}.csv", "w", encoding="utf-8", newline="") for name in TABLES}  # noqa: SIM115
            self.writers = {name: csv.writer(self.files[name]) for name in TABLES}
            for name in TABLES:
                self.writers[name].writerow(list(COLUMNS[name]))

    def _open_part(self, name: str) -> None:
        path = self.out / name / f"part-{self.parts[name]:05}.parquet"
        self.sinks[name] = self.pq.ParquetWriter(path, arrow_schema(name))
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
            self.sinks[name].close()
            self._open_part(name)
        self.sinks[name].write_table(self.concat(tables))
        self.groups[name] += 1

    def close(self) -> None:
        for name in TABLES:
            if self.to == "parquet":
                self._flush(name)
                self.sinks[name].close()  # a table with no rows is one part with the schema and no row group
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
    written = f"{out}/*/part-*.parquet" if to == "parquet" else f"{out}/*.csv"
    print(
        f"exported {len(files) - len(failed)} of {len(files)} files: {counts['reports']} reports, "
        f"{counts['claims']} claims, {counts['citations']} citations, {counts['notes']} notes, "
        f"{counts['sources']} sources to {written}" + (f"; {len(failed)} failed" if failed else ""),
        file=err,
    )
    return 2 if failed else 0
