"""Flat tables of reports: one row per report, claim, citation, note and source, with ids to join them.

``table_rows`` needs nothing beyond the standard library and gives plain rows;
``to_pandas`` and ``to_arrow`` need the ``tables`` extra (pandas and pyarrow).
Every table has a fixed set of columns with fixed types (``COLUMNS``), so the
tables of many files concatenate and Parquet files written one by one share a
schema. Ids:

- ``report_id``: ``r-`` and the first 16 hex digits of the SHA-1 of the report's
  text (its BOM flag included): the same report has the same id in every run.
- Within a report, ``claim``, ``citation``, ``note`` and ``source`` are indexes
  (``Report.claims[i]`` ...), and the columns that refer to another table hold
  its indexes (``citations.note``, ``claims.citations``).
- ``sources.source_id`` is the CSL-JSON id (see ``to_csl_json``): it joins the
  same source across reports.
"""

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from briefmodel._errors import require
from briefmodel._formats.ids import report_id, source_id
from briefmodel._model.report import Report

__all__ = ["COLUMNS", "TABLES", "arrow_schema", "arrow_table", "table_rows", "to_arrow", "to_pandas"]

TABLES = ("reports", "claims", "citations", "notes", "sources")

# Column name → type: str, int, float, bool, date, or a list of one of them ("list[str]").
COLUMNS: dict[str, dict[str, str]] = {
    "reports": {
        "report_id": "str",
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
    },
}


def table_rows(reports: Iterable[Report]) -> dict[str, list[dict[str, Any]]]:
    """The five tables as lists of plain rows (dicts with the columns of ``COLUMNS``)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for report in reports:
        _add(report, rows)
    return rows


def _add(report: Report, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Add one report's rows to each of the five tables."""
    rid = report_id(report)
    rows["reports"].append(_report_row(report, rid))
    rows["claims"].extend(_claim_rows(report, rid))
    rows["citations"].extend(_citation_rows(report, rid))
    notes = _note_rows(report, rid)
    rows["notes"].extend(notes.rows)
    rows["sources"].extend(_source_rows(report, rid, notes.cited_in))


def _report_row(report: Report, rid: str) -> dict[str, Any]:
    """The row of one report: its header and how many of each thing it holds."""
    return {
        "report_id": rid,
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


def _claim_rows(report: Report, rid: str) -> list[dict[str, Any]]:
    """The rows of a report's claims, with the indexes of their citations."""
    citation_index = {id(citation): i for i, citation in enumerate(report.citations)}
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


def _citation_rows(report: Report, rid: str) -> list[dict[str, Any]]:
    """The rows of a report's citations, with the index of the note each resolves to."""
    note_index = {id(note): i for i, note in enumerate(report.notes)}
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
    """The rows of a report's sources; ``cited_in`` gives the notes that cite each (see ``_note_rows``)."""
    return [
        {
            "report_id": rid,
            "source": i,
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
        }
        for i, source in enumerate(report.sources)
    ]


def _need(module: str) -> Any:
    return require(module, extra="tables", purpose="tables")


def arrow_schema(name: str) -> Any:
    """The pyarrow schema of one table."""
    pa = _need("pyarrow")
    scalars = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}

    def arrow_type(kind: str) -> Any:
        if kind.startswith("list["):
            return pa.list_(scalars[kind[5:-1]])
        return scalars[kind]

    return pa.schema([(column, arrow_type(kind)) for column, kind in COLUMNS[name].items()])


_SURROGATE = re.compile("[\ud800-\udfff]")


def _utf8(value: Any) -> Any:
    """A value whose strings Arrow can hold: lone surrogates (not UTF-8) become U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_utf8(item) for item in value]
    return value


def to_arrow(reports: Iterable[Report]) -> dict[str, Any]:
    """The five tables as pyarrow Tables with fixed schemas (needs the ``tables`` extra).

    Arrow strings are UTF-8: a lone surrogate in the text becomes U+FFFD there.
    """
    rows = table_rows(reports)
    return {name: arrow_table(name, rows[name]) for name in TABLES}


def arrow_table(name: str, rows: list[dict[str, Any]]) -> Any:
    """One table's rows as a pyarrow Table with its fixed schema; lone surrogates become U+FFFD."""
    pa = _need("pyarrow")
    schema = arrow_schema(name)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (UnicodeEncodeError, pa.lib.ArrowException):
        return pa.Table.from_pylist([{key: _utf8(value) for key, value in row.items()} for row in rows], schema=schema)


def to_pandas(reports: Iterable[Report]) -> dict[str, Any]:
    """The five tables as pandas DataFrames (needs the ``tables`` extra).

    Columns have pandas' nullable types (``Int64``, ``string``, ``boolean``), so a
    missing index is ``<NA>``, not a float; list columns hold Python lists and
    date columns ``datetime.date`` objects.
    """
    pd = _need("pandas")
    rows = table_rows(reports)
    return {
        name: pd.DataFrame.from_records(rows[name], columns=list(COLUMNS[name])).convert_dtypes() for name in TABLES
    }
