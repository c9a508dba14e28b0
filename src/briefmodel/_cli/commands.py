"""The command line: ``briefmodel show | parse | check | render | export | diff | view | schema``.

Every error is one line on standard error and never a traceback: status 2 for
bad input (a missing, unreadable, binary or undecodable file, JSON that is no
report, a wrong option) and for an output that cannot be written, 130 after
Ctrl-C, 143 after SIGTERM, 141 when the reader of the output stops early, 70
for a bug. Commands
that take several files go on past a bad one, and the exit status is the worst
seen: 0 clean, 1 problems found (``check``), 2 bad input. ``-`` names standard
input. Reports are read and written one at a time; ``-o OUT`` is replaced only
when complete (``output``).
"""

import argparse
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TextIO

from briefmodel._cli.diff import run_diff
from briefmodel._cli.entities import print_places, print_units
from briefmodel._cli.export import export
from briefmodel._cli.export_csl import export_csl
from briefmodel._cli.export_store import export_duckdb
from briefmodel._cli.output import describe, open_output
from briefmodel._cli.reading import STDIN, input_name, json_reports, text_reports
from briefmodel._cli.signals import Terminated, sigterm_raises
from briefmodel._cli.view import add_view_command
from briefmodel._errors import BriefmodelError, ParseError
from briefmodel._formats.converter import to_json
from briefmodel._formats.markdown import to_markdown
from briefmodel._formats.schema import json_schema
from briefmodel._formats.text import render
from briefmodel._model.diagnostics import Code, Diagnostic, Severity
from briefmodel._model.report import Report

__all__ = ["main"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in briefmodel
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
EXIT_TERMINATED = 143  # 128 + SIGTERM
TRACEBACK_VARIABLE = "BRIEFMODEL_TRACEBACK"
"""Set to 1 in the environment, an internal error shows its traceback instead of one line."""


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


def _error(message: object) -> None:
    print(f"briefmodel: error: {message}", file=sys.stderr)


def _once(paths: Sequence[str]) -> None:
    """``-`` may be named once: standard input can be read only once."""
    if list(paths).count(STDIN) > 1:
        raise BriefmodelError("- (standard input) is named more than once")


def _show(args: argparse.Namespace, out: TextIO) -> int:
    _once(args.files)
    status = EXIT_OK
    for number, path in enumerate(args.files):
        if len(args.files) > 1:
            print(f"{chr(10) if number else ''}==> {input_name(path)} <==", file=out)
        try:
            reports = list(text_reports(path))
        except BriefmodelError as error:
            _error(error)
            status = EXIT_BAD_INPUT
            continue
        for index, report in enumerate(reports, start=1):
            if len(reports) > 1:
                print(f"{'-' * 8} report {index} of {len(reports)} {'-' * 8}", file=out)
            _summary(report, out)
            if args.places:
                print_places(report, out)
            if args.units:
                print_units(report, out)
    return status


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    _once(args.files)
    status = EXIT_OK
    with open_output(args.output, out) as target:
        for path in args.files:
            name = input_name(path)
            try:
                for report in text_reports(path):  # one report in memory at a time
                    line = to_json(report) if args.json else f"{name}: {report!r}"
                    target.write(line + "\n")
            except BriefmodelError as error:
                _error(error)
                status = EXIT_BAD_INPUT
            except UnicodeEncodeError as error:
                _error(f"{name}: a report cannot be written as UTF-8: {_unencodable(error)}")
                status = EXIT_BAD_INPUT
    return status


def _check(args: argparse.Namespace, out: TextIO) -> int:
    _once(args.files)
    status = EXIT_OK
    shown = (Severity.WARNING, Severity.ERROR) if not args.info else tuple(Severity)
    for path in args.files:
        name = input_name(path)
        lines_before = 0  # spans count lines in their report; the file's lines are what an editor shows
        try:
            for report in text_reports(path, strict=args.strict):
                # Reading claims adds only info diagnostics: without --info, the parser's own are all there is
                # to show, and the claims (four fifths of the time) are not read.
                diagnostics = report.diagnostics if args.info else report._diagnostics
                for diagnostic in diagnostics:
                    if diagnostic.severity in shown or _summarizes_shown(diagnostic, shown):
                        span = diagnostic.span
                        where = f"{span.line + lines_before}:{span.column}" if span else f"{lines_before + 1}:1"
                        kind = f"{diagnostic.severity.value} {diagnostic.code}"
                        print(f"{name}:{where}: {kind}: {diagnostic.message}", file=out)
                if any(d.severity is not Severity.INFO for d in diagnostics):
                    status = max(status, EXIT_PROBLEMS)
                lines_before += len(report.blocks)
        except ParseError as error:
            print(f"{name}:{error.line}:{error.column}: error {error.code}: {error.message}", file=out)
            for line in str(error).split("\n")[1:]:  # the snippet and its caret
                print(line, file=out)
            status = max(status, EXIT_PROBLEMS)
        except BriefmodelError as error:
            _error(error)
            status = EXIT_BAD_INPUT
    return status


def _summarizes_shown(diagnostic: Diagnostic, shown: tuple[Severity, ...]) -> bool:
    """Is this the ``DIAGNOSTICS_CAPPED`` of a code that is shown? Then it is shown too (it is info), so a reader
    of a thousand warnings learns that more were left out."""
    if diagnostic.code != Code.DIAGNOSTICS_CAPPED.name:
        return False
    return any(Code[word].severity in shown for word in diagnostic.message.split() if word in Code.__members__)


def _unencodable(error: UnicodeEncodeError) -> str:
    """Which character of a text UTF-8 cannot encode, and where (line and column of the text)."""
    text = error.object
    line = text.count("\n", 0, error.start) + 1
    column = error.start - (text.rfind("\n", 0, error.start) + 1) + 1
    return f"U+{ord(text[error.start]):04X} (a lone surrogate) at line {line}, column {column}"


def _render(args: argparse.Namespace, out: TextIO) -> int:
    write = to_markdown if args.to == "markdown" else render
    separator = "\n" if args.to == "markdown" else ""
    name = input_name(args.file)
    read = bad = 0
    with open_output(args.output, out) as target:
        for item in json_reports(args.file):  # one report in memory at a time for JSON Lines
            read += 1
            if item.report is None:
                _error(f"{item.where} is not a report: {item.problem}")
                bad += 1
                continue
            try:
                target.write((separator if target.reports else "") + write(item.report))
            except UnicodeEncodeError as error:
                _error(f"{item.where} cannot be written as UTF-8: its text holds {_unencodable(error)}")
                bad += 1
    if not read:
        raise BriefmodelError(f"{name} holds no report: it is empty")
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    to, folder = args.to
    if to not in ("parquet", "csv", "duckdb", "csl"):
        raise BriefmodelError(f"--to takes parquet, csv, duckdb or csl, not {to!r}")
    if args.workers < 1:
        raise BriefmodelError(f"--workers must be 1 or more, not {args.workers}")
    if to == "duckdb":
        return export_duckdb(
            args.paths, folder, workers=args.workers, force_workers=args.force_workers, prune=args.prune
        )
    if args.prune:
        raise BriefmodelError("--prune applies to --to duckdb only (a Parquet or CSV export is replaced whole)")
    if to == "csl":
        return export_csl(args.paths, folder)
    return export(args.paths, folder, to=to, workers=args.workers, force_workers=args.force_workers)


def _schema(args: argparse.Namespace, out: TextIO) -> int:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False), file=out)
    return EXIT_OK


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        try:
            number = version("briefmodel")
        except PackageNotFoundError:  # a source tree that was never installed
            number = "unknown (not installed)"
        print(f"briefmodel {number}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefmodel", description="Read analytical briefs into a typed model.")
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    files = "text files (UTF-8, or UTF-16/32 with a byte-order mark); - reads standard input"
    show = commands.add_parser("show", help="summarize the reports in each file")
    show.add_argument("files", nargs="+", metavar="FILE", help=files)
    show.add_argument("--places", action="store_true", help="also list the places named, most named first")
    show.add_argument("--units", action="store_true", help="also list the military units named, most named first")
    show.set_defaults(run=_show)
    parse = commands.add_parser("parse", help="read reports; print a line each, or their JSON")
    parse.add_argument("files", nargs="+", metavar="FILE", help=files)
    parse.add_argument("--json", action="store_true", help="write each report as one line of JSON (JSON Lines)")
    parse.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (replaced when complete), not standard output"
    )
    parse.set_defaults(run=_parse)
    check = commands.add_parser("check", help="list the problems of each file (exit 1 if there are any)")
    check.add_argument("files", nargs="+", metavar="FILE", help=files)
    check.add_argument("--strict", action="store_true", help="stop at the first problem of each file, with a snippet")
    check.add_argument("--info", action="store_true", help="also list the diagnostics of severity info")
    check.set_defaults(run=_check)
    render_ = commands.add_parser("render", help="write reports read from JSON back as text")
    render_.add_argument(
        "file", metavar="FILE.json", help="JSON written by to_json or 'parse --json'; - reads standard input"
    )
    render_.add_argument(
        "--to",
        choices=["text", "markdown"],
        default="text",
        help="text (exact, the default) or Markdown with footnotes",
    )
    render_.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT (replaced when complete), not standard output"
    )
    render_.set_defaults(run=_render)
    export = commands.add_parser(
        "export", help="write the tables of many files as Parquet, CSV or a DuckDB store, or their sources as CSL-JSON"
    )
    export.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (searched for .txt, .html and .htm files) and glob patterns",
    )
    export.add_argument(
        "--to",
        nargs=2,
        required=True,
        metavar=("FORMAT", "OUT"),
        help="parquet or csv, and the folder to write the tables to; duckdb and the database file to add "
        "the new and changed files to; or csl and the CSL-JSON file of every distinct source",
    )
    export.add_argument("--workers", type=int, default=1, metavar="N", help="processes reading files (default 1)")
    export.add_argument(
        "--force-workers", action="store_true", help="start all --workers N processes even beyond the number of CPUs"
    )
    export.add_argument(
        "--prune",
        action="store_true",
        help="duckdb: also remove the files the store holds from under the named folders that are no longer there",
    )
    export.set_defaults(run=_export)
    compare = commands.add_parser("diff", help="what the newer of two reports of a series adds to the older")
    compare.add_argument("old", help="the earlier report: a text, Markdown, HTML or JSON file, or - for standard input")
    compare.add_argument("new", help="the later report")
    compare.add_argument("--json", action="store_true", help="write the difference as JSON")
    compare.set_defaults(run=run_diff)
    add_view_command(commands)
    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON form")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. Every error is one line on standard error."""
    for stream in (sys.stdout, sys.stderr):  # a title or file name the terminal cannot show is escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
        with sigterm_raises():  # SIGTERM unwinds like Ctrl-C: an output being written is removed
            status: int = args.run(args, sys.stdout)
            sys.stdout.flush()
    except BriefmodelError as error:
        _error(error)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("briefmodel: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("briefmodel: stopped by SIGTERM", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:  # the reader stopped early (| head): no traceback, the status a shell gives
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:  # standard output or error themselves failed (a full disk behind > file)
        where = f"{error.filename}: " if error.filename else ""
        _error(f"{where}{describe(error)}")
        return EXIT_BAD_INPUT
    except MemoryError:
        _error("out of memory: the input is too large for this machine")
        return EXIT_BAD_INPUT
    except Exception as error:
        if os.environ.get(TRACEBACK_VARIABLE) == "1":
            raise
        detail = " ".join(str(error).split())[:300]
        print(
            f"briefmodel: internal error: {type(error).__name__}: {detail} (a bug in briefmodel: please report it; "
            f"{TRACEBACK_VARIABLE}=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return status
