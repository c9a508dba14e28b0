"""``briefmodel view FILE [-o OUT.html] [--open]``: the reading view of a file's reports as one HTML page; and
``briefmodel view FOLDER -o DIR``: a page per report of a corpus, and an index page.

The file is read as ``show`` reads it (text, Markdown or HTML, ``-`` for standard
input), or as ``render`` reads JSON (``.json`` and ``.jsonl``). A file that holds
several reports gives one page with a contents list and each report under its own
header. The page goes to standard output, or to ``-o OUT.html`` (replaced only
when complete); ``--open`` opens it in the default web browser (without ``-o``,
from a new file in the temporary folder, whose path is printed).

A folder is read as ``bm.Corpus`` reads it. ``DIR/reports/<report id>.html`` gets
each report's page (with a link back to the index) and ``DIR/index.html`` the
index: one row per report in the corpus's order (date, title linked to its page,
series, file, counts), then the files that could not be read. Each file is
replaced only when complete, the index last; ``--open`` opens the index.
"""

import argparse
import os
import sys
import tempfile
import warnings
import webbrowser
from pathlib import Path
from typing import Any, TextIO

from briefmodel._cli.output import STDOUT, open_output
from briefmodel._cli.reading import input_name, json_reports, text_reports
from briefmodel._corpus.corpus import Corpus
from briefmodel._errors import BriefmodelError
from briefmodel._formats.view import page_html
from briefmodel._formats.view_index import IndexEntry, index_html
from briefmodel._model.diagnostics import Severity
from briefmodel._model.report import Report

__all__ = ["add_view_command", "run_view"]

_JSON_SUFFIXES = (".json", ".jsonl")


def add_view_command(commands: "argparse._SubParsersAction[Any]") -> None:
    """Register ``view`` among the commands."""
    view = commands.add_parser("view", help="write the reading view of a file's reports: one self-contained HTML page")
    view.add_argument(
        "file",
        metavar="FILE",
        help="a text, Markdown or HTML file, or JSON written by 'parse --json' (.json, .jsonl); - reads standard "
        "input; or a folder of reports (with -o DIR: a page per report and an index)",
    )
    view.add_argument(
        "-o",
        "--output",
        metavar="OUT.html",
        help="write to OUT.html (replaced when complete), not standard output; for a folder, the folder to write to",
    )
    view.add_argument("--open", action="store_true", help="open the page (a folder's: the index) in the web browser")
    view.set_defaults(run=run_view)


def _reports(path: str) -> tuple[list[Report], list[str]]:
    """The file's reports, and the problems of the JSON items that are not reports."""
    if not path.lower().endswith(_JSON_SUFFIXES):
        return list(text_reports(path)), []
    reports, problems = [], []
    for item in json_reports(path):
        if item.report is None:
            problems.append(f"{item.where} is not a report: {item.problem}")
        else:
            reports.append(item.report)
    return reports, problems


def run_view(args: argparse.Namespace, out: TextIO) -> int:
    """The ``view`` command: 0 when every report was shown, 2 when the file held a bad item or none."""
    if args.file != "-" and os.path.isdir(args.file):
        return _view_folder(args)
    name = input_name(args.file)
    reports, problems = _reports(args.file)
    for problem in problems:
        print(f"briefmodel: error: {problem}", file=sys.stderr)
    if not reports:
        raise BriefmodelError(f"{name} holds no report to view")
    page = page_html(reports, title=reports[0].title or Path(name).name)
    target = args.output
    if args.open and (target is None or target == STDOUT):
        handle, target = tempfile.mkstemp(prefix="briefmodel-view-", suffix=".html")
        os.close(handle)
        print(f"briefmodel: the view is at {target}", file=sys.stderr)
    with open_output(target, out) as output:
        output.write(page)
    if args.open:
        _open(target)
    return 2 if problems else 0


def _open(path: str) -> None:
    if not webbrowser.open(Path(path).resolve().as_uri()):
        raise BriefmodelError(f"no web browser could be opened: the view is written to {path}")


def _counts(report: Report) -> tuple[int, ...]:
    """The index's counts (``view_index.COUNTS``): citations, resolved, notes, sources, takeaways, claims, and the
    diagnostics of severity warning or error."""
    return (
        len(report.citations),
        sum(c.note is not None for c in report.citations),
        len(report.notes),
        len(report.sources),
        len(report.takeaways),
        len(report.claims),
        sum(d.severity is not Severity.INFO for d in report.diagnostics),
    )


def _view_folder(args: argparse.Namespace) -> int:
    """A page per report of the folder's corpus, then the index: 0, or 2 when a file could not be read."""
    folder = args.output
    if folder is None or folder == STDOUT:
        raise BriefmodelError(f"{args.file} is a folder: give -o DIR, the folder to write its pages and index to")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise BriefmodelError(f"cannot write {folder}: it is a file, and a folder's view is a folder")
    with warnings.catch_warnings():  # the files not read are named below, one line each
        warnings.simplefilter("ignore")
        corpus = Corpus(args.file)
    pages = Path(folder) / "reports"
    try:
        pages.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BriefmodelError(f"cannot write {folder}: {error.strerror or error}") from None
    entries = []
    for row in corpus.summaries():
        report = corpus.report(row["report_id"])  # parsed again from its file (a file's reports parsed once)
        name = f"{row['report_id']}.html"
        with open_output(str(pages / name), sys.stdout) as output:
            output.write(page_html([report], title=report.title or Path(row["path"]).name, index="../index.html"))
        entries.append(
            IndexEntry(
                href=f"reports/{name}",
                title=report.title,
                published=report.published,
                series=report.series,
                path=os.path.relpath(row["path"], args.file),
                position=row["position"],
                counts=_counts(report),
            )
        )
    for _, reason in corpus.failed:  # the reason names the file
        print(f"briefmodel: error: {reason}", file=sys.stderr)
    index = str(Path(folder) / "index.html")
    title = f"Reports of {Path(args.file).resolve().name or args.file}"
    with open_output(index, sys.stdout) as output:
        output.write(index_html(entries, title=title, failed=corpus.failed))
    print(f"briefmodel: {len(entries)} reports viewed in {folder} (index.html)", file=sys.stderr)
    if args.open:
        _open(index)
    return 2 if corpus.failed else 0
