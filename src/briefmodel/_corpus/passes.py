"""What a ``Corpus`` computes from one file, in a worker process or in its own: each function reads the file,
keeps what its pass needs of each report, and lets the reports go.

Every function takes the path last (``read_all`` calls it with the path; the
other arguments are bound with ``functools.partial``, which pickles) and returns
a ``Done``: the path, the results of the file's reports (one per report, each
with the report's place in the corpus's order), or the one-line reason the file
could not be read.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs

from briefmodel._corpus.filters import ClaimFilter
from briefmodel._corpus.reader import read_file
from briefmodel._errors import BriefmodelError
from briefmodel._formats.ids import report_id, text_hash
from briefmodel._formats.tables import COLUMNS, report_tables, table_of
from briefmodel._model.report import Report

__all__ = [
    "Done",
    "Found",
    "Order",
    "ReportIdentities",
    "Summary",
    "claim_rows",
    "identities",
    "lost",
    "order",
    "run",
    "summaries",
    "tables",
]

T = TypeVar("T")

Order = tuple[bool, dt.date, str, int]
"""A report's place in a corpus: dated before undated, then by date, path and position in the file."""


def order(published: dt.date | None, path: str, position: int) -> Order:
    """The sort key of a report: published date (reports with none last), then path, then position in the file."""
    return (published is None, published or dt.date.min, path, position)


class Done(NamedTuple):
    """What a pass gives for one file."""

    path: str
    results: list[Any] | None
    """One result per report of the file (those the pass keeps), or ``None`` when the file could not be read."""
    problem: str | None = None
    """Why the file could not be read (one line)."""
    lost: bool = False
    """The file's worker process died twice while reading it."""


@attrs.frozen(kw_only=True)
class Summary:
    """What a corpus keeps of each report between passes: where it is, its ids and its header."""

    path: str
    position: int
    report_id: str
    text_hash: str
    published: dt.date | None
    title: str | None
    publisher: str | None
    series: str | None
    url: str | None
    citations: int
    notes: int

    @property
    def order(self) -> Order:
        """Its place in the corpus's order."""
        return order(self.published, self.path, self.position)


def run(work: Callable[[Report, str, int, str], T | None], path: str) -> Done:
    """``work(report, path, position, report_id)`` for each report of the file; ``None`` results are dropped."""
    try:
        reports = read_file(path).reports
    except BriefmodelError as error:
        return Done(path, None, str(error))
    except Exception as error:  # a bug must not end a pass over years of files: it is named with its file
        return Done(path, None, f"{path}: unexpected {type(error).__name__}: {error}")
    results = []
    for position, report in enumerate(reports):
        result = work(report, path, position, report_id(report, path, position))
        if result is not None:
            results.append(result)
    return Done(path, results)


def lost(path: str, cause: str) -> Done:
    """The result of a file whose worker died twice."""
    return Done(path, None, f"{path}: not read: {cause}, twice", lost=True)


def _summary(report: Report, path: str, position: int, rid: str) -> Summary:
    return Summary(
        path=path,
        position=position,
        report_id=rid,
        text_hash=text_hash(report),
        published=report.published,
        title=report.title,
        publisher=report.publisher,
        series=report.series,
        url=report.url,
        citations=len(report.citations),
        notes=len(report.notes),
    )


def summaries(path: str) -> Done:
    """The summary of each report of a file (its structure only: no claims or sources are read)."""
    return run(_summary, path)


class Found(NamedTuple):
    """One report's results in a pass: its id and place, and what the pass keeps of it."""

    report_id: str
    order: Order
    value: Any


def _claim_rows(keep: ClaimFilter, report: Report, path: str, position: int, rid: str) -> Found | None:
    if not keep.keeps_report(report):
        return None
    rows = report_tables(report, path, position, ["claims"])["claims"]
    kept = [row for row, claim in zip(rows, report.claims, strict=True) if keep.keeps(claim)]
    return Found(rid, order(report.published, path, position), kept)


def claim_rows(keep: ClaimFilter, path: str) -> Done:
    """The claims table's rows of the claims that ``keep`` keeps, for each report it keeps."""
    return run(lambda report, path, position, rid: _claim_rows(keep, report, path, position, rid), path)


def _tables(names: Sequence[str], report: Report, path: str, position: int, rid: str) -> Found:
    rows = report_tables(report, path, position, names)
    arrow = {name: table_of(COLUMNS[name], rows[name]) for name in names}
    return Found(rid, order(report.published, path, position), arrow)


def tables(names: Sequence[str], path: str) -> Done:
    """The tables ``names`` of each report as pyarrow Tables (made where the report is read: in a worker, they
    travel back as Arrow buffers, a few times smaller than the rows)."""
    return run(lambda report, path, position, rid: _tables(names, report, path, position, rid), path)


class ReportIdentities(NamedTuple):
    """What one report says about the sources it cites and the speakers it quotes."""

    sources: list[tuple[str, dict[str, Any], int]]
    """Each distinct source: its key, its fields (as printed in this report), and how many claims cite it."""
    speakers: list[tuple[str, str, str, str, bool]]
    """Each speaker or reporter of a claim: key, name, printed form, kind, and whether it is the speaker."""


def _identities(report: Report, path: str, position: int, rid: str) -> Found:
    citing: dict[str, int] = {}
    speakers = []
    for claim in report.claims:
        for source in claim.sources:
            citing[source.key] = citing.get(source.key, 0) + 1
        who = claim.attribution
        for agent, speaking in ((who.speaker, True), (who.reporter, False)):
            if agent is not None and agent.key:
                speakers.append((agent.key, agent.name, " ".join(agent.span.text.split()), agent.kind.value, speaking))
    sources = [
        (
            source.key,
            {
                "url": source.url,
                "raw": source.raw,
                "domain": source.domain,
                "platform": source.platform.value if source.platform else None,
                "kind": source.kind.value,
                "outlet": source.outlet,
                "account": source.account,
                "post_id": source.post_id,
                "truncated": source.truncated,
            },
            citing.get(source.key, 0),
        )
        for source in report.sources
    ]
    return Found(rid, order(report.published, path, position), ReportIdentities(sources, speakers))


def identities(path: str) -> Done:
    """The sources and speakers of each report."""
    return run(_identities, path)
