"""``Corpus``: the reports of many files as one dataset, read lazily, in a stable order, with memory bounded.

Making a corpus finds its files (``inputs``) and reads each once for a summary
of its reports (where, ids, date, title: ``passes.Summary``); the summaries,
sorted into the corpus's order, are all it keeps. Everything else is a pass
over the files: iterating parses each file again, in this process, keeping the
reports of the last few files in a small cache; ``claims()``, ``sources()``,
``speakers()``, ``to_arrow()`` and ``to_pandas()`` read the files again
(in ``workers`` processes when there are more than one: ``workers.read_all``)
and keep only what they return. So a corpus of years of reports holds one
summary per report, not the reports.
"""

import functools
import os
import re
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, overload

from briefmodel._corpus import passes
from briefmodel._corpus.filters import Days, claim_filter
from briefmodel._corpus.identities import Identities
from briefmodel._corpus.inputs import SUFFIXES, find_inputs
from briefmodel._corpus.passes import Done, Found, Summary
from briefmodel._corpus.reader import read_file
from briefmodel._corpus.rows import Rows
from briefmodel._corpus.store import write_duckdb
from briefmodel._corpus.view import corpus_html, corpus_repr
from briefmodel._corpus.workers import read_all
from briefmodel._errors import BriefmodelError, require
from briefmodel._formats.ids import text_hash
from briefmodel._formats.tables import COLUMNS, TABLES, frame_of, table_of
from briefmodel._model.claims import Stance
from briefmodel._model.report import Report

__all__ = ["SUMMARY_COLUMNS", "Corpus"]

SUMMARY_COLUMNS = {
    "report_id": "str",
    "path": "str",
    "position": "int",
    "text_hash": "str",
    "published": "date",
    "title": "str",
    "publisher": "str",
    "series": "str",
    "url": "str",
    "citations": "int",
    "notes": "int",
}
"""The columns of ``Corpus.summaries()``."""

PathArg: TypeAlias = "str | os.PathLike[str] | Iterable[str | os.PathLike[str]]"


class Corpus:
    """The reports of many files as one dataset: ``bm.Corpus("reports/")``.

    ``paths`` is a file, a folder, a glob pattern (``"reports/2024-*.txt"``,
    ``"reports/**/*.html"``), or a list of them. Folders are searched as
    ``briefmodel export`` searches them (``.txt``, ``.html`` and ``.htm`` files,
    hidden folders and links to folders passed over); a file named, or matched by
    a pattern, is read whatever its name. Each file is read as ``load`` reads it:
    text, a publisher's page (``.html``/``.htm`` holding markup), or a Markdown
    brief (``.md``/``.markdown``, with ``parse_markdown``). A path that does not
    exist, or a pattern that matches nothing, raises ``BriefmodelError`` at once.

    Making the corpus reads every file once and keeps a summary of each report
    (``summaries()``), never the reports. ``len(corpus)`` is the number of
    reports; iterating gives them, and ``corpus[i]`` (or a slice) one of them,
    parsed again from its file. The reports are in a stable order:
    by publication date, then path, then place in the file; reports with no date
    come last, by path. A file that cannot be read is listed in ``failed`` (with
    a warning), and the corpus holds the others.

    ``workers`` > 1 reads the files in that many worker processes (a worker that
    dies is replaced and its file read once more). In a script, make such a
    corpus under ``if __name__ == "__main__":``, as for any use of processes.
    ``cache`` is how many files' reports iteration keeps at a time.

    Report ids are those of the tables: a hash of the file's path (as found:
    give the same paths to get the same ids), the report's place in its file and
    its text. Two files holding the same text are two reports, with two ids and
    one ``text_hash``.
    """

    def __init__(self, paths: PathArg, *, workers: int | None = None, cache: int = 4) -> None:
        given = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
        if workers is not None and (not isinstance(workers, int) or workers < 1):
            raise BriefmodelError(f"Corpus: workers takes a number of processes (1 or more), not {workers!r}")
        if not isinstance(cache, int) or cache < 1:
            raise BriefmodelError(f"Corpus: cache takes a number of files (1 or more), not {cache!r}")
        found = find_inputs(given, patterns=True)
        if given and not found.files:
            names = ", ".join(SUFFIXES[:-1]) + " or " + SUFFIXES[-1]
            raise BriefmodelError(
                f"Corpus: no files to read under {', '.join(given)} (folders are searched for {names})"
            )
        self._workers = workers or 1
        self._cache_size = cache
        self._files = tuple(found.files)
        self._skipped = tuple(found.skipped)
        self._cache: OrderedDict[str, tuple[Report, ...]] = OrderedDict()
        self._identities: Identities | None = None
        entries: list[Summary] = []
        failed: list[tuple[str, str]] = []
        for done in self._pass(passes.summaries, self._files):
            if done.results is None:
                failed.append((done.path, done.problem or "unknown problem"))
            else:
                entries.extend(done.results)
        entries.sort(key=lambda entry: entry.order)
        self._entries = tuple(entries)
        self._index = {entry.report_id: i for i, entry in enumerate(self._entries)}
        self._failed = tuple(failed)
        if failed:
            warnings.warn(
                f"Corpus: {len(failed)} of {len(self._files)} files could not be read (see .failed); "
                f"first: {failed[0][1]}",
                stacklevel=2,
            )

    # --- what was read ------------------------------------------------------------------------------------------

    @property
    def files(self) -> tuple[str, ...]:
        """Every file found, in the order found (each folder's sorted by path), those in ``failed`` included."""
        return self._files

    @property
    def failed(self) -> tuple[tuple[str, str], ...]:
        """Each file that could not be read, with the one-line reason (a binary file, not UTF-8, ...)."""
        return self._failed

    @property
    def skipped(self) -> tuple[tuple[str, str], ...]:
        """Each path found in a folder and passed over, with the reason (another name, a hidden folder, ...)."""
        return self._skipped

    @property
    def workers(self) -> int:
        """The processes that read the files (1: this process)."""
        return self._workers

    def summaries(self) -> Rows:
        """One row per report, in the corpus's order: its id, file, position in the file, text hash, date, title,
        publisher, series, URL, and counts of citations and notes (no file is read again)."""
        return Rows(
            SUMMARY_COLUMNS,
            ({column: getattr(entry, column) for column in SUMMARY_COLUMNS} for entry in self._entries),
        )

    # --- the reports ----------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of reports."""
        return len(self._entries)

    def __iter__(self) -> Iterator[Report]:
        """The reports in the corpus's order, each file parsed again in this process (the last ``cache`` files'
        reports kept, so the reports of one file are parsed once when they follow one another)."""
        for entry in self._entries:
            yield self._report(entry)

    @overload
    def __getitem__(self, index: int) -> Report: ...

    @overload
    def __getitem__(self, index: slice) -> list[Report]: ...

    def __getitem__(self, index: int | slice) -> Report | list[Report]:
        """The report at ``index`` in the corpus's order (a slice gives a list), parsed again from its file."""
        if isinstance(index, slice):
            return [self._report(entry) for entry in self._entries[index]]
        return self._report(self._entries[index])

    def report(self, report_id: str) -> Report:
        """The report whose id is ``report_id`` (as in every table); ``KeyError`` if the corpus has none."""
        return self._report(self._entries[self._index[report_id]])

    def _report(self, entry: Summary) -> Report:
        reports = self._cache.get(entry.path)
        if reports is None:
            reports = read_file(entry.path).reports
            self._cache[entry.path] = reports
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(entry.path)
        if entry.position >= len(reports) or text_hash(reports[entry.position]) != entry.text_hash:
            self._cache.pop(entry.path, None)
            raise self._changed(entry.path)
        return reports[entry.position]

    @staticmethod
    def _changed(path: str) -> BriefmodelError:
        return BriefmodelError(f"Corpus: {path} changed since the corpus was made; make a new Corpus to read it")

    # --- the passes -----------------------------------------------------------------------------------------------

    def _pass(self, work: Callable[[str], Done], files: Iterable[str]) -> Iterator[Done]:
        """``work`` over the files, in this process or in the workers, in file order."""
        listed = list(files)
        workers = max(1, min(self._workers, len(listed)))
        results = read_all(listed, work, workers, lost=passes.lost)
        try:
            yield from results
        finally:
            results.close()

    def _found(self, work: Callable[[str], Done], files: Iterable[str]) -> Iterator[Found]:
        """Each report's result of a pass; a file that changed, or cannot be read, since the corpus was made
        raises ``BriefmodelError``, a file whose worker died twice is warned about and left out."""
        for done in self._pass(work, files):
            if done.results is None:
                if done.lost:
                    warnings.warn(f"Corpus: {done.problem}; its rows are missing", stacklevel=4)
                    continue
                raise BriefmodelError(f"Corpus: {done.problem}")
            for found in done.results:
                if found.report_id not in self._index:
                    raise self._changed(done.path)
                yield found

    def _read_files(self) -> list[str]:
        """The files that gave reports, each once, in the corpus's order of their first report."""
        return list(dict.fromkeys(entry.path for entry in self._entries))

    def claims(
        self,
        *,
        stance: "str | Stance | Iterable[str | Stance] | None" = None,
        speaker: str | Iterable[str] | None = None,
        reporter: str | Iterable[str] | None = None,
        published: Days | None = None,
        dated: Days | None = None,
        text: "str | re.Pattern[str] | None" = None,
        cited: bool | None = None,
        source: str | Iterable[str] | None = None,
    ) -> Rows:
        """The claims that pass every filter given, as rows of the claims table, in the corpus's order.

        Each row has the columns of the ``claims`` table (``report_id`` joins it
        to the reports; ``claim`` is its index in ``Report.claims``). Filters:

        - ``stance``: a stance or several (``"assessed"``, ``bm.Stance.REPORTED``).
        - ``speaker``, ``reporter``: an ``Agent.key`` or several (``"russian mod"``).
        - ``published``: ``(first, last)`` days of the report's date, both included;
          ``None`` for an open end; dates or ISO strings. Undated reports are left out.
        - ``dated``: ``(first, last)``: claims with a resolved date mention meeting that range.
        - ``text``: a string the claim's text holds (case-insensitive), or a
          compiled ``re`` pattern it matches (``pattern.search``).
        - ``cited``: ``True`` for claims with a citation (their own or one that
          covers them), ``False`` for claims with none.
        - ``source``: a ``Source.key`` or several: claims citing one of them.

        A bad filter raises ``BriefmodelError`` naming it. Every call reads the
        files again (reports outside ``published`` are not read for claims).
        """
        keep = claim_filter(
            stance=stance,
            speaker=speaker,
            reporter=reporter,
            published=published,
            dated=dated,
            text=text,
            cited=cited,
            source=source,
        )
        files = list(dict.fromkeys(e.path for e in self._entries if keep.keeps_date(e.published)))
        found = sorted(self._found(functools.partial(passes.claim_rows, keep), files), key=lambda f: f.order)
        return Rows(COLUMNS["claims"], (row for item in found for row in item.value))

    def _gather(self) -> Identities:
        if self._identities is None:
            gathered = Identities()
            for found in self._found(passes.identities, self._read_files()):
                gathered.add(found.report_id, found.order, found.value)
            self._identities = gathered
        return self._identities

    def sources(self) -> Rows:
        """One row per source identity (``Source.key``) across the corpus, the most cited first.

        Columns: ``key`` and ``source_id`` (as in the tables), the source's
        ``url``, ``raw``, ``domain``, ``platform``, ``kind``, ``outlet``,
        ``account``, ``post_id`` and ``truncated`` as printed in the first report
        citing it; ``reports`` and ``report_ids`` (the reports whose notes cite
        it, in the corpus's order); ``claims`` (the claims citing it, counted once
        a report: ``claims(source=key)`` lists them); ``first_seen`` and
        ``last_seen`` (the first and last dates of the reports citing it).
        Computed with ``speakers()`` in one pass, on first use, and kept.
        """
        return self._gather().sources()

    def speakers(self) -> Rows:
        """One row per speaker identity (``Agent.key``) across the corpus, the most quoted first.

        Columns: ``key``; ``name`` (the name it is most often given) and
        ``forms`` (every form printed, the most frequent first); ``kind``;
        ``claims`` (claims it says) and ``reported`` (claims it relays as the
        reporter); ``reports`` and ``report_ids``; ``first_seen`` and
        ``last_seen``. Computed with ``sources()`` in one pass, on first use, and kept.
        """
        return self._gather().speakers()

    def to_arrow(self, tables: Iterable[str] | None = None) -> dict[str, Any]:
        """The tables of every report (see the corpus page), as pyarrow Tables, in the corpus's order.

        ``tables`` names the ones wanted (all of ``TABLES`` by default). Needs the
        ``tables`` extra. The rows of each report become Arrow tables where the
        report is read (a few times smaller than the rows), so memory is about the
        size of the result.
        """
        names = self._table_names(tables)
        pa = require("pyarrow", extra="tables", purpose="tables")  # checked before any file is read
        pieces = [
            (found.order, found.value)
            for found in self._found(functools.partial(passes.tables, names), self._read_files())
        ]
        pieces.sort(key=lambda piece: piece[0])
        result = {}
        for name in names:
            empty = table_of(COLUMNS[name], [])
            parts = [piece[name] for _, piece in pieces]
            result[name] = pa.concat_tables([empty, *parts])
        return result

    def to_pandas(self, tables: Iterable[str] | None = None) -> dict[str, Any]:
        """The tables as pandas DataFrames (dates as ``datetime64[s]``, nullable ``Int64``, ``string``, ...); see
        ``to_arrow``."""
        arrow = self.to_arrow(tables)
        return {name: frame_of(COLUMNS[name], table) for name, table in arrow.items()}

    def to_duckdb(self, database: "str | os.PathLike[str] | None" = None) -> Any:
        """The tables of every file in a DuckDB store, and the open connection to it (the ``duckdb`` extra).

        ``database`` is a database file, made or updated as ``briefmodel export
        PATHS --to duckdb FILE`` does it: only the files that are new or changed
        since the last update (by path and content hash) are read, all or nothing;
        ``None`` gives a store in memory. See the store page for its tables.
        """
        require("duckdb", extra="duckdb", purpose="the DuckDB store")
        return write_duckdb(list(self._files), database, workers=self.workers)

    @staticmethod
    def _table_names(tables: Iterable[str] | None) -> list[str]:
        if tables is None:
            return list(TABLES)
        names = [tables] if isinstance(tables, str) else list(tables)
        unknown = [name for name in names if name not in TABLES]
        if unknown:
            raise BriefmodelError(f"Corpus: no table {', '.join(unknown)} (tables: {', '.join(TABLES)})")
        return names

    # --- the summary ----------------------------------------------------------------------------------------------

    def __repr__(self) -> str:
        return corpus_repr(self._entries, len(self._files), len(self._failed), len(self._skipped))

    def _repr_html_(self) -> str:
        """The notebook view: counts, dates, series, the first reports and the files not read (all escaped)."""
        return corpus_html(self._entries, len(self._files), self._failed, self._skipped)
