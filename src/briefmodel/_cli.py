"""The command line: ``briefmodel show FILE``.

Bad input (a missing, unreadable or non-UTF-8 file) prints one line to stderr
and exits with status 2, never a traceback.
"""

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from briefmodel._errors import BriefmodelError
from briefmodel._io import load
from briefmodel._model import Diagnostic
from briefmodel._report import Report

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _summary(report: Report, out: TextIO) -> None:
    resolved = sum(c.note is not None for c in report.citations)
    rate = f"{resolved / len(report.citations):.0%}" if report.citations else "n/a"
    rows = [
        ("Title", report.title or "(none)"),
        ("Publisher", report.publisher or "(unknown)"),
        ("Published", report.published.isoformat() if report.published else "(no date)"),
        ("Authors", ", ".join(report.authors) or "(none)"),
    ]
    for name, value in rows:
        print(f"{name + ':':<11}{value}", file=out)
    print(
        f"Counts:    {len(report.citations)} citations, {len(report.notes)} notes, {len(report.sources)} sources, "
        f"{len(report.takeaways)} takeaways, {len(report.claims)} claims",
        file=out,
    )
    print(f"Resolved:  {resolved} of {len(report.citations)} citations ({rate})", file=out)
    if report.takeaways:
        print("Key Takeaways:", file=out)
        for number, takeaway in enumerate(report.takeaways, start=1):
            print(f"  {number}. {takeaway.text}", file=out)
    if report.diagnostics:
        print("Diagnostics:", file=out)
        groups = Counter((d.code, d.severity.value) for d in report.diagnostics)
        firsts: dict[str, Diagnostic] = {}
        for diagnostic in report.diagnostics:
            firsts.setdefault(diagnostic.code, diagnostic)
        for (code, severity), count in groups.items():
            first = firsts[code]
            where = f"line {first.span.line}, column {first.span.column}" if first.span else "the report"
            print(f"  {code} ({severity}) x{count}: first at {where}: {first.message}", file=out)


def _show(args: argparse.Namespace, out: TextIO) -> int:
    reports = load(args.file)
    for index, report in enumerate(reports, start=1):
        if len(reports) > 1:
            print(f"{'-' * 8} report {index} of {len(reports)} {'-' * 8}", file=out)
        _summary(report, out)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefmodel", description="Read analytical briefs into a typed model.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="summarize the reports in a file")
    show.add_argument("file", metavar="FILE", help="a UTF-8 text file holding one or more reports")
    show.set_defaults(run=_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args, sys.stdout)
    except BriefmodelError as error:
        print(f"briefmodel: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return status
