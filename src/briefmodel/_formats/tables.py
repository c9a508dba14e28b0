"""Flat tables of reports: one row per report, claim, citation, note, source, takeaway, support, claim source,
diagnostic, place and unit mention, with ids to join them.

``table_rows`` needs nothing beyond the standard library and gives plain rows;
``to_pandas`` and ``to_arrow`` need the ``tables`` extra (pandas and pyarrow).
Every table has a fixed set of columns with fixed types (``COLUMNS``), so the
tables of many files concatenate and Parquet files written one by one share a
schema. ``TABLES`` and ``COLUMNS`` are the one description of the tables: every
writer of them (the export, the corpus, a store) reads them from here. Ids:

- ``report_id`` (see ``ids.report_id``): a hash of the file's path, the report's
  position in it and its text when the path is given (``paths=``), of the text
  alone when not. ``text_hash`` is the hash of the text alone, equal for copies.
- Within a report, ``claim``, ``citation``, ``note``, ``source``, ``takeaway`` and
  ``diagnostic`` are indexes (``Report.claims[i]`` ...), and the columns that refer
  to another table hold its indexes (``citations.note``, ``claims.citations``).
  Every table joins to another on ``report_id`` and those indexes.
- ``sources.key`` is ``Source.key`` and ``sources.source_id`` its CSL-JSON id: both
  join the same source across reports; ``places.key`` and ``units.key`` join the same
  place or formation (``_formats/entity_rows.py`` has those two tables).
"""

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple, TypeAlias

from briefmodel._errors import BriefmodelError, require
from briefmodel._formats.entity_rows import COLUMNS as ENTITY_COLUMNS
from briefmodel._formats.entity_rows import place_rows, unit_rows
from briefmodel._formats.ids import report_id, source_id, text_hash
from briefmodel._model.report import Report

__all__ = [
    "COLUMNS",
    "TABLES",
    "Paths",
    "arrow_schema",
    "arrow_table",
    "frame_of",
    "report_tables",
    "schema_of",
    "table_of",
    "table_rows",
    "to_arrow",
    "to_pandas",
]

TABLES = (
    "reports",
    "claims",
    "citations",
    "notes",
    "sources",
    "takeaways",
    "supports",
    "claim_sources",
    "diagnostics",
    "places",
    "units",
)
"""The tables, in the order they are written."""

# Column name → type: str, int, float, bool, date, or a list of one of them ("list[str]").
COLUMNS: dict[str, dict[str, str]] = {
    "reports": {
        "report_id": "str",
        "path": "str",
        "position": "int",
        "text_hash": "str",
        "title": "str",
        "publisher": "str",
        "published": "date",
        "authors": "list[str]",
        "series": "str",
        "cutoff": "str",
        "url": "str",
        "citations": "int",
        "resolved": "int",
        "notes": "int",
        "sources": "int",
        "takeaways": "int",
        "claims": "int",
        "diagnostics": "list[str]",
    },
    "claims": {
        "report_id": "str",
        "claim": "int",
        "text": "str",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
        "stance": "str",
        "speaker": "str",
        "speaker_kind": "str",
        "speaker_role": "str",
        "speaker_key": "str",
        "cue": "str",
        "reporter": "str",
        "reporter_key": "str",
        "hedges": "list[str]",
        "likelihood_low": "float",
        "likelihood_high": "float",
        "dates": "list[str]",
        "date_start": "date",
        "date_end": "date",
        "citations": "list[int]",
        "inferred": "list[bool]",
    },
    "citations": {
        "report_id": "str",
        "citation": "int",
        "label": "str",
        "number": "int",
        "note": "int",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
    },
    "notes": {
        "report_id": "str",
        "note": "int",
        "label": "str",
        "number": "int",
        "text": "str",
        "line": "int",
        "cited_by": "list[int]",
        "sources": "list[int]",
    },
    "sources": {
        "report_id": "str",
        "source": "int",
        "key": "str",
        "source_id": "str",
        "url": "str",
        "raw": "str",
        "domain": "str",
        "platform": "str",
        "kind": "str",
        "outlet": "str",
        "account": "str",
        "post_id": "str",
        "truncated": "bool",
        "notes": "list[int]",
        "first_seen": "date",
        "last_seen": "date",
    },
    "takeaways": {
        "report_id": "str",
        "takeaway": "int",
        "text": "str",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
        "citations": "list[int]",
        "supports": "int",
    },
    "supports": {
        "report_id": "str",
        "takeaway": "int",
        "claim": "int",
        "score": "float",
        "rank": "int",
    },
    "claim_sources": {
        "report_id": "str",
        "claim": "int",
        "citation": "int",
        "note": "int",
        "source": "int",
        "key": "str",
        "source_id": "str",
        "inferred": "bool",
    },
    "diagnostics": {
        "report_id": "str",
        "diagnostic": "int",
        "code": "str",
        "severity": "str",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
        "message": "str",
    },
}
COLUMNS.update(ENTITY_COLUMNS)  # places and units: one row per mention, written beside the model's tables

Rows: TypeAlias = dict[str, list[dict[str, Any]]]
Paths: TypeAlias = "str | os.PathLike[str] | Iterable[str | os.PathLike[str] | None] | None"
"""One path for every report (they are the reports of that file, in order), one per report, or none."""


def table_rows(reports: Iterable[Report], *, paths: Paths = None) -> Rows:
    """The tables as lists of plain rows (dicts with the columns of ``COLUMNS``).

    ``paths`` names the files the reports were read from: one path when they are
    the reports of one file, in order (as ``load`` gives them), or one path (or
    ``None``) per report. It fills the ``path`` and ``position`` columns and makes
    ``report_id`` depend on the file (see ``report_id``), so two files holding
    the same text give two reports. Without it, ``path`` and ``position`` are
    empty and ``report_id`` is a hash of the text alone.
    """
    rows: Rows = {name: [] for name in TABLES}
    for report, path, position in _placed(reports, paths):
        for name, found in report_tables(report, path, position).items():
            rows[name].extend(found)
    return rows


def _placed(reports: Iterable[Report], paths: Paths) -> Iterator[tuple[Report, str | None, int | None]]:
    """Each report with its file's path and its position among that file's reports (``None`` without a path)."""
    if paths is None:
        for report in reports:
            yield report, None, None
        return
    if isinstance(paths, (str, os.PathLike)):
        path = os.fspath(paths)
        for position, report in enumerate(reports):
            yield report, path, position
        return
    seen: dict[str, int] = {}
    given = iter(paths)
    for count, report in enumerate(reports):
        try:
            item = next(given)
        except StopIteration:
            raise BriefmodelError(f"tables: {count + 1} reports or more, but {count} paths") from None
        if item is None:
            yield report, None, None
            continue
        path = os.fspath(item)
        seen[path] = position = seen.get(path, -1) + 1
        yield report, path, position
    if any(True for _ in given):
        raise BriefmodelError("tables: more paths than reports")


def report_tables(
    report: Report, path: str | None = None, position: int | None = None, names: Iterable[str] = TABLES
) -> Rows:
    """One report's rows of each table of ``names`` (all by default); ``path`` and ``position`` as ``table_rows``
    gives them."""
    rid = report_id(report) if path is None else report_id(report, path, position or 0)
    wanted = list(names)
    citation_index = {id(citation): i for i, citation in enumerate(report.citations)}
    note_index = {id(note): i for i, note in enumerate(report.notes)}
    makers: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "reports": lambda: [_report_row(report, rid, path, position)],
        "claims": lambda: _claim_rows(report, rid, citation_index),
        "citations": lambda: _citation_rows(report, rid, note_index),
        "notes": lambda: _note_rows(report, rid).rows,
        "sources": lambda: _source_rows(report, rid, _note_rows(report, rid).cited_in),
        "takeaways": lambda: _takeaway_rows(report, rid),
        "supports": lambda: _support_rows(report, rid),
        "claim_sources": lambda: _claim_source_rows(report, rid, citation_index, note_index),
        "diagnostics": lambda: _diagnostic_rows(report, rid),
        "places": lambda: place_rows(report, rid),
        "units": lambda: unit_rows(report, rid),
    }
    if "notes" in wanted and "sources" in wanted:  # both from one pass over the notes
        notes = _note_rows(report, rid)
        makers["notes"] = lambda: notes.rows
        makers["sources"] = lambda: _source_rows(report, rid, notes.cited_in)
    return {name: makers[name]() for name in wanted}


def _report_row(report: Report, rid: str, path: str | None, position: int | None) -> dict[str, Any]:
    """The row of one report: its file, its header and how many of each thing it holds."""
    return {
        "report_id": rid,
        "path": path,
        "position": position,
        "text_hash": text_hash(report),
        "title": report.title,
        "publisher": report.publisher,
        "published": report.published,
        "authors": list(report.authors),
        "series": report.series,
        "cutoff": report.cutoff,
        "url": report.url,
        "citations": len(report.citations),
        "resolved": sum(c.note is not None for c in report.citations),
        "notes": len(report.notes),
        "sources": len(report.sources),
        "takeaways": len(report.takeaways),
        "claims": len(report.claims),
        "diagnostics": [d.code for d in report.diagnostics],
    }


def _claim_rows(report: Report, rid: str, citation_index: dict[int, int]) -> list[dict[str, Any]]:
    """The rows of a report's claims, with the indexes of their citations."""
    rows: list[dict[str, Any]] = []
    for i, claim in enumerate(report.claims):
        who = claim.attribution
        likelihoods = [h for h in claim.hedges if h.low is not None]
        dated = [d for d in claim.dates if d.start is not None]
        rows.append(
            {
                "report_id": rid,
                "claim": i,
                "text": claim.text,
                "line": claim.span.line,
                "column": claim.span.column,
                "start": claim.span.start,
                "end": claim.span.end,
                "stance": claim.stance.value,
                "speaker": who.speaker.name if who.speaker else None,
                "speaker_kind": who.speaker.kind.value if who.speaker else None,
                "speaker_role": who.speaker.role if who.speaker else None,
                "speaker_key": who.speaker.key if who.speaker else None,
                "cue": who.cue,
                "reporter": who.reporter.name if who.reporter else None,
                "reporter_key": who.reporter.key if who.reporter else None,
                "hedges": [h.text for h in claim.hedges],
                "likelihood_low": likelihoods[0].low if likelihoods else None,
                "likelihood_high": likelihoods[0].high if likelihoods else None,
                "dates": [d.text for d in claim.dates],
                "date_start": dated[0].start if dated else None,
                "date_end": dated[0].end if dated else None,
                "citations": [citation_index[id(c.citation)] for c in claim.citations],
                "inferred": [c.inferred for c in claim.citations],
            }
        )
    return rows


def _citation_rows(report: Report, rid: str, note_index: dict[int, int]) -> list[dict[str, Any]]:
    """The rows of a report's citations, with the index of the note each resolves to."""
    return [
        {
            "report_id": rid,
            "citation": i,
            "label": citation.label,
            "number": citation.number,
            "note": None if citation.note is None else note_index[id(citation.note)],
            "line": citation.span.line,
            "column": citation.span.column,
            "start": citation.span.start,
            "end": citation.span.end,
        }
        for i, citation in enumerate(report.citations)
    ]


class _NoteRows(NamedTuple):
    """The rows of a report's notes, and which notes cite each source."""

    rows: list[dict[str, Any]]
    cited_in: dict[int, list[int]]
    """Source index → the indexes of the notes that cite it, in order."""


def _note_rows(report: Report, rid: str) -> _NoteRows:
    """The rows of a report's notes, with the indexes of their sources, and the notes citing each source."""
    source_index = {source.key: i for i, source in enumerate(report.sources)}
    rows: list[dict[str, Any]] = []
    cited_in: dict[int, list[int]] = {}
    for i, note in enumerate(report.notes):
        indexes = []
        for source in note.sources:
            index = source_index[source.key]
            if index not in indexes:
                indexes.append(index)
            cited_in.setdefault(index, [])
            if i not in cited_in[index]:
                cited_in[index].append(i)
        rows.append(
            {
                "report_id": rid,
                "note": i,
                "label": note.label,
                "number": note.number,
                "text": note.text,
                "line": note.span.line,
                "cited_by": list(note.cited_by),
                "sources": indexes,
            }
        )
    return _NoteRows(rows, cited_in)


def _source_rows(report: Report, rid: str, cited_in: dict[int, list[int]]) -> list[dict[str, Any]]:
    """The rows of a report's sources; ``cited_in`` gives the notes that cite each (see ``_note_rows``).

    ``first_seen`` and ``last_seen`` are the report's date: the span of this one
    sighting, so that the least ``first_seen`` and the greatest ``last_seen`` of a
    key's rows are its first and last sighting in any set of rows (see the corpus).
    """
    return [
        {
            "report_id": rid,
            "source": i,
            "key": source.key,
            "source_id": source_id(source),
            "url": source.url,
            "raw": source.raw,
            "domain": source.domain,
            "platform": source.platform.value if source.platform else None,
            "kind": source.kind.value,
            "outlet": source.outlet,
            "account": source.account,
            "post_id": source.post_id,
            "truncated": source.truncated,
            "notes": cited_in.get(i, []),
            "first_seen": report.published,
            "last_seen": report.published,
        }
        for i, source in enumerate(report.sources)
    ]


def _takeaway_rows(report: Report, rid: str) -> list[dict[str, Any]]:
    """The rows of a report's Key Takeaways, with the indexes of their own callouts and how many claims they
    restate."""
    by_start = {citation.span.start: i for i, citation in enumerate(report.citations)}
    return [
        {
            "report_id": rid,
            "takeaway": i,
            "text": takeaway.text,
            "line": takeaway.span.line,
            "column": takeaway.span.column,
            "start": takeaway.span.start,
            "end": takeaway.span.end,
            "citations": [by_start[c.span.start] for c in takeaway.citations if c.span.start in by_start],
            "supports": len(takeaway.supports),
        }
        for i, takeaway in enumerate(report.takeaways)
    ]


def _support_rows(report: Report, rid: str) -> list[dict[str, Any]]:
    """One row per claim a takeaway restates, best first (``rank`` 0)."""
    return [
        {"report_id": rid, "takeaway": i, "claim": support.claim, "score": support.score, "rank": rank}
        for i, takeaway in enumerate(report.takeaways)
        for rank, support in enumerate(takeaway.supports)
    ]


def _claim_source_rows(
    report: Report, rid: str, citation_index: dict[int, int], note_index: dict[int, int]
) -> list[dict[str, Any]]:
    """One row per claim, citation and source the citation's note lists (each source once a citation)."""
    source_index = {source.key: i for i, source in enumerate(report.sources)}
    rows: list[dict[str, Any]] = []
    for i, claim in enumerate(report.claims):
        for cited in claim.citations:
            note = cited.citation.note
            if note is None:
                continue
            keys: set[str] = set()
            for source in note.sources:
                key = source.key
                if key in keys:
                    continue
                keys.add(key)
                rows.append(
                    {
                        "report_id": rid,
                        "claim": i,
                        "citation": citation_index[id(cited.citation)],
                        "note": note_index[id(note)],
                        "source": source_index[key],
                        "key": key,
                        "source_id": source_id(source),
                        "inferred": cited.inferred,
                    }
                )
    return rows


def _diagnostic_rows(report: Report, rid: str) -> list[dict[str, Any]]:
    """The rows of a report's diagnostics, in the report's order (by position)."""
    return [
        {
            "report_id": rid,
            "diagnostic": i,
            "code": diagnostic.code,
            "severity": diagnostic.severity.value,
            "line": diagnostic.span.line if diagnostic.span else None,
            "column": diagnostic.span.column if diagnostic.span else None,
            "start": diagnostic.span.start if diagnostic.span else None,
            "end": diagnostic.span.end if diagnostic.span else None,
            "message": diagnostic.message,
        }
        for i, diagnostic in enumerate(report.diagnostics)
    ]


def _need(module: str) -> Any:
    return require(module, extra="tables", purpose="tables")


def schema_of(columns: Mapping[str, str]) -> Any:
    """The pyarrow schema of columns described as in ``COLUMNS``."""
    pa = _need("pyarrow")
    scalars = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}

    def arrow_type(kind: str) -> Any:
        if kind.startswith("list["):
            return pa.list_(scalars[kind[5:-1]])
        return scalars[kind]

    return pa.schema([(column, arrow_type(kind)) for column, kind in columns.items()])


def arrow_schema(name: str) -> Any:
    """The pyarrow schema of one table."""
    return schema_of(COLUMNS[name])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(value: Any) -> Any:
    """A value whose strings Arrow can hold: lone surrogates (not UTF-8) become U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_utf8(item) for item in value]
    return value


def table_of(columns: Mapping[str, str], rows: list[dict[str, Any]]) -> Any:
    """Rows with ``columns`` (described as in ``COLUMNS``) as a pyarrow Table; lone surrogates become U+FFFD."""
    pa = _need("pyarrow")
    schema = schema_of(columns)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (UnicodeEncodeError, pa.lib.ArrowException):
        return pa.Table.from_pylist([{key: _utf8(value) for key, value in row.items()} for row in rows], schema=schema)


def arrow_table(name: str, rows: list[dict[str, Any]]) -> Any:
    """One table's rows as a pyarrow Table with its fixed schema; lone surrogates become U+FFFD."""
    return table_of(COLUMNS[name], rows)


def frame_of(columns: Mapping[str, str], table: Any) -> Any:
    """A pyarrow Table with ``columns`` as a pandas DataFrame with the types the docs give for each column type.

    ``str`` → ``string``, ``int`` → ``Int64``, ``float`` → ``Float64``, ``bool`` →
    ``boolean`` (pandas' nullable types: a missing value is ``<NA>``), ``date`` →
    ``datetime64[s]`` (a missing date is ``NaT``), lists → Python lists.
    """
    pd = _need("pandas")
    pa = _need("pyarrow")
    mapping = {
        pa.string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }
    frame = table.to_pandas(types_mapper=mapping.get, date_as_object=False)
    for column, kind in columns.items():
        if kind == "date":
            frame[column] = frame[column].astype("datetime64[s]")
        elif kind.startswith("list["):
            frame[column] = pd.Series(table.column(column).to_pylist(), index=frame.index, dtype=object)
    return frame


def to_arrow(reports: Iterable[Report], *, paths: Paths = None) -> dict[str, Any]:
    """The tables as pyarrow Tables with fixed schemas (needs the ``tables`` extra); ``paths`` as for
    ``table_rows``.

    Dates are ``date32``. Arrow strings are UTF-8: a lone surrogate in the text
    becomes U+FFFD there.
    """
    rows = table_rows(reports, paths=paths)
    return {name: arrow_table(name, rows[name]) for name in TABLES}


def to_pandas(reports: Iterable[Report], *, paths: Paths = None) -> dict[str, Any]:
    """The tables as pandas DataFrames (needs the ``tables`` extra); ``paths`` as for ``table_rows``.

    Columns have pandas' nullable types (``Int64``, ``Float64``, ``string``,
    ``boolean``), so a missing index is ``<NA>``, not a float; date columns are
    ``datetime64[s]`` (``.dt`` and ``resample`` work; a missing date is ``NaT``);
    list columns hold Python lists. The frames are made from the Arrow tables, so
    a lone surrogate in the text is U+FFFD here too.
    """
    tables = to_arrow(reports, paths=paths)
    return {name: frame_of(COLUMNS[name], tables[name]) for name in TABLES}
