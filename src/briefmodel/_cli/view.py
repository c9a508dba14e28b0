"""``briefmodel view FILE [-o OUT.html] [--open]``: the reading view of a file's reports as one HTML page.

The file is read as ``show`` reads it (text, Markdown or HTML, ``-`` for standard
input), or as ``render`` reads JSON (``.json`` and ``.jsonl``). A file that holds
several reports gives one page with a contents list and each report under its own
header. The page goes to standard output, or to ``-o OUT.html`` (replaced only
when complete); ``--open`` opens it in the default web browser (without ``-o``,
from a new file in the temporary folder, whose path is printed).
"""

import argparse
import os
import sys
import tempfile
import webbrowser
from pathlib import Path
from typing import Any, TextIO

from briefmodel._cli.output import STDOUT, open_output
from briefmodel._cli.reading import input_name, json_reports, text_reports
from briefmodel._errors import BriefmodelError
from briefmodel._formats.view import page_html
from briefmodel._model.report import Report

__all__ = ["add_view_command", "run_view"]

_JSON_SUFFIXES = (".json", ".jsonl")


def add_view_command(commands: "argparse._SubParsersAction[Any]") -> None:
    """Register ``view`` among the commands."""
    view = commands.add_parser("view", help="write the reading view of a file's reports: one self-contained HTML page")
    view.add_argument(
        "file",
        metavar="FILE",
        help="a text, Markdown or HTML file, or JSON written by 'parse --json' (.json, .jsonl); - reads standard input",
    )
    view.add_argument(
        "-o", "--output", metavar="OUT.html", help="write to OUT.html (replaced when complete), not standard output"
    )
    view.add_argument("--open", action="store_true", help="open the page in the default web browser")
    view.set_defaults(run=run_view)


def _reports(path: str) -> tuple[list[Report], list[str]]:
    """The file's reports, and the problems of the JSON items that are not reports."""
    if os.path.isdir(path):
        raise BriefmodelError(f"{path} is a folder: view takes one file (of one or several reports)")
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
        uri = Path(target).resolve().as_uri()
        if not webbrowser.open(uri):
            raise BriefmodelError(f"no web browser could be opened: the view is written to {target}")
    return 2 if problems else 0
